/**
 * Cloudflare DNS records as the API takes and returns them: one variant per type, following the spec's
 * `dns-records_*Record` schemas. Field names keep the API's snake_case.
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
