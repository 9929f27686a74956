/**
 * When and how long to wait before retrying a request: pure functions, so tests can check every case directly.
 */

export interface RetryPolicy {
  /** Retries after the first attempt (so at most maxRetries + 1 attempts). */
  readonly maxRetries: number;
  /** First backoff step when the server gives no Retry-After. */
  readonly baseDelayMs: number;
  /** Cap of the exponential backoff. */
  readonly maxDelayMs: number;
  /**
   * The longest Retry-After the client waits for by itself. Longer waits (Cloudflare blocks for up to
   * five minutes after a burst) fail at once with the time to wait, so an interactive user is not left hanging.
   */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
};

export type HeaderValue = string | readonly string[] | undefined;
export type ResponseHeaders = Readonly<Record<string, HeaderValue>>;

/** 408, 429 and every 5xx are worth another try; `x-should-retry` from the server overrides that. */
export function isRetryableStatus(status: number, headers: ResponseHeaders = {}): boolean {
  const override = headerValue(headers, 'x-should-retry');
  if (override === 'true') return true;
  if (override === 'false') return false;
  return status === 408 || status === 429 || status >= 500;
}

/**
 * The wait the server asked for, in milliseconds: `retry-after-ms`, else `retry-after` as seconds or as an
 * HTTP date (relative to `nowMs`). Undefined when absent or unreadable.
 */
export function retryAfterMs(headers: ResponseHeaders, nowMs: number): number | undefined {
  const milliseconds = headerValue(headers, 'retry-after-ms');
  if (milliseconds !== undefined && /^\s*\d+(\.\d+)?\s*$/.test(milliseconds)) return Number(milliseconds);
  const value = headerValue(headers, 'retry-after');
  if (value === undefined) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/**
 * Capped exponential backoff with jitter for retry number `retry` (0 for the first retry):
 * min(base × 2^retry, cap), reduced by up to 25 % at random so that clients do not retry in lockstep.
 */
export function backoffDelayMs(retry: number, policy: RetryPolicy, random: () => number): number {
  const exponential = Math.min(policy.baseDelayMs * 2 ** retry, policy.maxDelayMs);
  const jitter = 1 - 0.25 * Math.min(1, Math.max(0, random()));
  return Math.round(exponential * jitter);
}

export type RetryDecision =
  | { readonly retry: true; readonly delayMs: number }
  | { readonly retry: false; readonly reason: 'not-retryable' | 'exhausted' | 'retry-after-too-long' };

/**
 * Whether to retry after a failed attempt. `status` is undefined for a connection error.
 * `retry` counts the retries made so far.
 */
export function decideRetry(
  retry: number,
  status: number | undefined,
  headers: ResponseHeaders,
  policy: RetryPolicy,
  nowMs: number,
  random: () => number,
): RetryDecision {
  if (status !== undefined && !isRetryableStatus(status, headers)) return { retry: false, reason: 'not-retryable' };
  const asked = status === undefined ? undefined : retryAfterMs(headers, nowMs);
  if (asked !== undefined && asked > policy.maxRetryAfterMs) return { retry: false, reason: 'retry-after-too-long' };
  if (retry >= policy.maxRetries) return { retry: false, reason: 'exhausted' };
  return { retry: true, delayMs: asked ?? backoffDelayMs(retry, policy, random) };
}

/** Resets further away than this are taken as a misreading and ignored (Cloudflare's window is 5 minutes). */
const MAX_PLAUSIBLE_RESET_MS = 60 * 60_000;

/**
 * When the server reports its window used up (`x-ratelimit-remaining: 0`), the time its window resets
 * (`x-ratelimit-reset`, an HTTP date or seconds), plus one second because the date has second precision.
 * Sending before then would only earn a 429, and Cloudflare then blocks every call for five minutes.
 */
export function quotaExhaustedUntil(headers: ResponseHeaders, nowMs: number): number | undefined {
  const remaining = headerValue(headers, 'x-ratelimit-remaining');
  if (remaining === undefined || !/^\s*0+\s*$/.test(remaining)) return undefined;
  const reset = headerValue(headers, 'x-ratelimit-reset');
  if (reset === undefined) return undefined;
  let resetMs: number;
  if (/^\s*\d+(\.\d+)?\s*$/.test(reset)) {
    const seconds = Number(reset);
    resetMs = seconds > 1e9 ? seconds * 1000 : nowMs + seconds * 1000;
  } else {
    resetMs = Date.parse(reset);
  }
  if (Number.isNaN(resetMs) || resetMs - nowMs > MAX_PLAUSIBLE_RESET_MS) return undefined;
  return resetMs + 1000;
}

export function headerValue(headers: ResponseHeaders, name: string): string | undefined {
  const value = headers[name] ?? headers[name.toLowerCase()];
  return typeof value === 'string' ? value : value?.[0];
}
