import { entriesOf, requestOf, type PlanChunk, type PlanEntry } from './chunk';
import type { BatchRequestBody, PlanRecordBody } from './plan-types';

/** The one API call the search needs (the applier's). */
export interface ProbeApi {
  batch(zoneId: string, request: BatchRequestBody, options?: { signal?: AbortSignal }): Promise<unknown>;
}

/** The change of a rejected chunk that Cloudflare refuses, with Cloudflare's error. */
export interface FailingChange {
  readonly entry: PlanEntry;
  readonly error: unknown;
}

export type FailingSearch =
  | { readonly found: FailingChange; readonly probes: number }
  | {
      readonly found: undefined;
      readonly probes: number;
      /** Why the search stopped. */
      readonly reason: string;
      /** The changes one of which fails, when the search narrowed them down but not to one. */
      readonly candidates: readonly PlanEntry[];
    };

/**
 * Finds the change that makes Cloudflare reject a chunk, through the batch endpoint and without applying anything.
 *
 * The API runs a batch's changes in one order (deletes, patches, puts, posts) and answers with the first error,
 * so the smallest prefix of that order that fails ends with the failing change: a binary search over prefix
 * lengths finds it in about log2(n) requests. Every probe ends with a sentinel, two posts at a fresh name that can
 * never coexist, so every probe fails and rolls back: a prefix that is fine answers with the sentinel's error, a
 * prefix holding the failing change with the chunk's own error. The sentinel is tried alone first to learn its
 * error (and picked so that it differs from the chunk's).
 */
export async function findFailingChange(
  api: ProbeApi,
  zoneId: string,
  chunk: PlanChunk,
  rejection: unknown,
  settings: { readonly zone: string; readonly batchLimit: number; readonly signal?: AbortSignal },
): Promise<FailingSearch> {
  const entries = entriesOf(chunk);
  let probes = 0;
  const original = errorKey(rejection);
  const stop = (reason: string, candidates: readonly PlanEntry[] = entries): FailingSearch => ({
    found: undefined,
    probes,
    reason,
    candidates,
  });
  if (original === undefined) return stop('the rejection carries no error to compare probes with');
  const send = async (request: BatchRequestBody): Promise<ProbeOutcome> => {
    probes++;
    return probe(api, zoneId, request, settings.signal);
  };

  let sentinel: PlanRecordBody[] | undefined;
  let sentinelKey: string | undefined;
  for (const kind of sentinelKinds) {
    const candidate = sentinelPosts(kind, settings.zone);
    const outcome = await send({ posts: candidate });
    if (outcome.kind === 'applied') {
      await removeProbeRecords(api, zoneId, outcome.result, settings.signal);
      return stop('Cloudflare accepted a probe that cannot be valid, so probes cannot be trusted (it was removed)');
    }
    if (outcome.kind === 'unanswered') return stop(`a probe got no verdict (${errorText(outcome.error)})`);
    if (outcome.key !== original) {
      sentinel = candidate;
      sentinelKey = outcome.key;
      break;
    }
  }
  if (sentinel === undefined || sentinelKey === undefined) {
    return stop("every probe fails with the chunk's own error, so none tells where it comes from");
  }

  // Invariant: the prefix of length `clean` passes, the prefix of length `failing` fails with `failingError`;
  // `confirmed` once a probe (not only the original request) showed the failure.
  let clean = 0;
  let failing = entries.length;
  let failingError = rejection;
  let confirmed = false;
  const bisect = async (length: number): Promise<FailingSearch | undefined> => {
    if (length + sentinel.length > settings.batchLimit) {
      return stop('a probe would exceed the batch limit', entries.slice(clean, failing));
    }
    const request = requestOf(entries.slice(0, length));
    const outcome = await send({ ...request, posts: [...(request.posts ?? []), ...sentinel] });
    if (outcome.kind === 'applied') {
      await removeProbeRecords(api, zoneId, outcome.result, settings.signal);
      return stop('a probe was applied although its sentinel cannot be; plan again to see the zone as it is now');
    }
    if (outcome.kind === 'unanswered') {
      return stop(`a probe got no verdict (${errorText(outcome.error)})`, entries.slice(clean, failing));
    }
    if (outcome.key === sentinelKey) {
      clean = length;
    } else {
      failing = length;
      failingError = outcome.error;
      confirmed = true;
    }
    return undefined;
  };
  while (failing - clean > 1) {
    const stopped = await bisect(Math.floor((clean + failing) / 2));
    if (stopped !== undefined) return stopped;
  }
  // The whole chunk's failure was seen only once: a rejection that does not repeat (an injected or passing
  // error) must not be pinned on the last change.
  if (!confirmed) {
    const stopped = await bisect(failing);
    if (stopped !== undefined) return stopped;
    if (!confirmed) return stop('the rejection did not repeat: it came from no change of the chunk', []);
  }
  const entry = entries[failing - 1];
  return entry === undefined ? stop('the chunk is empty', []) : { found: { entry, error: failingError }, probes };
}

type ProbeOutcome =
  | { readonly kind: 'applied'; readonly result: unknown }
  | { readonly kind: 'rejected'; readonly key: string; readonly error: unknown }
  | { readonly kind: 'unanswered'; readonly error: unknown };

async function probe(
  api: ProbeApi,
  zoneId: string,
  request: BatchRequestBody,
  signal: AbortSignal | undefined,
): Promise<ProbeOutcome> {
  try {
    return { kind: 'applied', result: await api.batch(zoneId, request, signal === undefined ? {} : { signal }) };
  } catch (error) {
    const key = errorKey(error);
    return isContentRejection(error) && key !== undefined
      ? { kind: 'rejected', key, error }
      : { kind: 'unanswered', error };
  }
}

const sentinelKinds = ['ns-beside-other', 'duplicate', 'cname-beside-address'] as const;

/** Two posts at a fresh name that the API cannot both accept. */
function sentinelPosts(kind: (typeof sentinelKinds)[number], zone: string): PlanRecordBody[] {
  const random = Math.floor(Math.random() * 2 ** 48).toString(16);
  const name = `_zone-records-probe-${random}.${zone}`;
  const txt: PlanRecordBody = { type: 'TXT', name, content: '"zone-records probe, never applied"', ttl: 1 };
  if (kind === 'duplicate') return [txt, txt];
  if (kind === 'ns-beside-other') return [txt, { type: 'NS', name, content: `ns.${zone}`, ttl: 1 }];
  return [
    { type: 'CNAME', name, content: zone, ttl: 1 },
    { type: 'A', name, content: '192.0.2.1', ttl: 1 },
  ];
}

/** Deletes the sentinel records of a probe the API unexpectedly applied. */
async function removeProbeRecords(
  api: ProbeApi,
  zoneId: string,
  result: unknown,
  signal: AbortSignal | undefined,
): Promise<void> {
  const posts = (result as { posts?: { id?: unknown; name?: unknown }[] } | undefined)?.posts ?? [];
  const ids = posts
    .filter((record) => typeof record.name === 'string' && record.name.startsWith('_zone-records-probe-'))
    .map((record) => record.id)
    .filter((id): id is string => typeof id === 'string');
  if (ids.length === 0) return;
  try {
    await api.batch(zoneId, { deletes: ids.map((id) => ({ id })) }, signal === undefined ? {} : { signal });
  } catch {
    // The caller reports that the zone must be planned again; a failed cleanup shows up there.
  }
}

/** What identifies an API error: its status and its messages. Undefined for errors that are not the API's. */
export function errorKey(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, errors, message } = error as { status?: unknown; errors?: unknown; message?: unknown };
  if (typeof status !== 'number') return undefined;
  return `${status} ${Array.isArray(errors) && errors.length > 0 ? JSON.stringify(errors) : String(message)}`;
}

/**
 * True when the API answered with an error to the only attempt: a batch is one transaction, so it changed
 * nothing. After a retry the first attempt may have been applied (e.g. the connection broke after the commit),
 * and the retry's error (a missing record, a duplicate) says nothing about that one.
 */
export function rejectedByApi(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { status, request } = error as { status?: unknown; request?: { attempts?: unknown } };
  const attempts = typeof request?.attempts === 'number' ? request.attempts : 1;
  return typeof status === 'number' && status >= 400 && status < 500 && attempts === 1;
}

/** A rejection that is about the request's content (a 4xx other than a rate limit): worth searching for its cause. */
export function isContentRejection(error: unknown): boolean {
  return rejectedByApi(error) && (error as { status?: unknown }).status !== 429;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message.replace(/\.$/, '') : String(error);
}
