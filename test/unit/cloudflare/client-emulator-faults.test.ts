import { strict as assert } from 'node:assert';
import {
  CloudflareApiError,
  CloudflareNetworkError,
  CloudflareNotFoundError,
  CloudflareRateLimitError,
  CloudflareTimeoutError,
} from '../../../cloudflare/src/api';
import { useEmulatorSession } from './emulator-session';

const ZONE = 'example.com';

describe('Cloudflare client under injected faults from the emulator over HTTP', () => {
  const session = useEmulatorSession(ZONE);
  const client = session.client;

  describe('faults', () => {
    it('retries injected 500 and 503 answers and succeeds', async () => {
      session.emulator.faults.add({ kind: 'status', status: 500, times: 1 });
      session.emulator.faults.add({ kind: 'status', status: 503, times: 1 });
      assert.equal((await client().usage(session.zoneId)).record_usage, 0);
      assert.equal(session.emulator.log.count(), 3);
      assert.deepEqual(session.clock.sleeps, [500, 1000]);
    });

    it('fails with a typed error naming the status when the server keeps failing', async () => {
      session.emulator.faults.add({ kind: 'status', status: 503, persistent: true });
      const error = await client({ retry: { maxRetries: 2 } })
        .usage(session.zoneId)
        .catch((e: unknown) => e);
      assert.ok(error instanceof CloudflareApiError);
      assert.equal(error.status, 503);
      assert.match(error.message, /^Cloudflare 10503: .*try again later\.$/);
      assert.equal(session.emulator.log.count(), 3);
    });

    it("waits the emulator's Retry-After on 429 and succeeds", async () => {
      session.emulator.faults.add({ kind: 'rate-limit', retryAfter: 3, times: 2 });
      assert.equal((await client().usage(session.zoneId)).record_usage, 0);
      assert.deepEqual(session.clock.sleeps, [3000, 3000]);
      assert.deepEqual(
        session.log.map((e) => e.status),
        [429, 429, 200],
      );
    });

    it('fails at once with the wait when Retry-After is too long', async () => {
      session.emulator.faults.add({ kind: 'rate-limit', retryAfter: 300, times: 1 });
      const error = await client()
        .usage(session.zoneId)
        .catch((e: unknown) => e);
      assert.ok(error instanceof CloudflareRateLimitError);
      assert.equal(error.retryAfterMs, 300_000);
      assert.equal(session.emulator.log.count(), 1);
    });

    it('times out a delayed answer, and retries it when retries are left', async () => {
      session.emulator.faults.add({ kind: 'delay', delayMs: 1500, times: 1 });
      const timedOut = await client({ timeoutMs: 100, retry: { maxRetries: 0 } })
        .usage(session.zoneId)
        .catch((e: unknown) => e);
      assert.ok(timedOut instanceof CloudflareTimeoutError);

      session.emulator.faults.add({ kind: 'delay', delayMs: 1500, times: 1 });
      assert.equal((await client({ timeoutMs: 100 }).usage(session.zoneId)).record_usage, 0);
      assert.deepEqual(
        session.log.filter((e) => e.outcome !== 'error').map((e) => e.error ?? e.outcome),
        ['timeout', 'ok'],
      );
    });

    it('retries dropped connections of reads and idempotent writes', async () => {
      const c = client();
      const record = await c.createRecord(session.zoneId, {
        type: 'A',
        name: 'www.example.com',
        content: '192.0.2.1',
        ttl: 1,
      });
      session.emulator.faults.add({ kind: 'drop', method: 'GET', times: 1 });
      session.emulator.faults.add({ kind: 'drop', method: 'PATCH', times: 1 });
      session.emulator.faults.add({ kind: 'drop-after', method: 'PUT', times: 1 });
      session.emulator.faults.add({ kind: 'drop', method: 'DELETE', times: 1 });
      assert.equal((await c.getRecord(session.zoneId, record.id)).id, record.id);
      assert.equal((await c.updateRecord(session.zoneId, record.id, { type: 'A', ttl: 600 })).ttl, 600);
      const put = await c.overwriteRecord(session.zoneId, record.id, {
        type: 'A',
        name: 'www.example.com',
        content: '192.0.2.2',
        ttl: 1,
      });
      assert.equal(put.content, '192.0.2.2');
      await c.deleteRecord(session.zoneId, record.id);
      assert.equal(session.emulator.records(ZONE).length, 0);
      assert.equal(session.log.filter((e) => e.outcome === 'retry' && e.error === 'network').length, 4);
    });

    it('counts a delete whose answer was lost as done when the retry finds the record gone', async () => {
      const c = client();
      const record = await c.createRecord(session.zoneId, {
        type: 'A',
        name: 'www.example.com',
        content: '192.0.2.1',
        ttl: 1,
      });
      session.emulator.faults.add({ kind: 'drop-after', method: 'DELETE', times: 1 });
      assert.deepEqual(await c.deleteRecord(session.zoneId, record.id), { id: record.id });
      assert.equal(session.emulator.log.count({ method: 'DELETE' }), 2);
      assert.equal(session.emulator.records(ZONE).length, 0);
      await assert.rejects(
        c.deleteRecord(session.zoneId, record.id),
        CloudflareNotFoundError,
        'a plain 404 is still an error',
      );
    });

    it('does not repeat a create whose connection dropped, and says the outcome is unknown', async () => {
      const c = client();
      session.emulator.faults.add({ kind: 'drop-after', method: 'POST', times: 1 });
      const after = await c
        .createRecord(session.zoneId, { type: 'A', name: 'www.example.com', content: '192.0.2.1', ttl: 1 })
        .catch((e: unknown) => e);
      assert.ok(after instanceof CloudflareNetworkError);
      assert.equal(after.mayHaveBeenApplied, true);
      assert.match(after.message, /may or may not have been applied: refresh/);
      assert.equal(session.emulator.records(ZONE).length, 1, 'the emulator applied it before dropping the connection');
      assert.equal(session.emulator.log.count({ method: 'POST' }), 1, 'sent once');

      session.emulator.faults.add({ kind: 'drop', method: 'POST', times: 1 });
      const before = await c
        .batch(session.zoneId, { posts: [{ type: 'A', name: 'api.example.com', content: '192.0.2.2', ttl: 1 }] })
        .catch((e: unknown) => e);
      assert.ok(before instanceof CloudflareNetworkError);
      assert.equal(session.emulator.records(ZONE).length, 1, 'dropped before applying');
    });

    it('confines a fault to its route', async () => {
      const c = client({ retry: { maxRetries: 0 } });
      session.emulator.faults.add({
        kind: 'status',
        status: 500,
        path: '/zones/*/dns_records/batch',
        persistent: true,
      });
      assert.equal((await c.usage(session.zoneId)).record_usage, 0);
      await assert.rejects(
        c.batch(session.zoneId, {}),
        (e: unknown) => e instanceof CloudflareApiError && e.status === 500,
      );
    });

    it("keeps under the emulator's rate limit with its own budget", async () => {
      session.emulator.setRateLimit({ requests: 4, windowMs: 60_000 });
      const c = client({ budget: { limit: 4, windowMs: 60_000 } });
      for (let i = 0; i < 10; i++) await c.usage(session.zoneId);
      assert.equal(session.emulator.log.count(), 10);
      assert.equal(
        session.emulator.log.entries().filter((e) => e.status === 429).length,
        0,
        'no request was rate limited',
      );
      // Ten calls at four per minute span three windows: at least two minutes of (fake) waiting.
      assert.ok(session.clock.sleeps.reduce((sum, ms) => sum + ms, 0) >= 120_000, String(session.clock.sleeps));
    });

    it('waits for the window to reopen when the emulator reports none left, instead of earning a 429', async () => {
      session.emulator.setRateLimit({ requests: 3, windowMs: 60_000 });
      const c = client({ budget: false, retry: { maxRetryAfterMs: 120_000 } });
      for (let i = 0; i < 5; i++) await c.usage(session.zoneId);
      assert.equal(session.emulator.log.count(), 5);
      assert.equal(session.emulator.log.entries().filter((e) => e.status === 429).length, 0);
      assert.deepEqual(session.clock.sleeps, [61_000]);
    });

    it('does not send while the window is used up for longer than it waits', async () => {
      session.emulator.setRateLimit({ requests: 2, windowMs: 300_000 });
      const c = client({ budget: false });
      await c.usage(session.zoneId);
      await c.usage(session.zoneId);
      const error = await c.usage(session.zoneId).catch((e: unknown) => e);
      assert.ok(error instanceof CloudflareRateLimitError);
      assert.match(error.message, /^Not sent: /);
      assert.equal(session.emulator.log.count(), 2, 'the third call never reached the server');
    });

    it("reports Cloudflare's 429 when another client used up the window", async () => {
      session.emulator.setRateLimit({ requests: 2, windowMs: 60_000 });
      const other = client({ budget: false });
      await other.usage(session.zoneId);
      await other.usage(session.zoneId);
      const error = await client({ budget: false, retry: { maxRetryAfterMs: 10_000 } })
        .usage(session.zoneId)
        .catch((e: unknown) => e);
      assert.ok(error instanceof CloudflareRateLimitError);
      assert.ok((error.retryAfterMs ?? 0) > 10_000);
      assert.match(error.message, /^Cloudflare 1015: You are being rate limited/);
      assert.equal(session.emulator.log.entries().filter((e) => e.status === 429).length, 1);
    });
  });
});
