/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument -- the tests read JSON answers (result: any) and assert the shape of each field they use */
import assert from 'node:assert/strict';
import { errorCode, startTestApi, type TestApi } from './helpers';

describe('emulator: single-record operations', () => {
  let api: TestApi;
  beforeEach(async () => {
    api = await startTestApi();
  });
  afterEach(async () => {
    await api.emulator.stop();
  });

  it('creates a record and returns it in the envelope with a 32-hex id and timestamps', async () => {
    const answer = await api.create({ type: 'A', name: 'www', content: '192.0.2.1', ttl: 300 });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.success, true);
    assert.deepEqual(answer.body.errors, []);
    const record = answer.body.result;
    assert.match(record.id, /^[0-9a-f]{32}$/);
    assert.equal(record.name, 'www.example.com');
    assert.equal(record.content, '192.0.2.1');
    assert.equal(record.ttl, 300);
    assert.equal(record.proxiable, true);
    assert.equal(record.proxied, false);
    assert.deepEqual(record.tags, []);
    assert.ok(!Number.isNaN(Date.parse(record.created_on)));
    assert.equal(record.created_on, record.modified_on);
    assert.equal('comment' in record, false, 'no comment field when there is no comment');
  });

  it('reads, overwrites, patches and deletes a record', async () => {
    // Tags need a paid plan (DOCS:attrs), so this test's zone is a Pro zone.
    await api.emulator.stop();
    api = await startTestApi({ plan: 'pro' });
    const created = (
      await api.create({ type: 'A', name: 'a', content: '192.0.2.1', comment: 'first', tags: ['team:dns'] })
    ).body.result;
    const path = `${api.records}/${created.id}`;
    assert.equal((await api.call('GET', path)).body.result.content, '192.0.2.1');

    const patched = await api.call('PATCH', path, { content: '192.0.2.2' });
    assert.equal(patched.status, 200);
    assert.equal(patched.body.result.content, '192.0.2.2');
    assert.equal(patched.body.result.comment, 'first', 'PATCH keeps what it does not name');
    assert.deepEqual(patched.body.result.tags, ['team:dns']);

    const put = await api.call('PUT', path, { type: 'A', name: 'a', content: '192.0.2.3' });
    assert.equal(put.status, 200);
    assert.equal(put.body.result.ttl, 1, 'PUT resets what it does not name');
    assert.equal(put.body.result.comment, undefined);
    assert.deepEqual(put.body.result.tags, []);
    assert.equal(put.body.result.created_on, created.created_on);

    const deleted = await api.call('DELETE', path);
    assert.equal(deleted.status, 200, 'a DELETE without a body is accepted');
    assert.deepEqual(deleted.body.result, { id: created.id });
    const gone = await api.call('GET', path);
    assert.equal(gone.status, 404);
    assert.equal(errorCode(gone), 81044);
    assert.equal(gone.body.result, null);
    assert.equal(gone.body.success, false);
  });

  it('answers 7003 for a malformed record id or an unknown zone', async () => {
    const badRecord = await api.call('GET', `${api.records}/not-an-id`);
    assert.equal(badRecord.status, 400);
    assert.deepEqual(
      badRecord.body.errors.map((error) => error.code),
      [7003, 7000],
    );
    const badZone = await api.call('GET', `/zones/${'0'.repeat(32)}/dns_records`);
    assert.equal(badZone.status, 400);
    assert.equal(errorCode(badZone), 7003);
  });

  it('stores names in Punycode, resolves @ and relative names, drops trailing dots', async () => {
    assert.equal(
      (await api.create({ type: 'A', name: 'bücher', content: '192.0.2.1' })).body.result.name,
      'xn--bcher-kva.example.com',
    );
    assert.equal((await api.create({ type: 'A', name: '@', content: '192.0.2.1' })).body.result.name, 'example.com');
    assert.equal(
      (await api.create({ type: 'TXT', name: '_dmarc.EXAMPLE.com.', content: 'v=DMARC1; p=none' })).body.result.name,
      '_dmarc.example.com',
    );
  });

  it('validates content per type with Cloudflare codes', async () => {
    assert.equal(errorCode(await api.create({ type: 'A', name: 'x', content: '300.1.1.1' })), 9005);
    assert.equal(errorCode(await api.create({ type: 'AAAA', name: 'x', content: '192.0.2.1' })), 9006);
    const badCname = await api.create({ type: 'CNAME', name: 'x', content: 'bad..name' });
    assert.equal(badCname.status, 400);
    assert.equal(errorCode(badCname), 1004);
    assert.equal(errorCode(await api.create({ type: 'CNAME', name: 'self', content: 'self.example.com' })), 1004);
    assert.equal(
      errorCode(await api.create({ type: 'MX', name: 'x', content: 'mail.example.com' })),
      1004,
      'MX needs a priority',
    );
    assert.equal(errorCode(await api.create({ type: 'SOA', name: 'x', content: 'a b 1 2 3 4 5' })), 9007);
    assert.equal(errorCode(await api.create({ type: 'CAA', name: 'x', data: { flags: 0, tag: 'issue' } })), 1004);
    assert.equal(
      errorCode(
        await api.create({
          type: 'SRV',
          name: '_sip._tcp',
          data: { priority: 1, weight: 70000, port: 5060, target: 'sip.example.com' },
        }),
      ),
      1004,
    );
    assert.equal(
      errorCode(await api.create({ type: 'A', name: 'x', content: '192.0.2.1', tags: ['bad tag:1'] })),
      1004,
    );
    assert.equal(
      errorCode(await api.create({ type: 'A', name: 'x', content: '192.0.2.1', comment: 'two\nlines' })),
      1004,
    );
  });

  it('checks rdata with the zone core and converts Unicode targets to Punycode', async () => {
    const caa = await api.create({ type: 'CAA', name: '@', data: { flags: 0, tag: 'issue', value: 'bad value;;' } });
    assert.equal(caa.status, 400);
    assert.equal(errorCode(caa), 1004);
    assert.match(caa.body.errors[0]?.message ?? '', /issuer domain name/);
    const ds = await api.create({
      type: 'DS',
      name: 'sub',
      data: { key_tag: 1, algorithm: 8, digest_type: 2, digest: 'abcd' },
    });
    assert.match(ds.body.errors[0]?.message ?? '', /digest/);
    const cname = await api.create({ type: 'CNAME', name: 'shop', content: 'bücher.example' });
    assert.equal(cname.body.result.content, 'xn--bcher-kva.example');
  });

  it('allows per-record CNAME flattening on paid plans only', async () => {
    const settings = { flatten_cname: true };
    const free = await api.create({ type: 'CNAME', name: 'flat', content: 'x.example.net', settings });
    assert.equal(errorCode(free), 1004);
    const pro = await startTestApi({ plan: 'pro' });
    try {
      const answer = await pro.create({ type: 'CNAME', name: 'flat', content: 'x.example.net', settings });
      assert.deepEqual(answer.body.result.settings, settings);
    } finally {
      await pro.emulator.stop();
    }
  });

  it('accepts TTL 1 and 60..86400 on Free, 30 only on Enterprise', async () => {
    for (const ttl of [1, 60, 86400]) {
      assert.equal((await api.create({ type: 'A', name: `t${ttl}`, content: '192.0.2.1', ttl })).status, 200);
    }
    for (const ttl of [0, 30, 59, 86401, 1.5]) {
      const answer = await api.create({ type: 'A', name: 'bad', content: '192.0.2.1', ttl });
      assert.equal(answer.status, 400);
      assert.equal(errorCode(answer), 9021);
    }
    const enterprise = await startTestApi({ plan: 'enterprise' });
    try {
      assert.equal((await enterprise.create({ type: 'A', name: 'x', content: '192.0.2.1', ttl: 30 })).status, 200);
      assert.equal(errorCode(await enterprise.create({ type: 'A', name: 'y', content: '192.0.2.1', ttl: 29 })), 9021);
    } finally {
      await enterprise.emulator.stop();
    }
  });

  it('proxies only A, AAAA and CNAME, reporting proxied records with the automatic TTL', async () => {
    const proxied = await api.create({ type: 'A', name: 'p', content: '192.0.2.1', proxied: true, ttl: 300 });
    assert.equal(proxied.body.result.proxied, true);
    assert.equal(proxied.body.result.ttl, 1);
    const txt = await api.create({ type: 'TXT', name: 'p', content: 'hello', proxied: true });
    assert.equal(txt.status, 400);
    assert.equal(errorCode(txt), 1004);
    assert.equal(txt.body.errors[0]?.error_chain?.[0]?.code, 9004);
    assert.equal((await api.create({ type: 'TXT', name: 'p', content: 'hello' })).body.result.proxiable, false);
  });

  it('formats content from data for data types and keeps MX priority at the top level', async () => {
    const srv = await api.create({
      type: 'SRV',
      name: '_sip._tcp',
      data: { priority: 10, weight: 5, port: 5060, target: 'SIP.example.com.' },
    });
    assert.equal(srv.status, 200);
    assert.equal(srv.body.result.content, '10 5 5060 sip.example.com');
    assert.deepEqual(srv.body.result.data, { priority: 10, weight: 5, port: 5060, target: 'sip.example.com' });
    const caa = await api.create({
      type: 'CAA',
      name: '@',
      data: { flags: 0, tag: 'issue', value: 'letsencrypt.org' },
    });
    assert.equal(caa.body.result.content, '0 issue "letsencrypt.org"');
    const mx = await api.create({ type: 'MX', name: '@', content: 'mail.example.com', priority: 10 });
    assert.equal(mx.body.result.priority, 10);
    assert.equal(mx.body.result.content, 'mail.example.com');
    // Cloudflare's API stores TXT content as sent (only its dashboard adds quotes); the 255-byte split happens when
    // the record is served or exported (SPEC TXTRecord.content: longer strings "are automatically split").
    const txt = await api.create({ type: 'TXT', name: 'long', content: 'x'.repeat(300) });
    assert.equal(txt.body.result.content, 'x'.repeat(300), 'long text is stored as sent');
  });

  it('patches part of a data object and keeps the other fields', async () => {
    const srv = await api.create({
      type: 'SRV',
      name: '_sip._tcp',
      data: { priority: 10, weight: 5, port: 5060, target: 'sip.example.com' },
    });
    const patched = await api.call('PATCH', `${api.records}/${srv.body.result.id}`, { data: { port: 5061 } });
    assert.equal(patched.status, 200, JSON.stringify(patched.body.errors));
    assert.deepEqual(patched.body.result.data, { priority: 10, weight: 5, port: 5061, target: 'sip.example.com' });
    assert.equal(patched.body.result.content, '10 5 5061 sip.example.com');
    const retyped = await api.call('PATCH', `${api.records}/${srv.body.result.id}`, { type: 'TXT' });
    assert.equal(retyped.status, 400, 'a new type needs its own content');
  });

  it('answers an unknown route with 7003 / 7000 and a wrong method with an error envelope', async () => {
    const unknown = await api.call('GET', '/nothing/here');
    assert.equal(unknown.status, 400);
    assert.equal(errorCode(unknown), 7003);
    const wrongMethod = await api.call('DELETE', api.records);
    assert.equal(wrongMethod.body.success, false);
    assert.equal(wrongMethod.status, 405);
  });

  it('rejects a body that is not JSON with a clear error', async () => {
    const answer = await api.call('POST', api.records, '{not json', { 'content-type': 'application/json' });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.success, false);
    assert.match(answer.body.errors[0]?.message ?? '', /Request body is invalid/);
  });

  it('reports usage against the plan quota and refuses records past it', async () => {
    const usage = await api.call('GET', `${api.records}/usage`);
    assert.deepEqual(usage.body.result, { record_usage: 0, record_quota: 1000 });
    await api.create({ type: 'A', name: 'x', content: '192.0.2.1' });
    assert.equal((await api.call('GET', `${api.records}/usage`)).body.result.record_usage, 1);
    const enterprise = await startTestApi({ plan: 'enterprise' });
    try {
      const answer = await enterprise.call('GET', `${enterprise.records}/usage`);
      assert.equal(answer.body.result.record_quota, null);
    } finally {
      await enterprise.emulator.stop();
    }
  });
});
