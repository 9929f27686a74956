import { pathMatcher } from './path-pattern';

/**
 * What a fault does to a request that matches it:
 * - `delay`: waits `delayMs`, then the request is served normally (or by another fault);
 * - `status`: answers `status` (default 500) with an error envelope, without touching any record;
 * - `rate-limit`: answers 429 with `Retry-After: retryAfter` seconds (default 1);
 * - `drop`: destroys the connection without an answer, before the request is applied;
 * - `drop-after`: applies the request, then destroys the connection instead of answering (the client cannot tell
 *   whether the change happened).
 */
export type FaultKind = 'delay' | 'status' | 'rate-limit' | 'drop' | 'drop-after';

export const faultKinds: readonly FaultKind[] = ['delay', 'status', 'rate-limit', 'drop', 'drop-after'];

export interface FaultSpec {
  readonly kind: FaultKind;
  /** How many matching requests it affects (default 1); ignored when `persistent`. */
  readonly times?: number;
  /** Affects every matching request until the faults are cleared. */
  readonly persistent?: boolean;
  /** Only requests with this method (any when absent). */
  readonly method?: string;
  /** Only requests whose path (below /client/v4) matches this glob; `*` = one segment, `**` = any. */
  readonly path?: string;
  readonly status?: number;
  readonly delayMs?: number;
  readonly retryAfter?: number;
}

export interface ActiveFault extends FaultSpec {
  readonly id: number;
  remaining: number;
}

/** The faults to inject, consumed by matching requests in the order they were added. */
export class FaultInjector {
  private faults: (ActiveFault & { matches: (path: string) => boolean })[] = [];
  private nextId = 1;

  /** Adds a fault; returns its id. Throws a descriptive Error on a malformed spec. */
  add(spec: FaultSpec): number {
    const problem = checkFaultSpec(spec);
    if (problem !== undefined) throw new Error(problem);
    const id = this.nextId;
    this.nextId += 1;
    const matchPath = spec.path === undefined ? () => true : pathMatcher(spec.path);
    this.faults.push({ ...spec, id, remaining: spec.times ?? 1, matches: matchPath });
    return id;
  }

  clear(): void {
    this.faults = [];
  }

  list(): ActiveFault[] {
    return this.faults.map(({ matches: _matches, ...fault }) => fault);
  }

  /** The faults that apply to this request: every matching delay, then at most one other fault. Consumes them. */
  take(method: string, path: string): { delayMs: number; fault: ActiveFault | undefined } {
    let delayMs = 0;
    let fault: ActiveFault | undefined;
    for (const candidate of this.faults) {
      if (candidate.method !== undefined && candidate.method.toUpperCase() !== method) continue;
      if (!candidate.matches(path)) continue;
      if (candidate.kind === 'delay') {
        delayMs += candidate.delayMs ?? 0;
      } else if (fault === undefined) {
        fault = candidate;
      } else {
        continue;
      }
      if (candidate.persistent !== true) candidate.remaining -= 1;
    }
    this.faults = this.faults.filter((candidate) => candidate.persistent === true || candidate.remaining > 0);
    return { delayMs, fault };
  }
}

/** Validates a fault spec that may come from JSON; returns a problem description. */
export function checkFaultSpec(spec: unknown): string | undefined {
  if (typeof spec !== 'object' || spec === null) return 'a fault is an object with a kind';
  const fault = spec as Record<string, unknown>;
  if (!faultKinds.includes(fault['kind'] as FaultKind)) return `kind must be one of ${faultKinds.join(', ')}`;
  for (const key of ['times', 'status', 'delayMs', 'retryAfter'] as const) {
    const value = fault[key];
    if (value !== undefined && (typeof value !== 'number' || !Number.isInteger(value) || value < 0)) {
      return `${key} must be a non-negative integer`;
    }
  }
  if (fault['times'] === 0) return 'times must be at least 1 (use persistent for a fault that stays)';
  const status = fault['status'];
  if (typeof status === 'number' && (status < 400 || status > 599)) return 'status must be from 400 to 599';
  for (const key of ['method', 'path'] as const) {
    if (fault[key] !== undefined && typeof fault[key] !== 'string') return `${key} must be a string`;
  }
  return undefined;
}
