import { chunkPlan, chunkSize, type PlanChunk } from './chunk';
import type { BatchRequestBody, Plan } from './plan-types';
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
}

/**
 * - `applied`: every chunk was applied.
 * - `failed`: a chunk failed; the chunks before it were applied, it and the rest were not (or `unknown`).
 * - `cancelled`: stopped between chunks; the chunks before were applied, the rest not sent.
 * - `refused`: nothing was sent because the plan deletes too much without `allowDeletes`.
 */
export type ApplyStatus = 'applied' | 'failed' | 'cancelled' | 'refused';

export interface ApplyReport {
  readonly status: ApplyStatus;
  readonly chunks: readonly ChunkReport[];
  /** The error of the failed chunk. */
  readonly error?: unknown;
  /** One sentence for the user. */
  readonly message: string;
}

/**
 * Applies a plan with one batch request per chunk, in order, stopping at the first failure or at cancellation.
 * Never throws for an API failure: the report says which chunks were applied. A batch is one transaction, so
 * a chunk the API rejected changed nothing; a chunk whose request broke off is reported `unknown` (plan again
 * to see what is left).
 */
export async function applyPlan(
  api: BatchApi,
  zoneId: string,
  plan: Plan,
  options: ApplyOptions,
): Promise<ApplyReport> {
  const chunks = chunkPlan(plan, options.batchSize);
  const reports = chunks.map((chunk) => report(chunk, 'not-sent'));
  if (plan.deleteGuard.exceeded && options.allowDeletes !== true) {
    return { status: 'refused', chunks: reports, message: deleteGuardMessage(plan) };
  }
  const totalChanges = chunks.reduce((sum, chunk) => sum + chunkSize(chunk), 0);
  let appliedChanges = 0;
  for (const chunk of chunks) {
    if (options.signal?.aborted === true) {
      return {
        status: 'cancelled',
        chunks: reports,
        message: `Cancelled after ${describeApplied(chunk.index, chunks.length)}; the rest was not sent.`,
      };
    }
    try {
      await api.batch(zoneId, chunk.request);
    } catch (error) {
      const status = rejectedByApi(error) ? 'failed' : 'unknown';
      reports[chunk.index] = report(chunk, status);
      const outcome =
        status === 'failed'
          ? `chunk ${chunk.index + 1} was rejected and changed nothing`
          : `chunk ${chunk.index + 1} may or may not have been applied`;
      return {
        status: 'failed',
        chunks: reports,
        error,
        message:
          `Stopped after ${describeApplied(chunk.index, chunks.length)}: ${outcome} (${errorText(error)}). ` +
          'Run the plan again to see exactly what is left.',
      };
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
  return {
    status: 'applied',
    chunks: reports,
    message:
      chunks.length === 0
        ? 'Nothing to apply.'
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

/**
 * True when the API answered with an error to the only attempt: a batch is one transaction, so it changed
 * nothing. After a retry the first attempt may have been applied (e.g. the connection broke after the commit),
 * and the retry's error (a missing record, a duplicate) says nothing about that one.
 */
function rejectedByApi(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { status, request } = error as { status?: unknown; request?: { attempts?: unknown } };
  const attempts = typeof request?.attempts === 'number' ? request.attempts : 1;
  return typeof status === 'number' && status >= 400 && status < 500 && attempts === 1;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message.replace(/\.$/, '') : String(error);
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}
