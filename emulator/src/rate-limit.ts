/** Cloudflare's client API limit (semantics.md §5): 1,200 requests per 5 minutes per user. */
export const defaultRateLimit = { requests: 1200, windowMs: 5 * 60 * 1000 } as const;

export interface RateLimitConfig {
  readonly requests: number;
  readonly windowMs: number;
}

export type RateDecision =
  | { readonly allowed: true; readonly limit: number; readonly remaining: number; readonly resetAt: number }
  | { readonly allowed: false; readonly limit: number; readonly retryAfterSeconds: number; readonly resetAt: number };

interface Window {
  start: number;
  count: number;
  blockedUntil: number;
}

/**
 * A fixed window per user. Going over the limit blocks the user for a whole window from that moment, as Cloudflare
 * blocks "all API calls for the next five minutes".
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private config: RateLimitConfig,
    private readonly clock: () => number,
  ) {}

  configure(config: RateLimitConfig): void {
    this.config = config;
    this.windows.clear();
  }

  reset(): void {
    this.windows.clear();
  }

  take(user: string): RateDecision {
    const now = this.clock();
    const { requests, windowMs } = this.config;
    let window = this.windows.get(user);
    if (window !== undefined && window.blockedUntil > now) return blocked(requests, window.blockedUntil, now);
    if (window === undefined || now - window.start >= windowMs) {
      window = { start: now, count: 0, blockedUntil: 0 };
      this.windows.set(user, window);
    }
    window.count += 1;
    if (window.count > requests) {
      window.blockedUntil = now + windowMs;
      return blocked(requests, window.blockedUntil, now);
    }
    return { allowed: true, limit: requests, remaining: requests - window.count, resetAt: window.start + windowMs };
  }
}

function blocked(limit: number, until: number, now: number): RateDecision {
  return { allowed: false, limit, retryAfterSeconds: Math.max(1, Math.ceil((until - now) / 1000)), resetAt: until };
}
