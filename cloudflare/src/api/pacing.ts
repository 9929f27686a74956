import type { Clock } from './clock';
import { serverBudgetOf, type ServerBudget } from './rate-headers';
import type { ResponseHeaders } from './retry';

/** The budget as the log and the status bar show it. */
export interface BudgetSnapshot {
  /** Requests left in the server's current window (the client's estimate, counting its calls in flight). */
  readonly remaining: number;
  /** Requests per window, when the server said. */
  readonly limit?: number;
  /** Time until the window resets. */
  readonly resetInMs: number;
}

/**
 * Sends no request the server would refuse: it follows the budget the server reports on every response
 * (`Ratelimit`, `Ratelimit-Policy`, `x-ratelimit-*`), counts the calls sent since, and when none is left waits for
 * the window to reset instead of earning a 429 (after which Cloudflare blocks every call for five minutes).
 */
export class ServerPacer {
  private state: Window | undefined;
  /** Requests sent and not answered yet: the last reported count may not include them. */
  private inFlight = 0;

  constructor(
    private readonly clock: Clock,
    /** The policy this pacer follows (`default`: the account-wide one); any other that binds when it is absent. */
    private readonly policy?: string,
  ) {}

  /** When the next request may go out (epoch ms); takes its place in the budget. */
  reserve(): number {
    const now = this.clock.now();
    let state = this.state;
    if (state !== undefined && now >= state.resetAt) {
      state = this.state = nextWindow(state, state.resetAt);
    }
    this.inFlight++;
    if (state === undefined) return now;
    if (state.remaining - (this.inFlight - 1) > 0) return Math.max(now, state.opensAt);
    const at = state.resetAt;
    this.state = nextWindow(state, at);
    this.inFlight = 1;
    return at;
  }

  /** Called once per reserved request when it ends, with the response's headers when one came. */
  settle(headers: ResponseHeaders | undefined): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (headers === undefined) return;
    const budget = serverBudgetOf(headers, this.clock.now(), this.policy);
    if (budget === undefined) return;
    const state = this.state;
    // Answers to calls in flight may arrive out of order: within one window the lower count is the newer one.
    const sameWindow = state !== undefined && Math.abs(state.resetAt - budget.resetAt) < 1500;
    if (!sameWindow || budget.remaining <= state.remaining) this.state = { ...budget, opensAt: 0 };
  }

  /** The budget as last reported, less the calls in flight; undefined before any response said. */
  snapshot(): BudgetSnapshot | undefined {
    const state = this.state;
    if (state === undefined || !Number.isFinite(state.resetAt) || state.remaining === unknownQuota) return undefined;
    return {
      remaining: Math.max(0, state.remaining - this.inFlight),
      ...(state.limit === undefined ? {} : { limit: state.limit }),
      resetInMs: Math.max(0, state.resetAt - this.clock.now()),
    };
  }
}

/** The server's budget, and when the client may use it (after it waited for a reset). */
interface Window extends ServerBudget {
  readonly opensAt: number;
}

const unknownQuota = Number.MAX_SAFE_INTEGER;

/** The window that opens at `at`: the policy's full quota, or an unknown one until a response says. */
function nextWindow(state: ServerBudget, at: number): Window {
  return {
    ...state,
    remaining: state.limit ?? unknownQuota,
    resetAt: state.windowMs === undefined ? Infinity : at + state.windowMs,
    opensAt: at,
  };
}

/** `1,180 / 1,200 requests left, resets in 4 min 0 s` (or `1,180 requests left, …` without a known limit). */
export function formatBudget(budget: BudgetSnapshot): string {
  const count = (value: number): string => value.toLocaleString('en-US');
  const of = budget.limit === undefined ? '' : ` / ${count(budget.limit)}`;
  const seconds = Math.ceil(budget.resetInMs / 1000);
  const reset = seconds >= 60 ? `${Math.floor(seconds / 60)} min ${seconds % 60} s` : `${seconds} s`;
  return `${count(budget.remaining)}${of} requests left, resets in ${reset}`;
}
