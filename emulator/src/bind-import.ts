import { apiErrors, ApiError } from './errors';
import { createRecord } from './operations';
import { planLimits } from './plans';
import type { RecordSet } from './record-set';
import { parseZoneFile } from './zone-core';
import type { Zone } from './zones';

export interface ImportResult {
  readonly added: number;
  readonly parsed: number;
}

/**
 * Imports BIND text into `records` (a copy the caller adopts on success). The SOA and the apex NS records are
 * Cloudflare's own and are skipped, as is a record that already exists; anything else Cloudflare would refuse fails
 * the whole import, naming the line. `cf-proxied` in a record's comment wins over `proxiedDefault`.
 */
export function importZoneText(
  zone: Zone,
  records: RecordSet,
  text: string,
  proxiedDefault: boolean,
  now: string,
): ImportResult | ApiError {
  const origin = `${zone.info.name}.`;
  const parsed = parseZoneFile(text, origin, { proxiedDefault, minTtl: planLimits(zone.info.plan).minimumTtl });
  if ('error' in parsed) return apiErrors.importError(parsed.error);
  let added = 0;
  for (const record of parsed.records) {
    if (record.type === 'SOA' || (record.type === 'NS' && record.ownerKey === origin)) continue;
    if ('reason' in record.result) return apiErrors.importError(`line ${record.line}: ${record.result.reason}`);
    try {
      createRecord(zone, records, record.result.body, now);
      added += 1;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const first = error.errors[0];
      if (first?.code === 81057) continue;
      return new ApiError(error.status, [
        {
          code: first?.code ?? 81061,
          message: `line ${record.line}: ${first?.message ?? 'record refused'}`,
          ...(first?.error_chain !== undefined ? { error_chain: first.error_chain } : {}),
        },
      ]);
    }
  }
  return { added, parsed: parsed.records.length };
}
