/**
 * The sync planner's data model. The shapes are structural subsets of the API client's types, so records the client
 * returns can be passed in directly and the planner stays pure (no HTTP, no parsing).
 */

/** A record body as the batch endpoint accepts it in `posts`, `puts` and `patches` (without `id`). */
export interface PlanRecordBody {
  readonly type: string;
  readonly name: string;
  readonly content?: string;
  readonly data?: Readonly<Record<string, unknown>>;
  readonly priority?: number;
  readonly ttl: number;
  readonly proxied?: boolean;
  readonly comment?: string;
  readonly tags?: readonly string[];
  readonly settings?: Readonly<Record<string, unknown>>;
}

/**
 * A record reduced to what the planner compares. `match` identifies the record within its name and type
 * (normalised content, plus priority where the type has one); the attributes are compared after matching.
 */
export interface SyncRecord {
  /** Lower-case absolute name in Punycode, without the trailing dot (how the API stores names). */
  readonly name: string;
  readonly type: string;
  /** Normalised content key: equal keys mean the same record data. */
  readonly match: string;
  /** TTL as the API stores it: 1 for automatic (and for every proxied record). */
  readonly ttl: number;
  readonly proxied: boolean;
  /** Empty string when there is none. */
  readonly comment: string;
  /** `name:value` tags with lower-cased names, sorted. */
  readonly tags: readonly string[];
  /**
   * CNAME flattening (`settings.flatten_cname`, `cf-flatten-cname` in a zone file). Undefined when a zone-file
   * record does not say: the live setting is then kept.
   */
  readonly flattenCname?: boolean;
  /** The rdata in presentation form, for the text diff. */
  readonly display: string;
  /** The body to send when this record must be created or written. */
  readonly body: PlanRecordBody;
}

/** A record of the zone file, ready to compare. */
export interface DesiredRecord extends SyncRecord {
  /** 0-based line of the record in the zone file, for messages. */
  readonly line?: number;
}

/** A live record, ready to compare. */
export interface LiveRecord extends SyncRecord {
  readonly id: string;
  /** True when the API marks the record read-only: the planner never touches it. */
  readonly readOnly: boolean;
}

/** The fields that differ between a live record and the record that replaces it. */
export type ChangedField = 'content' | 'ttl' | 'proxied' | 'comment' | 'tags' | 'flatten';

export interface PlanUpdate {
  readonly live: LiveRecord;
  readonly desired: DesiredRecord;
  readonly changed: readonly ChangedField[];
}

/** Why a record takes no part in the plan. */
export interface PlanSkip {
  readonly side: 'local' | 'live';
  readonly name: string;
  readonly type: string;
  readonly display: string;
  readonly reason: string;
  /** True when the user should look at it (unsupported, duplicate); false for what is Cloudflare's by design. */
  readonly warn: boolean;
  readonly line?: number;
}

/** Whether the plan deletes more than the configured share of the zone, so applying it needs confirmation. */
export interface DeleteGuard {
  readonly deletes: number;
  /** Live records the sync manages (read-only, SOA and Cloudflare's apex NS excluded). */
  readonly managed: number;
  readonly maxCount: number;
  readonly maxRatio: number;
  readonly exceeded: boolean;
}

/** A sync plan: what to change so the live zone equals the zone file. */
export interface Plan {
  /** The zone apex, lower-case, without the trailing dot. */
  readonly zone: string;
  readonly deletes: readonly LiveRecord[];
  /** Updates sent as PATCH (unspecified fields stay). */
  readonly patches: readonly PlanUpdate[];
  /** Updates sent as PUT (fields the zone file cannot express reset to defaults). */
  readonly puts: readonly PlanUpdate[];
  readonly posts: readonly DesiredRecord[];
  readonly skipped: readonly PlanSkip[];
  /** Live records that already equal a zone-file record. */
  readonly unchanged: number;
  readonly deleteGuard: DeleteGuard;
}

/** The counts of the summary line. */
export interface PlanSummary {
  readonly create: number;
  readonly update: number;
  readonly delete: number;
}

export function summarizePlan(plan: Plan): PlanSummary {
  return {
    create: plan.posts.length,
    update: plan.patches.length + plan.puts.length,
    delete: plan.deletes.length,
  };
}

export function isEmptyPlan(plan: Plan): boolean {
  const { create, update, delete: deletes } = summarizePlan(plan);
  return create + update + deletes === 0;
}

/** One batch request, in the shape of the batch endpoint's body. */
export interface BatchRequestBody {
  deletes?: { id: string }[];
  patches?: (PlanRecordBody & { id: string })[];
  puts?: (PlanRecordBody & { id: string })[];
  posts?: PlanRecordBody[];
}
