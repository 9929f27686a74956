import type { RequestLogEntry } from '../cloudflare';

/** Replaces every occurrence of a secret value with `[redacted]`. */
export function redact(message: string, secrets: readonly string[]): string {
  let result = message;
  for (const secret of secrets) {
    if (secret.length >= 4) result = result.split(secret).join('[redacted]');
  }
  return result;
}

/** `GET /zones/…/dns_records?page=1 → 200 in 12 ms`, with the retry or error when there was one. */
export function formatRequestLogEntry(entry: RequestLogEntry): string {
  const status = entry.status === undefined ? (entry.error ?? 'no response') : String(entry.status);
  const attempt = entry.attempt > 1 ? ` (attempt ${entry.attempt})` : '';
  const retry =
    entry.outcome === 'retry'
      ? `; retrying in ${Math.round(entry.retryInMs ?? 0)} ms`
      : entry.outcome === 'error'
        ? '; failed'
        : '';
  return `${entry.method} ${entry.path} → ${status} in ${Math.round(entry.durationMs)} ms${attempt}${retry}`;
}
