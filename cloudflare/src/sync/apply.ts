import { errorText, findFailingChange, isContentRejection, rejectedByApi, type FailingChange } from './bisect';
import { chunkOf, chunkPlan, chunkSize, entriesOf, type PlanChunk, type PlanEntry } from './chunk';
import type { BatchRequestBody, Plan } from './plan-types';
import { preflightMessage, type PreflightProblem } from './preflight';
import { summarizePlan } from './plan-types';

/** The one API call apply needs; the Cloudflare client provides it. */
export interface BatchApi {
  batch(zoneId: string, request: BatchRequestBody, options?: { signal?: AbortSignal }): Promise<unknown>;
}

/** What became of one chunk. `unknown`: the request failed in a way that does not tell whether the API ran it. */
export type ChunkStatus = 'applied' | 'failed' | 'unknown' | 'not-sent';

export interface ChunkReport {
  readonly index: number;
  readonly deletes: number;
  readonly patches: number;
  readonly puts: number;
  readonly posts: number;
  readonly status: ChunkStatus;
}

export interface ApplyProgress {
  /** The chunk just applied (0-based). */
  readonly index: number;
  readonly total: number;
  /** Changes applied so far, over all chunks. */
  readonly appliedChanges: number;
  readonly totalChanges: number;
  readonly chunk: ChunkReport;
}

export interface ApplyOptions {
  /** Changes per batch request: 200 on Free, 3,500 on paid plans. */
  readonly batchSize: number;
  /** Confirms a plan whose deletes exceed the plan's delete guard. */
  readonly allowDeletes?: boolean;
  /**
   * Cancels between chunks: the chunk in flight is let finish, so that every chunk is known applied or not.
   * (Aborting a batch request in flight would leave its outcome unknown.)
   */
  readonly signal?: AbortSignal;
  /** Called after each chunk the API applied. */
  readonly onChunk?: (progress: ApplyProgress) => void;
  /** Searches a rejected chunk for the change Cloudflare refuses (default true); the probes apply nothing. */
  readonly findFailing?: boolean;
  /**
   * Leaves out the changes at a name whose change Cloudflare refuses and applies the rest (default false: a
   * rejected chunk stops the apply with nothing of it applied).
   */
  readonly skipFailing?: boolean;
  /** Records of the zone file Cloudflare would refuse (preflightProblems): when there are any, nothing is sent. */
  readonly preflight?: readonly PreflightProblem[];
}

/**
 * - `applied`: every chunk was applied (less `skippedChanges` when `skipFailing` was asked for).
 * - `failed`: a chunk failed; the chunks before it were applied, it and the rest were not (or `unknown`).
 * - `cancelled`: stopped between chunks; the chunks before were applied, the rest not sent.
 * - `refused`: nothing was sent, because the plan deletes too much without `allowDeletes` or because the pre-flight
 *   check found records Cloudflare would refuse.
 */
export type ApplyStatus = 'applied' | 'failed' | 'cancelled' | 'refused';

/** A change Cloudflare refused, as the user reads it. */
export interface RefusedChange {
  readonly action: 'create' | 'update' | 'delete';
  readonly name: string;
  readonly type: string;
  readonly display: string;
  /** 0-based line of the record in the zone file (absent for deletes and records of included files). */
  readonly line?: number;
  /** Cloudflare's error, as one sentence. */
  readonly error: string;
  /** The error object itself. */
  readonly cause: unknown;
}

export interface ApplyReport {
  readonly status: ApplyStatus;
  readonly chunks: readonly ChunkReport[];
  /** The error of the failed chunk. */
  readonly error?: unknown;
  /** The change that made the failed chunk fail, when the search found it. */
  readonly failing?: RefusedChange;
  /** Changes left out at the user's request (`skipFailing`), each because Cloudflare refused it or its name's. */
  readonly skippedChanges?: readonly RefusedChange[];
  /** The records the pre-flight check refused. */
  readonly preflight?: readonly PreflightProblem[];
  /** Batch requests the search for failing changes sent (none of them applied anything). */
  readonly probes?: number;
  /** One sentence for the user. */
  readonly message: string;
}

/** Most refused changes `skipFailing` leaves out before the apply stops anyway: past that, something larger is wrong. */
const MAX_REFUSALS = 50;

/**
 * Applies a plan with one batch request per chunk, in order, stopping at the first failure or at cancellation.
 * Never throws for an API failure: the report says which chunks were applied. A batch is one transaction, so
 * a chunk the API rejected changed nothing; the change it refused is then searched for (findFailingChange) and
 * named. A chunk whose request broke off is reported `unknown` (plan again to see what is left).
 */
export async function applyPlan(
  api: BatchApi,
  zoneId: string,
  plan: Plan,
  options: ApplyOptions,
): Promise<ApplyReport> {
  const chunks = chunkPlan(plan, options.batchSize);
  const reports = chunks.map((chunk) => report(chunk, 'not-sent'));
  const refused = options.preflight ?? [];
  if (refused.length > 0) {
    return { status: 'refused', chunks: reports, preflight: refused, message: preflightMessage(refused) };
  }
  if (plan.deleteGuard.exceeded && options.allowDeletes !== true) {
    return { status: 'refused', chunks: reports, message: deleteGuardMessage(plan) };
  }
  const totalChanges = chunks.reduce((sum, chunk) => sum + chunkSize(chunk), 0);
  const skipped: RefusedChange[] = [];
  let probes = 0;
  let refusals = 0;
  let appliedChanges = 0;
  for (const planned of chunks) {
    if (options.signal?.aborted === true) {
      return {
        status: 'cancelled',
        chunks: reports,
        ...extras(skipped, probes),
        message: `Cancelled after ${describeApplied(planned.index, chunks.length)}; the rest was not sent.`,
      };
    }
    let chunk = planned;
    for (;;) {
      try {
        if (chunkSize(chunk) > 0) await api.batch(zoneId, chunk.request);
        break;
      } catch (error) {
        const status = rejectedByApi(error) ? 'failed' : 'unknown';
        const search =
          status === 'failed' && isContentRejection(error) && options.findFailing !== false
            ? await findFailingChange(api, zoneId, chunk, error, {
                zone: plan.zone,
                batchLimit: options.batchSize,
                ...(options.signal === undefined ? {} : { signal: options.signal }),
              })
            : undefined;
        probes += search?.probes ?? 0;
        const found = search?.found;
        if (found !== undefined && options.skipFailing === true && refusals < MAX_REFUSALS) {
          refusals++;
          const left = withoutName(chunk, nameOf(found.entry));
          skipped.push(...refusedAt(chunk, found));
          chunk = left;
          continue;
        }
        reports[chunk.index] = report(chunk, status);
        const failing = found === undefined ? undefined : refusedChange(found.entry, found.error);
        return {
          status: 'failed',
          chunks: reports,
          error,
          ...(failing === undefined ? {} : { failing }),
          ...extras(skipped, probes),
          message: failureMessage(chunk, chunks.length, status, error, failing, search),
        };
      }
    }
    reports[chunk.index] = report(chunk, 'applied');
    appliedChanges += chunkSize(chunk);
    options.onChunk?.({
      index: chunk.index,
      total: chunks.length,
      appliedChanges,
      totalChanges,
      chunk: reports[chunk.index],
    });
  }
  const summary = summarizePlan(plan);
  const left = skipped.length === 0 ? '' : ` ${skippedSentence(skipped)}`;
  return {
    status: 'applied',
    chunks: reports,
    ...extras(skipped, probes),
    message:
      chunks.length === 0
        ? 'Nothing to apply.'
        : skipped.length > 0
          ? `Applied ${appliedChanges} of ${totalChanges} changes in ${chunks.length} ${plural(chunks.length, 'chunk')}.${left}`
          : `Applied ${chunks.length} of ${chunks.length} ${plural(chunks.length, 'chunk')}: ` +
            `${summary.create} created, ${summary.update} updated, ${summary.delete} deleted.`,
  };
}

/** Why a plan needs confirmation before it is applied. */
export function deleteGuardMessage(plan: Plan): string {
  const guard = plan.deleteGuard;
  const percent = guard.managed === 0 ? 100 : Math.round((guard.deletes / guard.managed) * 100);
  return (
    `The plan deletes ${guard.deletes} of ${guard.managed} records (${percent} %), more than the limit of ` +
    `${guard.maxCount} records or ${Math.round(guard.maxRatio * 100)} %. Check the plan, then confirm the deletes ` +
    '(--allow-deletes on the command line).'
  );
}

/** `create www.example.com A 192.0.2.1 (line 12)`. */
export function formatRefusedChange(change: RefusedChange): string {
  const line = change.line === undefined ? '' : ` (line ${change.line + 1})`;
  return `${change.action} ${change.name} ${change.type} ${change.display}${line}`;
}

function failureMessage(
  chunk: PlanChunk,
  total: number,
  status: 'failed' | 'unknown',
  error: unknown,
  failing: RefusedChange | undefined,
  search: Awaited<ReturnType<typeof findFailingChange>> | undefined,
): string {
  const stopped = `Stopped after ${describeApplied(chunk.index, total)}`;
  if (status === 'unknown') {
    return (
      `${stopped}: chunk ${chunk.index + 1} may or may not have been applied (${errorText(error)}). ` +
      'Run the plan again to see exactly what is left.'
    );
  }
  const rejected = `${stopped}: chunk ${chunk.index + 1} was rejected and changed nothing`;
  if (failing !== undefined) {
    return (
      `${rejected}. Cloudflare refuses ${formatRefusedChange(failing)}: ${failing.error} ` +
      `(found with ${search?.probes ?? 0} probe requests, none applied). Fix that record, or leave it out ` +
      '(--skip-failing on the command line) to apply everything else; then run the plan again.'
    );
  }
  const why =
    search !== undefined && search.found === undefined ? ` The failing change was not found: ${search.reason}.` : '';
  return `${rejected} (${errorText(error)}).${why} Run the plan again to see exactly what is left.`;
}

function refusedChange(entry: PlanEntry, error: unknown): RefusedChange {
  const record = entry.kind === 'delete' ? entry.value : entry.kind === 'post' ? entry.value : entry.value.desired;
  const action = entry.kind === 'delete' ? 'delete' : entry.kind === 'post' ? 'create' : 'update';
  const line = 'line' in record ? record.line : undefined;
  return {
    action,
    name: record.name,
    type: record.type,
    display: record.display,
    ...(line === undefined ? {} : { line }),
    error: errorText(error),
    cause: error,
  };
}

/** The refused change and the other changes at its name, which are left out with it. */
function refusedAt(chunk: PlanChunk, found: FailingChange): RefusedChange[] {
  const name = nameOf(found.entry);
  return entriesOf(chunk)
    .filter((entry) => nameOf(entry) === name)
    .map((entry) =>
      entry === found.entry
        ? refusedChange(entry, found.error)
        : refusedChange(entry, `left out with the refused change at ${name}`),
    );
}

function withoutName(chunk: PlanChunk, name: string): PlanChunk {
  return chunkOf(
    entriesOf(chunk).filter((entry) => nameOf(entry) !== name),
    chunk.index,
  );
}

function nameOf(entry: PlanEntry): string {
  return entry.kind === 'patch' || entry.kind === 'put' ? entry.value.live.name : entry.value.name;
}

function skippedSentence(skipped: readonly RefusedChange[]): string {
  const list = skipped.map((change) => `${formatRefusedChange(change)}: ${change.error}`).join('; ');
  return `Left out ${skipped.length} ${plural(skipped.length, 'change')} as asked: ${list}.`;
}

function extras(skipped: readonly RefusedChange[], probes: number): Pick<ApplyReport, 'skippedChanges' | 'probes'> {
  return { ...(skipped.length === 0 ? {} : { skippedChanges: skipped }), ...(probes === 0 ? {} : { probes }) };
}

function report(chunk: PlanChunk, status: ChunkStatus): ChunkReport {
  return {
    index: chunk.index,
    deletes: chunk.deletes.length,
    patches: chunk.patches.length,
    puts: chunk.puts.length,
    posts: chunk.posts.length,
    status,
  };
}

function describeApplied(applied: number, total: number): string {
  if (applied === 0) return `0 of ${total} ${plural(total, 'chunk')} applied`;
  const list = applied === 1 ? 'chunk 1' : `chunks 1-${applied}`;
  return `${applied} of ${total} ${plural(total, 'chunk')} applied (${list})`;
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}
