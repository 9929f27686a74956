import { dataFieldSpecs, type DataFieldSpec } from '../../core/src/index';
import type { RecordData } from './model';

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

function checkField(spec: DataFieldSpec, value: unknown): string | undefined {
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
