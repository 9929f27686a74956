import { strict as assert } from 'node:assert';
import {
  CloudflareCancelledError,
  CloudflareConfigError,
  CloudflareNetworkError,
  CloudflareRateLimitError,
  CloudflareTimeoutError,
  type CloudflareClient,
  type CloudflareClientOptions,
  type RequestLogEntry,
} from '../../../cloudflare/src/api';
import { formatRequestLogEntry } from '../../../cloudflare/src/api/http';
import { ConnectProxy } from '../../contract/support/connect-proxy';
import { ClientHarness, TOKEN, ZONE } from '../../contract/support/client-harness';
import type { FakeClock } from '../../contract/support/fake-clock';
import { FakeServer, failure, ok, type SeenRequest } from '../../contract/support/fake-server';

describe('Cloudflare client proxy, retries, timeouts, cancellation and budget (against a scripted HTTP server)', () => {
  let h: ClientHarness;
  let server: FakeServer;
  let baseUrl: string;
  let clock: FakeClock;
  let log: RequestLogEntry[];
  const client = (options?: CloudflareClientOptions): CloudflareClient => h.client(options);
  const last = (): SeenRequest => h.last();

  beforeEach(async () => {
    h = await new ClientHarness().start();
    ({ server, baseUrl, clock, log } = h);
  });

  afterEach(() => h.stop());

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
        await h.closeClients();
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
        await h.closeClients();
        await proxy.stop();
      }
    });

    it('rejects a proxy that is not an http(s) URL', () => {
      assert.throws(() => client({ baseUrl: remoteBase(), proxy: 'socks://x' }), CloudflareConfigError);
    });
  });

  describe('connections', () => {
    it('reuses one keep-alive connection for sequential calls, and opens at most 8 at once', async () => {
      server.setHandler(() => ({ body: ok({ record_usage: 0, record_quota: 200 }) }));
      const c = client();
      for (let i = 0; i < 10; i++) await c.usage(ZONE);
      // undici's pool may hand a call made in the same tick as the previous answer to a second connection.
      assert.ok(server.connections <= 2, `${server.connections} connections for 10 calls`);
      server.setHandler(() => ({ delayMs: 20, body: ok({ record_usage: 0, record_quota: 200 }) }));
      await Promise.all(Array.from({ length: 20 }, () => c.usage(ZONE)));
      assert.equal(server.requests.length, 30);
      assert.ok(server.connections <= 8, `${server.connections} connections`);
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

    it('honours Retry-After as an HTTP date and retry-after-ms', async () => {
      server.enqueue(
        { status: 503, headers: { 'retry-after': new Date(clock.time + 7000).toUTCString() }, body: 'busy' },
        { status: 429, headers: { 'retry-after-ms': '250', 'retry-after': '9' }, body: 'slow down' },
      );
      server.setHandler(() => ({ body: ok({ record_usage: 0, record_quota: 200 }) }));
      await client().usage(ZONE);
      assert.deepEqual(clock.sleeps, [7000, 250]);
    });

    it('makes the next call wait out the pause a 429 asked for', async () => {
      const c = client({ retry: { maxRetries: 0 } });
      server.enqueue({
        status: 429,
        headers: { 'retry-after': '5' },
        body: failure({ code: 1015, message: 'Slow down' }),
      });
      await assert.rejects(c.usage(ZONE), CloudflareRateLimitError);
      server.setHandler(() => ({ body: ok({ record_usage: 0, record_quota: 200 }) }));
      assert.equal((await c.usage(ZONE)).record_usage, 0);
      assert.deepEqual(clock.sleeps, [5000]);
      assert.equal(server.requests.length, 2);
    });

    it('refuses to send while a long rate-limit pause lasts, then sends again', async () => {
      const c = client();
      server.enqueue({
        status: 429,
        headers: { 'retry-after': '300' },
        body: failure({ code: 1015, message: 'Slow down' }),
      });
      await assert.rejects(c.usage(ZONE), CloudflareRateLimitError);
      const blocked = await c.usage(ZONE).catch((e: unknown) => e);
      assert.ok(blocked instanceof CloudflareRateLimitError);
      assert.equal(blocked.retryAfterMs, 300_000);
      assert.match(
        blocked.message,
        /^Not sent: Cloudflare's rate limit for these credentials is reached \(GET \/zones\/\w+\/dns_records\/usage\)\. .*try again in 5 min\.$/,
      );
      assert.equal(server.requests.length, 1, 'nothing was sent while blocked');
      clock.time += 300_000;
      server.setHandler(() => ({ body: ok({ record_usage: 0, record_quota: 200 }) }));
      assert.equal((await c.usage(ZONE)).record_usage, 0);
      assert.equal(server.requests.length, 2);
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

    it('keeps working when the log hook throws, and rejects a non-positive timeout', async () => {
      server.setHandler(() => ({ body: ok({ record_usage: 7, record_quota: 200 }) }));
      const c = client({
        onRequest: () => {
          throw new Error('log sink is broken');
        },
      });
      assert.equal((await c.usage(ZONE)).record_usage, 7);
      await assert.rejects(c.usage(ZONE, { timeoutMs: 0 }), CloudflareConfigError);
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
