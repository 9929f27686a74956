/**
 * Typed models of the Cloudflare DNS records API, following ../shared/cloudflare/dns-records.openapi.json:
 * the envelope, list filters, batch, import/scan, usage, zones and token verification. The records themselves are
 * in record-types.ts (re-exported here). Field names keep the API's snake_case.
 */
import type { DnsRecord, RecordBody, RecordPatch, RecordType } from './record-types';

export * from './record-types';

/** A message of the response envelope (`errors[]` and `messages[]`). */
export interface CloudflareMessage {
  readonly code: number;
  readonly message: string;
  readonly documentation_url?: string;
  readonly source?: { readonly pointer?: string };
  /** Seen on real errors: the detailed causes of a generic code (e.g. 6003 → 6111). */
  readonly error_chain?: readonly CloudflareMessage[];
}

/** Paging information of a collection response. */
export interface ResultInfo {
  readonly page: number;
  readonly per_page: number;
  readonly count: number;
  readonly total_count: number;
  readonly total_pages: number;
}

/** The response envelope every JSON endpoint returns. */
export interface Envelope<T> {
  readonly success: boolean;
  readonly errors: readonly CloudflareMessage[];
  readonly messages: readonly CloudflareMessage[];
  readonly result?: T | null;
  readonly result_info?: Partial<ResultInfo>;
}

/** One page of a collection. */
export interface Page<T> {
  readonly items: readonly T[];
  /** Paging as the server reported it; absent when the server sent none. */
  readonly resultInfo?: Partial<ResultInfo>;
}

/** A text filter on a record field; a bare string in the query means `exact`. Case-insensitive on the server. */
export interface TextFilter {
  readonly exact?: string;
  readonly contains?: string;
  readonly startswith?: string;
  readonly endswith?: string;
}

export interface CommentFilter extends TextFilter {
  /** Only records with a comment. */
  readonly present?: boolean;
  /** Only records without a comment. */
  readonly absent?: boolean;
}

/**
 * Tag conditions. `present` / `absent` take a tag name; the others take `name:value` and test that tag's value.
 * An array sends the parameter once per value (combined by `tag_match`).
 */
export interface TagFilter {
  readonly present?: string | readonly string[];
  readonly absent?: string | readonly string[];
  readonly exact?: string | readonly string[];
  readonly contains?: string | readonly string[];
  readonly startswith?: string | readonly string[];
  readonly endswith?: string | readonly string[];
}

export type RecordOrder = 'type' | 'name' | 'content' | 'ttl' | 'proxied';
export type SortDirection = 'asc' | 'desc';
export type MatchMode = 'any' | 'all';

/** Every filter, search, sort and paging parameter of the list endpoint. */
export interface ListRecordsQuery {
  /** A string is `name` (alias of `name.exact`). */
  readonly name?: string | TextFilter;
  readonly type?: RecordType;
  /** A string is `content` (alias of `content.exact`). */
  readonly content?: string | TextFilter;
  readonly proxied?: boolean;
  /** How filters combine: `all` (AND, the default) or `any` (OR). */
  readonly match?: MatchMode;
  /** A string is `comment` (alias of `comment.exact`). */
  readonly comment?: string | CommentFilter;
  /** A string is `tag` (`name` or `name:value`). */
  readonly tag?: string | TagFilter;
  /** How tag filters combine among themselves. */
  readonly tag_match?: MatchMode;
  readonly search?: string;
  readonly order?: RecordOrder;
  readonly direction?: SortDirection;
  readonly page?: number;
  /** 1..5,000,000; the server's default is 100. */
  readonly per_page?: number;
  readonly include_shadow_metadata?: boolean;
  readonly shadowed_by_name?: string;
  readonly shadowing_name?: string;
}

/** A batch of changes, executed by the API in the order deletes → patches → puts → posts, all or nothing. */
export interface BatchRequest {
  readonly deletes?: readonly { readonly id: string }[];
  readonly patches?: readonly (RecordPatch & { readonly id: string })[];
  readonly puts?: readonly (RecordBody & { readonly id: string })[];
  readonly posts?: readonly RecordBody[];
}

export interface BatchResult {
  readonly deletes?: readonly DnsRecord[];
  readonly patches?: readonly DnsRecord[];
  readonly puts?: readonly DnsRecord[];
  readonly posts?: readonly DnsRecord[];
}

/** Result of an import and of the (deprecated) synchronous scan. */
export interface ImportResult {
  readonly recs_added: number;
  readonly total_records_parsed: number;
}

export type ScanResult = ImportResult;

/** What to do with records a scan proposed: accept (add to the zone) or reject (discard) them. */
export interface ScanReviewRequest {
  readonly accepts?: readonly RecordPatch[];
  readonly rejects?: readonly { readonly id: string }[];
}

export interface ScanReviewResult {
  readonly accepts: readonly DnsRecord[];
  /** Ids of the rejected records. */
  readonly rejects: readonly string[];
}

export interface RecordUsage {
  readonly record_usage: number;
  /** `null` when an account-level quota applies. */
  readonly record_quota: number | null;
}

export type ZoneStatus = 'initializing' | 'pending' | 'active' | 'moved';
export type ZoneType = 'full' | 'partial' | 'secondary' | 'internal';

export interface ZonePlan {
  readonly id?: string;
  readonly name?: string;
  readonly price?: number;
  readonly currency?: string;
  readonly frequency?: string;
  readonly is_subscribed?: boolean;
  readonly can_subscribe?: boolean;
  readonly legacy_id?: string;
  readonly legacy_discount?: boolean;
  readonly externally_managed?: boolean;
}

export interface Zone {
  readonly id: string;
  readonly name: string;
  readonly status?: ZoneStatus;
  readonly type?: ZoneType;
  readonly paused?: boolean;
  readonly development_mode?: number;
  readonly account: { readonly id?: string; readonly name?: string };
  readonly owner?: { readonly id?: string | null; readonly name?: string | null; readonly type?: string };
  readonly plan: ZonePlan;
  readonly name_servers: readonly string[];
  readonly original_name_servers?: readonly string[] | null;
  readonly original_registrar?: string | null;
  readonly original_dnshost?: string | null;
  readonly created_on: string;
  readonly modified_on: string;
  readonly activated_on?: string | null;
  readonly meta?: Readonly<Record<string, unknown>>;
}

/** Filters of the zones list. `name` and `account.name` accept operators such as `contains:.org`. */
export interface ListZonesQuery {
  readonly name?: string;
  readonly status?: ZoneStatus;
  readonly type?: readonly ZoneType[];
  readonly 'account.id'?: string;
  readonly 'account.name'?: string;
  readonly page?: number;
  /** 5..50; the server's default is 20. */
  readonly per_page?: number;
  readonly order?: 'name' | 'status' | 'account.id' | 'account.name' | 'plan.id';
  readonly direction?: SortDirection;
  readonly match?: MatchMode;
}

export type TokenStatus = 'active' | 'disabled' | 'expired';

export interface TokenVerification {
  readonly id: string;
  readonly status: TokenStatus;
  readonly expires_on?: string;
  readonly not_before?: string;
}
