import { plainName } from '../../../core/src/index';
import type {
  ChangedField,
  DeleteGuard,
  DesiredRecord,
  LiveRecord,
  Plan,
  PlanSkip,
  PlanUpdate,
  SyncRecord,
} from './plan-types';

/** When a plan counts as deleting "many" records. Either limit being exceeded asks for confirmation. */
export interface DeleteThreshold {
  /** Most deletes allowed without confirmation (default 10). */
  readonly maxCount: number;
  /** Largest share of the managed live records deleted without confirmation (default 0.25). */
  readonly maxRatio: number;
}

export const defaultDeleteThreshold: DeleteThreshold = { maxCount: 10, maxRatio: 0.25 };

export interface PlanOptions {
  /** The zone apex (`example.com` or `example.com.`). */
  readonly zone: string;
  /** How updates are sent: PATCH keeps fields the zone file cannot express, PUT resets them. Default `patch`. */
  readonly updateMethod?: 'patch' | 'put';
  readonly deleteThreshold?: DeleteThreshold;
  /** Local records that could not be converted (unsupported type...), carried into the plan's `skipped`. */
  readonly skipped?: readonly PlanSkip[];
}

/**
 * Computes what to change so the live zone equals the zone file. Pure: both sides are already normalised.
 * Records are matched by name, type and normalised content; a record whose only differences are TTL, proxied,
 * comment or tags becomes an update, and so does a changed content within the same name and type, so that
 * delete + create is used only where the name or type set changes. SOA records, Cloudflare's apex NS records and
 * read-only live records are never touched.
 */
export function computePlan(
  desired: readonly DesiredRecord[],
  live: readonly LiveRecord[],
  options: PlanOptions,
): Plan {
  const zone = plainName(options.zone);
  const skipped: PlanSkip[] = [...(options.skipped ?? [])];
  const localGroups = groupDesired(desired, zone, skipped);
  const liveGroups = new Map<string, LiveRecord[]>();
  let managed = 0;
  for (const record of live) {
    const reason = cloudflareManaged(record, zone) ?? (record.readOnly ? 'read-only in Cloudflare' : undefined);
    if (reason !== undefined) {
      skipped.push(skipOf('live', record, reason, false));
      consumeReadOnlyMatch(record, localGroups, skipped);
      continue;
    }
    managed++;
    pushTo(liveGroups, groupKey(record), record);
  }

  const deletes: LiveRecord[] = [];
  const updates: PlanUpdate[] = [];
  const posts: DesiredRecord[] = [];
  let unchanged = 0;
  const keys = new Set([...localGroups.keys(), ...liveGroups.keys()]);
  for (const key of keys) {
    const result = diffGroup(localGroups.get(key) ?? [], liveGroups.get(key) ?? []);
    deletes.push(...result.deletes);
    updates.push(...result.updates);
    posts.push(...result.posts);
    unchanged += result.unchanged;
  }

  deletes.sort(byRecord);
  posts.sort(byRecord);
  updates.sort((a, b) => byRecord(a.live, b.live));
  const usePut = options.updateMethod === 'put';
  return {
    zone,
    deletes,
    patches: usePut ? [] : updates,
    puts: usePut ? updates : [],
    posts,
    skipped,
    unchanged,
    deleteGuard: guardDeletes(deletes.length, managed, options.deleteThreshold ?? defaultDeleteThreshold),
  };
}

/** Why Cloudflare, not the zone file, owns this record; undefined when the sync manages it. */
export function cloudflareManaged(record: Pick<SyncRecord, 'name' | 'type'>, zone: string): string | undefined {
  if (record.type === 'SOA') return 'SOA is managed by Cloudflare';
  if (record.type === 'NS' && record.name === zone) return "apex NS records are Cloudflare's nameservers";
  return undefined;
}

/** The fields in which two records with the same name and type differ. */
export function changedFields(live: SyncRecord, desired: SyncRecord): ChangedField[] {
  const changed: ChangedField[] = [];
  if (live.match !== desired.match) changed.push('content');
  if (live.ttl !== desired.ttl) changed.push('ttl');
  if (live.proxied !== desired.proxied) changed.push('proxied');
  if (live.comment !== desired.comment) changed.push('comment');
  if (live.tags.join(',') !== desired.tags.join(',')) changed.push('tags');
  if (desired.flattenCname !== undefined && desired.flattenCname !== (live.flattenCname ?? false)) {
    changed.push('flatten');
  }
  return changed;
}

function groupDesired(
  desired: readonly DesiredRecord[],
  zone: string,
  skipped: PlanSkip[],
): Map<string, DesiredRecord[]> {
  const groups = new Map<string, DesiredRecord[]>();
  const seen = new Map<string, DesiredRecord>();
  for (const record of desired) {
    const reason = cloudflareManaged(record, zone);
    if (reason !== undefined) {
      skipped.push(skipOf('local', record, reason, false));
      continue;
    }
    const identity = `${groupKey(record)}\u0000${record.match}`;
    const first = seen.get(identity);
    if (first !== undefined) {
      const where = first.line === undefined ? '' : ` on line ${first.line + 1}`;
      skipped.push(skipOf('local', record, `duplicate of the record${where}`, true));
      continue;
    }
    seen.set(identity, record);
    pushTo(groups, groupKey(record), record);
  }
  return groups;
}

/** A zone-file record equal in content to a read-only live record is satisfied by it: it must not be created again. */
function consumeReadOnlyMatch(record: LiveRecord, groups: Map<string, DesiredRecord[]>, skipped: PlanSkip[]): void {
  const group = groups.get(groupKey(record));
  const index = group?.findIndex((candidate) => candidate.match === record.match) ?? -1;
  if (group === undefined || index < 0) return;
  const [local] = group.splice(index, 1);
  if (local !== undefined && changedFields(record, local).length > 0) {
    skipped.push(
      skipOf(
        'local',
        local,
        'the live record is read-only in Cloudflare: its TTL, proxied, comment and tags stay',
        true,
      ),
    );
  }
}

interface GroupDiff {
  readonly deletes: LiveRecord[];
  readonly updates: PlanUpdate[];
  readonly posts: DesiredRecord[];
  readonly unchanged: number;
}

function diffGroup(desired: readonly DesiredRecord[], live: readonly LiveRecord[]): GroupDiff {
  const updates: PlanUpdate[] = [];
  let unchanged = 0;
  const unmatchedLive = new Map<string, LiveRecord[]>();
  for (const record of live) pushTo(unmatchedLive, record.match, record);
  const unmatchedDesired: DesiredRecord[] = [];
  for (const record of desired) {
    const candidates = unmatchedLive.get(record.match);
    const partner = candidates?.shift();
    if (partner === undefined) {
      unmatchedDesired.push(record);
      continue;
    }
    const changed = changedFields(partner, record);
    if (changed.length === 0) unchanged++;
    else updates.push({ live: partner, desired: record, changed });
  }
  // Content changes within one name and type: rewriting in place keeps the record's id and never
  // opens a moment where the name has no record of that type.
  const leftLive = [...unmatchedLive.values()].flat().sort(byRecord);
  const leftDesired = unmatchedDesired.sort(byRecord);
  const paired = Math.min(leftLive.length, leftDesired.length);
  for (let index = 0; index < paired; index++) {
    const partner = leftLive[index];
    const record = leftDesired[index];
    updates.push({ live: partner, desired: record, changed: changedFields(partner, record) });
  }
  return { deletes: leftLive.slice(paired), updates, posts: leftDesired.slice(paired), unchanged };
}

function guardDeletes(deletes: number, managed: number, threshold: DeleteThreshold): DeleteGuard {
  const exceeded = deletes > threshold.maxCount || (managed > 0 && deletes / managed > threshold.maxRatio);
  return { deletes, managed, maxCount: threshold.maxCount, maxRatio: threshold.maxRatio, exceeded };
}

function skipOf(
  side: 'local' | 'live',
  record: SyncRecord & { line?: number },
  reason: string,
  warn: boolean,
): PlanSkip {
  const skip: PlanSkip = { side, name: record.name, type: record.type, display: record.display, reason, warn };
  return record.line === undefined ? skip : { ...skip, line: record.line };
}

function groupKey(record: Pick<SyncRecord, 'name' | 'type'>): string {
  return `${record.name}\u0000${record.type}`;
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function byRecord(a: SyncRecord, b: SyncRecord): number {
  return compare(a.name, b.name) || compare(a.type, b.type) || compare(a.match, b.match);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
