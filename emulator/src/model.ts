import { cloudflareTypes, dataTypes, proxiableTypes } from '../../core/src/index';
import type { PlanName } from './plans';

/** Per-record settings (semantics.md §7). */
export interface RecordSettings {
  readonly ipv4_only?: boolean;
  readonly ipv6_only?: boolean;
  readonly flatten_cname?: boolean;
}

/** The structured fields of a record type that Cloudflare sets through `data` (CAA, SRV, ...). */
export type RecordData = Readonly<Record<string, string | number>>;

/** A record as the emulator stores it. Records are immutable: a change replaces the object. */
export interface StoredRecord {
  /** 32 lowercase hex characters. */
  readonly id: string;
  readonly type: string;
  /** Absolute name in Punycode, lower case, without the trailing dot (`www.example.com`). */
  readonly name: string;
  readonly content: string;
  readonly data?: RecordData;
  /** MX and URI only. */
  readonly priority?: number;
  /** 1 means automatic. */
  readonly ttl: number;
  readonly proxied: boolean;
  readonly comment?: string;
  readonly tags: readonly string[];
  readonly settings: RecordSettings;
  /** A and AAAA only. */
  readonly private_routing?: boolean;
  readonly created_on: string;
  readonly modified_on: string;
  readonly comment_modified_on?: string;
  readonly tags_modified_on?: string;
}

// The zone core keeps the one list of the types Cloudflare serves, which of them take `data` and which can be proxied.
export function isSupportedType(type: string): boolean {
  return cloudflareTypes.includes(type);
}

export function usesData(type: string): boolean {
  return dataTypes.has(type);
}

export function isProxiable(type: string): boolean {
  return proxiableTypes.has(type);
}

/** A zone the emulator serves. */
export interface ZoneInfo {
  /** 32 lowercase hex characters. */
  readonly id: string;
  /** Lower case, Punycode, without the trailing dot. */
  readonly name: string;
  readonly plan: PlanName;
  readonly created_on: string;
}
