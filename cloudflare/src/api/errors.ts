import type { CloudflareMessage } from './types';

/** What went wrong, for callers that branch without `instanceof` (e.g. across bundles). */
export type CloudflareErrorKind =
  'api' | 'auth' | 'not-found' | 'rate-limit' | 'timeout' | 'cancelled' | 'network' | 'response' | 'config';

/** Where a failed request went; never holds credentials. */
export interface RequestDescription {
  readonly method: string;
  /** Path and query below the base URL, e.g. `/zones/0123…/dns_records?page=2`. */
  readonly path: string;
  /** How many HTTP attempts were made (1 when there was no retry). */
  readonly attempts: number;
  /** How many of them got no answer (connection lost or timed out): their effect on the server is unknown. */
  readonly unanswered?: number;
}

/** Base of every error the Cloudflare client throws. Its message is written for the user. */
export class CloudflareError extends Error {
  readonly kind: CloudflareErrorKind;
  readonly request?: RequestDescription;

  constructor(kind: CloudflareErrorKind, message: string, request?: RequestDescription, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.kind = kind;
    this.request = request;
  }
}

/** The API answered with an error: carries the HTTP status and Cloudflare's `errors[]`. */
export class CloudflareApiError extends CloudflareError {
  readonly status: number;
  readonly errors: readonly CloudflareMessage[];

  constructor(
    status: number,
    errors: readonly CloudflareMessage[],
    request: RequestDescription | undefined,
    options: { kind?: CloudflareErrorKind; hint?: string; statusText?: string; summary?: string } = {},
  ) {
    super(options.kind ?? 'api', apiErrorMessage(status, errors, request, options), request);
    this.status = status;
    this.errors = errors;
  }

  /** Every code in `errors[]` and their `error_chain`s. */
  get codes(): readonly number[] {
    const codes: number[] = [];
    const visit = (messages: readonly CloudflareMessage[] | undefined): void => {
      for (const message of messages ?? []) {
        codes.push(message.code);
        visit(message.error_chain);
      }
    };
    visit(this.errors);
    return codes;
  }

  hasCode(code: number): boolean {
    return this.codes.includes(code);
  }
}

/** The credentials were missing, malformed, unknown or lack permission (401, 403, or a 400 about auth headers). */
export class CloudflareAuthError extends CloudflareApiError {
  constructor(status: number, errors: readonly CloudflareMessage[], request: RequestDescription | undefined) {
    super(status, errors, request, {
      kind: 'auth',
      hint:
        status === 403
          ? 'Check that the API token has the permissions this needs (DNS Read/Write for records, Zone Read for zones).'
          : 'Check the API token (or email and global API key): it is missing, mistyped, expired or revoked.',
    });
  }
}

/** The zone or record does not exist (404, or Cloudflare's "Record does not exist" / routing errors). */
export class CloudflareNotFoundError extends CloudflareApiError {
  constructor(status: number, errors: readonly CloudflareMessage[], request: RequestDescription | undefined) {
    super(status, errors, request, {
      kind: 'not-found',
      hint: 'Check the zone and record ids; the record may have been deleted meanwhile (refresh and try again).',
    });
  }
}

/** HTTP 429 that outlasted the retries, or whose `Retry-After` was too long to wait for. */
export class CloudflareRateLimitError extends CloudflareApiError {
  /** How long Cloudflare asked to wait, when it said so. */
  readonly retryAfterMs?: number;

  /**
   * `stillBlocked`: the request was not sent because an earlier answer (a 429, or `x-ratelimit-remaining: 0`) said
   * the limit is reached for longer than the client waits by itself.
   */
  constructor(
    errors: readonly CloudflareMessage[],
    request: RequestDescription | undefined,
    retryAfterMs?: number,
    stillBlocked = false,
  ) {
    super(429, errors, request, {
      kind: 'rate-limit',
      summary: stillBlocked
        ? `Not sent: Cloudflare's rate limit for these credentials is reached${request ? ` (${describe(request)})` : ''}.`
        : undefined,
      hint:
        retryAfterMs === undefined
          ? 'Cloudflare limits API calls to 1,200 per 5 minutes; wait a few minutes and try again.'
          : `Cloudflare limits API calls to 1,200 per 5 minutes; try again in ${formatDuration(retryAfterMs)}.`,
    });
    this.retryAfterMs = retryAfterMs;
  }
}

/** No complete answer arrived within the per-request timeout. */
export class CloudflareTimeoutError extends CloudflareError {
  readonly timeoutMs: number;
  /** True when a change was sent and may have been applied although no answer came back. */
  readonly mayHaveBeenApplied: boolean;

  constructor(timeoutMs: number, request: RequestDescription, cause?: unknown, mayHaveBeenApplied = false) {
    super(
      'timeout',
      `Cloudflare did not answer ${describe(request)} within ${formatDuration(timeoutMs)}${attemptsSuffix(request)}. ` +
        (mayHaveBeenApplied ? UNKNOWN_OUTCOME : 'Check the network connection, or raise the request timeout.'),
      request,
      { cause },
    );
    this.timeoutMs = timeoutMs;
    this.mayHaveBeenApplied = mayHaveBeenApplied;
  }
}

/** The caller cancelled the operation through its AbortSignal. */
export class CloudflareCancelledError extends CloudflareError {
  constructor(request: RequestDescription | undefined, cause?: unknown) {
    super(
      'cancelled',
      request === undefined ? 'The Cloudflare request was cancelled.' : `${describe(request)} was cancelled.`,
      request,
      { cause },
    );
  }
}

/** The connection could not be made or broke (refused, reset, DNS failure, proxy failure). */
export class CloudflareNetworkError extends CloudflareError {
  /** The system or undici error code, e.g. `ECONNREFUSED`, `UND_ERR_SOCKET`. */
  readonly code?: string;
  /** True when a change was sent and may have been applied although no answer came back. */
  readonly mayHaveBeenApplied: boolean;

  constructor(origin: string, request: RequestDescription, cause: unknown, mayHaveBeenApplied = false) {
    const code = errorCode(cause);
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(
      'network',
      mayHaveBeenApplied
        ? `The connection to Cloudflare at ${origin} broke (${code ?? detail}) after ${describe(request)} was sent. ` +
            UNKNOWN_OUTCOME
        : `Cannot reach Cloudflare at ${origin} (${code ?? detail}) for ${describe(request)}${attemptsSuffix(request)}. ` +
            'Check the network connection, the API base URL and the proxy settings.',
      request,
      { cause },
    );
    this.code = code;
    this.mayHaveBeenApplied = mayHaveBeenApplied;
  }
}

const UNKNOWN_OUTCOME =
  'The change may or may not have been applied: refresh (or plan again) to see the live records before retrying.';

/** The server answered something that is not a Cloudflare API response (e.g. an HTML error page or broken JSON). */
export class CloudflareResponseError extends CloudflareError {
  readonly status: number;

  constructor(status: number, detail: string, request: RequestDescription) {
    super(
      'response',
      `Unexpected answer from Cloudflare to ${describe(request)} (HTTP ${status}): ${detail}. ` +
        'Check the API base URL; if it is right, try again later.',
      request,
    );
    this.status = status;
  }
}

/** The client is not set up to make the call (no credentials, bad base URL). */
export class CloudflareConfigError extends CloudflareError {
  constructor(message: string) {
    super('config', message);
  }
}

/** `Cloudflare 81053: An A, AAAA, or CNAME record with that host already exists.` for one message. */
export function formatCloudflareMessage(message: CloudflareMessage): string {
  const chain = (message.error_chain ?? []).map((link) => `${link.code}: ${link.message}`);
  const text = chain.length > 0 ? `${message.message} (${chain.join('; ')})` : message.message;
  return `Cloudflare ${message.code}: ${text}`;
}

function apiErrorMessage(
  status: number,
  errors: readonly CloudflareMessage[],
  request: RequestDescription | undefined,
  options: { hint?: string; statusText?: string; summary?: string },
): string {
  const base =
    options.summary !== undefined
      ? options.summary
      : errors.length > 0
        ? errors.map(formatCloudflareMessage).join(' ')
        : `Cloudflare answered HTTP ${status}${options.statusText ? ` ${options.statusText}` : ''}${
            request ? ` to ${describe(request)}` : ''
          }${request ? attemptsSuffix(request) : ''}.`;
  const hint = options.hint ?? (status >= 500 ? 'This is a problem on Cloudflare’s side; try again later.' : undefined);
  return hint === undefined ? base : `${withFullStop(base)} ${hint}`;
}

function withFullStop(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function describe(request: RequestDescription): string {
  const path = request.path.split('?')[0] ?? request.path;
  return `${request.method} ${path}`;
}

function attemptsSuffix(request: RequestDescription): string {
  return request.attempts > 1 ? ` (after ${request.attempts} attempts)` : '';
}

function errorCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = current.cause;
  }
  return undefined;
}

/** `1.5 s`, `42 s`, `5 min`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 120_000) return `${Number((ms / 1000).toFixed(ms < 10_000 ? 1 : 0))} s`;
  return `${Math.ceil(ms / 60_000)} min`;
}
