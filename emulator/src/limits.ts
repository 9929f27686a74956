import {
  cloudflareContentLength,
  cloudflareRecordWireLimit,
  cloudflareRrsetContentLimit,
  cloudflareWireOctets,
} from '../../core/src/index';
import { apiErrors, type ApiError } from './errors';
import type { StoredRecord } from './model';
import type { RecordSet } from './record-set';

/**
 * Checks the size limits for `candidate` among the zone's `records` (a record with the candidate's id is the one it
 * replaces): the record itself at most 4,096 bytes in wire format, and "if you have multiple records with the same
 * name and type, their combined content length must not exceed 8,192 characters".
 */
export function checkSizeLimits(records: RecordSet, candidate: StoredRecord): ApiError | undefined {
  const octets = cloudflareWireOctets(candidate);
  if (octets > cloudflareRecordWireLimit) return apiErrors.recordTooLarge(octets, cloudflareRecordWireLimit);
  let combined = contentLength(candidate);
  for (const other of records.named(candidate.name)) {
    if (other.id !== candidate.id && other.type === candidate.type) combined += contentLength(other);
  }
  if (combined > cloudflareRrsetContentLimit) return apiErrors.recordSetTooLong(combined, cloudflareRrsetContentLimit);
  return undefined;
}

function contentLength(record: StoredRecord): number {
  return cloudflareContentLength(record.content);
}
