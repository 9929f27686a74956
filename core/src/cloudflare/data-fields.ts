/** One field of a type's `data` object, with the range the OpenAPI subset gives it. */
export interface DataFieldSpec {
  readonly name: string;
  readonly kind: 'integer' | 'number' | 'string';
  readonly minimum?: number;
  readonly maximum?: number;
  readonly values?: readonly string[];
  /** Used when the field is absent; a field without a default is required. */
  readonly fallback?: string | number;
}

const u8 = { kind: 'integer', minimum: 0, maximum: 255 } as const;
const u16 = { kind: 'integer', minimum: 0, maximum: 65535 } as const;
const text = { kind: 'string' } as const;
const locSize = { kind: 'number', minimum: 0, maximum: 90_000_000, fallback: 0 } as const;

/**
 * The `data` fields of each type whose API record carries a `data` object, in presentation (zone file) order: the
 * one table of Cloudflare's data shapes (the emulator checks requests against it; `dataTypes` is its keys).
 */
export const dataFieldSpecs: Readonly<Record<string, readonly DataFieldSpec[]>> = {
  CAA: [
    { name: 'flags', ...u8 },
    { name: 'tag', ...text },
    { name: 'value', ...text },
  ],
  CERT: [
    { name: 'type', ...u16 },
    { name: 'key_tag', ...u16 },
    { name: 'algorithm', ...u8 },
    { name: 'certificate', ...text },
  ],
  DNSKEY: [
    { name: 'flags', ...u16 },
    { name: 'protocol', ...u8 },
    { name: 'algorithm', ...u8 },
    { name: 'public_key', ...text },
  ],
  DS: [
    { name: 'key_tag', ...u16 },
    { name: 'algorithm', ...u8 },
    { name: 'digest_type', ...u8 },
    { name: 'digest', ...text },
  ],
  HTTPS: [
    { name: 'priority', ...u16 },
    { name: 'target', ...text },
    { name: 'value', ...text, fallback: '' },
  ],
  LOC: [
    { name: 'lat_degrees', kind: 'integer', minimum: 0, maximum: 90 },
    { name: 'lat_minutes', kind: 'integer', minimum: 0, maximum: 59, fallback: 0 },
    { name: 'lat_seconds', kind: 'number', minimum: 0, maximum: 59.999, fallback: 0 },
    { name: 'lat_direction', kind: 'string', values: ['N', 'S'] },
    { name: 'long_degrees', kind: 'integer', minimum: 0, maximum: 180 },
    { name: 'long_minutes', kind: 'integer', minimum: 0, maximum: 59, fallback: 0 },
    { name: 'long_seconds', kind: 'number', minimum: 0, maximum: 59.999, fallback: 0 },
    { name: 'long_direction', kind: 'string', values: ['E', 'W'] },
    { name: 'altitude', kind: 'number', minimum: -100_000, maximum: 42_849_672.95, fallback: 0 },
    { name: 'size', ...locSize },
    { name: 'precision_horz', ...locSize },
    { name: 'precision_vert', ...locSize },
  ],
  NAPTR: [
    { name: 'order', ...u16 },
    { name: 'preference', ...u16 },
    { name: 'flags', ...text, fallback: '' },
    { name: 'service', ...text, fallback: '' },
    { name: 'regex', ...text, fallback: '' },
    { name: 'replacement', ...text },
  ],
  SMIMEA: [
    { name: 'usage', ...u8 },
    { name: 'selector', ...u8 },
    { name: 'matching_type', ...u8 },
    { name: 'certificate', ...text },
  ],
  SRV: [
    { name: 'priority', ...u16 },
    { name: 'weight', ...u16 },
    { name: 'port', ...u16 },
    { name: 'target', ...text },
  ],
  SSHFP: [
    { name: 'algorithm', ...u8 },
    { name: 'type', ...u8 },
    { name: 'fingerprint', ...text },
  ],
  SVCB: [
    { name: 'priority', ...u16 },
    { name: 'target', ...text },
    { name: 'value', ...text, fallback: '' },
  ],
  TLSA: [
    { name: 'usage', ...u8 },
    { name: 'selector', ...u8 },
    { name: 'matching_type', ...u8 },
    { name: 'certificate', ...text },
  ],
  URI: [
    { name: 'weight', ...u16 },
    { name: 'target', ...text },
  ],
};

/** Types whose API record carries a `data` object (their `content` is read-only, formatted by Cloudflare). */
export const dataTypes: ReadonlySet<string> = new Set(Object.keys(dataFieldSpecs));
