import { strict as assert } from 'node:assert';
import type { CloudflareClient } from '../../../cloudflare/src/api';
import { CloudflareApiError, CloudflareAuthError, CloudflareNotFoundError } from '../../../cloudflare/src/api';
import { useEmulatorSession } from './emulator-session';

const ZONE = 'example.com';

describe('Cloudflare client operations against the emulator over HTTP', () => {
  const session = useEmulatorSession(ZONE);
  const client = session.client;

  describe('operations', () => {
    it('creates, reads, overwrites, updates and deletes a record', async () => {
      const c = client();
      const created = await c.createRecord(session.zoneId, {
        type: 'A',
        name: 'www.example.com',
        content: '192.0.2.10',
        ttl: 300,
        comment: 'web',
        tags: ['owner:web'],
      });
      assert.match(created.id, /^[0-9a-f]{32}$/);
      assert.equal(created.content, '192.0.2.10');
      assert.deepEqual((await c.getRecord(session.zoneId, created.id)).tags, ['owner:web']);

      const overwritten = await c.overwriteRecord(session.zoneId, created.id, {
        type: 'A',
        name: 'www.example.com',
        content: '192.0.2.11',
        ttl: 1,
      });
      assert.equal(overwritten.content, '192.0.2.11');
      assert.equal(overwritten.comment ?? undefined, undefined, 'PUT resets fields it does not name');

      const patched = await c.updateRecord(session.zoneId, created.id, { type: 'A', ttl: 3600, proxied: true });
      assert.equal(patched.content, '192.0.2.11', 'PATCH keeps fields it does not name');
      assert.equal(patched.proxied, true);

      assert.deepEqual(await c.deleteRecord(session.zoneId, created.id), { id: created.id });
      assert.equal(session.emulator.records(ZONE).length, 0);
      await assert.rejects(c.getRecord(session.zoneId, created.id), CloudflareNotFoundError);
    });

    it('creates data-typed records and reads back their formatted content', async () => {
      const c = client();
      const caa = await c.createRecord(session.zoneId, {
        type: 'CAA',
        name: 'example.com',
        ttl: 1,
        data: { flags: 0, tag: 'issue', value: 'letsencrypt.org' },
      });
      assert.equal(caa.type, 'CAA');
      assert.match(caa.content, /issue/);
      const srv = await c.createRecord(session.zoneId, {
        type: 'SRV',
        name: '_sip._tcp.example.com',
        ttl: 1,
        data: { priority: 10, weight: 5, port: 5060, target: 'sip.example.com' },
      });
      assert.match(srv.content, /5060/);
      const mx = await c.createRecord(session.zoneId, {
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
      await c.createRecord(session.zoneId, { type: 'A', name: 'www.example.com', content: '192.0.2.1', ttl: 1 });
      const cname = await c
        .createRecord(session.zoneId, { type: 'CNAME', name: 'www.example.com', content: 'example.net', ttl: 1 })
        .catch((e: unknown) => e);
      assert.ok(cname instanceof CloudflareApiError);
      assert.equal(cname.status, 400);
      assert.equal(cname.message, 'Cloudflare 81053: An A, AAAA, or CNAME record with that host already exists.');

      const duplicate = await c
        .createRecord(session.zoneId, { type: 'A', name: 'www.example.com', content: '192.0.2.1', ttl: 1 })
        .catch((e: unknown) => e);
      assert.ok(duplicate instanceof CloudflareApiError);
      assert.ok(duplicate.hasCode(81057), duplicate.message);
    });

    it('lists with filters, sorting and paging, and iterates every page', async () => {
      const c = client();
      await c.batch(session.zoneId, {
        posts: [
          { type: 'A', name: 'a.example.com', content: '192.0.2.1', ttl: 1, comment: 'first', tags: ['team:red'] },
          { type: 'A', name: 'b.example.com', content: '192.0.2.2', ttl: 1, tags: ['team:blue'] },
          { type: 'AAAA', name: 'c.example.com', content: '2001:db8::3', ttl: 1, comment: 'third' },
          { type: 'TXT', name: 'd.example.com', content: '"hello world"', ttl: 1 },
          { type: 'A', name: 'e.example.com', content: '192.0.2.5', ttl: 1 },
        ],
      });
      const names = async (query: Parameters<CloudflareClient['listRecords']>[1]): Promise<string[]> =>
        (await c.listRecords(session.zoneId, query)).items.map((r) => r.name);

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

      const page = await c.listRecords(session.zoneId, { per_page: 2, page: 2, order: 'name' });
      assert.deepEqual(
        page.items.map((r) => r.name),
        ['c.example.com', 'd.example.com'],
      );
      assert.equal(page.resultInfo?.total_pages, 3);
      assert.equal(
        (await c.listRecords(session.zoneId, { per_page: 2, page: 9 })).items.length,
        0,
        'an empty page past the end',
      );

      session.emulator.log.clear();
      const all = await c.listAllRecords(session.zoneId, { per_page: 2, order: 'name' });
      assert.deepEqual(
        all.map((r) => r.name),
        ['a.example.com', 'b.example.com', 'c.example.com', 'd.example.com', 'e.example.com'],
      );
      assert.equal(
        session.emulator.log.count({ method: 'GET', path: '/zones/*/dns_records' }),
        3,
        'stops at the last page',
      );

      session.emulator.log.clear();
      assert.equal((await c.listAllRecords(session.zoneId)).length, 5);
      assert.equal(session.emulator.log.count(), 1, 'one call with the large default page');
    });

    it('applies a batch in one transaction, or nothing when an item fails', async () => {
      const c = client();
      const result = await c.batch(session.zoneId, {
        posts: [
          { type: 'A', name: 'x.example.com', content: '192.0.2.1', ttl: 1 },
          { type: 'TXT', name: 'x.example.com', content: '"x"', ttl: 1 },
        ],
      });
      assert.equal(result.posts?.length, 2);
      const [a, txt] = result.posts ?? [];
      const before = session.emulator.records(ZONE);

      const failed = await c
        .batch(session.zoneId, {
          deletes: [{ id: txt.id }],
          patches: [{ id: a.id, type: 'A', content: '192.0.2.99' }],
          posts: [{ type: 'CNAME', name: 'x.example.com', content: 'example.net', ttl: 1 }],
        })
        .catch((e: unknown) => e);
      assert.ok(failed instanceof CloudflareApiError);
      assert.match(failed.message, /^Cloudflare 81053: /);
      assert.deepEqual(session.emulator.records(ZONE), before, 'nothing applied');
    });

    it('exports BIND text and imports it back', async () => {
      const c = client();
      await c.createRecord(session.zoneId, { type: 'A', name: 'www.example.com', content: '192.0.2.7', ttl: 300 });
      const text = await c.exportZone(session.zoneId);
      assert.match(text, /^www\.example\.com\.\s+300\s+IN\s+A\s+192\.0\.2\.7/m);

      session.emulator.reset();
      const imported = await c.importZone(session.zoneId, text, { proxied: false });
      assert.equal(imported.recs_added, 1);
      // The exported SOA is parsed too, but Cloudflare manages it: it is not added.
      assert.ok(
        imported.total_records_parsed >= 1 && imported.total_records_parsed <= 2,
        String(imported.total_records_parsed),
      );
      assert.deepEqual(
        session.emulator.records(ZONE).map((r) => [r.name, r.type, r.content, r.ttl]),
        [['www.example.com', 'A', '192.0.2.7', 300]],
      );

      const rejected = await c.importZone(session.zoneId, '$INCLUDE other.zone\n').catch((e: unknown) => e);
      assert.ok(rejected instanceof CloudflareApiError);
      assert.match(rejected.message, /\$INCLUDE/);
    });

    it('scans, triggers a scan, lists and reviews what it found', async () => {
      const c = client();
      const scanned = await c.scan(session.zoneId);
      assert.ok(scanned.recs_added > 0);
      assert.equal(session.emulator.records(ZONE).length, scanned.recs_added);

      session.emulator.reset();
      await c.triggerScan(session.zoneId);
      assert.equal(session.emulator.records(ZONE).length, 0, 'a triggered scan adds nothing by itself');
      const found = await c.listScanned(session.zoneId);
      assert.ok(found.length >= 2);
      const [accept, reject] = found;
      const review = await c.reviewScanned(session.zoneId, {
        accepts: [{ type: accept.type, name: accept.name, content: accept.content, ttl: accept.ttl }],
        rejects: [{ id: reject.id }],
      });
      assert.equal(review.accepts.length, 1);
      assert.deepEqual(review.rejects, [reject.id]);
      assert.equal(session.emulator.records(ZONE).length, 1);
      assert.equal((await c.listScanned(session.zoneId)).length, found.length - 2);
    });

    it('reads usage, lists and finds zones, and verifies the token', async () => {
      const c = client();
      await c.createRecord(session.zoneId, { type: 'A', name: 'www.example.com', content: '192.0.2.1', ttl: 1 });
      const usage = await c.usage(session.zoneId);
      assert.equal(usage.record_usage, 1);
      assert.equal(typeof usage.record_quota, 'number');
      const zones = await c.listZones();
      assert.deepEqual(
        zones.items.map((z) => [z.id, z.name]),
        [[session.zoneId, ZONE]],
      );
      assert.equal((await c.findZone('EXAMPLE.com.'))?.id, session.zoneId);
      assert.equal(await c.findZone('example.org'), undefined);
      assert.equal((await c.verifyToken()).status, 'active');
    });

    it('authenticates with email and global key, and reports bad credentials as auth errors', async () => {
      const byKey = client({
        credentials: { email: 'admin@example.com', key: '0123456789abcdef0123456789abcdef01234' },
      });
      assert.equal((await byKey.usage(session.zoneId)).record_usage, 0);

      const wrongToken = await client({ credentials: { token: 'not-the-right-token' } })
        .usage(session.zoneId)
        .catch((e: unknown) => e);
      assert.ok(wrongToken instanceof CloudflareAuthError, String(wrongToken));
      assert.match(wrongToken.message, /Check the API token/);
      assert.ok(!wrongToken.message.includes(session.emulator.token));

      const keyAsToken = await client({ credentials: { email: 'admin@example.com', key: 'tokenpasted-as-key' } })
        .usage(session.zoneId)
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
});
