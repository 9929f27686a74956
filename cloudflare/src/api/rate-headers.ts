/**
 * Reading Cloudflare's rate-limit headers (IETF draft-ietf-httpapi-ratelimit-headers, as Cloudflare sends them):
 * `Ratelimit: "default";r=1180;t=240` (requests remaining, seconds until the window resets) and
 * `Ratelimit-Policy: "default";q=1200;w=300` (quota per window of w seconds). Older responses carry
 * `x-ratelimit-limit` / `x-ratelimit-remaining` / `x-ratelimit-reset` instead; both are read. Pure functions.
 */
import { headerValue, retryAfterMs, type ResponseHeaders } from './retry';

/** What the server said of this client's budget in one response. */
export interface ServerBudget {
  /** Requests left in the current window. */
  readonly remaining: number;
  /** When the window has surely reset (epoch ms): the header's time plus its rounding. */
  readonly resetAt: number;
  /** Requests per window, when the server said. */
  readonly limit?: number;
  /** The window's length in ms, when the server said. */
  readonly windowMs?: number;
}

/** One item of a structured-field list: `"name";key=value;key=value`. */
type Item = { readonly name: string; readonly params: ReadonlyMap<string, string> };

/** Resets further away than this are taken as a misreading and ignored (Cloudflare's window is 5 minutes). */
const MAX_PLAUSIBLE_RESET_MS = 60 * 60_000;

/**
 * The budget the headers describe, or undefined when the response has none. `policy` names the one to read (an
 * endpoint's own policy, like the import's `dns-import`, is reported only on that endpoint's answers); without it,
 * or when it is absent, the policy with the fewest requests left binds.
 */
export function serverBudgetOf(headers: ResponseHeaders, nowMs: number, policy?: string): ServerBudget | undefined {
  const budget = fromRatelimit(headers, nowMs, policy) ?? fromLegacy(headers, nowMs);
  // A 429's Retry-After is rounded up (semantics.md §5): it says exactly when sending is welcome again.
  const retryAfter = retryAfterMs(headers, nowMs);
  if (budget === undefined || retryAfter === undefined || budget.remaining > 0) return budget;
  return { ...budget, resetAt: nowMs + retryAfter };
}

function fromRatelimit(headers: ResponseHeaders, nowMs: number, wanted: string | undefined): ServerBudget | undefined {
  const value = headerValue(headers, 'ratelimit');
  if (value === undefined) return undefined;
  const policies = new Map(parseList(headerValue(headers, 'ratelimit-policy') ?? '').map((item) => [item.name, item]));
  let binding: ServerBudget | undefined;
  const items = parseList(value);
  const named = items.filter((item) => item.name === wanted);
  for (const item of named.length > 0 ? named : items) {
    const remaining = integer(item.params.get('r') ?? item.params.get('remaining'));
    const reset = integer(item.params.get('t') ?? item.params.get('reset'));
    if (remaining === undefined || reset === undefined || reset * 1000 > MAX_PLAUSIBLE_RESET_MS) continue;
    const policy = policies.get(item.name) ?? (policies.size === 1 ? [...policies.values()][0] : undefined);
    const limit = integer(policy?.params.get('q'));
    const window = integer(policy?.params.get('w'));
    const budget: ServerBudget = {
      remaining,
      // Whole seconds, maybe rounded down: the window may reopen up to a second later.
      resetAt: nowMs + (reset + 1) * 1000,
      ...(limit === undefined ? {} : { limit }),
      ...(window === undefined ? {} : { windowMs: window * 1000 }),
    };
    if (binding === undefined || budget.remaining < binding.remaining) binding = budget;
  }
  return binding;
}

function fromLegacy(headers: ResponseHeaders, nowMs: number): ServerBudget | undefined {
  const remaining = integer(headerValue(headers, 'x-ratelimit-remaining'));
  const reset = headerValue(headers, 'x-ratelimit-reset');
  if (remaining === undefined || reset === undefined) return undefined;
  let resetAt: number;
  if (/^\s*\d+(\.\d+)?\s*$/.test(reset)) {
    const seconds = Number(reset);
    resetAt = seconds > 1e9 ? seconds * 1000 : nowMs + seconds * 1000;
  } else {
    // An HTTP date has second precision: the window may reopen up to a second after it.
    resetAt = Date.parse(reset) + 1000;
  }
  if (Number.isNaN(resetAt) || resetAt - nowMs > MAX_PLAUSIBLE_RESET_MS) return undefined;
  const limit = integer(headerValue(headers, 'x-ratelimit-limit'));
  return { remaining, resetAt, ...(limit === undefined ? {} : { limit }) };
}

/** A structured-field list (RFC 9651), read leniently: items split at commas outside quotes. */
export function parseList(value: string): Item[] {
  const items: Item[] = [];
  for (const member of splitOutsideQuotes(value, ',')) {
    const [head = '', ...rest] = splitOutsideQuotes(member, ';').map((part) => part.trim());
    const params = new Map<string, string>();
    // The older draft form `limit=100, remaining=50, reset=5` has bare parameters as members.
    const parts = head.includes('=') ? [head, ...rest] : rest;
    for (const part of parts) {
      const equals = part.indexOf('=');
      if (equals > 0) params.set(part.slice(0, equals).trim().toLowerCase(), unquote(part.slice(equals + 1).trim()));
    }
    items.push({ name: head.includes('=') ? '' : unquote(head), params });
  }
  return mergeBareMembers(items);
}

/** `limit=100, remaining=50, reset=5` is one policy spread over three members. */
function mergeBareMembers(items: Item[]): Item[] {
  const bare = items.filter((item) => item.name === '');
  if (bare.length <= 1) return items;
  const params = new Map(bare.flatMap((item) => [...item.params]));
  return [...items.filter((item) => item.name !== ''), { name: '', params }];
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index] ?? '';
    if (char === '"' && text[index - 1] !== '\\') quoted = !quoted;
    if (char === separator && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  if (current.trim() !== '') parts.push(current);
  return parts;
}

function unquote(text: string): string {
  return text.startsWith('"') && text.endsWith('"') && text.length >= 2 ? text.slice(1, -1) : text;
}

function integer(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}
