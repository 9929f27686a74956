import { strict as assert } from 'node:assert';
import {
  CloudflareApiError,
  CloudflareAuthError,
  CloudflareClient,
  CloudflareNetworkError,
  CloudflareNotFoundError,
  CloudflareRateLimitError,
  CloudflareTimeoutError,
  type CloudflareClientOptions,
  type RequestLogEntry,
} from '../../../client/src/cloudflare';
import { startEmulator, type RunningEmulator } from '../../../emulator/src/index';
import { FakeClock } from '../../contract/support/fake-clock';

const ZONE = 'example.com';

describe('Cloudflare client against the emulator over HTTP', () => {
  let emulator: RunningEmulator;
  let zoneId: string;
  let clock: FakeClock;
  let log: RequestLogEntry[];
  const clients: CloudflareClient[] = [];

  const client = (options: CloudflareClientOptions = {}): CloudflareClient => {
    const created = new CloudflareClient({
      credentials: { token: emulator.token },
      baseUrl: emulator.url,
      clock,
      random: () => 0,
      onRequest: (entry) => log.push(entry),
      env: {},
      ...options,
    });
    clients.push(created);
    return created;
  };

  before(async () => {
    clock = new FakeClock();
    emulator = await startEmulator({
      plan: 'pro',
      email: 'admin@example.com',
      globalKey: '0123456789abcdef0123456789abcdef01234',
      // The emulator's rate-limit windows follow the same fake time as the client's budget and backoff.
      clock: () => clock.now(),
    });
    zoneId = emulator.zoneId(ZONE);
  });

  beforeEach(() => {
    emulator.reset();
    log = [];
    clock.sleeps.length = 0;
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });

  after(async () => {
    await emulator.stop();
  });

  describe('operations', () => {
    it('creates, reads, overwrites, updates and deletes a record', async () => {
      const c = client();
      const created = await c.createRecord(zoneId, {
        type: 'A',
        name: 'www.example.com',
        content: '192.0.2.10',
        ttl: 300,
        comment: 'web',
        tags: ['owner:web'],
      });
      assert.match(created.id, /^[0-9a-f]{32}$/);
      assert.equal(created.content, '192.0.2.10');
      assert.deepEqual((await c.getRecord(zoneId, created.id)).tags, ['owner:web']);

      const overwritten = await c.overwriteRecord(zoneId, created.id, {
        type: 'A',
        name: 'www.example.com',
        content: '192.0.2.11',
        ttl: 1,
      });
      assert.equal(overwritten.content, '192.0.2.11');
      assert.equal(overwritten.comment ?? undefined, undefined, 'PUT resets fields it does not name');

      const patched = await c.updateRecord(zoneId, created.id, { type: 'A', ttl: 3600, proxied: true });
      assert.equal(patched.content, '192.0.2.11', 'PATCH keeps fields it does not name');
      assert.equal(patched.proxied, true);

      assert.deepEqual(await c.deleteRecord(zoneId, created.id), { id: created.id });
      assert.equal(emulator.records(ZONE).length, 0);
      await assert.rejects(c.getRecord(zoneId, created.id), CloudflareNotFoundError);
    });

    it('creates data-typed records and reads back their formatted content', async () => {
      const c = client();
      const caa = await c.createRecord(zoneId, {
        type: 'CAA',
        name: 'example.com',
        ttl: 1,
        data: { flags: 0, tag: 'issue', value: 'letsencrypt.org' },
      });
      assert.equal(caa.type, 'CAA');
      assert.match(caa.content, /issue/);
      const srv = await c.createRecord(zoneId, {
        type: 'SRV',
        name: '_sip._tcp.example.com',
        ttl: 1,
        data: { priority: 10, weight: 5, port: 5060, target: 'sip.example.com' },
      });
      assert.match(srv.content, /5060/);
      const mx = await c.createRecord(zoneId, {
        type: 'MX',
        name: 'example.com',
        content: 'mx.example.com',
        priority: 10,
        ttl: 1,
      });
      assert.equal(mx.priority, 10);
    });

    it("fails with Cloudflare's code and message on conflicts and duplicates", async () => {
      const c = client();
      await c.createRecord(zoneId, { type: 'A', name: 'www.example.com', content: '192.0.2.1', ttl: 1 });
      const cname = await c
        .createRecord(zoneId, { type: 'CNAME', name: 'www.example.com', content: 'example.net', ttl: 1 })
        .catch((e: unknown) => e);
      assert.ok(cname instanceof CloudflareApiError);
      assert.equal(cname.status, 400);
      assert.equal(cname.message, 'Cloudflare 81053: An A, AAAA, or CNAME record with that host already exists.');

      const duplicate = await c
        .createRecord(zoneId, { type: 'A', name: 'www.example.com', content: '192.0.2.1', ttl: 1 })
        .catch((e: unknown) => e);
      assert.ok(duplicate instanceof CloudflareApiError);
      assert.ok(duplicate.hasCode(81057), duplicate.message);
    });

    it('lists with filters, sorting and paging, and iterates every page', async () => {
      const c = client();
      await c.batch(zoneId, {
        posts: [
          { type: 'A', name: 'a.example.com', content: '192.0.2.1', ttl: 1, comment: 'first', tags: ['team:red'] },
          { type: 'A', name: 'b.example.com', content: '192.0.2.2', ttl: 1, tags: ['team:blue'] },
          { type: 'AAAA', name: 'c.example.com', content: '2001:db8::3', ttl: 1, comment: 'third' },
          { type: 'TXT', name: 'd.example.com', content: '"hello world"', ttl: 1 },
          { type: 'A', name: 'e.example.com', content: '192.0.2.5', ttl: 1 },
        ],
      });
      const names = async (query: Parameters<CloudflareClient['listRecords']>[1]): Promise<string[]> =>
        (await c.listRecords(zoneId, query)).items.map((r) => r.name);

      assert.deepEqual(await names({ type: 'A', order: 'name', direction: 'desc' }), [
        'e.example.com',
        'b.example.com',
        'a.example.com',
      ]);
      assert.deepEqual(await names({ name: { startswith: 'C.' } }), ['c.example.com']);
      assert.deepEqual(await names({ comment: { present: true }, order: 'name' }), ['a.example.com', 'c.example.com']);
      assert.deepEqual(await names({ tag: { exact: 'team:blue' } }), ['b.example.com']);
      assert.deepEqual(await names({ content: { contains: 'hello' } }), ['d.example.com']);
      assert.deepEqual(await names({ match: 'any', type: 'AAAA', name: 'd.example.com', order: 'name' }), [
        'c.example.com',
        'd.example.com',
      ]);

      const page = await c.listRecords(zoneId, { per_page: 2, page: 2, order: 'name' });
      assert.deepEqual(
        page.items.map((r) => r.name),
        ['c.example.com', 'd.example.com'],
      );
      assert.equal(page.resultInfo?.total_pages, 3);
      assert.equal(
        (await c.listRecords(zoneId, { per_page: 2, page: 9 })).items.length,
        0,
        'an empty page past the end',
      );

      emulator.log.clear();
      const all = await c.listAllRecords(zoneId, { per_page: 2, order: 'name' });
      assert.deepEqual(
        all.map((r) => r.name),
        ['a.example.com', 'b.example.com', 'c.example.com', 'd.example.com', 'e.example.com'],
      );
      assert.equal(emulator.log.count({ method: 'GET', path: '/zones/*/dns_records' }), 3, 'stops at the last page');

      emulator.log.clear();
      assert.equal((await c.listAllRecords(zoneId)).length, 5);
      assert.equal(emulator.log.count(), 1, 'one call with the large default page');
    });

    it('applies a batch in one transaction, or nothing when an item fails', async () => {
      const c = client();
      const result = await c.batch(zoneId, {
        posts: [
          { type: 'A', name: 'x.example.com', content: '192.0.2.1', ttl: 1 },
          { type: 'TXT', name: 'x.example.com', content: '"x"', ttl: 1 },
        ],
      });
      assert.equal(result.posts?.length, 2);
      const [a, txt] = result.posts ?? [];
      const before = emulator.records(ZONE);

      const failed = await c
        .batch(zoneId, {
          deletes: [{ id: txt.id }],
          patches: [{ id: a.id, type: 'A', content: '192.0.2.99' }],
          posts: [{ type: 'CNAME', name: 'x.example.com', content: 'example.net', ttl: 1 }],
        })
        .catch((e: unknown) => e);
      assert.ok(failed instanceof CloudflareApiError);
      assert.match(failed.message, /^Cloudflare 81053: /);
      assert.deepEqual(emulator.records(ZONE), before, 'nothing applied');
    });

    it('exports BIND text and imports it back', async () => {
      const c = client();
      await c.createRecord(zoneId, { type: 'A', name: 'www.example.com', content: '192.0.2.7', ttl: 300 });
      const text = await c.exportZone(zoneId);
      assert.match(text, /^www\.example\.com\.\s+300\s+IN\s+A\s+192\.0\.2\.7/m);

      emulator.reset();
      const imported = await c.importZone(zoneId, text, { proxied: false });
      assert.equal(imported.recs_added, 1);
      // The exported SOA is parsed too, but Cloudflare manages it: it is not added.
      assert.ok(
        imported.total_records_parsed >= 1 && imported.total_records_parsed <= 2,
        String(imported.total_records_parsed),
      );
      assert.deepEqual(
        emulator.records(ZONE).map((r) => [r.name, r.type, r.content, r.ttl]),
        [['www.example.com', 'A', '192.0.2.7', 300]],
      );

      const rejected = await c.importZone(zoneId, '$INCLUDE other.zone\n').catch((e: unknown) => e);
      assert.ok(rejected instanceof CloudflareApiError);
      assert.match(rejected.message, /\$INCLUDE/);
    });

    it('scans, triggers a scan, lists and reviews what it found', async () => {
      const c = client();
      const scanned = await c.scan(zoneId);
      assert.ok(scanned.recs_added > 0);
      assert.equal(emulator.records(ZONE).length, scanned.recs_added);

      emulator.reset();
      await c.triggerScan(zoneId);
      assert.equal(emulator.records(ZONE).length, 0, 'a triggered scan adds nothing by itself');
      const found = await c.listScanned(zoneId);
      assert.ok(found.length >= 2);
      const [accept, reject] = found;
      const review = await c.reviewScanned(zoneId, {
        accepts: [{ type: accept.type, name: accept.name, content: accept.content, ttl: accept.ttl }],
        rejects: [{ id: reject.id }],
      });
      assert.equal(review.accepts.length, 1);
      assert.deepEqual(review.rejects, [reject.id]);
      assert.equal(emulator.records(ZONE).length, 1);
      assert.equal((await c.listScanned(zoneId)).length, found.length - 2);
    });

    it('reads usage, lists and finds zones, and verifies the token', async () => {
      const c = client();
      await c.createRecord(zoneId, { type: 'A', name: 'www.example.com', content: '192.0.2.1', ttl: 1 });
      const usage = await c.usage(zoneId);
      assert.equal(usage.record_usage, 1);
      assert.equal(typeof usage.record_quota, 'number');
      const zones = await c.listZones();
      assert.deepEqual(
        zones.items.map((z) => [z.id, z.name]),
        [[zoneId, ZONE]],
      );
      assert.equal((await c.findZone('EXAMPLE.com.'))?.id, zoneId);
      assert.equal(await c.findZone('example.org'), undefined);
      assert.equal((await c.verifyToken()).status, 'active');
    });

    it('authenticates with email and global key, and reports bad credentials as auth errors', async () => {
      const byKey = client({
        credentials: { email: 'admin@example.com', key: '0123456789abcdef0123456789abcdef01234' },
      });
      assert.equal((await byKey.usage(zoneId)).record_usage, 0);

      const wrongToken = await client({ credentials: { token: 'not-the-right-token' } })
        .usage(zoneId)
        .catch((e: unknown) => e);
      assert.ok(wrongToken instanceof CloudflareAuthError, String(wrongToken));
      assert.match(wrongToken.message, /Check the API token/);
      assert.ok(!wrongToken.message.includes(emulator.token));

      const keyAsToken = await client({ credentials: { email: 'admin@example.com', key: 'tokenpasted-as-key' } })
        .usage(zoneId)
        .catch((e: unknown) => e);
      assert.ok(keyAsToken instanceof CloudflareAuthError);
      assert.deepEqual(keyAsToken.codes, [6003, 6103]);
    });

    it('reports an unknown zone id as not found', async () => {
      const error = await client()
        .usage('00000000000000000000000000000000')
        .catch((e: unknown) => e);
      assert.ok(error instanceof CloudflareNotFoundError, String(error));
      assert.match(error.message, /^Cloudflare 7003: /);
    });
  });

  describe('faults', () => {
    it('retries injected 500 and 503 answers and succeeds', async () => {
      emulator.faults.add({ kind: 'status', status: 500, times: 1 });
      emulator.faults.add({ kind: 'status', status: 503, times: 1 });
      assert.equal((await client().usage(zoneId)).record_usage, 0);
      assert.equal(emulator.log.count(), 3);
      assert.deepEqual(clock.sleeps, [500, 1000]);
    });

    it('fails with a typed error naming the status when the server keeps failing', async () => {
      emulator.faults.add({ kind: 'status', status: 503, persistent: true });
      const error = await client({ retry: { maxRetries: 2 } })
        .usage(zoneId)
        .catch((e: unknown) => e);
      assert.ok(error instanceof CloudflareApiError);
      assert.equal(error.status, 503);
      assert.match(error.message, /^Cloudflare 10503: .*try again later\.$/);
      assert.equal(emulator.log.count(), 3);
    });

    it("waits the emulator's Retry-After on 429 and succeeds", async () => {
      emulator.faults.add({ kind: 'rate-limit', retryAfter: 3, times: 2 });
      assert.equal((await client().usage(zoneId)).record_usage, 0);
      assert.deepEqual(clock.sleeps, [3000, 3000]);
      assert.deepEqual(
        log.map((e) => e.status),
        [429, 429, 200],
      );
    });

    it('fails at once with the wait when Retry-After is too long', async () => {
      emulator.faults.add({ kind: 'rate-limit', retryAfter: 300, times: 1 });
      const error = await client()
        .usage(zoneId)
        .catch((e: unknown) => e);
      assert.ok(error instanceof CloudflareRateLimitError);
      assert.equal(error.retryAfterMs, 300_000);
      assert.equal(emulator.log.count(), 1);
    });

    it('times out a delayed answer, and retries it when retries are left', async () => {
      emulator.faults.add({ kind: 'delay', delayMs: 1500, times: 1 });
      const timedOut = await client({ timeoutMs: 100, retry: { maxRetries: 0 } })
        .usage(zoneId)
        .catch((e: unknown) => e);
      assert.ok(timedOut instanceof CloudflareTimeoutError);

      emulator.faults.add({ kind: 'delay', delayMs: 1500, times: 1 });
      assert.equal((await client({ timeoutMs: 100 }).usage(zoneId)).record_usage, 0);
      assert.deepEqual(
        log.filter((e) => e.outcome !== 'error').map((e) => e.error ?? e.outcome),
        ['timeout', 'ok'],
      );
    });

    it('retries dropped connections of reads and idempotent writes', async () => {
      const c = client();
      const record = await c.createRecord(zoneId, { type: 'A', name: 'www.example.com', content: '192.0.2.1', ttl: 1 });
      emulator.faults.add({ kind: 'drop', method: 'GET', times: 1 });
      emulator.faults.add({ kind: 'drop', method: 'PATCH', times: 1 });
      emulator.faults.add({ kind: 'drop-after', method: 'PUT', times: 1 });
      emulator.faults.add({ kind: 'drop', method: 'DELETE', times: 1 });
      assert.equal((await c.getRecord(zoneId, record.id)).id, record.id);
      assert.equal((await c.updateRecord(zoneId, record.id, { type: 'A', ttl: 600 })).ttl, 600);
      const put = await c.overwriteRecord(zoneId, record.id, {
        type: 'A',
        name: 'www.example.com',
        content: '192.0.2.2',
        ttl: 1,
      });
      assert.equal(put.content, '192.0.2.2');
      await c.deleteRecord(zoneId, record.id);
      assert.equal(emulator.records(ZONE).length, 0);
      assert.equal(log.filter((e) => e.outcome === 'retry' && e.error === 'network').length, 4);
    });

    it('counts a delete whose answer was lost as done when the retry finds the record gone', async () => {
      const c = client();
      const record = await c.createRecord(zoneId, { type: 'A', name: 'www.example.com', content: '192.0.2.1', ttl: 1 });
      emulator.faults.add({ kind: 'drop-after', method: 'DELETE', times: 1 });
      assert.deepEqual(await c.deleteRecord(zoneId, record.id), { id: record.id });
      assert.equal(emulator.log.count({ method: 'DELETE' }), 2);
      assert.equal(emulator.records(ZONE).length, 0);
      await assert.rejects(c.deleteRecord(zoneId, record.id), CloudflareNotFoundError, 'a plain 404 is still an error');
    });

    it('does not repeat a create whose connection dropped, and says the outcome is unknown', async () => {
      const c = client();
      emulator.faults.add({ kind: 'drop-after', method: 'POST', times: 1 });
      const after = await c
        .createRecord(zoneId, { type: 'A', name: 'www.example.com', content: '192.0.2.1', ttl: 1 })
        .catch((e: unknown) => e);
      assert.ok(after instanceof CloudflareNetworkError);
      assert.equal(after.mayHaveBeenApplied, true);
      assert.match(after.message, /may or may not have been applied: refresh/);
      assert.equal(emulator.records(ZONE).length, 1, 'the emulator applied it before dropping the connection');
      assert.equal(emulator.log.count({ method: 'POST' }), 1, 'sent once');

      emulator.faults.add({ kind: 'drop', method: 'POST', times: 1 });
      const before = await c
        .batch(zoneId, { posts: [{ type: 'A', name: 'api.example.com', content: '192.0.2.2', ttl: 1 }] })
        .catch((e: unknown) => e);
      assert.ok(before instanceof CloudflareNetworkError);
      assert.equal(emulator.records(ZONE).length, 1, 'dropped before applying');
    });

    it('confines a fault to its route', async () => {
      const c = client({ retry: { maxRetries: 0 } });
      emulator.faults.add({ kind: 'status', status: 500, path: '/zones/*/dns_records/batch', persistent: true });
      assert.equal((await c.usage(zoneId)).record_usage, 0);
      await assert.rejects(c.batch(zoneId, {}), (e: unknown) => e instanceof CloudflareApiError && e.status === 500);
    });

    it("keeps under the emulator's rate limit with its own budget", async () => {
      emulator.setRateLimit({ requests: 4, windowMs: 60_000 });
      const c = client({ budget: { limit: 4, windowMs: 60_000 } });
      for (let i = 0; i < 10; i++) await c.usage(zoneId);
      assert.equal(emulator.log.count(), 10);
      assert.equal(emulator.log.entries().filter((e) => e.status === 429).length, 0, 'no request was rate limited');
      assert.deepEqual(clock.sleeps, [60_000, 60_000]);
    });

    it('without a budget, runs into the rate limit and reports it', async () => {
      emulator.setRateLimit({ requests: 2, windowMs: 60_000 });
      const c = client({ budget: false, retry: { maxRetryAfterMs: 10_000 } });
      await c.usage(zoneId);
      await c.usage(zoneId);
      const error = await c.usage(zoneId).catch((e: unknown) => e);
      assert.ok(error instanceof CloudflareRateLimitError);
      assert.ok((error.retryAfterMs ?? 0) > 10_000);
      assert.match(error.message, /^Cloudflare 1015: You are being rate limited/);
    });
  });
});
