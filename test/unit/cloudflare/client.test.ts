import { strict as assert } from 'node:assert';
import {
  CloudflareApiError,
  CloudflareAuthError,
  CloudflareCancelledError,
  CloudflareClient,
  CloudflareConfigError,
  CloudflareNetworkError,
  CloudflareNotFoundError,
  CloudflareRateLimitError,
  CloudflareResponseError,
  CloudflareTimeoutError,
  type CloudflareClientOptions,
  type RequestLogEntry,
} from '../../../client/src/cloudflare';
import { formatRequestLogEntry } from '../../../client/src/cloudflare/http';
import { ConnectProxy } from '../../contract/support/connect-proxy';
import { FakeClock } from '../../contract/support/fake-clock';
import { FakeServer, failure, ok, type SeenRequest } from '../../contract/support/fake-server';

const TOKEN = 'test-token-0123456789abcdef';
const ZONE = '023e105f4ecef8ad9ca31a8372d0c353';
const RECORD = '372e67954025e0ba6aaa6d586b9e0b59';

function record(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: RECORD,
    name: 'www.example.com',
    type: 'A',
    content: '198.51.100.4',
    ttl: 1,
    proxied: false,
    proxiable: true,
    meta: {},
    created_on: '2026-11-26T17:00:00Z',
    modified_on: '2026-11-26T17:00:00Z',
    ...overrides,
  };
}

describe('Cloudflare client (against a scripted HTTP server)', () => {
  let server: FakeServer;
  let baseUrl: string;
  let clock: FakeClock;
  let log: RequestLogEntry[];
  const clients: CloudflareClient[] = [];

  const client = (options: CloudflareClientOptions = {}): CloudflareClient => {
    const created = new CloudflareClient({
      credentials: { token: TOKEN },
      baseUrl,
      clock,
      random: () => 0,
      onRequest: (entry) => log.push(entry),
      env: {},
      ...options,
    });
    clients.push(created);
    return created;
  };
  const last = (): SeenRequest => server.requests[server.requests.length - 1];

  beforeEach(async () => {
    server = new FakeServer();
    baseUrl = await server.start();
    clock = new FakeClock();
    log = [];
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await server.stop();
  });

  describe('requests', () => {
    it('authenticates with a bearer token, or with email and global key', async () => {
      server.enqueue({ body: ok({ record_usage: 3, record_quota: 200 }) });
      assert.deepEqual(await client().usage(ZONE), { record_usage: 3, record_quota: 200 });
      assert.equal(last().headers.authorization, `Bearer ${TOKEN}`);
      assert.equal(last().headers['x-auth-key'], undefined);
      assert.equal(last().url, `/client/v4/zones/${ZONE}/dns_records/usage`);

      server.enqueue({ body: ok({ record_usage: 3, record_quota: null }) });
      await client({ credentials: { email: 'me@example.com', key: 'globalkey123' } }).usage(ZONE);
      assert.equal(last().headers.authorization, undefined);
      assert.equal(last().headers['x-auth-email'], 'me@example.com');
      assert.equal(last().headers['x-auth-key'], 'globalkey123');
    });

    it('sends each record operation to its method and path with its body', async () => {
      const c = client();
      const body = { type: 'A', name: 'www.example.com', content: '198.51.100.4', ttl: 1, proxied: true } as const;
      server.setHandler(() => ({ body: ok(record()) }));

      assert.equal((await c.createRecord(ZONE, body)).id, RECORD);
      assert.deepEqual(
        [last().method, last().url, JSON.parse(last().body)],
        ['POST', `/client/v4/zones/${ZONE}/dns_records`, body],
      );
      assert.equal(last().headers['content-type'], 'application/json');

      await c.getRecord(ZONE, RECORD);
      assert.deepEqual(
        [last().method, last().url, last().body],
        ['GET', `/client/v4/zones/${ZONE}/dns_records/${RECORD}`, ''],
      );

      await c.overwriteRecord(ZONE, RECORD, body);
      assert.deepEqual([last().method, JSON.parse(last().body)], ['PUT', body]);

      await c.updateRecord(ZONE, RECORD, { type: 'A', ttl: 300 });
      assert.deepEqual([last().method, JSON.parse(last().body)], ['PATCH', { type: 'A', ttl: 300 }]);

      server.setHandler(() => ({ body: ok({ id: RECORD }) }));
      assert.deepEqual(await c.deleteRecord(ZONE, RECORD), { id: RECORD });
      assert.deepEqual(
        [last().method, last().url, last().body],
        ['DELETE', `/client/v4/zones/${ZONE}/dns_records/${RECORD}`, ''],
      );
    });

    it('sends batch, scan, trigger, scan review and usage', async () => {
      const c = client();
      const changes = {
        deletes: [{ id: RECORD }],
        posts: [{ type: 'TXT', name: 'a.example.com', content: '"hello"', ttl: 1 }],
      } as const;
      server.enqueue({ body: ok({ deletes: [record()], posts: [record({ type: 'TXT', content: '"hello"' })] }) });
      const result = await c.batch(ZONE, changes);
      assert.equal(result.posts?.[0]?.content, '"hello"');
      assert.deepEqual(
        [last().method, last().url, JSON.parse(last().body)],
        ['POST', `/client/v4/zones/${ZONE}/dns_records/batch`, changes],
      );

      server.enqueue({ body: ok({ recs_added: 2, total_records_parsed: 2 }) });
      assert.deepEqual(await c.scan(ZONE), { recs_added: 2, total_records_parsed: 2 });
      assert.deepEqual(
        [last().method, last().url, last().body],
        ['POST', `/client/v4/zones/${ZONE}/dns_records/scan`, '{}'],
      );

      server.enqueue({ body: { success: true, errors: [], messages: [{ code: 10000, message: 'Scan started' }] } });
      assert.deepEqual(await c.triggerScan(ZONE), [{ code: 10000, message: 'Scan started' }]);
      assert.equal(last().url, `/client/v4/zones/${ZONE}/dns_records/scan/trigger`);

      server.enqueue({
        body: ok([record()], { result_info: { page: 1, per_page: 100, count: 1, total_count: 1, total_pages: 1 } }),
      });
      assert.equal((await c.listScanned(ZONE)).length, 1);
      assert.deepEqual([last().method, last().url], ['GET', `/client/v4/zones/${ZONE}/dns_records/scan/review`]);

      server.enqueue({ body: ok({ accepts: [record()], rejects: ['aaaa'] }) });
      const review = {
        accepts: [{ type: 'A', name: 'www.example.com', content: '198.51.100.4', ttl: 1 }],
        rejects: [{ id: 'aaaa' }],
      } as const;
      assert.deepEqual((await c.reviewScanned(ZONE, review)).rejects, ['aaaa']);
      assert.deepEqual([last().method, JSON.parse(last().body)], ['POST', review]);
    });

    it('exports as text and imports as multipart with file and proxied', async () => {
      const c = client();
      server.enqueue({ body: 'www.example.com.\t300\tIN\tA\t127.0.0.1\n' });
      assert.equal(await c.exportZone(ZONE), 'www.example.com.\t300\tIN\tA\t127.0.0.1\n');
      assert.equal(last().headers.accept, 'text/plain');

      server.enqueue({ body: ok({ recs_added: 1, total_records_parsed: 1 }) });
      const zoneFile = 'www.example.com. 300 IN A 127.0.0.1\n';
      assert.deepEqual(await c.importZone(ZONE, zoneFile, { proxied: true }), {
        recs_added: 1,
        total_records_parsed: 1,
      });
      const seen = last();
      assert.equal(seen.url, `/client/v4/zones/${ZONE}/dns_records/import`);
      assert.match(String(seen.headers['content-type']), /^multipart\/form-data; boundary=/);
      const form = await new Response(seen.body, {
        headers: { 'content-type': String(seen.headers['content-type']) },
      }).formData();
      assert.equal(await (form.get('file') as Blob).text(), zoneFile);
      assert.equal(form.get('proxied'), 'true');
    });

    it('serialises every list filter, sort and paging parameter', async () => {
      server.enqueue({
        body: ok([record()], { result_info: { page: 2, per_page: 5, count: 1, total_count: 6, total_pages: 2 } }),
      });
      const page = await client().listRecords(ZONE, {
        name: { contains: 'www', endswith: '.example.com' },
        type: 'A',
        content: { startswith: '198.51' },
        proxied: false,
        match: 'any',
        comment: { present: true, exact: 'Hello, world' },
        tag: { present: 'owner', exact: ['team:dns', 'env:prod'] },
        tag_match: 'all',
        search: 'www',
        order: 'content',
        direction: 'desc',
        page: 2,
        per_page: 5,
      });
      assert.equal(page.items.length, 1);
      assert.equal(page.resultInfo?.total_pages, 2);
      const query = [...new URL(last().url, 'http://x').searchParams];
      assert.deepEqual(query, [
        ['name.contains', 'www'],
        ['name.endswith', '.example.com'],
        ['type', 'A'],
        ['content.startswith', '198.51'],
        ['proxied', 'false'],
        ['match', 'any'],
        ['comment.exact', 'Hello, world'],
        ['comment.present', 'true'],
        ['tag.present', 'owner'],
        ['tag.exact', 'team:dns'],
        ['tag.exact', 'env:prod'],
        ['tag_match', 'all'],
        ['search', 'www'],
        ['order', 'content'],
        ['direction', 'desc'],
        ['page', '2'],
        ['per_page', '5'],
      ]);

      server.enqueue({
        body: ok([], { result_info: { page: 1, per_page: 100, count: 0, total_count: 0, total_pages: 0 } }),
      });
      await client().listRecords(ZONE, { name: 'www.example.com', content: '1.2.3.4', comment: 'x', tag: 'owner:dns' });
      assert.equal(
        new URL(last().url, 'http://x').search,
        '?name=www.example.com&content=1.2.3.4&comment=x&tag=owner%3Adns',
      );
    });

    it('lists zones with the comma-separated type filter and verifies a token', async () => {
      const c = client();
      server.enqueue({
        body: ok([], { result_info: { page: 1, per_page: 50, count: 0, total_count: 0, total_pages: 0 } }),
      });
      await c.listZones({ name: 'contains:example', type: ['full', 'partial'], status: 'active', per_page: 50 });
      assert.equal(
        new URL(last().url, 'http://x').search,
        '?name=contains%3Aexample&status=active&type=full%2Cpartial&per_page=50',
      );

      server.enqueue({
        body: ok(
          { id: 'ed17574386854bf78a67040be0a770b0', status: 'active' },
          { messages: [{ code: 10000, message: 'This API Token is valid and active' }] },
        ),
      });
      assert.deepEqual(await c.verifyToken(), { id: 'ed17574386854bf78a67040be0a770b0', status: 'active' });
      assert.equal(last().url, '/client/v4/user/tokens/verify');
    });
  });

  describe('paging', () => {
    it('walks pages of 5,000 until the last page the server reports', async () => {
      server.setHandler((request) => {
        const page = Number(new URL(request.url, 'http://x').searchParams.get('page'));
        const items = page < 3 ? [record({ id: `p${page}a` }), record({ id: `p${page}b` })] : [record({ id: 'p3a' })];
        return {
          body: ok(items, { result_info: { page, per_page: 2, count: items.length, total_count: 5, total_pages: 3 } }),
        };
      });
      const ids = (await client().listAllRecords(ZONE, { type: 'A' })).map((r) => r.id);
      assert.deepEqual(ids, ['p1a', 'p1b', 'p2a', 'p2b', 'p3a']);
      assert.equal(server.requests.length, 3);
      const first = new URL(server.requests[0].url, 'http://x').searchParams;
      assert.equal(first.get('per_page'), '5000');
      assert.equal(first.get('type'), 'A');
    });

    it('stops on an empty page when the server gives no page count', async () => {
      server.setHandler((request) => {
        const page = Number(new URL(request.url, 'http://x').searchParams.get('page'));
        return { body: ok(page <= 2 ? [record({ id: `r${page}` })] : []) };
      });
      const ids: string[] = [];
      for await (const r of client().iterateRecords(ZONE, { per_page: 1 })) ids.push(r.id);
      assert.deepEqual(ids, ['r1', 'r2']);
      assert.equal(server.requests.length, 3);
    });

    it('iterates zones 50 at a time and finds a zone by name', async () => {
      server.setHandler((request) => {
        const params = new URL(request.url, 'http://x').searchParams;
        const page = Number(params.get('page'));
        const zones = page === 1 ? [{ id: ZONE, name: 'example.com' }] : [];
        return {
          body: ok(zones, {
            result_info: {
              page,
              per_page: Number(params.get('per_page')),
              count: zones.length,
              total_count: 1,
              total_pages: 1,
            },
          }),
        };
      });
      const zone = await client().findZone('Example.COM.');
      assert.equal(zone?.id, ZONE);
      assert.equal(new URL(last().url, 'http://x').searchParams.get('per_page'), '50');
      assert.equal(new URL(last().url, 'http://x').searchParams.get('name'), 'example.com');
    });
  });

  describe('errors', () => {
    it("says Cloudflare's code and message instead of Bad Request", async () => {
      server.enqueue({
        status: 400,
        body: failure({ code: 81053, message: 'An A, AAAA, or CNAME record with that host already exists.' }),
      });
      const error = await client()
        .createRecord(ZONE, { type: 'CNAME', name: 'www', content: 'example.net', ttl: 1 })
        .catch((e: unknown) => e);
      assert.ok(error instanceof CloudflareApiError);
      assert.equal(error.kind, 'api');
      assert.equal(error.status, 400);
      assert.equal(error.message, 'Cloudflare 81053: An A, AAAA, or CNAME record with that host already exists.');
      assert.deepEqual(error.codes, [81053]);
      assert.equal(server.requests.length, 1, 'a 400 is not retried');
    });

    it('reports auth failures as CloudflareAuthError, with the error chain and what to do', async () => {
      server.enqueue({
        status: 400,
        body: failure({
          code: 6003,
          message: 'Invalid request headers',
          error_chain: [{ code: 6111, message: 'Invalid format for Authorization header' }],
        }),
      });
      const error = await client()
        .usage(ZONE)
        .catch((e: unknown) => e);
      assert.ok(error instanceof CloudflareAuthError);
      assert.equal(error.kind, 'auth');
      assert.deepEqual(error.codes, [6003, 6111]);
      assert.match(
        error.message,
        /^Cloudflare 6003: Invalid request headers \(6111: Invalid format for Authorization header\)\. Check the API token/,
      );
      assert.ok(!error.message.includes(TOKEN));

      server.enqueue({ status: 403, body: failure({ code: 10000, message: 'Authentication error' }) });
      const forbidden = await client()
        .usage(ZONE)
        .catch((e: unknown) => e);
      assert.ok(forbidden instanceof CloudflareAuthError);
      assert.match(
        forbidden.message,
        /^Cloudflare 10000: Authentication error\. Check that the API token has the permissions/,
      );
    });

    it('reports a missing record as CloudflareNotFoundError', async () => {
      server.enqueue({ status: 404, body: failure({ code: 81044, message: 'Record does not exist.' }) });
      const error = await client()
        .getRecord(ZONE, RECORD)
        .catch((e: unknown) => e);
      assert.ok(error instanceof CloudflareNotFoundError);
      assert.match(error.message, /^Cloudflare 81044: Record does not exist\. /);
    });

    it('treats success:false on a 200 as an error, and a non-JSON 200 as an unexpected answer', async () => {
      server.enqueue({ body: failure({ code: 1004, message: 'DNS Validation Error' }) });
      await assert.rejects(
        client().usage(ZONE),
        (e: unknown) => e instanceof CloudflareApiError && e.message === 'Cloudflare 1004: DNS Validation Error',
      );
      server.enqueue({ body: '<html>captive portal</html>' });
      await assert.rejects(
        client().usage(ZONE),
        (e: unknown) => e instanceof CloudflareResponseError && /not JSON/.test(e.message),
      );
    });

    it('describes an error page without an envelope by its status', async () => {
      server.setHandler(() => ({ status: 502, body: '<html>Bad gateway</html>' }));
      const error = await client({ retry: { maxRetries: 1 } })
        .usage(ZONE)
        .catch((e: unknown) => e);
      assert.ok(error instanceof CloudflareApiError);
      assert.equal(error.status, 502);
      assert.equal(
        error.message,
        `Cloudflare answered HTTP 502 Bad Gateway to GET /zones/${ZONE}/dns_records/usage (after 2 attempts). This is a problem on Cloudflare’s side; try again later.`,
      );
    });

    it('refuses to start without credentials or with a bad base URL', () => {
      assert.throws(() => new CloudflareClient({ env: {} }), CloudflareConfigError);
      assert.throws(
        () => new CloudflareClient({ credentials: { token: 'has space' }, env: {} }),
        /spaces or control characters/,
      );
      assert.throws(
        () => new CloudflareClient({ credentials: { token: 't' }, baseUrl: 'not a url', env: {} }),
        /is not a URL/,
      );
      const fromEnv = new CloudflareClient({ env: { CLOUDFLARE_API_TOKEN: 't', CLOUDFLARE_API_BASE_URL: baseUrl } });
      clients.push(fromEnv);
      assert.equal(fromEnv.baseUrl.href, baseUrl);
      const byDefault = new CloudflareClient({ env: { CLOUDFLARE_API_TOKEN: 't' } });
      clients.push(byDefault);
      assert.equal(byDefault.baseUrl.href, 'https://api.cloudflare.com/client/v4');
    });

    it('verifies only token credentials', async () => {
      await assert.rejects(client({ credentials: { email: 'a@b.c', key: 'k' } }).verifyToken(), CloudflareConfigError);
      assert.equal(server.requests.length, 0);
    });
  });

  describe('proxy', () => {
    const remoteBase = (): string => baseUrl.replace('127.0.0.1', 'api.cloudflare.test');

    it('tunnels through a configured proxy to a remote host', async () => {
      const proxy = new ConnectProxy(Number(new URL(baseUrl).port));
      const proxyUrl = await proxy.start();
      try {
        server.enqueue({ body: ok({ record_usage: 4, record_quota: 200 }) });
        const usage = await client({ baseUrl: remoteBase(), proxy: proxyUrl }).usage(ZONE);
        assert.equal(usage.record_usage, 4);
        assert.deepEqual(proxy.targets, [`api.cloudflare.test:${new URL(baseUrl).port}`]);
        assert.equal(last().headers.authorization, `Bearer ${TOKEN}`);
      } finally {
        await Promise.all(clients.splice(0).map((c) => c.close()));
        await proxy.stop();
      }
    });

    it('takes the proxy from HTTPS_PROXY / HTTP_PROXY, honours NO_PROXY, and never proxies loopback', async () => {
      const proxy = new ConnectProxy(Number(new URL(baseUrl).port));
      const proxyUrl = await proxy.start();
      try {
        server.setHandler(() => ({ body: ok({ record_usage: 0, record_quota: 200 }) }));
        await client({ baseUrl: remoteBase(), env: { HTTP_PROXY: proxyUrl, HTTPS_PROXY: proxyUrl } }).usage(ZONE);
        assert.equal(proxy.targets.length, 1);
        await client({ baseUrl, env: { HTTP_PROXY: proxyUrl } }).usage(ZONE);
        assert.equal(proxy.targets.length, 1, 'loopback goes direct');
        const direct = client({
          baseUrl: remoteBase(),
          env: { HTTP_PROXY: proxyUrl, NO_PROXY: 'api.cloudflare.test' },
        });
        await assert.rejects(
          direct.usage(ZONE),
          CloudflareNetworkError,
          'NO_PROXY host is resolved directly (and does not exist)',
        );
        assert.equal(proxy.targets.length, 1);
      } finally {
        await Promise.all(clients.splice(0).map((c) => c.close()));
        await proxy.stop();
      }
    });

    it('rejects a proxy that is not an http(s) URL', () => {
      assert.throws(() => client({ baseUrl: remoteBase(), proxy: 'socks://x' }), CloudflareConfigError);
    });
  });

  describe('retries, timeouts and cancellation', () => {
    it('retries 503 with backoff and 429 with Retry-After, then succeeds', async () => {
      server.enqueue(
        { status: 503, body: failure({ code: 10001, message: 'Service unavailable' }) },
        { status: 429, headers: { 'retry-after': '2' }, body: failure({ code: 10000, message: 'Rate limited' }) },
        { status: 500, body: 'oops' },
      );
      server.setHandler(() => ({ body: ok({ record_usage: 1, record_quota: 200 }) }));
      assert.deepEqual(await client().usage(ZONE), { record_usage: 1, record_quota: 200 });
      assert.equal(server.requests.length, 4);
      assert.deepEqual(clock.sleeps, [500, 2000, 2000]);
      assert.deepEqual(
        log.map((e) => [e.attempt, e.status, e.outcome]),
        [
          [1, 503, 'retry'],
          [2, 429, 'retry'],
          [3, 500, 'retry'],
          [4, 200, 'ok'],
        ],
      );
    });

    it('gives up with a rate-limit error when Retry-After is longer than it will wait', async () => {
      server.enqueue({
        status: 429,
        headers: { 'retry-after': '300' },
        body: failure({ code: 10000, message: 'Rate limited' }),
      });
      const error = await client()
        .usage(ZONE)
        .catch((e: unknown) => e);
      assert.ok(error instanceof CloudflareRateLimitError);
      assert.equal(error.retryAfterMs, 300_000);
      assert.match(error.message, /try again in 5 min\.$/);
      assert.equal(server.requests.length, 1);
    });

    it('gives up after maxRetries with the last error', async () => {
      server.setHandler(() => ({
        status: 429,
        headers: { 'retry-after': '1' },
        body: failure({ code: 10000, message: 'Rate limited' }),
      }));
      const error = await client({ retry: { maxRetries: 2 } })
        .usage(ZONE)
        .catch((e: unknown) => e);
      assert.ok(error instanceof CloudflareRateLimitError);
      assert.equal(server.requests.length, 3);
      assert.equal(error.request?.attempts, 3);
    });

    it('retries a dropped connection, and reports a network error when it keeps failing', async () => {
      server.enqueue({ drop: true });
      server.setHandler(() => ({ body: ok({ record_usage: 0, record_quota: 200 }) }));
      assert.equal((await client().usage(ZONE)).record_usage, 0);
      assert.equal(server.requests.length, 2);
      assert.equal(log[0]?.outcome, 'retry');
      assert.equal(log[0]?.error, 'network');

      server.setHandler(() => ({ drop: true }));
      const error = await client({ retry: { maxRetries: 1 } })
        .usage(ZONE)
        .catch((e: unknown) => e);
      assert.ok(error instanceof CloudflareNetworkError);
      assert.match(
        error.message,
        /^Cannot reach Cloudflare at http:\/\/127\.0\.0\.1:\d+ \(.+\) for GET \/zones\/\w+\/dns_records\/usage \(after 2 attempts\)\. Check the network/,
      );
    });

    it('reports a refused connection as a network error with its code', async () => {
      const closed = new FakeServer();
      const url = await closed.start();
      await closed.stop();
      const error = await client({ baseUrl: url, retry: { maxRetries: 0 } })
        .usage(ZONE)
        .catch((e: unknown) => e);
      assert.ok(error instanceof CloudflareNetworkError);
      assert.equal(error.code, 'ECONNREFUSED');
    });

    it('times out a request that takes too long', async () => {
      server.enqueue({ delayMs: 5000, body: ok(null) });
      const error = await client({ timeoutMs: 100, retry: { maxRetries: 0 } })
        .usage(ZONE)
        .catch((e: unknown) => e);
      assert.ok(error instanceof CloudflareTimeoutError);
      assert.equal(error.kind, 'timeout');
      assert.match(error.message, /^Cloudflare did not answer GET \/zones\/\w+\/dns_records\/usage within 100 ms\./);
    });

    it('lets one call override the client timeout', async () => {
      server.enqueue({ delayMs: 5000, body: ok(null) });
      const error = await client({ retry: { maxRetries: 0 } })
        .usage(ZONE, { timeoutMs: 100 })
        .catch((e: unknown) => e);
      assert.ok(error instanceof CloudflareTimeoutError);
      assert.equal(error.timeoutMs, 100);
    });

    it('retries after a timeout when retries are left', async () => {
      server.enqueue({ delayMs: 5000, body: ok(null) });
      server.setHandler(() => ({ body: ok({ record_usage: 2, record_quota: 200 }) }));
      assert.equal((await client({ timeoutMs: 100 }).usage(ZONE)).record_usage, 2);
      assert.deepEqual(
        log.map((e) => e.error ?? e.outcome),
        ['timeout', 'ok'],
      );
    });

    it('cancels a request in flight, before it starts, and during a backoff wait', async () => {
      server.enqueue({ delayMs: 5000, body: ok(null) });
      const controller = new AbortController();
      const pending = client().usage(ZONE, { signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      const error = await pending.catch((e: unknown) => e);
      assert.ok(error instanceof CloudflareCancelledError);
      assert.equal(error.kind, 'cancelled');

      const before = server.requests.length;
      await assert.rejects(client().usage(ZONE, { signal: AbortSignal.abort() }), CloudflareCancelledError);
      assert.equal(server.requests.length, before, 'no request is sent once cancelled');

      const waiting = new AbortController();
      const stalledClock = {
        now: () => Date.now(),
        sleep: (_ms: number, signal?: AbortSignal) =>
          new Promise<void>((_resolve, reject) =>
            signal?.addEventListener('abort', () => reject(new Error('aborted'))),
          ),
      };
      server.enqueue({ status: 503, body: failure({ code: 10001, message: 'busy' }) });
      const backingOff = client({ clock: stalledClock, budget: false }).usage(ZONE, { signal: waiting.signal });
      setTimeout(() => waiting.abort(), 50);
      await assert.rejects(backingOff, CloudflareCancelledError);
    });

    it('waits for the rate budget before sending more than it allows', async () => {
      server.setHandler(() => ({ body: ok({ record_usage: 0, record_quota: 200 }) }));
      const c = client({ budget: { limit: 2, windowMs: 10_000 } });
      for (let i = 0; i < 5; i++) await c.usage(ZONE);
      assert.equal(server.requests.length, 5);
      assert.deepEqual(clock.sleeps, [10_000, 10_000]);
    });

    it('logs method, path, status and duration, never the credentials', async () => {
      server.enqueue({
        status: 400,
        body: failure({ code: 9005, message: 'Content for A record must be a valid IPv4 address.' }),
      });
      await client()
        .createRecord(ZONE, { type: 'A', name: 'x', content: 'nope', ttl: 1 })
        .catch(() => undefined);
      server.setHandler(() => ({ body: ok({ record_usage: 0, record_quota: 200 }) }));
      await client({ credentials: { email: 'me@example.com', key: 'secret-global-key' } }).usage(ZONE);
      assert.deepEqual(
        log.map((e) => [e.method, e.path, e.status, e.outcome]),
        [
          ['POST', `/zones/${ZONE}/dns_records`, 400, 'error'],
          ['GET', `/zones/${ZONE}/dns_records/usage`, 200, 'ok'],
        ],
      );
      assert.ok(log.every((e) => typeof e.durationMs === 'number'));
      const text = JSON.stringify(log) + log.map(formatRequestLogEntry).join('\n');
      assert.ok(!text.includes(TOKEN) && !text.includes('secret-global-key'));
      assert.match(formatRequestLogEntry(log[0]), new RegExp(`^POST /zones/${ZONE}/dns_records → 400 in \\d+ ms$`));
      assert.equal(
        formatRequestLogEntry({
          method: 'GET',
          path: '/zones',
          attempt: 2,
          durationMs: 12.4,
          outcome: 'retry',
          error: 'network',
          retryInMs: 1000,
        }),
        'GET /zones → network in 12 ms (attempt 2), retrying in 1000 ms',
      );
    });
  });
});
