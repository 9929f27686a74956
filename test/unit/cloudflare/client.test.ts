import { strict as assert } from 'node:assert';
import {
  CloudflareApiError,
  CloudflareAuthError,
  CloudflareClient,
  CloudflareConfigError,
  CloudflareNotFoundError,
  CloudflareResponseError,
  type CloudflareClientOptions,
} from '../../../cloudflare/src/api';
import { ClientHarness, RECORD, TOKEN, ZONE, sampleRecord as record } from '../../contract/support/client-harness';
import { failure, ok, type FakeServer, type SeenRequest } from '../../contract/support/fake-server';

describe('Cloudflare client requests, paging and errors (against a scripted HTTP server)', () => {
  let h: ClientHarness;
  let server: FakeServer;
  let baseUrl: string;
  let clients: CloudflareClient[];
  const client = (options?: CloudflareClientOptions): CloudflareClient => h.client(options);
  const last = (): SeenRequest => h.last();

  beforeEach(async () => {
    h = await new ClientHarness().start();
    ({ server, baseUrl, clients } = h);
  });

  afterEach(() => h.stop());

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

    it('retries a failed page in the middle without losing or repeating records', async () => {
      let failedOnce = false;
      server.setHandler((request) => {
        const page = Number(new URL(request.url, 'http://x').searchParams.get('page'));
        if (page === 2 && !failedOnce) {
          failedOnce = true;
          return { status: 503, body: failure({ code: 10503, message: 'busy' }) };
        }
        return {
          body: ok([record({ id: `r${page}` })], {
            result_info: { page, per_page: 1, count: 1, total_count: 3, total_pages: 3 },
          }),
        };
      });
      const ids = (await client().listAllRecords(ZONE, { per_page: 1 })).map((r) => r.id);
      assert.deepEqual(ids, ['r1', 'r2', 'r3']);
      assert.equal(server.requests.length, 4);
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

    it('never puts the credential in an error, even when the server echoes it', async () => {
      server.setHandler((request) => ({
        status: 400,
        body: failure({ code: 6003, message: `Invalid request headers: ${String(request.headers.authorization)}` }),
      }));
      const error = await client()
        .usage(ZONE)
        .catch((e: unknown) => e);
      assert.ok(error instanceof CloudflareAuthError);
      assert.ok(!error.message.includes(TOKEN), error.message);
      assert.ok(!JSON.stringify(error.errors).includes(TOKEN));
      assert.match(error.message, /Bearer \[redacted\]/);
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
      assert.throws(() => new CloudflareClient({ credentials: { token: 'tökén' }, env: {} }), /non-ASCII/);
      assert.throws(
        () => new CloudflareClient({ credentials: { token: 't' }, budget: { limit: 0, windowMs: 1000 }, env: {} }),
        CloudflareConfigError,
      );
      assert.throws(
        () => new CloudflareClient({ credentials: { token: 't' }, timeoutMs: -1, env: {} }),
        CloudflareConfigError,
      );
      assert.throws(
        () => new CloudflareClient({ credentials: { token: 'has space' }, env: {} }),
        /spaces, control or non-ASCII characters/,
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
});
