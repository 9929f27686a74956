import type { ZoneRecord } from '../../server/src/zone/types';
import type { ValidContent } from './validate';

/**
 * The one place where the emulator calls the zone core (server/src/zone): parsing BIND text for import, and checking
 * record rdata the way a zone file is checked, so that the emulator refuses what the linter would report.
 */

/** The records of a zone file, or the first problem that makes Cloudflare refuse the file. */
export type ZoneFileResult = { readonly records: readonly ZoneRecord[] } | { readonly error: string };

export function parseZoneFile(_text: string, _origin: string): ZoneFileResult {
  return { error: 'BIND import is not available: the zone core parser has not landed yet' };
}

/** Returns a problem description, or undefined when the rdata is acceptable. */
export function checkRdataWithZoneCore(_type: string, _content: ValidContent): string | undefined {
  return undefined;
}
