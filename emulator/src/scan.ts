import { jsonBody, zoneOf, type RequestContext } from './context';
import { bare, collection, success, type ApiResponse } from './envelope';
import { apiErrors, ApiError } from './errors';
import { newRecordId } from './ids';
import { buildRecord } from './input';
import type { StoredRecord } from './model';
import type { RecordSet } from './record-set';
import { createRecord } from './operations';
import { checkCoexistence } from './coexistence';
import { recordResponse } from './serialize';
import type { Zone } from './zones';

/**
 * A record the DNS scan "finds". The emulator never touches the network: a scan proposes these records for every
 * candidate that fits into the zone as it is. Names, and the hostnames in CNAME/MX/NS/PTR content, are relative to
 * the zone (`@` is the apex) unless they end with a dot.
 */
export interface ScanCandidate {
  readonly name: string;
  readonly type: string;
  readonly content?: string;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly priority?: number;
  readonly ttl?: number;
}

/** Common names a quick scan looks for (semantics.md §11), with documentation addresses (RFC 5737). */
export const defaultScanCandidates: readonly ScanCandidate[] = [
  { name: '@', type: 'A', content: '192.0.2.1' },
  { name: 'www', type: 'CNAME', content: '@' },
  { name: 'mail', type: 'A', content: '192.0.2.25' },
  { name: 'webmail', type: 'A', content: '192.0.2.26' },
  { name: '@', type: 'MX', content: 'mail', priority: 10 },
  { name: '@', type: 'TXT', content: '"v=spf1 mx -all"' },
];

/** POST /scan (deprecated): adds what the scan finds straight away. */
export function handleScan(context: RequestContext): ApiResponse {
  const zone = zoneOf(context);
  const found = propose(zone, context);
  const records = zone.records.clone();
  for (const record of found) createRecord(zone, records, requestBodyOf(record), context.now);
  zone.records = records;
  return success({ recs_added: found.length, total_records_parsed: found.length });
}

/** POST /scan/trigger: the proposals wait for review; the answer has no `result`. */
export function handleScanTrigger(context: RequestContext): ApiResponse {
  const zone = zoneOf(context);
  for (const record of propose(zone, context)) zone.scanResults.put(record);
  return bare([{ code: 10000, message: 'DNS scan triggered' }]);
}

/** GET /scan/review: the proposals waiting for review, as one page. */
export function handleScanList(context: RequestContext): ApiResponse {
  const zone = zoneOf(context);
  const results = zone.scanResults.all().map(recordResponse);
  return collection(results, {
    page: 1,
    per_page: results.length,
    count: results.length,
    total_count: results.length,
    total_pages: 1,
  });
}

/**
 * POST /scan/review: `accepts` become records (all or nothing), `rejects` are dropped from the review list. An
 * accept is a record body, or a proposal's `id` with the fields to change.
 */
export function handleScanReview(context: RequestContext): ApiResponse {
  const zone = zoneOf(context);
  const body = jsonBody(context) ?? {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw apiErrors.invalidBody('expected an object with accepts and rejects arrays');
  }
  const { accepts = [], rejects = [] } = body as { accepts?: unknown; rejects?: unknown };
  if (!Array.isArray(accepts) || !Array.isArray(rejects)) {
    throw apiErrors.invalidBody('accepts and rejects must be arrays');
  }
  const records = zone.records.clone();
  const scanResults = zone.scanResults.clone();
  const accepted = accepts.map((item: unknown) => {
    const proposal = proposalOf(scanResults, item);
    // An accept may name a proposal by id, with fields to change, or describe the record in full.
    const body = proposal === undefined ? item : { ...requestBodyOf(proposal), ...withoutId(item) };
    const record = createRecord(zone, records, body, context.now);
    if (proposal !== undefined) scanResults.delete(proposal.id);
    for (const pending of scanResults.named(record.name)) {
      if (pending.type === record.type && pending.content === record.content) scanResults.delete(pending.id);
    }
    return record;
  });
  const rejected = rejects.map((item: unknown) => {
    const id = typeof item === 'string' ? item : (item as { id?: unknown } | null)?.id;
    if (typeof id !== 'string' || scanResults.delete(id) === undefined) throw apiErrors.recordNotFound();
    return id;
  });
  zone.records = records;
  zone.scanResults = scanResults;
  return success({ accepts: accepted.map(recordResponse), rejects: rejected });
}

/** The candidates that would be accepted into the zone now and are not proposed already. */
function propose(zone: Zone, context: RequestContext): StoredRecord[] {
  const trial = zone.records.clone();
  const proposals: StoredRecord[] = [];
  for (const candidate of context.scanCandidates) {
    const body = {
      ...candidate,
      content: candidateContent(candidate, zone.info.name),
      ttl: candidate.ttl ?? 1,
    };
    const built = buildRecord(body, 'create', { zone: zone.info, now: context.now, id: newRecordId() });
    if (built instanceof ApiError || checkCoexistence(trial, built) !== undefined) continue;
    if (zone.scanResults.named(built.name).some((pending) => pending.type === built.type)) continue;
    trial.put(built);
    proposals.push(built);
  }
  return proposals;
}

const hostnameTypes = new Set(['CNAME', 'MX', 'NS', 'PTR']);

/** Hostname content of a candidate is relative to the zone (`@` is the apex) unless it ends with a dot. */
function candidateContent(candidate: ScanCandidate, zoneName: string): string | undefined {
  const content = candidate.content;
  if (content === undefined || !hostnameTypes.has(candidate.type)) return content;
  if (content === '@') return zoneName;
  return content.endsWith('.') ? content : `${content}.${zoneName}`;
}

function proposalOf(scanResults: RecordSet, item: unknown): StoredRecord | undefined {
  const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? scanResults.get(id) : undefined;
}

function withoutId(item: unknown): Record<string, unknown> {
  const { id: _id, ...rest } = item as Record<string, unknown>;
  return rest;
}

function requestBodyOf(record: StoredRecord): Record<string, unknown> {
  return {
    name: record.name,
    type: record.type,
    content: record.content,
    data: record.data,
    priority: record.priority,
    ttl: record.ttl,
  };
}
