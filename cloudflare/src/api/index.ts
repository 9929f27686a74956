/** The Cloudflare API client: everything callers outside `api/` need. */
export * from './types';
export * from './errors';
export {
  CloudflareClient,
  IMPORT_RATE_LIMIT,
  ITERATION_PAGE_SIZE,
  ZONES_PAGE_SIZE,
  type CloudflareClientOptions,
} from './client';
export { formatRequestLogEntry, type CallOptions, type Credentials, type RequestLogEntry } from './http';
export { DEFAULT_BASE_URL, DEFAULT_TIMEOUT_MS, baseUrlFromEnv, credentialsFromEnv, parseBaseUrl } from './config';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry';
export { CLOUDFLARE_RATE_LIMIT, type BudgetLimit } from './budget';
export type { Clock } from './clock';
export { formatBudget, type BudgetSnapshot } from './pacing';
export { serverBudgetOf, type ServerBudget } from './rate-headers';
