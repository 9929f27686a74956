import {
  caaRecordValueProblem,
  canonicalContent,
  cloudflareRdata,
  type CloudflareRecordBody,
  parse,
  toCloudflareRecord,
  toZoneLine,
  type ZoneRecord,
} from '../../core/src/index';
import type { StoredRecord } from './model';

/**
 * The one place where the emulator calls the zone core (core/): BIND text to API bodies for import, API
 * records to zone-file lines for export, and rdata checks, so the emulator refuses what the linter reports.
 */

/** One record of an imported zone file: its API body, or why Cloudflare cannot serve it. */
export interface ImportedRecord {
  readonly line: number;
  readonly type: string;
  /** Absolute owner with a trailing dot, lower case. */
  readonly ownerKey: string;
  readonly result: { readonly body: CloudflareRecordBody } | { readonly reason: string; readonly code: string };
}

export type ZoneFileResult = { readonly records: readonly ImportedRecord[] } | { readonly error: string };

/**
 * Parses BIND text for import. `$INCLUDE` and any syntax or rdata error refuse the whole file (Cloudflare answers
 * a parse error); otherwise every record is mapped to the API body Cloudflare's import would create.
 */
export function parseZoneFile(
  text: string,
  origin: string,
  options: { proxiedDefault: boolean; minTtl: number },
): ZoneFileResult {
  const parsed = parse(text, { origin });
  const include = parsed.directives.find((directive) => directive.name === '$INCLUDE');
  if (include !== undefined) return { error: `line ${include.range.start.line + 1}: $INCLUDE directive not allowed` };
  const error = parsed.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
  if (error !== undefined) return { error: `line ${error.range.start.line + 1}: ${error.message}` };
  for (const record of parsed.records) {
    const problem = caaProblem(record);
    if (problem !== undefined) return { error: `line ${record.range.start.line + 1}: ${problem}` };
  }
  return {
    records: parsed.records.map((record: ZoneRecord) => ({
      line: record.range.start.line + 1,
      type: record.type.toUpperCase(),
      ownerKey: record.ownerKey,
      result: toCloudflareRecord(record, { origin, proxiedDefault: options.proxiedDefault, minTtl: options.minTtl }),
    })),
  };
}

/** A stored record as one zone-file line (absolute names, comment and tags in `cf_tags=`). */
export function zoneLineOf(record: StoredRecord): string {
  return toZoneLine(record);
}

const checkOwner = 'rdata-check.invalid.';

/**
 * Checks validated content or data the way a zone file line with it would be checked. Returns the zone core's
 * message for the first error, or undefined when the rdata is acceptable.
 */
export function checkRdataWithZoneCore(
  type: string,
  rdata: { readonly content: string; readonly data?: Readonly<Record<string, string | number>> },
  priority?: number,
): string | undefined {
  const text = cloudflareRdata({
    type,
    name: checkOwner,
    ttl: 300,
    content: rdata.content,
    data: rdata.data,
    priority,
  });
  const parsed = parse(`${checkOwner} 300 IN ${type} ${text}\n`, { origin: '.' });
  const error = parsed.diagnostics.find((diagnostic) => diagnostic.severity === 'error')?.message;
  const record = parsed.records[0];
  return error ?? (record === undefined ? undefined : caaProblem(record));
}

/**
 * Cloudflare refuses a CAA value not of its tag's form; the parser loads any value (as named and Knot do) and the
 * linter's caa-value rule reports it, so the emulator asks the same check.
 */
function caaProblem(record: ZoneRecord): string | undefined {
  return caaRecordValueProblem(record)?.message;
}

/** TXT content (quoted or as sent) in one form, so that two spellings of the same character-strings compare equal. */
export function txtRdataKey(content: string): string {
  return canonicalContent({ type: 'TXT', name: checkOwner, ttl: 300, content });
}
