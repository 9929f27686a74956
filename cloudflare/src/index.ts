/**
 * The Cloudflare library: `api/` talks to Cloudflare's DNS records API (HTTP, retries, rate budget, paging, typed
 * errors), `sync/` plans a zone file against a live zone and applies the plan. It knows nothing of VS Code.
 */
export * from './api/index';
export * from './sync/index';
