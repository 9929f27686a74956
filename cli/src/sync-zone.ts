import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadZoneForSync, type ZoneForSync } from '../../cloudflare/src/index';
import { fileErrorReason } from './file-errors';

/**
 * Reads a zone file from disk for a sync (its `$INCLUDE`s too) and loads it the way the editor does; `zone` is the
 * Cloudflare zone when the token told it, else the file says.
 */
export function loadZoneFile(
  file: string,
  zone: string | undefined,
): ZoneForSync | { readonly ok: false; readonly reason: 'unreadable'; readonly message: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, reason: 'unreadable', message: `cannot read ${file}: ${fileErrorReason(error)}` };
  }
  const readFile = (included: string): string | undefined => {
    try {
      return readFileSync(included, 'utf8');
    } catch {
      return undefined;
    }
  };
  const loaded = loadZoneForSync(
    { text, path: path.resolve(file), readFile, pathOperations: path },
    zone === undefined ? {} : { zone },
  );
  if (loaded.ok || loaded.reason !== 'unknown-zone') return loaded;
  return { ...loaded, message: `${loaded.message} with --zone NAME` };
}
