import { jsonBody, zoneOf, type RequestContext } from './context';
import { success, type ApiResponse } from './envelope';
import { apiErrors } from './errors';
import { createRecord, deleteRecord, replaceRecord } from './operations';
import { planLimits } from './plans';
import { recordResponse } from './serialize';

const sections = ['deletes', 'patches', 'puts', 'posts'] as const;

/**
 * POST /zones/:zone_id/dns_records/batch. Runs deletes, then patches, then puts, then posts, each list in the order
 * given, on a copy of the zone's records; the copy replaces the zone's records only when every change succeeded, so a
 * failure applies nothing and answers with the first error (semantics.md §9).
 */
export function handleBatch(context: RequestContext): ApiResponse {
  const zone = zoneOf(context);
  const body = jsonBody(context) ?? {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw apiErrors.invalidBody('expected an object with deletes, patches, puts and posts arrays');
  }
  const request = body as Record<string, unknown>;
  const lists: Record<(typeof sections)[number], unknown[]> = { deletes: [], patches: [], puts: [], posts: [] };
  for (const section of sections) {
    const value = request[section];
    if (value === undefined || value === null) continue;
    if (!Array.isArray(value)) throw apiErrors.invalidBody(`${section} must be an array`);
    lists[section] = value;
  }
  const size = sections.reduce((total, section) => total + lists[section].length, 0);
  const limit = planLimits(zone.info.plan).batchLimit;
  if (size > limit) throw apiErrors.batchTooLarge(limit, size);

  const records = zone.records.clone();
  const now = context.now;
  const deletes = lists.deletes.map((item) => deleteRecord(records, idOf(item)));
  const patches = lists.patches.map((item) => replaceRecord(zone, records, idOf(item), item, 'patch', now));
  const puts = lists.puts.map((item) => replaceRecord(zone, records, idOf(item), item, 'put', now));
  const posts = lists.posts.map((item) => createRecord(zone, records, item, now));
  zone.records = records;
  return success({
    deletes: deletes.map(recordResponse),
    patches: patches.map(recordResponse),
    puts: puts.map(recordResponse),
    posts: posts.map(recordResponse),
  });
}

function idOf(item: unknown): string {
  if (typeof item !== 'object' || item === null || typeof (item as { id?: unknown }).id !== 'string') {
    throw apiErrors.invalidBody('every batch delete, patch and put needs an id');
  }
  return (item as { id: string }).id;
}
