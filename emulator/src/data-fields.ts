import type { RecordData } from './model';

/** One field of a type's `data` object, with the range the OpenAPI subset gives it. */
interface FieldSpec {
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

/** The `data` fields of each data type, in presentation (zone file) order. */
export const dataFieldSpecs: Readonly<Record<string, readonly FieldSpec[]>> = {
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

/** Checks a `data` object against its type's fields; returns the cleaned data (known fields only) or a problem. */
export function checkDataFields(type: string, input: unknown): { data: RecordData } | { error: string } {
  const specs = dataFieldSpecs[type];
  if (specs === undefined) return { error: `${type} records do not take a data object` };
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { error: `data is required for ${type} records and must be an object` };
  }
  const source = input as Record<string, unknown>;
  const data: Record<string, string | number> = {};
  for (const spec of specs) {
    const value = source[spec.name];
    if (value === undefined || value === null) {
      if (spec.fallback === undefined) return { error: `data.${spec.name} is required for ${type} records` };
      data[spec.name] = spec.fallback;
      continue;
    }
    const problem = checkField(spec, value);
    if (problem !== undefined) return { error: `data.${spec.name} ${problem}` };
    data[spec.name] = value as string | number;
  }
  return { data };
}

function checkField(spec: FieldSpec, value: unknown): string | undefined {
  if (spec.kind === 'string') {
    if (typeof value !== 'string') return 'must be a string';
    if (spec.values !== undefined && !spec.values.includes(value)) return `must be one of ${spec.values.join(', ')}`;
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
  if (spec.kind === 'integer' && !Number.isInteger(value)) return 'must be an integer';
  if (spec.minimum !== undefined && value < spec.minimum) return `must be at least ${spec.minimum}`;
  if (spec.maximum !== undefined && value > spec.maximum) return `must be at most ${spec.maximum}`;
  return undefined;
}
