import { STATUS_CODES } from 'node:http';
import { request, type Dispatcher, type FormData } from 'undici';
import type { RequestBudget } from './budget';
import type { Clock } from './clock';
import { formatBudget, type BudgetSnapshot, type ServerPacer } from './pacing';
import {
  CloudflareApiError,
  CloudflareAuthError,
  CloudflareCancelledError,
  CloudflareConfigError,
  CloudflareError,
  CloudflareNetworkError,
  CloudflareNotFoundError,
  CloudflareRateLimitError,
  CloudflareResponseError,
  CloudflareTimeoutError,
  type CloudflareErrorKind,
  type RequestDescription,
} from './errors';
import { decideRetry, quotaExhaustedUntil, retryAfterMs, type ResponseHeaders, type RetryPolicy } from './retry';
import type { CloudflareMessage } from './types';

/** An API token (preferred), or the legacy email + global API key pair. */
export type Credentials = { readonly token: string } | { readonly email: string; readonly key: string };

/** One HTTP attempt, for the log. Holds no header and no body, so never a credential. */
export interface RequestLogEntry {
  readonly method: string;
  /** Path and query below the base URL. */
  readonly path: string;
  /** 1 for the first try, 2 for the first retry, … */
  readonly attempt: number;
  /** HTTP status, absent when no response arrived. */
  readonly status?: number;
  readonly durationMs: number;
  /** `ok`: done; `retry`: another attempt follows after `retryInMs`; `error`: the call fails. */
  readonly outcome: 'ok' | 'retry' | 'error';
  readonly retryInMs?: number;
  /** For attempts without a response: what happened. */
  readonly error?: CloudflareErrorKind;
  /** The rate budget left after this attempt, as the server's headers reported it. */
  readonly budget?: BudgetSnapshot;
}

/** Per-call options every client method accepts. */
export interface CallOptions {
  /** Cancels the call, including any wait for a retry or for the rate budget. */
  readonly signal?: AbortSignal;
  /** Overrides the client's per-request timeout for this call. */
  readonly timeoutMs?: number;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpCall {
  readonly method: HttpMethod;
  /** Below the base URL, starting with `/`. */
  readonly path: string;
  readonly query?: URLSearchParams;
  readonly json?: unknown;
  /** Builds a fresh multipart body for each attempt. */
  readonly form?: () => FormData;
  readonly accept?: string;
  /** Budgets of this endpoint on top of the client's (the import endpoint allows 3 calls a minute). */
  readonly budgets?: readonly RequestBudget[];
  /** The endpoint's own server-reported policy, followed on top of the account-wide one. */
  readonly pacer?: ServerPacer;
}

export interface HttpResult {
  readonly status: number;
  readonly headers: ResponseHeaders;
  readonly text: string;
}

export interface HttpSettings {
  readonly baseUrl: URL;
  readonly credentials: Credentials;
  readonly timeoutMs: number;
  readonly retry: RetryPolicy;
  readonly budget: RequestBudget | undefined;
  /** Follows the budget the server reports; undefined sends regardless (for comparisons only). */
  readonly pacer: ServerPacer | undefined;
  readonly clock: Clock;
  readonly random: () => number;
  readonly dispatcher: Dispatcher;
  readonly userAgent: string;
  readonly onRequest: ((entry: RequestLogEntry) => void) | undefined;
}

/** Codes Cloudflare uses for missing, malformed or refused credentials (some of them come with HTTP 400). */
const AUTH_ERROR_CODES = new Set([1000, 1001, 6003, 6100, 6101, 6102, 6103, 6111, 9103, 9106, 9107, 9109, 10000]);
/** setTimeout fires at once for longer delays. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Connection failures that happen before any byte of the request reaches the server. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** "Record does not exist." and "Could not route to …, perhaps your object identifier is invalid?" */
const NOT_FOUND_CODES = new Set([81044, 7003, 7000]);

type AttemptOutcome =
  | { readonly response: HttpResult }
  | { readonly failure: 'timeout' | 'cancelled' | 'network'; readonly cause: unknown };

/**
 * Sends requests with the rate budget, per-attempt timeout, cancellation and retries, and turns every failure
 * into a typed CloudflareError. Returns only 2xx responses.
 */
export class HttpExecutor {
  /** Until when the server asked, through a 429's Retry-After, that this client send nothing. */
  private blockedUntil = 0;

  constructor(private readonly settings: HttpSettings) {}

  async send(call: HttpCall, options: CallOptions = {}): Promise<HttpResult> {
    const { clock, retry: policy } = this.settings;
    const queryText = call.query?.toString() ?? '';
    const path = queryText === '' ? call.path : `${call.path}?${queryText}`;
    const timeoutMs = options.timeoutMs ?? this.settings.timeoutMs;
    if (!(timeoutMs > 0)) throw new CloudflareConfigError('The request timeout must be a positive number of ms.');
    let unanswered = 0;
    const describe = (attempts: number): RequestDescription => ({ method: call.method, path, attempts, unanswered });

    for (let retries = 0; ; retries++) {
      const attempt = retries + 1;
      await this.wait(options.signal, describe(attempt), () => this.settings.budget?.acquire(options.signal));
      for (const budget of call.budgets ?? []) {
        await this.wait(options.signal, describe(attempt), () => budget.acquire(options.signal));
      }
      await this.waitOutRateLimit(policy, describe(attempt), options.signal);
      const pacers = [this.settings.pacer, call.pacer].filter((pacer): pacer is ServerPacer => pacer !== undefined);
      for (const [index, pacer] of pacers.entries()) {
        try {
          await this.pace(pacer, policy, describe(attempt), options.signal);
        } catch (error) {
          for (const taken of pacers.slice(0, index)) taken.settle(undefined);
          throw error;
        }
      }
      // Durations are measured on the monotonic clock: the injected one only schedules waits.
      const started = performance.now();
      const outcome = await this.attemptPaced(call, path, timeoutMs, pacers, options.signal);
      const durationMs = Math.max(0, performance.now() - started);
      const budget = this.settings.pacer?.snapshot();
      const log = (entry: Omit<RequestLogEntry, 'method' | 'path' | 'attempt' | 'durationMs'>): void => {
        try {
          this.settings.onRequest?.({
            method: call.method,
            path,
            attempt,
            durationMs,
            ...entry,
            ...(budget === undefined ? {} : { budget }),
          });
        } catch {
          // A failing log must not fail the API call.
        }
      };

      if ('failure' in outcome) {
        if (outcome.failure === 'cancelled') {
          log({ outcome: 'error', error: 'cancelled' });
          throw new CloudflareCancelledError(describe(attempt), outcome.cause);
        }
        // A POST that may have reached the server is not repeated: a second create or batch could apply twice.
        const mayHaveBeenApplied = call.method === 'POST' && !wasNotSent(outcome.cause);
        const decision = mayHaveBeenApplied
          ? ({ retry: false } as const)
          : decideRetry(retries, undefined, {}, policy, clock.now(), this.settings.random);
        unanswered++;
        if (decision.retry) {
          log({ outcome: 'retry', error: outcome.failure, retryInMs: decision.delayMs });
          await this.wait(options.signal, describe(attempt), () => clock.sleep(decision.delayMs, options.signal));
          continue;
        }
        log({ outcome: 'error', error: outcome.failure });
        throw outcome.failure === 'timeout'
          ? new CloudflareTimeoutError(timeoutMs, describe(attempt), outcome.cause, mayHaveBeenApplied)
          : new CloudflareNetworkError(
              this.settings.baseUrl.origin,
              describe(attempt),
              outcome.cause,
              mayHaveBeenApplied,
            );
      }

      const { response } = outcome;
      const pause = response.status === 429 ? retryAfterMs(response.headers, clock.now()) : undefined;
      if (pause !== undefined) this.blockedUntil = Math.max(this.blockedUntil, clock.now() + pause);
      // Without pacing (a comparison run) the client sends regardless of what the window has left.
      const exhausted = this.settings.pacer && quotaExhaustedUntil(response.headers, clock.now());
      if (exhausted !== undefined) this.blockedUntil = Math.max(this.blockedUntil, exhausted);
      if (response.status >= 200 && response.status < 300) {
        log({ outcome: 'ok', status: response.status });
        return response;
      }
      const decision = decideRetry(
        retries,
        response.status,
        response.headers,
        policy,
        clock.now(),
        this.settings.random,
      );
      if (decision.retry) {
        log({ outcome: 'retry', status: response.status, retryInMs: decision.delayMs });
        await this.wait(options.signal, describe(attempt), () => clock.sleep(decision.delayMs, options.signal));
        continue;
      }
      log({ outcome: 'error', status: response.status });
      throw errorFromResponse({ ...response, text: this.redact(response.text) }, describe(attempt), clock.now());
    }
  }

  /**
   * After a 429, or when the server reports its rate-limit window used up, every call of this client waits for
   * the window to reopen (sending would only be refused), or fails at once without sending when that is longer
   * than the client waits by itself.
   */
  private async waitOutRateLimit(
    policy: RetryPolicy,
    request: RequestDescription,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    const remaining = this.blockedUntil - this.settings.clock.now();
    if (remaining <= 0) return;
    if (remaining > policy.maxRetryAfterMs) throw new CloudflareRateLimitError([], request, remaining, true);
    await this.wait(signal, request, () => this.settings.clock.sleep(remaining, signal));
  }

  /**
   * Waits until the server's reported budget has room for one more request, and takes it; like a used-up window
   * (waitOutRateLimit), a wait longer than the client waits by itself fails at once without sending.
   */
  private async pace(
    pacer: ServerPacer,
    policy: RetryPolicy,
    request: RequestDescription,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    const { clock } = this.settings;
    try {
      const wait = pacer.reserve() - clock.now();
      if (wait > policy.maxRetryAfterMs) throw new CloudflareRateLimitError([], request, wait, true);
      if (wait > 0) await this.wait(signal, request, () => clock.sleep(wait, signal));
    } catch (error) {
      pacer.settle(undefined);
      throw error;
    }
  }

  /** One attempt, with its answer's rate-limit headers handed to the pacers. */
  private async attemptPaced(
    call: HttpCall,
    path: string,
    timeoutMs: number,
    pacers: readonly ServerPacer[],
    signal: AbortSignal | undefined,
  ): Promise<AttemptOutcome> {
    let outcome: AttemptOutcome | undefined;
    try {
      outcome = await this.attempt(call, path, timeoutMs, signal);
      return outcome;
    } finally {
      const headers = outcome !== undefined && 'response' in outcome ? outcome.response.headers : undefined;
      for (const pacer of pacers) pacer.settle(headers);
    }
  }

  /** Runs a wait (budget or backoff), turning its abort into a CloudflareCancelledError. */
  private async wait(
    signal: AbortSignal | undefined,
    request: RequestDescription,
    waiting: () => Promise<void> | undefined,
  ): Promise<void> {
    if (signal?.aborted) throw new CloudflareCancelledError(request, signal.reason);
    try {
      await waiting();
    } catch (error) {
      if (signal?.aborted) throw new CloudflareCancelledError(request, error);
      throw error;
    }
  }

  private async attempt(
    call: HttpCall,
    path: string,
    timeoutMs: number,
    signal: AbortSignal | undefined,
  ): Promise<AttemptOutcome> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(
      () => {
        timedOut = true;
        controller.abort(new Error(`timed out after ${timeoutMs} ms`));
      },
      Math.min(timeoutMs, MAX_TIMER_MS),
    );
    const onAbort = (): void => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) onAbort();
    try {
      const url = new URL(this.settings.baseUrl.href.replace(/\/+$/, '') + path);
      const response = await request(url, {
        method: call.method,
        headers: this.headers(call),
        body: call.form ? call.form() : call.json === undefined ? undefined : JSON.stringify(call.json),
        signal: controller.signal,
        dispatcher: this.settings.dispatcher,
      });
      const text = await response.body.text();
      return { response: { status: response.statusCode, headers: response.headers, text } };
    } catch (cause) {
      if (signal?.aborted) return { failure: 'cancelled', cause };
      if (timedOut) return { failure: 'timeout', cause };
      if (cause instanceof CloudflareError) throw cause;
      return { failure: 'network', cause };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Error bodies end up in messages a user sees and logs: a server echoing the credential must not leak it. */
  private redact(text: string): string {
    const { credentials } = this.settings;
    const secret = 'token' in credentials ? credentials.token : credentials.key;
    return secret.length >= 4 ? text.split(secret).join('[redacted]') : text;
  }

  private headers(call: HttpCall): Record<string, string> {
    const headers: Record<string, string> = {
      accept: call.accept ?? 'application/json',
      'user-agent': this.settings.userAgent,
    };
    const { credentials } = this.settings;
    if ('token' in credentials) {
      headers.authorization = `Bearer ${credentials.token}`;
    } else {
      headers['x-auth-email'] = credentials.email;
      headers['x-auth-key'] = credentials.key;
    }
    if (call.json !== undefined) headers['content-type'] = 'application/json';
    return headers;
  }
}

function wasNotSent(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NOT_SENT_CODES.has(code)) return true;
    current = current.cause;
  }
  return false;
}

/** One line for a log: `GET /zones/…/dns_records?page=2 → 200 in 84 ms`. Never holds credentials. */
export function formatRequestLogEntry(entry: RequestLogEntry): string {
  const result = entry.status !== undefined ? String(entry.status) : (entry.error ?? 'no answer');
  const attempt = entry.attempt > 1 ? ` (attempt ${entry.attempt})` : '';
  const next = entry.outcome === 'retry' ? `, retrying in ${entry.retryInMs ?? 0} ms` : '';
  const budget = entry.budget === undefined ? '' : ` (${formatBudget(entry.budget)})`;
  return `${entry.method} ${entry.path} → ${result} in ${Math.round(entry.durationMs)} ms${attempt}${next}${budget}`;
}

/** Reads an envelope's `errors[]` from an error body; empty when the body is not a Cloudflare envelope. */
export function envelopeErrors(text: string): readonly CloudflareMessage[] {
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body === 'object' && body !== null && Array.isArray((body as { errors?: unknown }).errors)) {
      return (body as { errors: unknown[] }).errors.filter(isMessage);
    }
  } catch {
    // Not JSON (a proxy's HTML page, say): the status alone describes the error.
  }
  return [];
}

function isMessage(value: unknown): value is CloudflareMessage {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message } = value as { code?: unknown; message?: unknown };
  return typeof code === 'number' && typeof message === 'string';
}

/** The typed error for a non-2xx response that is not retried (any more). */
export function errorFromResponse(
  response: HttpResult,
  request: RequestDescription,
  nowMs: number,
): CloudflareApiError | CloudflareResponseError {
  const errors = envelopeErrors(response.text);
  const { status } = response;
  const codes = errors.flatMap((error) => [error.code, ...(error.error_chain ?? []).map((link) => link.code)]);
  if (status === 429) return new CloudflareRateLimitError(errors, request, retryAfterMs(response.headers, nowMs));
  if (status === 401 || status === 403 || codes.some((code) => AUTH_ERROR_CODES.has(code))) {
    return new CloudflareAuthError(status, errors, request);
  }
  if (status === 404 || codes.some((code) => NOT_FOUND_CODES.has(code))) {
    return new CloudflareNotFoundError(status, errors, request);
  }
  return new CloudflareApiError(status, errors, request, { statusText: STATUS_CODES[status] });
}

/** Parses a JSON body of a 2xx response into an envelope, or throws a CloudflareResponseError. */
export function parseEnvelope(response: HttpResult, request: RequestDescription): Record<string, unknown> {
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    throw new CloudflareResponseError(response.status, 'the body is not JSON', request);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new CloudflareResponseError(response.status, 'the body is not a Cloudflare response envelope', request);
  }
  const envelope = body as Record<string, unknown>;
  if (envelope.success === false) {
    throw new CloudflareApiError(response.status, envelopeErrors(response.text), request);
  }
  return envelope;
}
