import { randomBytes } from 'node:crypto';
import { authenticate, type AuthConfig } from './auth';
import type { RequestContext } from './context';
import { failure, type ApiResponse } from './envelope';
import { apiErrors, ApiError, type ApiMessage } from './errors';
import { FaultInjector } from './faults';
import { zoneIdFor } from './ids';
import { importZoneText } from './bind-import';
import type { StoredRecord } from './model';
import { normaliseZoneName } from './names';
import type { PlanName } from './plans';
import {
  defaultRateLimit,
  importRateLimit,
  policyHeader,
  RateLimiter,
  rateLimitHeaders,
  type PolicyDecision,
  type RateLimitConfig,
} from './rate-limit';
import { RecordSet } from './record-set';
import { RequestLog } from './request-log';
import { matchRoute, type RouteMatch } from './router';
import { routes } from './routes';
import { defaultScanCandidates, type ScanCandidate } from './scan';
import { recordResponse } from './serialize';
import { readStateFile, writeStateFile, type StateDocument } from './state-file';
import { Zone, ZoneRegistry } from './zones';

/** A zone to serve: its name, optionally a plan (else the emulator's) and BIND text for its initial records. */
export interface ZoneOption {
  readonly name: string;
  readonly plan?: PlanName;
  readonly bind?: string;
}

export interface EmulatorConfig {
  /** The API token to accept; a random one is generated when absent (read it back from `token`). */
  readonly token?: string;
  /** A token that may only read; writes with it are refused with 403 / 10000. */
  readonly readOnlyToken?: string;
  readonly email?: string;
  readonly globalKey?: string;
  /** The plan of zones that do not name one (default `free`). */
  readonly plan?: PlanName;
  /** Default: one zone `example.com`. */
  readonly zones?: readonly ZoneOption[];
  /** Records allowed per zone, instead of the plan's quota (e.g. for benchmarks with large zones). */
  readonly recordQuota?: number;
  /** A JSON file that keeps zones and records across restarts; written atomically after every change. */
  readonly statePath?: string;
  readonly rateLimit?: RateLimitConfig;
  /** The import endpoint's own limit (default 3 per minute per user, as Cloudflare documents). */
  readonly importRateLimit?: RateLimitConfig;
  readonly scanCandidates?: readonly ScanCandidate[];
  /** Milliseconds since the epoch; tests may pass a fake clock. */
  readonly clock?: () => number;
}

/** A parsed API request, as the HTTP layer hands it over. */
export interface ApiRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: RequestContext['headers'];
  readonly body: Buffer;
}

/**
 * The emulated Cloudflare account: zones, records, credentials, rate limit, faults and request log.
 * Independent of HTTP so that it can be driven and inspected directly; server.ts puts it on a socket.
 */
export class Emulator {
  readonly token: string;
  readonly zones = new ZoneRegistry();
  readonly faults = new FaultInjector();
  readonly log = new RequestLog();
  readonly limiter: RateLimiter;
  readonly importLimiter: RateLimiter;
  private readonly auth: AuthConfig;
  private readonly clock: () => number;
  private readonly scanCandidates: readonly ScanCandidate[];
  private readonly initial = new Map<string, readonly StoredRecord[]>();

  constructor(private readonly config: EmulatorConfig = {}) {
    this.token = config.token ?? generateToken();
    this.auth = {
      token: this.token,
      readOnlyToken: config.readOnlyToken,
      email: config.email,
      globalKey: config.globalKey,
    };
    this.clock = config.clock ?? Date.now;
    this.limiter = new RateLimiter(config.rateLimit ?? defaultRateLimit, this.clock);
    this.importLimiter = new RateLimiter(config.importRateLimit ?? importRateLimit, this.clock, 'dns-import');
    this.scanCandidates = config.scanCandidates ?? defaultScanCandidates;
    this.loadZones();
    for (const zone of this.zones.all()) this.initial.set(zone.info.id, zone.records.all());
  }

  /** Serves one API request (path below /client/v4). Never throws: every failure is an error envelope. */
  handle(request: ApiRequest): ApiResponse {
    let rateHeaders: Record<string, string> = policyHeader([this.limiter]);
    try {
      const identity = authenticate(request.headers, this.auth, request.path === '/user/tokens/verify');
      const match = matchRoute(routes, request.method, request.path);
      const decisions = this.takeRateLimits(identity.id, match);
      rateHeaders = rateLimitHeaders(decisions, this.clock());
      const refused = decisions.find(({ decision }) => !decision.allowed)?.decision;
      if (refused !== undefined && !refused.allowed) throw apiErrors.rateLimited(refused.retryAfterSeconds);
      if (match.kind === 'none') throw apiErrors.noRoute(`/client/v4${request.path}`);
      if (match.kind === 'wrong-method') throw apiErrors.methodNotAllowed(request.method);
      if (match.route.writes && !identity.canWrite) throw apiErrors.permissionDenied();
      const response = match.route.handler({
        ...request,
        params: match.params,
        now: new Date(this.clock()).toISOString(),
        zones: this.zones,
        scanCandidates: this.scanCandidates,
        tokenId: identity.id,
      });
      if (match.route.writes) this.persist();
      return { ...response, headers: { ...rateHeaders, ...response.headers } };
    } catch (error) {
      let answer: ApiResponse;
      if (error instanceof ApiError) {
        answer = failure(error);
      } else {
        warn(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        answer = failure(apiErrors.internal());
      }
      return { ...answer, headers: { ...rateHeaders, ...answer.headers } };
    }
  }

  /**
   * Counts the request against the account-wide budget and, while that allows it, against the route's own limit.
   * A request refused by the first is not counted by the second.
   */
  private takeRateLimits(user: string, match: RouteMatch): PolicyDecision[] {
    const decisions: PolicyDecision[] = [{ limiter: this.limiter, decision: this.limiter.take(user) }];
    const own = match.kind === 'found' ? match.route.ownRateLimit : undefined;
    if (own === 'import' && decisions[0]?.decision.allowed === true) {
      decisions.push({ limiter: this.importLimiter, decision: this.importLimiter.take(user) });
    }
    return decisions;
  }

  /** Restores every zone's initial records and clears faults, the request log and the rate limit windows. */
  reset(): void {
    for (const zone of this.zones.all()) {
      zone.records = new RecordSet(this.initial.get(zone.info.id) ?? []);
      zone.scanResults = new RecordSet();
    }
    this.faults.clear();
    this.log.clear();
    this.limiter.reset();
    this.importLimiter.reset();
    this.persist();
  }

  /** A zone by name (`example.com`) or id. */
  zone(nameOrId: string): Zone | undefined {
    return this.zones.get(nameOrId) ?? this.zones.byName(normaliseZoneName(nameOrId) ?? nameOrId);
  }

  /** The records of a zone as the API returns them. */
  records(nameOrId: string): Record<string, unknown>[] {
    return (this.zone(nameOrId)?.records.all() ?? []).map(recordResponse);
  }

  private loadZones(): void {
    const saved = this.config.statePath === undefined ? undefined : readStateFile(this.config.statePath);
    for (const entry of saved?.zones ?? []) {
      this.zones.add(new Zone(entry.zone, new RecordSet(entry.records), this.config.recordQuota));
    }
    const options = this.config.zones ?? [{ name: 'example.com' }];
    for (const option of options) {
      const name = normaliseZoneName(option.name);
      if (name === undefined) throw new Error(`'${option.name}' is not a valid zone name`);
      if (this.zones.byName(name) !== undefined) continue;
      const zone = new Zone(
        {
          id: zoneIdFor(name),
          name,
          plan: option.plan ?? this.config.plan ?? 'free',
          created_on: new Date(this.clock()).toISOString(),
        },
        new RecordSet(),
        this.config.recordQuota,
      );
      if (option.bind !== undefined) {
        const result = importZoneText(zone, zone.records, option.bind, false, new Date(this.clock()).toISOString());
        if (result instanceof ApiError) {
          throw new Error(`cannot load the zone file for ${name}: ${describeErrors(result.errors)}`);
        }
      }
      this.zones.add(zone);
    }
    // At start a state file that cannot be written is an error: better now than after the first change.
    if (this.config.statePath !== undefined) writeStateFile(this.config.statePath, this.stateDocument());
  }

  private persist(): void {
    if (this.config.statePath === undefined) return;
    // The change itself succeeded; a state file that cannot be written is reported, not turned into an API error.
    try {
      writeStateFile(this.config.statePath, this.stateDocument());
    } catch (error) {
      warn((error as Error).message);
    }
  }

  private stateDocument(): StateDocument {
    return {
      version: 1,
      zones: this.zones.all().map((zone) => ({ zone: zone.info, records: zone.records.all() })),
    };
  }
}

/** A token in Cloudflare's format: 40 characters of letters, digits, `-` and `_`. */
export function generateToken(): string {
  return randomBytes(30).toString('base64url');
}

/** Error messages with their causes, e.g. `line 3: DNS Validation Error (9300: DNS record has 1 tags, ...)`. */
function describeErrors(errors: readonly ApiMessage[]): string {
  return errors
    .map((error) => {
      const causes = (error.error_chain ?? []).map((cause) => `${cause.code}: ${cause.message}`);
      return causes.length === 0 ? error.message : `${error.message} (${causes.join('; ')})`;
    })
    .join('; ');
}

function warn(message: string): void {
  process.stderr.write(`zone-records emulator: ${message}\n`);
}
