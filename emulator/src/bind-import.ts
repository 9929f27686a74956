import { parseCfComment } from './cf-comment';
import { apiErrors, ApiError } from './errors';
import { isProxiable } from './model';
import { createRecord } from './operations';
import type { RecordSet } from './record-set';
import { zoneRecordBody } from './zone-record-body';
import { parseZoneFile } from './zone-core';
import type { Zone } from './zones';

export interface ImportResult {
  readonly added: number;
  readonly parsed: number;
}

/**
 * Imports BIND text into `records` (a copy the caller adopts on success). SOA records and the apex NS records are
 * Cloudflare's own and are skipped; a record that already exists is skipped; anything else Cloudflare would refuse
 * fails the whole import with the line it is on. `cf-proxied` in a record's comment wins over `proxiedDefault`.
 */
export function importZoneText(
  zone: Zone,
  records: RecordSet,
  text: string,
  proxiedDefault: boolean,
  now: string,
): ImportResult | ApiError {
  const parsed = parseZoneFile(text, `${zone.info.name}.`);
  if ('error' in parsed) return apiErrors.importError(parsed.error);
  let added = 0;
  for (const record of parsed.records) {
    const apex = record.ownerKey === `${zone.info.name}.`;
    if (record.type === 'SOA' || (record.type === 'NS' && apex)) continue;
    const line = record.range.start.line + 1;
    const body = zoneRecordBody(record);
    if ('error' in body) return apiErrors.importError(`line ${line}: ${body.error}`);
    const cf = parseCfComment(record.comment === undefined ? '' : record.comment.text.replace(/^;/, ''));
    const proxied = isProxiable(body.type) ? (cf.proxied ?? proxiedDefault) : false;
    const request = {
      ...body,
      proxied,
      ...(cf.comment !== undefined ? { comment: cf.comment } : {}),
      tags: cf.tags,
      ...(cf.flattenCname === true && body.type === 'CNAME' ? { settings: { flatten_cname: true } } : {}),
    };
    try {
      createRecord(zone, records, request, now);
      added += 1;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.errors[0]?.code === 81057) continue;
      const first = error.errors[0];
      return new ApiError(error.status, [
        { code: first?.code ?? 81061, message: `line ${line}: ${first?.message ?? 'record refused'}` },
      ]);
    }
  }
  return { added, parsed: parsed.records.length };
}
