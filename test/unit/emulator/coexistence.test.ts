/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment -- the tests read JSON answers (result: any) and assert the shape of each field they use */
import assert from 'node:assert/strict';
import { errorCode, startTestApi, type TestApi } from './helpers';

describe('emulator: same-name rules', () => {
  let api: TestApi;
  beforeEach(async () => {
    api = await startTestApi();
  });
  afterEach(async () => {
    await api.emulator.stop();
  });

  it('refuses a CNAME where an A, AAAA or CNAME exists (81053)', async () => {
    await api.create({ type: 'A', name: 'www', content: '192.0.2.1' });
    const answer = await api.create({ type: 'CNAME', name: 'www', content: 'target.example.net' });
    assert.equal(answer.status, 400);
    assert.equal(errorCode(answer), 81053);
    assert.equal(answer.body.errors[0]?.message, 'An A, AAAA, or CNAME record with that host already exists.');
    await api.create({ type: 'CNAME', name: 'alias', content: 'one.example.net' });
    assert.equal(errorCode(await api.create({ type: 'CNAME', name: 'alias', content: 'two.example.net' })), 81053);
  });

  it('refuses an A or AAAA where a CNAME exists (81054)', async () => {
    await api.create({ type: 'CNAME', name: 'alias', content: 'target.example.net' });
    assert.equal(errorCode(await api.create({ type: 'A', name: 'alias', content: '192.0.2.1' })), 81054);
    assert.equal(errorCode(await api.create({ type: 'AAAA', name: 'alias', content: '2001:db8::1' })), 81054);
  });

  it('refuses NS next to any other type, both ways', async () => {
    await api.create({ type: 'NS', name: 'sub', content: 'ns1.example.net' });
    assert.equal((await api.create({ type: 'NS', name: 'sub', content: 'ns2.example.net' })).status, 200);
    assert.equal(errorCode(await api.create({ type: 'TXT', name: 'sub', content: 'hello' })), 81056);
    await api.create({ type: 'A', name: 'host', content: '192.0.2.1' });
    assert.equal(errorCode(await api.create({ type: 'NS', name: 'host', content: 'ns1.example.net' })), 81056);
  });

  it('refuses an exact duplicate (81057) but allows several addresses on one name', async () => {
    await api.create({ type: 'A', name: 'multi', content: '192.0.2.1' });
    assert.equal((await api.create({ type: 'A', name: 'multi', content: '192.0.2.2' })).status, 200);
    assert.equal((await api.create({ type: 'AAAA', name: 'multi', content: '2001:db8::1' })).status, 200);
    const duplicate = await api.create({ type: 'A', name: 'MULTI', content: '192.0.2.1', ttl: 300 });
    assert.equal(errorCode(duplicate), 81057);
    await api.create({ type: 'MX', name: '@', content: 'mail.example.com', priority: 10 });
    assert.equal((await api.create({ type: 'MX', name: '@', content: 'mail.example.com', priority: 20 })).status, 200);
    assert.equal(
      errorCode(await api.create({ type: 'MX', name: '@', content: 'Mail.Example.com.', priority: 10 })),
      81057,
    );
  });

  it('applies the rules to updates, ignoring the record being replaced', async () => {
    const a = (await api.create({ type: 'A', name: 'a', content: '192.0.2.1' })).body.result;
    await api.create({ type: 'CNAME', name: 'c', content: 'target.example.net' });
    assert.equal(
      (await api.call('PATCH', `${api.records}/${a.id}`, { ttl: 300 })).status,
      200,
      'a record does not conflict with itself',
    );
    const moved = await api.call('PATCH', `${api.records}/${a.id}`, { name: 'c' });
    assert.equal(errorCode(moved), 81054);
    const retyped = await api.call('PUT', `${api.records}/${a.id}`, {
      type: 'CNAME',
      name: 'a',
      content: 'x.example.net',
    });
    assert.equal(retyped.status, 200, 'an A may become a CNAME when it is the only record on its name');
    assert.equal(api.emulator.records('example.com').length, 2);
  });
});
