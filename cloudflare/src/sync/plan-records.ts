import { dataTypes, plainName, type ParseResult, type ZoneRecord } from '../../../core/src/index';
import { syncRecordOf } from './plan-normalize';
import type { DesiredRecord, LiveRecord, PlanRecordBody, PlanSkip } from './plan-types';

/** What the planner reads of a record the API returned (the client's `DnsRecord` has all of it). */
export interface ApiRecordInput {
  readonly id: string;
  readonly type: string;
  readonly name: string;
  readonly content?: string;
  readonly data?: object;
  readonly priority?: number;
  readonly ttl: number;
  readonly proxied?: boolean;
  readonly comment?: string | null;
  readonly tags?: readonly string[];
  readonly meta?: Readonly<Record<string, unknown>> | null;
  readonly locked?: boolean;
  readonly settings?: object | null;
}

/** Converts one zone-file record to an API record body, or says why Cloudflare cannot serve it. */
export type ZoneRecordConverter = (
  record: ZoneRecord,
  origin: string,
) => { readonly body: PlanRecordBody } | { readonly reason: string };

/** A live record in the planner's form. Read-only records (`meta.read_only`, `locked`) are flagged, not dropped. */
export function liveRecordOf(record: ApiRecordInput): LiveRecord {
  const type = record.type.toUpperCase();
  // A data type's `content` is only Cloudflare's rendering of `data`; `data` is what a write sends.
  const usesData = dataTypes.has(type) && record.data !== undefined && record.data !== null;
  const body: PlanRecordBody = {
    type,
    name: record.name,
    ...(usesData ? { data: record.data as Readonly<Record<string, unknown>> } : { content: record.content ?? '' }),
    ...(record.priority === undefined ? {} : { priority: record.priority }),
    ttl: record.ttl,
    proxied: record.proxied === true,
    comment: record.comment ?? '',
    tags: record.tags ?? [],
    ...(record.settings === undefined || record.settings === null
      ? {}
      : { settings: record.settings as Readonly<Record<string, unknown>> }),
  };
  const readOnly = record.meta?.['read_only'] === true || record.locked === true;
  return { ...syncRecordOf(body), id: record.id, readOnly };
}

/** The records of a parsed zone file in the planner's form, with the records Cloudflare cannot hold as skips. */
export function desiredRecordsOf(
  parsed: ParseResult,
  convert: ZoneRecordConverter,
): { desired: DesiredRecord[]; skipped: PlanSkip[] } {
  const desired: DesiredRecord[] = [];
  const skipped: PlanSkip[] = [];
  for (const record of parsed.records) {
    const line = record.range.start.line;
    const converted =
      record.type === 'SOA' ? { reason: 'SOA is managed by Cloudflare' } : convert(record, parsed.origin);
    if ('reason' in converted) {
      skipped.push({
        side: 'local',
        name: plainName(record.owner),
        type: record.type,
        display: record.rdata.map((token) => token.text).join(' '),
        reason: converted.reason,
        warn: record.type !== 'SOA',
        ...(record.file === undefined ? { line } : {}),
      });
      continue;
    }
    desired.push({ ...syncRecordOf(converted.body), ...(record.file === undefined ? { line } : {}) });
  }
  return { desired, skipped };
}
