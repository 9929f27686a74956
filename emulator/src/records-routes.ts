import { jsonBody, zoneOf, type RequestContext } from './context';
import { success, type ApiResponse } from './envelope';
import { apiErrors } from './errors';
import { isIdentifier } from './ids';
import { createRecord, deleteRecord, findRecord, replaceRecord } from './operations';
import { recordResponse } from './serialize';

/** POST /zones/:zone_id/dns_records */
export function handleCreate(context: RequestContext): ApiResponse {
  const zone = zoneOf(context);
  return success(recordResponse(createRecord(zone, zone.records, jsonBody(context), context.now)));
}

/** GET /zones/:zone_id/dns_records/:dns_record_id */
export function handleDetails(context: RequestContext): ApiResponse {
  const zone = zoneOf(context);
  return success(recordResponse(findRecord(zone.records, recordId(context))));
}

/** PUT /zones/:zone_id/dns_records/:dns_record_id: fields left out take their defaults. */
export function handleOverwrite(context: RequestContext): ApiResponse {
  const zone = zoneOf(context);
  const id = recordId(context);
  return success(recordResponse(replaceRecord(zone, zone.records, id, jsonBody(context), 'put', context.now)));
}

/** PATCH /zones/:zone_id/dns_records/:dns_record_id: fields left out keep their values. */
export function handlePatch(context: RequestContext): ApiResponse {
  const zone = zoneOf(context);
  const id = recordId(context);
  return success(recordResponse(replaceRecord(zone, zone.records, id, jsonBody(context), 'patch', context.now)));
}

/** DELETE /zones/:zone_id/dns_records/:dns_record_id; the body may be absent (the official SDK sends none). */
export function handleDelete(context: RequestContext): ApiResponse {
  const zone = zoneOf(context);
  const deleted = deleteRecord(zone.records, recordId(context));
  return success({ id: deleted.id });
}

/** GET /zones/:zone_id/dns_records/usage */
export function handleUsage(context: RequestContext): ApiResponse {
  const zone = zoneOf(context);
  const quota = zone.hasZoneQuota ? zone.effectiveQuota : null;
  return success({ record_usage: zone.records.size, record_quota: quota });
}

/** A malformed record id cannot be routed on Cloudflare (7003), a well-formed unknown one is "not found". */
function recordId(context: RequestContext): string {
  const id = context.params['dns_record_id'] ?? '';
  if (!isIdentifier(id)) throw apiErrors.noRoute(`/client/v4${context.path}`);
  return id;
}
