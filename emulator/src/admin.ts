import type { IncomingHttpHeaders } from 'node:http';
import type { Emulator } from './emulator';
import type { ApiResponse } from './envelope';
import { checkFaultSpec, type FaultSpec } from './faults';
import type { RateLimiter } from './rate-limit';

/** Where the test-support endpoints live; they are not part of Cloudflare's API. */
export const adminPrefix = '/__emulator';

/**
 * The admin endpoints, for tests in other processes (the same operations are on the programmatic API):
 * - `GET /__emulator/log[?method=&path=]`, `DELETE /__emulator/log`
 * - `GET /__emulator/faults`, `POST /__emulator/faults` (one fault spec or an array), `DELETE /__emulator/faults`
 * - `PUT /__emulator/rate-limit` `{ requests, windowMs }` (the account-wide budget), `PUT /__emulator/import-rate-limit`
 *   (the import endpoint's own)
 * - `POST /__emulator/reset`: initial records back, faults, log and rate limit windows cleared
 * They need the emulator's token like the API does.
 */
export function handleAdmin(
  emulator: Emulator,
  method: string,
  path: string,
  query: URLSearchParams,
  headers: IncomingHttpHeaders,
  body: Buffer,
): ApiResponse {
  if (headers.authorization !== `Bearer ${emulator.token}`) {
    return answer(401, { error: 'the admin endpoints need the emulator token as Authorization: Bearer <token>' });
  }
  const route = `${method} ${path.slice(adminPrefix.length)}`;
  switch (route) {
    case 'GET /log': {
      const filter = { method: query.get('method') ?? undefined, path: query.get('path') ?? undefined };
      const entries = emulator.log.entries(filter);
      return answer(200, { count: entries.length, entries });
    }
    case 'DELETE /log':
      emulator.log.clear();
      return answer(200, { cleared: true });
    case 'GET /faults':
      return answer(200, { faults: emulator.faults.list() });
    case 'POST /faults': {
      const parsed = parseJson(body);
      const specs: unknown[] = Array.isArray(parsed) ? parsed : [parsed];
      for (const spec of specs) {
        const problem = checkFaultSpec(spec);
        if (problem !== undefined) return answer(400, { error: problem });
      }
      return answer(200, { ids: specs.map((spec) => emulator.faults.add(spec as FaultSpec)) });
    }
    case 'DELETE /faults':
      emulator.faults.clear();
      return answer(200, { cleared: true });
    case 'PUT /rate-limit':
      return configureLimiter(emulator.limiter, body);
    case 'PUT /import-rate-limit':
      return configureLimiter(emulator.importLimiter, body);
    case 'POST /reset':
      emulator.reset();
      return answer(200, { reset: true });
    default:
      return answer(404, { error: `no admin endpoint ${route}` });
  }
}

function configureLimiter(limiter: RateLimiter, body: Buffer): ApiResponse {
  const parsed = parseJson(body) as { requests?: unknown; windowMs?: unknown } | undefined;
  const { requests, windowMs } = parsed ?? {};
  if (!isPositiveInteger(requests) || !isPositiveInteger(windowMs)) {
    return answer(400, { error: 'expected { "requests": positive integer, "windowMs": positive integer }' });
  }
  limiter.configure({ requests, windowMs });
  return answer(200, { requests, windowMs });
}

function answer(status: number, body: unknown): ApiResponse {
  return { status, body };
}

function parseJson(body: Buffer): unknown {
  try {
    return body.length === 0 ? undefined : (JSON.parse(body.toString('utf8')) as unknown);
  } catch {
    return undefined;
  }
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}
