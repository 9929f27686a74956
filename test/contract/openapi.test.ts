import { strict as assert } from 'node:assert';
import { CloudflareClient, RECORD_TYPES, type DnsRecord, type RecordBody } from '../../cloudflare/src/api';
import { startEmulator, type RunningEmulator } from '../../emulator/src/index';
import { FakeClock } from './support/fake-clock';
import { OpenApiValidator, specUnavailable, type Exchange } from './support/openapi-validator';
import { RecordingProxy } from './support/recording-proxy';

/**
 * Deviations from the letter of the spec that are deliberate, each with its reason.
 * - DELETE: the spec declares a required JSON body without a schema; Cloudflare's own SDK sends none and the
 *   server accepts that (../shared/cloudflare/semantics.md §8 and §15), so the client sends none either.
 */
const ACCEPTED_REQUEST_DEVIATIONS = new Set([
  'DELETE /zones/{zone_id}/dns_records/{dns_record_id}: required request body is missing',
]);

/** Names of records the scenario sends invalid on purpose, to get the server's validation errors. */
const DELIBERATELY_INVALID = ['bad.example.com', 'ttl.example.com'];

/** One record body per shape the spec distinguishes: content types, data types, and priority at the top. */
const SAMPLE_RECORDS: readonly RecordBody[] = [
  {
    type: 'A',
    name: 'www.example.com',
    content: '192.0.2.1',
    ttl: 1,
    proxied: true,
    comment: 'web',
    tags: ['team:web'],
  },
  { type: 'AAAA', name: 'www.example.com', content: '2001:db8::1', ttl: 300 },
  { type: 'CNAME', name: 'shop.example.com', content: 'shops.example.net', ttl: 1 },
  { type: 'MX', name: 'example.com', content: 'mx.example.com', priority: 10, ttl: 3600 },
  { type: 'TXT', name: 'example.com', content: '"v=spf1 -all"', ttl: 1 },
  { type: 'NS', name: 'sub.example.com', content: 'ns1.example.net', ttl: 86400 },
  { type: 'CAA', name: 'example.com', ttl: 1, data: { flags: 0, tag: 'issue', value: 'letsencrypt.org' } },
  {
    type: 'SRV',
    name: '_sip._tcp.example.com',
    ttl: 1,
    data: { priority: 10, weight: 5, port: 5060, target: 'sip.example.com' },
  },
  {
    type: 'URI',
    name: '_http._tcp.example.com',
    ttl: 1,
    priority: 10,
    data: { weight: 1, target: 'https://example.com/' },
  },
  { type: 'SSHFP', name: 'host.example.com', ttl: 1, data: { algorithm: 4, type: 2, fingerprint: 'a'.repeat(64) } },
  {
    type: 'TLSA',
    name: '_443._tcp.example.com',
    ttl: 1,
    data: { usage: 3, selector: 1, matching_type: 1, certificate: 'b'.repeat(64) },
  },
  { type: 'HTTPS', name: 'example.com', ttl: 1, data: { priority: 1, target: '.', value: 'alpn="h2"' } },
  {
    type: 'DS',
    name: 'sub2.example.com',
    ttl: 1,
    data: { key_tag: 2371, algorithm: 13, digest_type: 2, digest: 'c'.repeat(64) },
  },
  { type: 'PTR', name: '1.2.0.192.in-addr.example.com', content: 'host.example.com', ttl: 1 },
  { type: 'OPENPGPKEY', name: 'openpgp.example.com', content: 'mQENBFzY', ttl: 1 },
  {
    type: 'CERT',
    name: 'cert.example.com',
    ttl: 1,
    data: { type: 1, key_tag: 12345, algorithm: 8, certificate: 'MIIB' },
  },
  {
    type: 'DNSKEY',
    name: 'example.com',
    ttl: 1,
    data: {
      flags: 257,
      protocol: 3,
      algorithm: 13,
      public_key: 'mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ==',
    },
  },
  {
    type: 'LOC',
    name: 'loc.example.com',
    ttl: 1,
    data: {
      lat_degrees: 37,
      lat_minutes: 46,
      lat_seconds: 46,
      lat_direction: 'N',
      long_degrees: 122,
      long_minutes: 23,
      long_seconds: 35,
      long_direction: 'W',
      altitude: 0,
      size: 100,
      precision_horz: 0,
      precision_vert: 0,
    },
  },
  {
    type: 'NAPTR',
    name: 'naptr.example.com',
    ttl: 1,
    data: {
      order: 100,
      preference: 10,
      flags: 'S',
      service: 'SIP+D2U',
      regex: '',
      replacement: '_sip._udp.example.com',
    },
  },
  {
    type: 'SMIMEA',
    name: 'smimea.example.com',
    ttl: 1,
    data: { usage: 3, selector: 1, matching_type: 1, certificate: 'd'.repeat(64) },
  },
  {
    type: 'SVCB',
    name: '_dns.example.com',
    ttl: 1,
    data: { priority: 1, target: 'dns.example.com', value: 'alpn="dot"' },
  },
];

describe('contract: client requests and emulator responses against the OpenAPI subset', function () {
  let validator: OpenApiValidator;
  let emulator: RunningEmulator;
  let proxy: RecordingProxy;
  let client: CloudflareClient;
  let zoneId: string;

  before(async function () {
    const missing = specUnavailable();
    if (missing !== undefined) {
      console.warn(`skipping the contract tests: ${missing}`);
      this.skip();
    }
    validator = new OpenApiValidator();
    emulator = await startEmulator({
      plan: 'enterprise',
      email: 'admin@example.com',
      globalKey: '0123456789abcdef0123456789abcdef01234',
    });
    zoneId = emulator.zoneId('example.com');
    proxy = new RecordingProxy(emulator.url);
    const baseUrl = await proxy.start();
    client = new CloudflareClient({ credentials: { token: emulator.token }, baseUrl, env: {}, clock: new FakeClock() });
  });

  after(async () => {
    await client?.close();
    await proxy?.stop();
    await emulator?.stop();
  });

  /** Runs every operation, in successes and in failures, through the recording proxy. */
  async function exerciseEveryOperation(): Promise<void> {
    const ignore = (): undefined => undefined;
    await client.verifyToken();
    await client.listZones({
      name: 'contains:example',
      status: 'active',
      type: ['full', 'partial'],
      'account.id': '01a7362d577a6c3019a474fd6f485823',
      per_page: 50,
      page: 1,
      order: 'name',
      direction: 'desc',
      match: 'all',
    });
    await client.findZone('example.com');

    const created: (DnsRecord | undefined)[] = [];
    for (const body of SAMPLE_RECORDS) created.push(await client.createRecord(zoneId, body).catch(ignore));
    const a = created[0]!;
    assert.equal(new Set(SAMPLE_RECORDS.map((record) => record.type)).size, RECORD_TYPES.length, 'one sample per type');
    assert.deepEqual(
      SAMPLE_RECORDS.filter((_, index) => created[index] === undefined).map((record) => record.type),
      [],
      'record types the emulator refused',
    );

    await client.listRecords(zoneId, {
      name: { exact: 'www.example.com', contains: 'www', startswith: 'w', endswith: '.com' },
      type: 'A',
      content: { exact: '192.0.2.1', contains: '192', startswith: '192', endswith: '.1' },
      proxied: true,
      match: 'any',
      comment: { exact: 'web', contains: 'we', startswith: 'w', endswith: 'b', present: true, absent: true },
      tag: {
        present: 'team',
        absent: 'env',
        exact: 'team:web',
        contains: 'team:we',
        startswith: 'team:w',
        endswith: 'team:b',
      },
      tag_match: 'any',
      search: 'www',
      order: 'ttl',
      direction: 'desc',
      page: 1,
      per_page: 5,
    });
    await client.listRecords(zoneId, {
      name: 'www.example.com',
      content: '192.0.2.1',
      comment: 'web',
      tag: 'team:web',
    });
    await client.listAllRecords(zoneId, { per_page: 3 });

    await client.getRecord(zoneId, a.id);
    await client.overwriteRecord(zoneId, a.id, { type: 'A', name: 'www.example.com', content: '192.0.2.2', ttl: 120 });
    await client.updateRecord(zoneId, a.id, { type: 'A', comment: 'patched', tags: ['team:web', 'env:prod'] });
    await client.batch(zoneId, {
      deletes: [{ id: a.id }],
      patches: created[1] ? [{ id: created[1].id, type: 'AAAA', ttl: 600 }] : [],
      puts: created[2]
        ? [{ id: created[2].id, type: 'CNAME', name: 'shop.example.com', content: 'other.example.net', ttl: 1 }]
        : [],
      posts: [{ type: 'A', name: 'api.example.com', content: '192.0.2.9', ttl: 1 }],
    });
    const text = await client.exportZone(zoneId);
    await client.importZone(zoneId, text, { proxied: true }).catch(ignore);
    await client.importZone(zoneId, '$INCLUDE other.zone\n').catch(ignore);
    await client.scan(zoneId).catch(ignore);
    await client.triggerScan(zoneId);
    const scanned = await client.listScanned(zoneId);
    await client.reviewScanned(zoneId, {
      accepts: scanned
        .slice(0, 1)
        .map((r) => ({ type: r.type, name: r.name, content: r.content, ttl: r.ttl }) as RecordBody),
      rejects: scanned.slice(1, 2).map((r) => ({ id: r.id })),
    });
    await client.usage(zoneId);
    const last = await client.createRecord(zoneId, { type: 'TXT', name: 'gone.example.com', content: '"x"', ttl: 1 });
    await client.deleteRecord(zoneId, last.id);

    // Failures: conflict, not found, bad credentials, rate limit (retried), bad route.
    await client
      .createRecord(zoneId, { type: 'CNAME', name: 'api.example.com', content: 'example.net', ttl: 1 })
      .catch(ignore);
    await client.getRecord(zoneId, last.id).catch(ignore);
    await client.deleteRecord(zoneId, last.id).catch(ignore);
    await client
      .createRecord(zoneId, { type: 'A', name: 'bad.example.com', content: 'not-an-ip', ttl: 1 })
      .catch(ignore);
    await client.createRecord(zoneId, { type: 'TXT', name: 'ttl.example.com', content: '"x"', ttl: 5 }).catch(ignore);
    emulator.faults.add({ kind: 'rate-limit', retryAfter: 1, times: 1 });
    await client.usage(zoneId);
    await client.usage('00000000000000000000000000000000').catch(ignore);
    const stranger = new CloudflareClient({
      // Well-formed (40 characters) but unknown: a 401; a token of another shape would be a 400 (6003 / 6111).
      credentials: { token: 'wrongwrongwrongwrongwrongwrongwrongwrong' },
      baseUrl: client.baseUrl.href,
      env: {},
    });
    await stranger.usage(zoneId).catch(ignore);
    await stranger.verifyToken().catch(ignore);
    await stranger.close();
    const byKey = new CloudflareClient({
      credentials: { email: 'admin@example.com', key: '0123456789abcdef0123456789abcdef01234' },
      baseUrl: client.baseUrl.href,
      env: {},
    });
    await byKey.listRecords(zoneId, { type: 'A' });
    await byKey.close();
  }

  it('exercises every operation of the spec, and every exchange validates', async function () {
    this.timeout(60_000);
    await exerciseEveryOperation();
    const exchanges = proxy.exchanges;

    const exercised = new Set(exchanges.map((exchange) => validator.operationOf(exchange)));
    assert.deepEqual(
      validator.allOperations().filter((operation) => !exercised.has(operation)),
      [],
      'operations the client never called',
    );
    const statuses = new Set(exchanges.map((exchange) => exchange.status));
    for (const status of [200, 400, 401, 404, 429])
      assert.ok(statuses.has(status), `an exchange with status ${status}`);

    const requestProblems: string[] = [];
    const responseProblems: string[] = [];
    let invalidOnPurpose = 0;
    for (const exchange of exchanges) {
      const problems = await validator.validateRequest(exchange);
      if (DELIBERATELY_INVALID.some((name) => exchange.requestBody.toString('utf8').includes(`"${name}"`))) {
        invalidOnPurpose++;
        assert.notDeepEqual(problems, [], `the validator flags ${summarise(exchange)}`);
        continue;
      }
      for (const problem of problems) {
        if (!ACCEPTED_REQUEST_DEVIATIONS.has(problem)) requestProblems.push(`${problem}\n    ${summarise(exchange)}`);
      }
      for (const problem of validator.validateResponse(exchange)) {
        responseProblems.push(`${problem}\n    ${summarise(exchange)}`);
      }
    }
    assert.equal(invalidOnPurpose, DELIBERATELY_INVALID.length);
    assert.deepEqual(requestProblems, [], 'client requests that break the contract');
    assert.deepEqual(responseProblems, [], 'emulator responses that break the contract');
  });

  it('the validator rejects requests and responses that break the contract', async () => {
    const base: Exchange = {
      method: 'POST',
      url: `/client/v4/zones/${zoneId}/dns_records`,
      requestHeaders: { authorization: 'Bearer abc', 'content-type': 'application/json' },
      requestBody: Buffer.from(JSON.stringify({ type: 'A', name: 'www.example.com', content: '192.0.2.1', ttl: 1 })),
      status: 200,
      responseHeaders: { 'content-type': 'application/json' },
      responseBody: Buffer.from(JSON.stringify({ success: true, errors: [], messages: [], result: {} })),
    };
    assert.deepEqual(await validator.validateRequest(base), []);
    const broken = async (changes: Partial<Exchange>): Promise<string[]> =>
      validator.validateRequest({ ...base, ...changes });
    assert.match((await broken({ url: `${base.url}?colour=blue` }))[0] ?? '', /query parameter colour is not declared/);
    assert.match(
      (
        await broken({
          requestBody: Buffer.from(JSON.stringify({ type: 'A', name: 'x', content: '192.0.2.1', ttl: 5 })),
        })
      )[0] ?? '',
      /request body does not match/,
    );
    assert.match(
      (await broken({ requestBody: Buffer.from(JSON.stringify({ type: 'A', content: '192.0.2.1', ttl: 1 })) }))[0] ??
        '',
      /request body does not match/,
    );
    assert.match(
      (await broken({ requestHeaders: { 'content-type': 'application/json' } }))[0] ?? '',
      /credentials satisfy none/,
    );
    assert.match(
      (await broken({ method: 'GET', url: `/client/v4/zones/${zoneId}/dns_records?per_page=0` }))[0] ?? '',
      /per_page=0/,
    );
    assert.match(
      (await broken({ method: 'GET', url: '/client/v4/nowhere', requestBody: Buffer.alloc(0) }))[0] ?? '',
      /no such operation/,
    );

    const response = (body: unknown, status = 200): string[] =>
      validator.validateResponse({
        ...base,
        method: 'GET',
        url: `/client/v4/zones/${zoneId}/dns_records/usage`,
        status,
        responseBody: Buffer.from(JSON.stringify(body)),
      });
    assert.deepEqual(
      response({ success: true, errors: [], messages: [], result: { record_usage: 1, record_quota: null } }),
      [],
    );
    assert.match(
      response({ success: true, result: { record_usage: 1, record_quota: 5 } })[0] ?? '',
      /must have required property 'errors'/,
    );
    assert.match(
      response({ success: true, errors: [], messages: [], result: { record_usage: -1, record_quota: 5 } })[0] ?? '',
      /must be >= 0/,
    );
    assert.match(
      response({ success: false, errors: [], messages: [], result: null }, 500)[0] ?? '',
      /status not declared/,
    );
    assert.deepEqual(
      response({ success: false, errors: [{ code: 1000, message: 'x' }], messages: [], result: null }, 401),
      [],
    );
    assert.match(
      response({ success: false, errors: [{ message: 'no code' }], messages: [], result: null }, 400)[0] ?? '',
      /must have required property 'code'/,
    );
  });
});

function summarise(exchange: Exchange): string {
  const body = exchange.requestBody.toString('utf8').slice(0, 300);
  return `${exchange.method} ${exchange.url} ${body} → ${exchange.status} ${exchange.responseBody.toString('utf8').slice(0, 400)}`;
}
