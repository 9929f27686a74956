import { cloudflareRdata, toCloudflareRecord, type ZoneRecord } from '../../../core/src/index';
import type { ZoneRecordConverter } from './plan-records';
import type { PlanRecordBody } from './plan-types';

/**
 * A zone-file record as an API body (through the zone core's Cloudflare mapping: cf_tags, cf-proxied, Punycode,
 * TTL range, proxiable types, data types), or the reason Cloudflare cannot serve it. `display` is the rdata as a
 * zone file writes it.
 */
export const convertZoneRecord = ((record: ZoneRecord, origin: string) => {
  const converted = toCloudflareRecord(record, { origin });
  if ('reason' in converted) return { reason: converted.reason.replace(/\.$/, '') };
  const body: PlanRecordBody = converted.body;
  return { body, display: cloudflareRdata(body) };
}) satisfies ZoneRecordConverter;
