import type { DesiredRecord, Plan } from '../../../cloudflare/src/index';

/**
 * How a live record differs from the zone file linked to its zone: created in Cloudflare (not in the file, a sync
 * would delete it), changed (a sync would update it), or missing (in the file only, a sync would create it).
 */
export type DriftKind = 'cloudflare-only' | 'changed' | 'missing';

/** A zone's drift from its file: the live records by id, and the file's records that Cloudflare lacks. */
export interface ZoneDrift {
  readonly byRecordId: ReadonlyMap<string, DriftKind>;
  readonly missing: readonly DesiredRecord[];
}

export function driftOf(plan: Plan): ZoneDrift {
  const byRecordId = new Map<string, DriftKind>();
  for (const record of plan.deletes) byRecordId.set(record.id, 'cloudflare-only');
  for (const update of [...plan.patches, ...plan.puts]) byRecordId.set(update.live.id, 'changed');
  return { byRecordId, missing: plan.posts };
}

export function driftCount(drift: ZoneDrift): number {
  return drift.byRecordId.size + drift.missing.length;
}
