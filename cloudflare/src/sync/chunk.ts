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

/** One planned change, tagged with its section of the batch body. */
export type PlanEntry =
  | { readonly kind: 'delete'; readonly value: LiveRecord }
  | { readonly kind: 'patch'; readonly value: PlanUpdate }
  | { readonly kind: 'put'; readonly value: PlanUpdate }
  | { readonly kind: 'post'; readonly value: DesiredRecord };

/**
 * Splits a plan into batch requests of at most `batchSize` changes.
 *
 * Coexistence rules (CNAME beside other data, NS beside other types, duplicates) hold per name, so every change at
 * one name goes into one chunk: after each chunk a name is either as it was or as the file wants it, both valid,
 * and a type change (A to CNAME, MX to A) is a delete and a post inside one transaction, so the name is never left
 * without its record between two requests. Names without posts go first and names without deletes last, so a zone
 * near its record quota shrinks before it grows; names fill the chunks first-fit.
 *
 * A name with more changes than fit in one request is split in the order deletes, posts, updates, keeping its last
 * delete with its first post (when the size allows two): every post then follows the deletes it may need.
 */
export function chunkPlan(plan: Plan, batchSize: number): PlanChunk[] {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`The batch size must be a positive integer, not ${batchSize}.`);
  }
  const open: PlanEntry[][] = [];
  let firstWithRoom = 0;
  for (const unit of unitsByName(plan)) {
    let after = -1;
    for (const piece of piecesOf(unit, batchSize)) {
      let index = Math.max(after + 1, firstWithRoom);
      while (index < open.length && (open[index]?.length ?? 0) + piece.length > batchSize) index++;
      if (index === open.length) open.push([]);
      open[index]?.push(...piece);
      after = index;
      while (firstWithRoom < open.length && (open[firstWithRoom]?.length ?? 0) >= batchSize) firstWithRoom++;
    }
  }
  return open.map((entries, index) => chunkOf(entries, index));
}

/** A chunk carrying these changes, at position `index` of the apply order. */
export function chunkOf(entries: readonly PlanEntry[], index: number): PlanChunk {
  const { deletes, patches, puts, posts } = sectionsOf(entries);
  return { index, deletes, patches, puts, posts, request: batchBody(deletes, patches, puts, posts) };
}

/** A chunk's changes in the order the API runs them: deletes, patches, puts, posts. */
export function entriesOf(chunk: Pick<PlanChunk, 'deletes' | 'patches' | 'puts' | 'posts'>): PlanEntry[] {
  return [
    ...chunk.deletes.map((value): PlanEntry => ({ kind: 'delete', value })),
    ...chunk.patches.map((value): PlanEntry => ({ kind: 'patch', value })),
    ...chunk.puts.map((value): PlanEntry => ({ kind: 'put', value })),
    ...chunk.posts.map((value): PlanEntry => ({ kind: 'post', value })),
  ];
}

/** The batch request that carries these changes. */
export function requestOf(entries: readonly PlanEntry[]): BatchRequestBody {
  const { deletes, patches, puts, posts } = sectionsOf(entries);
  return batchBody(deletes, patches, puts, posts);
}

function sectionsOf(entries: readonly PlanEntry[]): {
  deletes: LiveRecord[];
  patches: PlanUpdate[];
  puts: PlanUpdate[];
  posts: DesiredRecord[];
} {
  const deletes: LiveRecord[] = [];
  const patches: PlanUpdate[] = [];
  const puts: PlanUpdate[] = [];
  const posts: DesiredRecord[] = [];
  for (const entry of entries) {
    if (entry.kind === 'delete') deletes.push(entry.value);
    else if (entry.kind === 'patch') patches.push(entry.value);
    else if (entry.kind === 'put') puts.push(entry.value);
    else posts.push(entry.value);
  }
  return { deletes, patches, puts, posts };
}

/** The plan's changes grouped by name, in the order deletes, posts, updates within a name. */
function unitsByName(plan: Plan): PlanEntry[][] {
  const byName = new Map<string, { deletes: PlanEntry[]; posts: PlanEntry[]; updates: PlanEntry[] }>();
  const unit = (name: string): { deletes: PlanEntry[]; posts: PlanEntry[]; updates: PlanEntry[] } => {
    let found = byName.get(name);
    if (found === undefined) byName.set(name, (found = { deletes: [], posts: [], updates: [] }));
    return found;
  };
  for (const value of plan.deletes) unit(value.name).deletes.push({ kind: 'delete', value });
  for (const value of plan.patches) unit(value.live.name).updates.push({ kind: 'patch', value });
  for (const value of plan.puts) unit(value.live.name).updates.push({ kind: 'put', value });
  for (const value of plan.posts) unit(value.name).posts.push({ kind: 'post', value });
  const rank = (group: { deletes: PlanEntry[]; posts: PlanEntry[] }): number =>
    group.posts.length === 0 ? 0 : group.deletes.length === 0 ? 2 : 1;
  return [...byName.values()]
    .map((group, order) => ({ group, order }))
    .sort((a, b) => rank(a.group) - rank(b.group) || a.order - b.order)
    .map(({ group }) => [...group.deletes, ...group.posts, ...group.updates]);
}

/** A name's changes in pieces of at most `batchSize`, its last delete kept with its first post. */
function piecesOf(unit: readonly PlanEntry[], batchSize: number): PlanEntry[][] {
  if (unit.length <= batchSize) return [[...unit]];
  const pieces: PlanEntry[][] = [];
  let piece: PlanEntry[] = [];
  unit.forEach((entry) => {
    if (piece.length === batchSize) {
      const last = piece[piece.length - 1];
      const splitsTypeChange = last?.kind === 'delete' && entry.kind === 'post' && batchSize >= 2;
      const carried = splitsTypeChange ? piece.splice(-1) : [];
      pieces.push(piece);
      piece = carried;
    }
    piece.push(entry);
  });
  if (piece.length > 0) pieces.push(piece);
  return pieces;
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
