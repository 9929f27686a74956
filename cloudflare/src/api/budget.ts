import type { Clock } from './clock';

/** At most `limit` requests in any window of `windowMs`. Cloudflare allows 1,200 per 5 minutes per user. */
export interface BudgetLimit {
  readonly limit: number;
  readonly windowMs: number;
}

export const CLOUDFLARE_RATE_LIMIT: BudgetLimit = { limit: 1200, windowMs: 5 * 60_000 };

/**
 * A client-side sliding-window budget: every request takes a slot, and a slot opens `windowMs` after the one
 * `limit` places earlier. Slots are handed out synchronously in call order, so concurrent callers never overrun
 * the limit between them.
 */
export class RequestBudget {
  private readonly slots: number[] = [];
  private next = 0;

  constructor(
    readonly limits: BudgetLimit,
    private readonly clock: Clock,
  ) {
    if (!(limits.limit >= 1) || !(limits.windowMs > 0)) {
      throw new RangeError('the request budget needs a limit of at least 1 and a positive window');
    }
  }

  /** Reserves the next slot and returns the time it opens (epoch ms); the caller waits until then. */
  reserve(): number {
    const now = this.clock.now();
    const { limit, windowMs } = this.limits;
    const previous = this.slots.length === limit ? this.slots[this.next] : undefined;
    const at = previous === undefined ? now : Math.max(now, previous + windowMs);
    if (this.slots.length < limit) this.slots.push(at);
    else this.slots[this.next] = at;
    this.next = (this.next + 1) % limit;
    return at;
  }

  /** Waits for a slot. The slot stays used even when the wait is cancelled: the budget errs on the safe side. */
  async acquire(signal?: AbortSignal): Promise<void> {
    const at = this.reserve();
    const wait = at - this.clock.now();
    if (wait > 0) await this.clock.sleep(wait, signal);
  }
}
