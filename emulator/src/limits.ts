import { apiErrors, type ApiError } from './errors';
import type { StoredRecord } from './model';
import type { RecordSet } from './record-set';
import { recordWireOctets } from './wire-size';

/** Cloudflare's size limits ("DNS record types", intro note; cloudflare-docs PR 29286, 2026-03). */
export const maxRecordWireOctets = 4096;
export const maxRecordSetContentLength = 8192;

/**
 * Checks the size limits for `candidate` among the zone's `records` (a record with the candidate's id is the one it
 * replaces): the record itself at most 4,096 bytes in wire format, and "if you have multiple records with the same
 * name and type, their combined content length must not exceed 8,192 characters".
 */
export function checkSizeLimits(records: RecordSet, candidate: StoredRecord): ApiError | undefined {
  const octets = recordWireOctets(candidate);
  if (octets > maxRecordWireOctets) return apiErrors.recordTooLarge(octets, maxRecordWireOctets);
  let combined = contentLength(candidate);
  for (const other of records.named(candidate.name)) {
    if (other.id !== candidate.id && other.type === candidate.type) combined += contentLength(other);
  }
  if (combined > maxRecordSetContentLength) return apiErrors.recordSetTooLong(combined, maxRecordSetContentLength);
  return undefined;
}

/** Characters as Cloudflare counts them in `content` (code points; GUESS, the docs only say "characters"). */
function contentLength(record: StoredRecord): number {
  return [...record.content].length;
}
