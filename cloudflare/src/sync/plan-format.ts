import { toZoneLine } from '../../../core/src/index';
import type { ChangedField, Plan, PlanSkip, PlanUpdate, SyncRecord } from './plan-types';
import { summarizePlan, type PlanSummary } from './plan-types';

/** `3 to create, 1 to update, 0 to delete`. */
export function formatSummary(summary: PlanSummary): string {
  return `${summary.create} to create, ${summary.update} to update, ${summary.delete} to delete`;
}

/**
 * One zone-file line for a record, with its comment and tags in Cloudflare's `cf_tags=` convention: the zone core's
 * `toZoneLine` of the record as the planner compares it (TTL 1 when proxied, tag names lower case and sorted).
 */
export function formatRecordLine(record: SyncRecord): string {
  const { body } = record;
  return toZoneLine({
    type: record.type,
    name: record.name,
    ttl: record.ttl,
    content: body.content ?? null,
    data: body.data ?? null,
    priority: body.priority ?? null,
    proxied: record.proxied,
    comment: record.comment,
    tags: record.tags,
    settings: record.flattenCname === undefined ? null : { flatten_cname: record.flattenCname },
  });
}

/**
 * The plan as a readable diff: `- line` for a delete, `~ name type: old -> new` for an update, `+ line` for a
 * create, `! ...` for a record left alone, then the summary line.
 */
export function formatPlanText(plan: Plan): string {
  const lines: string[] = [];
  for (const record of plan.deletes) lines.push(`- ${formatRecordLine(record)}`);
  for (const update of [...plan.patches, ...plan.puts]) lines.push(`~ ${formatUpdate(update)}`);
  for (const record of plan.posts) lines.push(`+ ${formatRecordLine(record)}`);
  for (const skip of plan.skipped.filter((entry) => entry.warn)) lines.push(`! ${formatSkip(skip)}`);
  const leftAlone = (['local', 'live'] as const)
    .map((side) => {
      const entries = plan.skipped.filter((entry) => !entry.warn && entry.side === side);
      const types = [...new Set(entries.map((entry) => entry.type))].sort().join(', ');
      const noun = side === 'local' ? 'zone-file' : 'live';
      return entries.length === 0
        ? ''
        : `${entries.length} ${noun} ${entries.length === 1 ? 'record' : 'records'} (${types})`;
    })
    .filter((text) => text !== '');
  if (leftAlone.length > 0) {
    lines.push(`  (left alone, managed by Cloudflare or read-only: ${leftAlone.join(' and ')})`);
  }
  lines.push(formatSummary(summarizePlan(plan)));
  return `${lines.join('\n')}\n`;
}

/** `www.example.com. A: 192.0.2.1 -> 192.0.2.2, ttl 300 -> auto`. */
export function formatUpdate(update: PlanUpdate): string {
  const { live, desired } = update;
  const head = `${live.name}. ${live.type}`;
  const parts: string[] = [];
  if (update.changed.includes('content')) parts.push(`${live.display} -> ${desired.display}`);
  for (const field of update.changed.filter((name) => name !== 'content')) {
    parts.push(`${field} ${formatField(live, field)} -> ${formatField(desired, field)}`);
  }
  return update.changed.includes('content')
    ? `${head}: ${parts.join(', ')}`
    : `${head} ${live.display}: ${parts.join(', ')}`;
}

/** The plan as JSON: the summary, each change with the record before and after, and what was left alone. */
export function planToJson(plan: Plan): unknown {
  const describe = (record: SyncRecord): Record<string, unknown> => ({
    name: record.name,
    type: record.type,
    content: record.display,
    ttl: record.ttl,
    proxied: record.proxied,
    comment: record.comment,
    tags: record.tags,
    ...(record.flattenCname === undefined ? {} : { flattenCname: record.flattenCname }),
  });
  const update = (entry: PlanUpdate): unknown => ({
    id: entry.live.id,
    changed: entry.changed,
    from: describe(entry.live),
    to: describe(entry.desired),
    body: entry.desired.body,
  });
  return {
    zone: plan.zone,
    summary: summarizePlan(plan),
    deleteGuard: plan.deleteGuard,
    deletes: plan.deletes.map((record) => ({ id: record.id, ...describe(record) })),
    patches: plan.patches.map(update),
    puts: plan.puts.map(update),
    posts: plan.posts.map((record) => ({
      ...describe(record),
      ...(record.line === undefined ? {} : { line: record.line + 1 }),
      body: record.body,
    })),
    skipped: plan.skipped.map((skip) => ({ ...skip, ...(skip.line === undefined ? {} : { line: skip.line + 1 }) })),
    unchanged: plan.unchanged,
  };
}

function formatSkip(skip: PlanSkip): string {
  const where = skip.line === undefined ? '' : `line ${skip.line + 1}: `;
  return `${where}${skip.name}. ${skip.type} ${skip.display} not synced: ${skip.reason}`;
}

function formatField(record: SyncRecord, field: Exclude<ChangedField, 'content'>): string {
  switch (field) {
    case 'ttl':
      return record.ttl === 1 ? 'auto' : String(record.ttl);
    case 'proxied':
      return String(record.proxied);
    case 'comment':
      return JSON.stringify(record.comment);
    case 'tags':
      return record.tags.length === 0 ? '(none)' : record.tags.join(',');
    case 'flatten':
      return String(record.flattenCname ?? false);
  }
}
