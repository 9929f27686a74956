import type { IncomingHttpHeaders } from 'node:http';
import type { ApiResponse } from './envelope';
import { apiErrors } from './errors';
import type { ScanCandidate } from './scan';
import type { Zone, ZoneRegistry } from './zones';

/** What every handler gets: the parsed request and the emulator's state. */
export interface RequestContext {
  readonly method: string;
  /** The path below `/client/v4`, e.g. `/zones/<id>/dns_records`. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  /** Path parameters captured by the route (`zone_id`, `dns_record_id`). */
  readonly params: Readonly<Record<string, string>>;
  /** The time of the request as an ISO string (one value for every timestamp the request writes). */
  readonly now: string;
  readonly zones: ZoneRegistry;
  readonly scanCandidates: readonly ScanCandidate[];
  /** The identity the request authenticated as (token id), used by `/user/tokens/verify`. */
  readonly tokenId: string;
}

export type Handler = (context: RequestContext) => ApiResponse;

/** Parses the request body as JSON; an empty body is `undefined`. */
export function jsonBody(context: RequestContext): unknown {
  if (context.body.length === 0) return undefined;
  try {
    return JSON.parse(context.body.toString('utf8')) as unknown;
  } catch (error) {
    throw apiErrors.invalidBody(error instanceof Error ? error.message : 'not JSON');
  }
}

/** The zone named by the `zone_id` path parameter; an unknown id is a routing error as on Cloudflare. */
export function zoneOf(context: RequestContext): Zone {
  const zone = context.zones.get(context.params['zone_id'] ?? '');
  if (zone === undefined) throw apiErrors.noRoute(`/client/v4${context.path}`);
  return zone;
}
