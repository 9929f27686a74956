import { plainName } from '../../../core/src/index';
import type { BatchRequestBody, DesiredRecord, LiveRecord, Plan, PlanRecordBody, PlanUpdate } from './plan-types';

/** Changes per batch request by plan: Free allows 200, Pro, Business and Enterprise 3,500. */
export const batchLimits = { free: 200, paid: 3500 } as const;

/** One batch request of a plan, with the plan entries it carries (for progress and failure reports). */
export interface PlanChunk {
  /** 0-based position in the apply order. */
  readonly index: number;
  readonly deletes: readonly LiveRecord[];
  readonly patches: readonly PlanUpdate[];
  readonly puts: readonly PlanUpdate[];
  readonly posts: readonly DesiredRecord[];
  /** The body of the batch request. */
  readonly request: BatchRequestBody;
}

/** The number of changes a chunk carries. */
export function chunkSize(chunk: Pick<PlanChunk, 'deletes' | 'patches' | 'puts' | 'posts'>): number {
  return chunk.deletes.length + chunk.patches.length + chunk.puts.length + chunk.posts.length;
}

/**
 * Splits a plan into batch requests of at most `batchSize` changes.
 *
 * Every change is placed in one global order, all deletes, then patches, then puts, then posts, and the
 * order is cut into consecutive chunks. The API runs a batch in the same order, so the zone passes through the
 * states "live minus a prefix of the deletes", "the same with updated records", "the result minus a suffix of
 * the posts". Updates keep each record's name and type and the planner never writes two equal records at one
 * name and type, so every intermediate state has the names and types of a subset of either the live zone or
 * the target zone. Coexistence rules (CNAME beside A/AAAA, NS beside other types, duplicates) only forbid
 * adding records, so a state that is a subset of a valid zone is valid: no chunk boundary can break them.
 */
export function chunkPlan(plan: Plan, batchSize: number): PlanChunk[] {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`The batch size must be a positive integer, not ${batchSize}.`);
  }
  type Entry =
    | { kind: 'delete'; value: LiveRecord }
    | { kind: 'patch'; value: PlanUpdate }
    | { kind: 'put'; value: PlanUpdate }
    | { kind: 'post'; value: DesiredRecord };
  const entries: Entry[] = [
    ...plan.deletes.map((value): Entry => ({ kind: 'delete', value })),
    ...plan.patches.map((value): Entry => ({ kind: 'patch', value })),
    ...plan.puts.map((value): Entry => ({ kind: 'put', value })),
    ...plan.posts.map((value): Entry => ({ kind: 'post', value })),
  ];
  const chunks: PlanChunk[] = [];
  for (let start = 0; start < entries.length; start += batchSize) {
    const slice = entries.slice(start, start + batchSize);
    const deletes: LiveRecord[] = [];
    const patches: PlanUpdate[] = [];
    const puts: PlanUpdate[] = [];
    const posts: DesiredRecord[] = [];
    for (const entry of slice) {
      if (entry.kind === 'delete') deletes.push(entry.value);
      else if (entry.kind === 'patch') patches.push(entry.value);
      else if (entry.kind === 'put') puts.push(entry.value);
      else posts.push(entry.value);
    }
    chunks.push({
      index: chunks.length,
      deletes,
      patches,
      puts,
      posts,
      request: batchBody(deletes, patches, puts, posts),
    });
  }
  return chunks;
}

function batchBody(
  deletes: readonly LiveRecord[],
  patches: readonly PlanUpdate[],
  puts: readonly PlanUpdate[],
  posts: readonly DesiredRecord[],
): BatchRequestBody {
  const body: BatchRequestBody = {};
  if (deletes.length > 0) body.deletes = deletes.map((record) => ({ id: record.id }));
  if (patches.length > 0) body.patches = patches.map((update) => ({ id: update.live.id, ...writeBody(update) }));
  if (puts.length > 0) body.puts = puts.map((update) => ({ id: update.live.id, ...writeBody(update) }));
  if (posts.length > 0) body.posts = posts.map((record) => createBody(record.body));
  return body;
}

/** The full desired body, with an explicit empty comment and tag list so that PATCH clears what the file dropped. */
function writeBody(update: PlanUpdate): PlanRecordBody {
  return { ...update.desired.body, comment: update.desired.body.comment ?? '', tags: update.desired.body.tags ?? [] };
}

function createBody(body: PlanRecordBody): PlanRecordBody {
  const { comment, tags, ...rest } = body;
  return {
    ...rest,
    ...(comment !== undefined && comment !== '' ? { comment } : {}),
    ...(tags !== undefined && tags.length > 0 ? { tags } : {}),
  };
}

/** A name whose records break one of Cloudflare's coexistence rules. */
export interface CoexistenceConflict {
  readonly name: string;
  readonly rule: 'cname-and-address' | 'multiple-cname' | 'ns-and-other' | 'duplicate';
}

/**
 * The coexistence rules the API enforces on a set of records: A/AAAA beside a CNAME, two CNAMEs at a name, NS
 * beside any other type below the apex, and two records with equal name, type and content. `match` is the
 * planner's normalised content key.
 */
export function coexistenceConflicts(
  records: readonly { readonly name: string; readonly type: string; readonly match: string }[],
  zone: string,
): CoexistenceConflict[] {
  const apex = plainName(zone);
  const byName = new Map<string, Map<string, Set<string>>>();
  const conflicts: CoexistenceConflict[] = [];
  for (const record of records) {
    let types = byName.get(record.name);
    if (types === undefined) byName.set(record.name, (types = new Map<string, Set<string>>()));
    let contents = types.get(record.type);
    if (contents === undefined) types.set(record.type, (contents = new Set()));
    if (contents.has(record.match)) conflicts.push({ name: record.name, rule: 'duplicate' });
    contents.add(record.match);
  }
  for (const [name, types] of byName) {
    const has = (type: string): boolean => types.has(type);
    if ((types.get('CNAME')?.size ?? 0) > 1) conflicts.push({ name, rule: 'multiple-cname' });
    if (has('CNAME') && (has('A') || has('AAAA'))) conflicts.push({ name, rule: 'cname-and-address' });
    if (name !== apex && has('NS') && types.size > 1) conflicts.push({ name, rule: 'ns-and-other' });
  }
  return conflicts;
}
