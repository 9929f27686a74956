import { checkCoexistence } from './coexistence';
import { apiErrors, ApiError } from './errors';
import { newRecordId, isIdentifier } from './ids';
import { buildRecord, type WriteMode } from './input';
import { checkSizeLimits } from './limits';
import type { StoredRecord } from './model';
import type { RecordSet } from './record-set';
import type { Zone } from './zones';

/**
 * The record operations shared by the single-record endpoints, batch, import and scan review. Each works on the
 * RecordSet it is given (the zone's own, or a copy inside an all-or-nothing operation) and throws an ApiError.
 */
export function createRecord(zone: Zone, records: RecordSet, body: unknown, now: string): StoredRecord {
  if (records.size >= zone.effectiveQuota) throw apiErrors.quotaExceeded();
  return store(records, buildRecord(body, 'create', { zone: zone.info, now, id: newRecordId() }));
}

export function replaceRecord(
  zone: Zone,
  records: RecordSet,
  id: string,
  body: unknown,
  mode: Exclude<WriteMode, 'create'>,
  now: string,
): StoredRecord {
  const existing = findRecord(records, id);
  return store(records, buildRecord(body, mode, { zone: zone.info, now, id }, existing));
}

export function deleteRecord(records: RecordSet, id: string): StoredRecord {
  const existing = findRecord(records, id);
  records.delete(existing.id);
  return existing;
}

export function findRecord(records: RecordSet, id: unknown): StoredRecord {
  if (typeof id !== 'string' || !isIdentifier(id)) throw apiErrors.recordNotFound();
  const record = records.get(id);
  if (record === undefined) throw apiErrors.recordNotFound();
  return record;
}

function store(records: RecordSet, built: StoredRecord | ApiError): StoredRecord {
  if (built instanceof ApiError) throw built;
  const conflict = checkCoexistence(records, built) ?? checkSizeLimits(records, built);
  if (conflict !== undefined) throw conflict;
  records.put(built);
  return built;
}
