/**
 * Typed models of the Cloudflare DNS records API, following ../shared/cloudflare/dns-records.openapi.json.
 * Field names keep the API's snake_case so that request and response bodies are these objects as they are.
 */

/** The 21 record types Cloudflare serves (the spec's `dns-records_type`). */
export const RECORD_TYPES = [
  'A',
  'AAAA',
  'CAA',
  'CERT',
  'CNAME',
  'DNSKEY',
  'DS',
  'HTTPS',
  'LOC',
  'MX',
  'NAPTR',
  'NS',
  'OPENPGPKEY',
  'PTR',
  'SMIMEA',
  'SRV',
  'SSHFP',
  'SVCB',
  'TLSA',
  'TXT',
  'URI',
] as const;

export type RecordType = (typeof RECORD_TYPES)[number];

/** Types whose value is sent as `content`; every other type is sent as structured `data`. */
export const CONTENT_RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'NS', 'OPENPGPKEY', 'PTR', 'TXT'] as const;

/** Types Cloudflare can proxy. */
export const PROXIABLE_RECORD_TYPES = ['A', 'AAAA', 'CNAME'] as const;

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

export interface RecordSettings {
  readonly ipv4_only?: boolean;
  readonly ipv6_only?: boolean;
  /** CNAME only; paid plans. */
  readonly flatten_cname?: boolean;
}

/** Fields every record variant shares. */
export interface RecordSharedFields {
  /** Complete record name in Punycode (`www.example.com`); `@` and relative names are accepted on input. */
  readonly name: string;
  /** 1 = automatic, else 60..86400 (30 on Enterprise). */
  readonly ttl: number;
  readonly proxied?: boolean;
  readonly comment?: string | null;
  /** `name:value` strings. */
  readonly tags?: readonly string[];
  readonly settings?: RecordSettings;
}

export interface ARecordBody extends RecordSharedFields {
  readonly type: 'A';
  readonly content: string;
  readonly private_routing?: boolean;
}
export interface AAAARecordBody extends RecordSharedFields {
  readonly type: 'AAAA';
  readonly content: string;
  readonly private_routing?: boolean;
}
export interface CNAMERecordBody extends RecordSharedFields {
  readonly type: 'CNAME';
  readonly content: string;
}
export interface MXRecordBody extends RecordSharedFields {
  readonly type: 'MX';
  readonly content: string;
  /** 0..65535; required for MX. */
  readonly priority: number;
}
export interface NSRecordBody extends RecordSharedFields {
  readonly type: 'NS';
  readonly content: string;
}
export interface OPENPGPKEYRecordBody extends RecordSharedFields {
  readonly type: 'OPENPGPKEY';
  readonly content: string;
}
export interface PTRRecordBody extends RecordSharedFields {
  readonly type: 'PTR';
  readonly content: string;
}
export interface TXTRecordBody extends RecordSharedFields {
  readonly type: 'TXT';
  readonly content: string;
}

export type CAAData = {
  readonly flags: number;
  readonly tag: string;
  readonly value: string;
};
export type CERTData = {
  readonly type: number;
  readonly key_tag: number;
  readonly algorithm: number;
  readonly certificate: string;
};
export type DNSKEYData = {
  readonly flags: number;
  readonly protocol: number;
  readonly algorithm: number;
  readonly public_key: string;
};
export type DSData = {
  readonly key_tag: number;
  readonly algorithm: number;
  readonly digest_type: number;
  readonly digest: string;
};
/** HTTPS and SVCB. */
export type SVCBData = {
  readonly priority: number;
  readonly target: string;
  readonly value: string;
};
export type LOCData = {
  readonly lat_degrees: number;
  readonly lat_minutes: number;
  readonly lat_seconds: number;
  readonly lat_direction: 'N' | 'S';
  readonly long_degrees: number;
  readonly long_minutes: number;
  readonly long_seconds: number;
  readonly long_direction: 'E' | 'W';
  readonly altitude: number;
  readonly size: number;
  readonly precision_horz: number;
  readonly precision_vert: number;
};
export type NAPTRData = {
  readonly order: number;
  readonly preference: number;
  readonly flags: string;
  readonly service: string;
  readonly regex: string;
  readonly replacement: string;
};
/** SMIMEA and TLSA. */
export type TLSAData = {
  readonly usage: number;
  readonly selector: number;
  readonly matching_type: number;
  readonly certificate: string;
};
export type SRVData = {
  readonly priority: number;
  readonly weight: number;
  readonly port: number;
  readonly target: string;
};
export type SSHFPData = {
  readonly algorithm: number;
  readonly type: number;
  readonly fingerprint: string;
};
export type URIData = {
  readonly weight: number;
  readonly target: string;
};

export interface CAARecordBody extends RecordSharedFields {
  readonly type: 'CAA';
  readonly data: CAAData;
}
export interface CERTRecordBody extends RecordSharedFields {
  readonly type: 'CERT';
  readonly data: CERTData;
}
export interface DNSKEYRecordBody extends RecordSharedFields {
  readonly type: 'DNSKEY';
  readonly data: DNSKEYData;
}
export interface DSRecordBody extends RecordSharedFields {
  readonly type: 'DS';
  readonly data: DSData;
}
export interface HTTPSRecordBody extends RecordSharedFields {
  readonly type: 'HTTPS';
  readonly data: SVCBData;
}
export interface LOCRecordBody extends RecordSharedFields {
  readonly type: 'LOC';
  readonly data: LOCData;
}
export interface NAPTRRecordBody extends RecordSharedFields {
  readonly type: 'NAPTR';
  readonly data: NAPTRData;
}
export interface SMIMEARecordBody extends RecordSharedFields {
  readonly type: 'SMIMEA';
  readonly data: TLSAData;
}
export interface SRVRecordBody extends RecordSharedFields {
  readonly type: 'SRV';
  readonly data: SRVData;
}
export interface SSHFPRecordBody extends RecordSharedFields {
  readonly type: 'SSHFP';
  readonly data: SSHFPData;
}
export interface SVCBRecordBody extends RecordSharedFields {
  readonly type: 'SVCB';
  readonly data: SVCBData;
}
export interface TLSARecordBody extends RecordSharedFields {
  readonly type: 'TLSA';
  readonly data: TLSAData;
}
export interface URIRecordBody extends RecordSharedFields {
  readonly type: 'URI';
  readonly data: URIData;
  /** 0..65535; required for URI. */
  readonly priority: number;
}

/** A record as sent to create (POST) or overwrite (PUT): one variant per type, as in the spec's `dns-record-post`. */
export type RecordBody =
  | ARecordBody
  | AAAARecordBody
  | CNAMERecordBody
  | MXRecordBody
  | NSRecordBody
  | OPENPGPKEYRecordBody
  | PTRRecordBody
  | TXTRecordBody
  | CAARecordBody
  | CERTRecordBody
  | DNSKEYRecordBody
  | DSRecordBody
  | HTTPSRecordBody
  | LOCRecordBody
  | NAPTRRecordBody
  | SMIMEARecordBody
  | SRVRecordBody
  | SSHFPRecordBody
  | SVCBRecordBody
  | TLSARecordBody
  | URIRecordBody;

type PatchOf<T> = T extends RecordBody ? Partial<Omit<T, 'type'>> & Pick<T, 'type'> : never;

/**
 * A partial update (PATCH): unspecified fields stay as they are. `type` is required because the spec's
 * `dns-record-patch` only resolves to one variant through it (and the official SDK requires it too).
 */
export type RecordPatch = PatchOf<RecordBody>;

/** Read-only fields the API adds to every record it returns. */
export interface RecordMetadata {
  /** 32 lowercase hex characters. */
  readonly id: string;
  readonly created_on: string;
  readonly modified_on: string;
  readonly proxiable: boolean;
  readonly proxied?: boolean;
  readonly meta: Readonly<Record<string, unknown>>;
  readonly comment_modified_on?: string;
  readonly tags_modified_on?: string;
  /** MX and URI carry it at the top level; the API may return it for other types too. */
  readonly priority?: number;
}

/**
 * A record as the API returns it. Data-typed records also carry the formatted `content`
 * (e.g. `0 issue "letsencrypt.org"` for CAA).
 */
export type DnsRecord = RecordBody & RecordMetadata & { readonly content: string };

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
