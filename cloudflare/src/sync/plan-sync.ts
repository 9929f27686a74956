import { applyPlan, type ApplyOptions, type ApplyReport, type BatchApi } from './apply';
import { batchLimits } from './chunk';
import type { CloudflareClient } from '../api/client';
import { liveRecordOf, type ApiRecordInput } from './plan-records';
import type { DesiredRecord, Plan, PlanSkip } from './plan-types';
import { computePlan, type DeleteThreshold } from './planner';
import type { BatchRequest } from '../api/types';

/** The API calls a sync makes: one list of the zone's records, then one batch per chunk. */
export interface SyncApi extends BatchApi {
  listAllRecords(
    zoneId: string,
    query: { readonly per_page: number },
    options?: { signal?: AbortSignal },
  ): Promise<readonly ApiRecordInput[]>;
}

/** A client's calls as the sync makes them. */
export function syncApiOf(client: CloudflareClient): SyncApi {
  return {
    listAllRecords: (zoneId, query, options) => client.listAllRecords(zoneId, query, options),
    // The planner builds bodies from validated zone-file records; the client's union type cannot see that.
    batch: (zoneId, request, options) => client.batch(zoneId, request as BatchRequest, options),
  };
}

/**
 * Records per list page when reading a zone for a sync. The API allows up to 5,000,000; 50,000 reads every zone
 * within the paid plans' quota (3,500) and most Enterprise zones in one request.
 */
export const SYNC_PAGE_SIZE = 50_000;

export interface PlanSyncOptions {
  readonly zoneId: string;
  /** The zone apex name. */
  readonly zone: string;
  readonly updateMethod?: 'patch' | 'put';
  readonly deleteThreshold?: DeleteThreshold;
  readonly signal?: AbortSignal;
  /** Records per list page (default SYNC_PAGE_SIZE). */
  readonly pageSize?: number;
}

/** Reads the live zone (one list call with a large page) and plans the sync of `desired` onto it. */
export async function planSync(
  api: SyncApi,
  local: { readonly desired: readonly DesiredRecord[]; readonly skipped: readonly PlanSkip[] },
  options: PlanSyncOptions,
): Promise<Plan> {
  const live = await api.listAllRecords(
    options.zoneId,
    { per_page: options.pageSize ?? SYNC_PAGE_SIZE },
    options.signal === undefined ? {} : { signal: options.signal },
  );
  return computePlan(local.desired, live.map(liveRecordOf), {
    zone: options.zone,
    skipped: local.skipped,
    ...(options.updateMethod === undefined ? {} : { updateMethod: options.updateMethod }),
    ...(options.deleteThreshold === undefined ? {} : { deleteThreshold: options.deleteThreshold }),
  });
}

/** Plans, then applies: the whole sync. */
export async function syncZone(
  api: SyncApi,
  local: { readonly desired: readonly DesiredRecord[]; readonly skipped: readonly PlanSkip[] },
  options: PlanSyncOptions & ApplyOptions,
): Promise<{ plan: Plan; report: ApplyReport }> {
  const plan = await planSync(api, local, options);
  const report = await applyPlan(api, options.zoneId, plan, options);
  return { plan, report };
}

/** The batch limit of a zone's plan: 200 changes on Free, 3,500 on Pro, Business and Enterprise. */
export function batchLimitOfPlan(plan: { readonly legacy_id?: string; readonly name?: string } | undefined): number {
  return isPaidPlan(plan) ? batchLimits.paid : batchLimits.free;
}

/** Pro, Business and Enterprise; anything else (unknown included) is treated as Free, the safe side. */
export function isPaidPlan(plan: { readonly legacy_id?: string; readonly name?: string } | undefined): boolean {
  const id = `${plan?.legacy_id ?? ''} ${plan?.name ?? ''}`.toLowerCase();
  return /\b(pro|business|enterprise)\b/.test(id);
}
