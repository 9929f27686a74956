import { plainName } from '../../../core/src/index';
import { FormData, type Dispatcher } from 'undici';
import { CLOUDFLARE_RATE_LIMIT, RequestBudget, type BudgetLimit } from './budget';
import { systemClock, type Clock } from './clock';
import {
  DEFAULT_TIMEOUT_MS,
  baseUrlFromEnv,
  checkCredentials,
  createDispatcher,
  credentialsFromEnv,
  parseBaseUrl,
} from './config';
import { CloudflareConfigError, CloudflareNotFoundError, CloudflareResponseError } from './errors';
import {
  HttpExecutor,
  parseEnvelope,
  type CallOptions,
  type Credentials,
  type HttpCall,
  type RequestLogEntry,
} from './http';
import { ServerPacer, type BudgetSnapshot } from './pacing';
import { paginate } from './paging';
import { recordsQueryParams, zonesQueryParams } from './query';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry';
import type {
  BatchRequest,
  BatchResult,
  CloudflareMessage,
  DnsRecord,
  ImportResult,
  ListRecordsQuery,
  ListZonesQuery,
  Page,
  RecordBody,
  RecordPatch,
  RecordUsage,
  ScanResult,
  ScanReviewRequest,
  ScanReviewResult,
  TokenVerification,
  Zone,
} from './types';

export interface CloudflareClientOptions {
  /** API token, or email + global API key. Defaults to the environment (see credentialsFromEnv). */
  readonly credentials?: Credentials;
  /** Defaults to `CLOUDFLARE_API_BASE_URL`, else https://api.cloudflare.com/client/v4. */
  readonly baseUrl?: string;
  /** Per-attempt timeout in ms (default 60 s). */
  readonly timeoutMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  /** Client-side rate budget (default 1,200 requests per 5 minutes); `false` turns it off. */
  readonly budget?: BudgetLimit | false;
  /**
   * Follows the budget Cloudflare reports in `Ratelimit` / `Ratelimit-Policy` (and `x-ratelimit-*`) and waits
   * for the window to reset rather than earn a 429 (default true; `false` only to compare with a client that does not).
   */
  readonly pace?: boolean;
  /** Proxy URL; `false` for none; undefined uses `HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY`. */
  readonly proxy?: string | false;
  /** Called after every HTTP attempt (for the VS Code log channel); never sees credentials. */
  readonly onRequest?: (entry: RequestLogEntry) => void;
  readonly userAgent?: string;
  /** For tests: time and waiting. */
  readonly clock?: Clock;
  /** For tests: the jitter source, in [0, 1). */
  readonly random?: () => number;
  /** Uses this dispatcher instead of creating one (the client then does not close it). */
  readonly dispatcher?: Dispatcher;
  /** Where `HTTPS_PROXY` and the defaults come from (default `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Page size the iterators ask for: far fewer calls than the server's default of 100. */
export const ITERATION_PAGE_SIZE = 5000;
/** The zones list allows at most 50 per page. */
export const ZONES_PAGE_SIZE = 50;
/** The import endpoint's own limit: three requests per minute per user. */
export const IMPORT_RATE_LIMIT: BudgetLimit = { limit: 3, windowMs: 60_000 };

/**
 * A typed client of Cloudflare's DNS records API (one method per operation), with retries, a rate budget,
 * timeouts and cancellation. Every failure is a CloudflareError subclass whose message a user can act on.
 */
export class CloudflareClient {
  readonly baseUrl: URL;
  private readonly http: HttpExecutor;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly usesToken: boolean;
  private readonly pacer: ServerPacer | undefined;
  private readonly importBudget: RequestBudget;
  private readonly importPacer: ServerPacer | undefined;

  constructor(options: CloudflareClientOptions = {}) {
    const env = options.env ?? process.env;
    const credentials = checkCredentials(options.credentials ?? credentialsFromEnv(env));
    this.baseUrl = parseBaseUrl(options.baseUrl ?? baseUrlFromEnv(env));
    this.usesToken = 'token' in credentials;
    const clock = options.clock ?? systemClock;
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (!(timeoutMs > 0)) throw new CloudflareConfigError('The request timeout must be a positive number of ms.');
    const limits = options.budget ?? CLOUDFLARE_RATE_LIMIT;
    if (limits !== false && !(limits.limit >= 1 && limits.windowMs > 0)) {
      throw new CloudflareConfigError('The request budget needs at least 1 request per positive time window.');
    }
    // Created last, once nothing else can throw, so that a refused configuration leaves no pool open.
    this.pacer = options.pace === false ? undefined : new ServerPacer(clock, 'default');
    this.importPacer = options.pace === false ? undefined : new ServerPacer(clock, 'dns-import');
    this.importBudget = new RequestBudget(IMPORT_RATE_LIMIT, clock);
    this.ownsDispatcher = options.dispatcher === undefined;
    this.dispatcher = options.dispatcher ?? createDispatcher(this.baseUrl, options.proxy, env);
    this.http = new HttpExecutor({
      baseUrl: this.baseUrl,
      credentials,
      timeoutMs,
      retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
      budget: limits === false ? undefined : new RequestBudget(limits, clock),
      pacer: this.pacer,
      clock,
      random: options.random ?? Math.random,
      dispatcher: this.dispatcher,
      userAgent: options.userAgent ?? 'zone-records',
      onRequest: options.onRequest,
    });
  }

  /** The rate budget the server last reported, less the calls in flight; undefined until a response said. */
  rateBudget(): BudgetSnapshot | undefined {
    return this.pacer?.snapshot();
  }

  /** Closes the connection pool (waits for requests in flight). */
  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }

  // ---- DNS records ----

  /** One page of records, with every filter, search, sort and paging parameter of the list endpoint. */
  async listRecords(zoneId: string, query: ListRecordsQuery = {}, options?: CallOptions): Promise<Page<DnsRecord>> {
    return this.page<DnsRecord>(
      { method: 'GET', path: recordsPath(zoneId), query: recordsQueryParams(query) },
      options,
    );
  }

  /**
   * Every record matching `query`, page by page (5,000 per page unless `per_page` says otherwise), stopping
   * at the last page or at an empty page.
   */
  iterateRecords(zoneId: string, query: ListRecordsQuery = {}, options?: CallOptions): AsyncGenerator<DnsRecord> {
    return paginate(
      (page, perPage) => this.listRecords(zoneId, { ...query, page, per_page: perPage }, options),
      query.page ?? 1,
      query.per_page ?? ITERATION_PAGE_SIZE,
    );
  }

  /** All records matching `query`, collected from iterateRecords. */
  async listAllRecords(zoneId: string, query: ListRecordsQuery = {}, options?: CallOptions): Promise<DnsRecord[]> {
    const records: DnsRecord[] = [];
    for await (const record of this.iterateRecords(zoneId, query, options)) records.push(record);
    return records;
  }

  async createRecord(zoneId: string, record: RecordBody, options?: CallOptions): Promise<DnsRecord> {
    return this.result<DnsRecord>({ method: 'POST', path: recordsPath(zoneId), json: record }, options);
  }

  async getRecord(zoneId: string, recordId: string, options?: CallOptions): Promise<DnsRecord> {
    return this.result<DnsRecord>({ method: 'GET', path: recordPath(zoneId, recordId) }, options);
  }

  /** PUT: replaces the whole record; fields left out take their defaults. */
  async overwriteRecord(
    zoneId: string,
    recordId: string,
    record: RecordBody,
    options?: CallOptions,
  ): Promise<DnsRecord> {
    return this.result<DnsRecord>({ method: 'PUT', path: recordPath(zoneId, recordId), json: record }, options);
  }

  /** PATCH: changes only the given fields. */
  async updateRecord(zoneId: string, recordId: string, patch: RecordPatch, options?: CallOptions): Promise<DnsRecord> {
    return this.result<DnsRecord>({ method: 'PATCH', path: recordPath(zoneId, recordId), json: patch }, options);
  }

  async deleteRecord(zoneId: string, recordId: string, options?: CallOptions): Promise<{ id: string }> {
    // No body, like the official SDK: the spec's required-but-schemaless body is not needed by the server.
    const call: HttpCall = { method: 'DELETE', path: recordPath(zoneId, recordId) };
    try {
      return await this.result<{ id: string }>(call, options);
    } catch (error) {
      // An earlier attempt lost its answer and the retry finds the record gone: that attempt deleted it.
      if (error instanceof CloudflareNotFoundError && (error.request?.unanswered ?? 0) > 0) return { id: recordId };
      throw error;
    }
  }

  /** Applies deletes → patches → puts → posts in one transaction: all or nothing. */
  async batch(zoneId: string, changes: BatchRequest, options?: CallOptions): Promise<BatchResult> {
    return this.result<BatchResult>({ method: 'POST', path: `${recordsPath(zoneId)}/batch`, json: changes }, options);
  }

  /** The zone as BIND zone-file text. */
  async exportZone(zoneId: string, options?: CallOptions): Promise<string> {
    const response = await this.http.send(
      { method: 'GET', path: `${recordsPath(zoneId)}/export`, accept: 'text/plain' },
      options,
    );
    return response.text;
  }

  /** Uploads BIND zone-file text (at most 256 KiB, no `$INCLUDE`); `proxied` applies to proxiable records. */
  async importZone(
    zoneId: string,
    zoneFile: string,
    settings: { readonly proxied?: boolean } = {},
    options?: CallOptions,
  ): Promise<ImportResult> {
    const form = (): FormData => {
      const data = new FormData();
      data.append('file', new Blob([zoneFile], { type: 'text/plain' }), 'zone.txt');
      data.append('proxied', String(settings.proxied ?? false));
      return data;
    };
    const call: HttpCall = {
      method: 'POST',
      path: `${recordsPath(zoneId)}/import`,
      form,
      budgets: [this.importBudget],
      ...(this.importPacer === undefined ? {} : { pacer: this.importPacer }),
    };
    return this.result<ImportResult>(call, options);
  }

  /** @deprecated by Cloudflare: scans and adds the records it finds at once. Prefer triggerScan + review. */
  async scan(zoneId: string, options?: CallOptions): Promise<ScanResult> {
    return this.result<ScanResult>({ method: 'POST', path: `${recordsPath(zoneId)}/scan`, json: {} }, options);
  }

  /** Starts a background scan; it adds nothing until its results are reviewed. Returns the API's messages. */
  async triggerScan(zoneId: string, options?: CallOptions): Promise<readonly CloudflareMessage[]> {
    const call: HttpCall = { method: 'POST', path: `${recordsPath(zoneId)}/scan/trigger`, json: {} };
    const { envelope } = await this.envelope(call, options);
    return Array.isArray(envelope.messages) ? (envelope.messages as CloudflareMessage[]) : [];
  }

  /** Records a scan found that are waiting for review. */
  async listScanned(zoneId: string, options?: CallOptions): Promise<readonly DnsRecord[]> {
    const page = await this.page<DnsRecord>({ method: 'GET', path: `${recordsPath(zoneId)}/scan/review` }, options);
    return page.items;
  }

  /** Accepts (adds to the zone) and rejects (discards) scanned records. */
  async reviewScanned(zoneId: string, review: ScanReviewRequest, options?: CallOptions): Promise<ScanReviewResult> {
    const result = await this.result<Partial<ScanReviewResult>>(
      { method: 'POST', path: `${recordsPath(zoneId)}/scan/review`, json: review },
      options,
    );
    return { accepts: result.accepts ?? [], rejects: result.rejects ?? [] };
  }

  async usage(zoneId: string, options?: CallOptions): Promise<RecordUsage> {
    return this.result<RecordUsage>({ method: 'GET', path: `${recordsPath(zoneId)}/usage` }, options);
  }

  // ---- zones and token ----

  async listZones(query: ListZonesQuery = {}, options?: CallOptions): Promise<Page<Zone>> {
    return this.page<Zone>({ method: 'GET', path: '/zones', query: zonesQueryParams(query) }, options);
  }

  /** Every zone the credentials can see (50 per page). */
  iterateZones(query: ListZonesQuery = {}, options?: CallOptions): AsyncGenerator<Zone> {
    return paginate(
      (page, perPage) => this.listZones({ ...query, page, per_page: perPage }, options),
      query.page ?? 1,
      query.per_page ?? ZONES_PAGE_SIZE,
    );
  }

  /** The zone with exactly this name (case-insensitive, trailing dot ignored), or undefined. */
  async findZone(name: string, options?: CallOptions): Promise<Zone | undefined> {
    const wanted = plainName(name);
    for await (const zone of this.iterateZones({ name: wanted }, options)) {
      if (zone.name.toLowerCase() === wanted) return zone;
    }
    return undefined;
  }

  /** Checks an API token (token credentials only: the endpoint does not accept email + key). */
  async verifyToken(options?: CallOptions): Promise<TokenVerification> {
    if (!this.usesToken) {
      throw new CloudflareConfigError('Only an API token can be verified; email + global API key cannot.');
    }
    return this.result<TokenVerification>({ method: 'GET', path: '/user/tokens/verify' }, options);
  }

  // ---- envelope handling ----

  private async envelope(
    call: HttpCall,
    options: CallOptions | undefined,
  ): Promise<{ envelope: Record<string, unknown>; fail: (detail: string) => CloudflareResponseError }> {
    const response = await this.http.send(call, options);
    const request = { method: call.method, path: call.path, attempts: 1 };
    return {
      envelope: parseEnvelope(response, request),
      fail: (detail) => new CloudflareResponseError(response.status, detail, request),
    };
  }

  private async result<T>(call: HttpCall, options: CallOptions | undefined): Promise<T> {
    const { envelope, fail } = await this.envelope(call, options);
    const result = envelope.result;
    if (typeof result !== 'object' || result === null) throw fail('the response has no result');
    return result as T;
  }

  private async page<T>(call: HttpCall, options: CallOptions | undefined): Promise<Page<T>> {
    const { envelope, fail } = await this.envelope(call, options);
    if (!Array.isArray(envelope.result)) throw fail('the response has no list of results');
    const info = envelope.result_info;
    return {
      items: envelope.result as T[],
      resultInfo: typeof info === 'object' && info !== null ? info : undefined,
    };
  }
}

function recordsPath(zoneId: string): string {
  return `/zones/${pathId(zoneId, 'zone')}/dns_records`;
}

function recordPath(zoneId: string, recordId: string): string {
  return `${recordsPath(zoneId)}/${pathId(recordId, 'record')}`;
}

function pathId(id: string, what: string): string {
  if (id.trim() === '') throw new CloudflareConfigError(`The ${what} id is empty; pick a ${what} first.`);
  return encodeURIComponent(id);
}
