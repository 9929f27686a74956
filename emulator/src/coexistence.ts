import { apiErrors, type ApiError } from './errors';
import type { StoredRecord } from './model';
import type { RecordSet } from './record-set';
import { txtRdataKey } from './zone-core';

const addressTypes = new Set(['A', 'AAAA']);
const hostnameContentTypes = new Set(['CNAME', 'MX', 'NS', 'PTR']);

/** True when two records would be the same record set member (same name, type and rdata). */
export function isSameRecord(a: StoredRecord, b: StoredRecord): boolean {
  if (a.name !== b.name || a.type !== b.type || a.priority !== b.priority) return false;
  if (hostnameContentTypes.has(a.type)) return a.content.toLowerCase() === b.content.toLowerCase();
  // TXT is stored as sent, so `hello` and `"hello"` are two spellings of one rdata (GUESS: a duplicate, as on the wire).
  if (a.type === 'TXT') return a.content === b.content || txtRdataKey(a.content) === txtRdataKey(b.content);
  return a.content === b.content;
}

/**
 * Checks Cloudflare's same-name rules for `candidate` against the other records of the zone (a record with the
 * candidate's id is the one being replaced and does not count): A/AAAA vs CNAME, CNAME vs CNAME, NS vs any other
 * type, and exact duplicates.
 */
export function checkCoexistence(records: RecordSet, candidate: StoredRecord): ApiError | undefined {
  for (const other of records.named(candidate.name)) {
    if (other.id === candidate.id) continue;
    if (candidate.type === 'CNAME' && (addressTypes.has(other.type) || other.type === 'CNAME')) {
      return apiErrors.cnameConflict();
    }
    if (addressTypes.has(candidate.type) && other.type === 'CNAME') return apiErrors.addressUnderCname();
    if ((candidate.type === 'NS') !== (other.type === 'NS')) return apiErrors.nsConflict();
    if (isSameRecord(candidate, other)) return apiErrors.duplicateRecord();
  }
  return undefined;
}
