/** Cloudflare's client API limit (semantics.md §5): 1,200 requests per 5 minutes per user. */
export const defaultRateLimit = { requests: 1200, windowMs: 5 * 60 * 1000 } as const;

/** The DNS import endpoint's own limit: "three requests per minute per user" (DOCS:impexp, Limits). */
export const importRateLimit = { requests: 3, windowMs: 60 * 1000 } as const;

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
 * A fixed window per user under one named policy. Going over the limit blocks the user for a whole window from that
 * moment, as Cloudflare blocks "all API calls for the next five minutes".
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private config: RateLimitConfig,
    private readonly clock: () => number,
    /** The policy name in the `Ratelimit` and `Ratelimit-Policy` headers. */
    readonly policy = 'default',
  ) {}

  get limits(): RateLimitConfig {
    return this.config;
  }

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
  return { allowed: false, limit, retryAfterSeconds: secondsUntil(until, now), resetAt: until };
}

/** Whole seconds until `time`, rounded up and at least 1 (Cloudflare: "rounded up"). */
function secondsUntil(time: number, now: number): number {
  return Math.max(1, Math.ceil((time - now) / 1000));
}

/** One policy's decision for a request, ready to be reported in headers. */
export interface PolicyDecision {
  readonly limiter: RateLimiter;
  readonly decision: RateDecision;
}

/**
 * The rate-limit headers Cloudflare documents for REST answers (developers.cloudflare.com/fundamentals/api/reference/
 * limits, "Rate limiting headers", and the 2025-09-03 changelog; IETF draft-ietf-httpapi-ratelimit-headers syntax):
 * `Ratelimit: "default";r=<remaining>;t=<seconds until the window resets>` and
 * `Ratelimit-Policy: "default";q=<quota>;w=<window seconds>` on every answer, one list item per policy that applied.
 * `retry-after` is added by the 429 itself. The older `x-ratelimit-limit`, `x-ratelimit-remaining` (not on a 429)
 * and `x-ratelimit-reset` (RFC 1123 date) were documented by an earlier revision of that page (semantics.md §5) and
 * are kept for clients that still read them; they describe the first policy.
 */
export function rateLimitHeaders(decisions: readonly PolicyDecision[], now: number): Record<string, string> {
  const first = decisions[0];
  if (first === undefined) return {};
  const remaining = (decision: RateDecision): number => (decision.allowed ? decision.remaining : 0);
  const headers: Record<string, string> = {
    ratelimit: decisions
      .map(({ limiter, decision }) => `"${limiter.policy}";r=${remaining(decision)};t=${resetSeconds(decision, now)}`)
      .join(', '),
    'ratelimit-policy': decisions.map(({ limiter }) => policyItem(limiter)).join(', '),
    'x-ratelimit-limit': String(first.decision.limit),
    'x-ratelimit-reset': new Date(first.decision.resetAt).toUTCString(),
  };
  if (first.decision.allowed) headers['x-ratelimit-remaining'] = String(first.decision.remaining);
  return headers;
}

/** `Ratelimit-Policy` alone, for answers that consulted no budget (a refused credential). */
export function policyHeader(limiters: readonly RateLimiter[]): Record<string, string> {
  return { 'ratelimit-policy': limiters.map(policyItem).join(', ') };
}

/** The headers of an injected 429 (fault injection): the policy reports nothing left for `retryAfter` seconds. */
export function blockedHeaders(limiter: RateLimiter, retryAfterSeconds: number): Record<string, string> {
  return { ratelimit: `"${limiter.policy}";r=0;t=${retryAfterSeconds}`, ...policyHeader([limiter]) };
}

function policyItem(limiter: RateLimiter): string {
  const { requests, windowMs } = limiter.limits;
  return `"${limiter.policy}";q=${requests};w=${Math.max(1, Math.ceil(windowMs / 1000))}`;
}

function resetSeconds(decision: RateDecision, now: number): number {
  return decision.allowed ? Math.max(0, Math.ceil((decision.resetAt - now) / 1000)) : decision.retryAfterSeconds;
}
