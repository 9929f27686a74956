import assert from 'node:assert/strict';
import { errorCode, startTestApi, type TestApi } from './helpers';

describe('emulator: rate limit, faults and the request log', () => {
  let api: TestApi;
  beforeEach(async () => {
    api = await startTestApi();
  });
  afterEach(async () => {
    await api.emulator.stop();
  });

  it('answers 429 with Retry-After past the configured rate limit and reports the budget in headers', async () => {
    api.emulator.setRateLimit({ requests: 3, windowMs: 60_000 });
    const first = await api.call('GET', api.records);
    assert.equal(first.headers.get('x-ratelimit-limit'), '3');
    assert.equal(first.headers.get('x-ratelimit-remaining'), '2');
    await api.call('GET', api.records);
    await api.call('GET', api.records);
    const limited = await api.call('GET', api.records);
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '60');
    assert.equal(limited.headers.get('x-ratelimit-limit'), '3', 'the limit is reported on the 429 too');
    assert.equal(limited.body.success, false);
    assert.equal(errorCode(limited), 1015);
    api.emulator.reset();
    assert.equal((await api.call('GET', api.records)).status, 200, 'reset clears the window');
  });

  it('injects a 503 for the next request only, then serves normally', async () => {
    api.emulator.faults.add({ kind: 'status', status: 503 });
    const failed = await api.create({ type: 'A', name: 'x', content: '192.0.2.1' });
    assert.equal(failed.status, 503);
    assert.equal(failed.body.success, false);
    assert.equal(api.emulator.records('example.com').length, 0, 'an injected error applies nothing');
    assert.equal((await api.create({ type: 'A', name: 'x', content: '192.0.2.1' })).status, 200);
  });

  it('injects 429 with Retry-After on a given route, N times', async () => {
    api.emulator.faults.add({ kind: 'rate-limit', retryAfter: 7, path: '/zones/*/dns_records/batch', times: 2 });
    assert.equal((await api.call('GET', api.records)).status, 200, 'other routes are not affected');
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const limited = await api.call('POST', `${api.records}/batch`, {});
      assert.equal(limited.status, 429);
      assert.equal(limited.headers.get('retry-after'), '7');
    }
    assert.equal((await api.call('POST', `${api.records}/batch`, {})).status, 200);
  });

  it('drops the connection before applying, or after applying the change', async () => {
    api.emulator.faults.add({ kind: 'drop', method: 'POST' });
    await assert.rejects(api.create({ type: 'A', name: 'before', content: '192.0.2.1' }));
    assert.equal(api.emulator.records('example.com').length, 0);
    api.emulator.faults.add({ kind: 'drop-after', method: 'POST' });
    await assert.rejects(api.create({ type: 'A', name: 'after', content: '192.0.2.1' }));
    assert.deepEqual(
      api.emulator.records('example.com').map((record) => record['name']),
      ['after.example.com'],
    );
    const statuses = api.emulator.log
      .entries({ method: 'POST' })
      .map((entry) => `${entry.status} ${entry.fault ?? ''}`);
    assert.deepEqual(statuses, ['0 drop', '0 drop-after']);
  });

  it('delays a request and then serves it, recording the delay in the log', async () => {
    api.emulator.faults.add({ kind: 'delay', delayMs: 20 });
    const answer = await api.call('GET', api.records);
    assert.equal(answer.status, 200);
    assert.equal(api.emulator.log.entries()[0]?.fault, 'delay');
  });

  it('keeps a persistent fault until cleared', async () => {
    api.emulator.faults.add({ kind: 'status', status: 500, persistent: true, path: '/zones/**' });
    for (let attempt = 0; attempt < 3; attempt += 1) assert.equal((await api.call('GET', api.records)).status, 500);
    assert.equal((await api.call('GET', '/zones')).status, 200, '/zones/** needs a segment below /zones');
    api.emulator.faults.clear();
    assert.equal((await api.call('GET', api.records)).status, 200);
  });

  it('counts requests by method and path glob', async () => {
    await api.call('GET', api.records);
    await api.create({ type: 'A', name: 'x', content: '192.0.2.1' });
    await api.call('POST', `${api.records}/batch`, {});
    assert.equal(api.emulator.log.count(), 3);
    assert.equal(api.emulator.log.count({ method: 'POST' }), 2);
    assert.equal(api.emulator.log.count({ path: '/zones/*/dns_records/batch' }), 1);
    assert.equal(api.emulator.log.count({ path: '/client/v4/zones/*/dns_records' }), 2);
  });

  it('offers faults, log, rate limit and reset over the admin endpoint, behind the token', async () => {
    const admin = (method: string, path: string, body?: unknown, token = api.emulator.token) =>
      fetch(`${api.emulator.url.replace('/client/v4', '')}/__emulator${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    assert.equal((await admin('GET', '/log', undefined, 'wrong')).status, 401);
    assert.equal((await admin('POST', '/faults', { kind: 'explode' })).status, 400);
    const added = await admin('POST', '/faults', [{ kind: 'status', status: 502 }]);
    assert.equal(added.status, 200);
    assert.equal((await api.call('GET', api.records)).status, 502);
    await api.create({ type: 'A', name: 'x', content: '192.0.2.1' });
    const log = (await (await admin('GET', '/log?method=GET')).json()) as {
      count: number;
      entries: { status: number }[];
    };
    assert.equal(log.count, 1);
    assert.equal(log.entries[0]?.status, 502);
    assert.equal((await admin('PUT', '/rate-limit', { requests: 1, windowMs: 60_000 })).status, 200);
    await api.call('GET', api.records);
    assert.equal((await api.call('GET', api.records)).status, 429);
    assert.equal((await admin('POST', '/reset')).status, 200);
    assert.equal(api.emulator.records('example.com').length, 0, 'reset restores the initial records');
    assert.equal(api.emulator.log.count(), 0);
  });
});
