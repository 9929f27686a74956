import type { ZoneRecord } from '../../../types';

/**
 * A 32-bit hash of a record's data as servers compare it: field values (names case-folded), or the raw tokens of
 * generic rdata. Two records with the same data are one record to a server (named merges them on load), so rules
 * about "more than one record" count distinct hashes.
 */
export function rdataHash(record: ZoneRecord): number {
  let hash = 0x811c9dc5 | 0;
  const parts = record.fields.length > 0 ? record.fields.map((field) => field.value) : record.rdata.map((t) => t.text);
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      let code = part.charCodeAt(i);
      if (code >= 65 && code <= 90) code += 32;
      hash = Math.imul(hash ^ code, 0x01000193);
    }
    hash = Math.imul(hash ^ 0x1f, 0x01000193);
  }
  return hash;
}
