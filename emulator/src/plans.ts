/** The zone plans the emulator knows and the limits that differ between them. */
export type PlanName = 'free' | 'pro' | 'business' | 'enterprise';

export const planNames: readonly PlanName[] = ['free', 'pro', 'business', 'enterprise'];

export interface PlanLimits {
  /** Changes allowed in one batch request (semantics.md §9). */
  readonly batchLimit: number;
  /** Records allowed in the zone; null means an account-level quota applies (semantics.md §12, per-plan numbers GUESS). */
  readonly recordQuota: number | null;
  /** The smallest TTL other than 1 (automatic). */
  readonly minimumTtl: number;
}

const limits: Record<PlanName, PlanLimits> = {
  free: { batchLimit: 200, recordQuota: 1000, minimumTtl: 60 },
  pro: { batchLimit: 3500, recordQuota: 3500, minimumTtl: 60 },
  business: { batchLimit: 3500, recordQuota: 3500, minimumTtl: 60 },
  enterprise: { batchLimit: 3500, recordQuota: null, minimumTtl: 30 },
};

/** The account-level quota that applies when a zone's own quota is null (Enterprise default, semantics.md §12). */
export const accountRecordQuota = 1_000_000;

export function planLimits(plan: PlanName): PlanLimits {
  return limits[plan];
}

export function isPlanName(value: string): value is PlanName {
  return (planNames as readonly string[]).includes(value);
}

/** The `plan` object of a zone in `GET /zones`. */
export function planDescription(plan: PlanName): { id: string; name: string; legacy_id: string } {
  const names: Record<PlanName, string> = {
    free: 'Free Website',
    pro: 'Pro Website',
    business: 'Business Website',
    enterprise: 'Enterprise Website',
  };
  return { id: plan, name: names[plan], legacy_id: plan };
}
