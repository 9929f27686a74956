import { convertZoneRecord, type PlanRecordBody } from '../../../cloudflare/src/index';
import { parse, proxiableTypes, withTrailingDot } from '../../../core/src/index';

/** What the create and edit forms ask for. `rdata` is written as in a zone file (`10 mail.example.com.` for MX). */
export interface RecordFormInput {
  /** Relative (`www`, `@`) or absolute (`www.example.com.`) owner. */
  readonly name: string;
  readonly type: string;
  readonly rdata: string;
  readonly ttl: number;
  readonly proxied?: boolean;
  readonly comment?: string;
  readonly tags?: readonly string[];
}

/** A record body for the API, or why the input is not a valid record. */
export type RecordFormResult = { readonly body: PlanRecordBody } | { readonly error: string };

/** Checks a TTL as Cloudflare takes it: 1 (automatic) or 60..86400. Returns an error message, or undefined. */
export function checkTtl(text: string): string | undefined {
  const ttl = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(ttl)) return 'Enter a whole number of seconds, or 1 for automatic.';
  if (ttl !== 1 && (ttl < 60 || ttl > 86400)) return 'Cloudflare takes 1 (automatic) or 60 to 86400 seconds.';
  return undefined;
}

/**
 * Validates the input with the zone core's rdata checks (the form is parsed as one zone-file line) and builds the
 * API body. Never throws.
 */
export function buildRecordBody(zone: string, input: RecordFormInput): RecordFormResult {
  const origin = withTrailingDot(zone);
  const type = input.type.trim().toUpperCase();
  const name = input.name.trim() === '' ? '@' : input.name.trim();
  if (/\s|;/.test(name)) return { error: 'A name has no spaces or semicolons.' };
  if (input.rdata.includes('\n')) return { error: 'Write the record data on one line.' };
  if (input.rdata.trim() === '') return { error: `Enter the ${type} record's data.` };
  const ttlError = checkTtl(String(input.ttl));
  if (ttlError) return { error: ttlError };
  if (input.proxied === true && !proxiableTypes.has(type)) return { error: `${type} records cannot be proxied.` };
  // Parse with a TTL the parser accepts (Cloudflare's 1 is a valid zone-file TTL too).
  const line = `${name} ${input.ttl} IN ${type} ${input.rdata.trim()}`;
  const parsed = parse(`${line}\n`, { origin });
  const problem = parsed.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
  if (problem) return { error: problem.message };
  const record = parsed.records[0];
  if (record === undefined || parsed.records.length !== 1) return { error: 'This is not one record.' };
  const owner = record.owner.toLowerCase();
  if (owner !== origin.toLowerCase() && !owner.endsWith(`.${origin.toLowerCase()}`)) {
    return { error: `${record.owner} is outside the zone ${zone}.` };
  }
  const converted = convertZoneRecord(record, origin);
  if ('reason' in converted) return { error: `Cannot send this record: ${converted.reason}.` };
  const comment = input.comment?.trim() ?? '';
  const body: PlanRecordBody = {
    ...converted.body,
    ttl: input.ttl,
    ...(proxiableTypes.has(type) ? { proxied: input.proxied === true } : {}),
    ...(comment === '' ? {} : { comment }),
    ...(input.tags === undefined ? {} : { tags: input.tags }),
  };
  return { body };
}
