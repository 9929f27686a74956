import { zoneOf, type RequestContext } from './context';
import { collection, type ApiResponse } from './envelope';
import { apiErrors } from './errors';
import { choice, parseRecordQuery } from './filters';
import type { StoredRecord } from './model';
import type { RecordSet } from './record-set';
import { recordResponse } from './serialize';

const orderFields = ['type', 'name', 'content', 'ttl', 'proxied'] as const;
type OrderField = (typeof orderFields)[number];
const maxPerPage = 5_000_000;

/** GET /zones/:zone_id/dns_records: filter, sort, then page; a page past the end is empty, not an error. */
export function handleList(context: RequestContext): ApiResponse {
  const zone = zoneOf(context);
  const { query } = context;
  const filter = parseRecordQuery(query);
  const order = choice(query, 'order', orderFields, 'type');
  const direction = choice(query, 'direction', ['asc', 'desc'], 'asc');
  const page = integerParameter(query, 'page', 1, 1, Number.MAX_SAFE_INTEGER);
  const perPage = integerParameter(query, 'per_page', 100, 1, maxPerPage);

  const matching = sortedRecords(zone.records, order, direction).filter((record) => filter.matches(record));
  const start = (page - 1) * perPage;
  const items = start < matching.length ? matching.slice(start, start + perPage) : [];
  return collection(items.map(recordResponse), {
    page,
    per_page: perPage,
    count: items.length,
    total_count: matching.length,
    total_pages: Math.ceil(matching.length / perPage),
  });
}

interface SortedCache {
  readonly version: number;
  readonly key: string;
  readonly records: readonly StoredRecord[];
}

const sortedCache = new WeakMap<RecordSet, SortedCache>();

/**
 * The zone's records in list order. Paging through a large zone asks for the same order again and again, so the
 * last sort is kept until the records change.
 */
function sortedRecords(records: RecordSet, order: OrderField, direction: 'asc' | 'desc'): readonly StoredRecord[] {
  const key = `${order} ${direction}`;
  const cached = sortedCache.get(records);
  if (cached !== undefined && cached.version === records.version && cached.key === key) return cached.records;
  const sign = direction === 'asc' ? 1 : -1;
  const sorted = records
    .all()
    .sort((a, b) => sign * compareBy(order, a, b) || compareText(a.name, b.name) || compareText(a.id, b.id));
  sortedCache.set(records, { version: records.version, key, records: sorted });
  return sorted;
}

export function integerParameter(
  query: URLSearchParams,
  name: string,
  fallback: number,
  minimum: number,
  maximum: number,
  outOfRange: 'refuse' | 'clamp' = 'refuse',
): number {
  const text = query.get(name);
  if (text === null || text === '') return fallback;
  const value = Number(text);
  const range = outOfRange === 'refuse' ? ` from ${minimum} to ${maximum}` : '';
  if (!Number.isInteger(value)) throw apiErrors.invalidParameter(name, `expected an integer${range}`);
  if (outOfRange === 'clamp') return Math.min(maximum, Math.max(minimum, value));
  if (value < minimum || value > maximum) throw apiErrors.invalidParameter(name, `expected an integer${range}`);
  return value;
}

/**
 * An integer parameter that is clamped into `minimum..maximum` instead of refused: Cloudflare answers
 * `GET /zones?per_page=1` (certbot's dns-cloudflare plugin sends it on every lookup) although the spec says 5..50.
 * GUESS that the server clamps; only a value that is not an integer is refused.
 */
export function clampedIntegerParameter(
  query: URLSearchParams,
  name: string,
  fallback: number,
  minimum: number,
  maximum: number,
): number {
  return integerParameter(query, name, fallback, minimum, maximum, 'clamp');
}

function compareBy(field: OrderField, a: StoredRecord, b: StoredRecord): number {
  switch (field) {
    case 'ttl':
      return a.ttl - b.ttl;
    case 'proxied':
      return Number(a.proxied) - Number(b.proxied);
    default:
      return compareText(a[field], b[field]);
  }
}

/** Code-point order: deterministic and independent of the machine's locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
