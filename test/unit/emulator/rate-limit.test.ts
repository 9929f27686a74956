import assert from 'node:assert/strict';
import { errorCode, importZone, startTestApi, type Answer, type TestApi } from './helpers';

/**
 * Cloudflare's rate-limit headers (developers.cloudflare.com/fundamentals/api/reference/limits, "Rate limiting
 * headers"): `Ratelimit: "default";r=50;t=30` and `Ratelimit-Policy: "burst";q=100;w=60` on every answer, `retry-after`
 * (seconds, rounded up) on a 429; the import endpoint allows three requests per minute per user (DOCS:impexp).
 */

/** Parses a structured-field list such as `"default";r=5;t=30, "dns-import";r=0;t=12` into name -> parameters. */
function parseItems(header: string | null): Record<string, Record<string, number>> {
  assert.ok(header !== null, 'the header is present');
  const items: Record<string, Record<string, number>> = {};
  for (const item of header.split(',')) {
    const [name, ...parameters] = item.trim().split(';');
    const match = /^"([^"]+)"$/.exec(name ?? '');
    assert.ok(match?.[1] !== undefined, `a quoted policy name in '${item}'`);
    const values: Record<string, number> = {};
    for (const parameter of parameters) {
      const [key, value] = parameter.split('=');
      assert.match(value ?? '', /^\d+$/, `an integer in '${item}'`);
      values[key ?? ''] = Number(value);
    }
    items[match[1]] = values;
  }
  return items;
}

const ratelimit = (answer: Answer) => parseItems(answer.headers.get('ratelimit'));
const policy = (answer: Answer) => parseItems(answer.headers.get('ratelimit-policy'));

describe('emulator: rate-limit headers and limits', () => {
  let api: TestApi;
  let now: number;
  const later = (seconds: number) => {
    now += seconds * 1000;
  };
  beforeEach(async () => {
    now = Date.UTC(2026, 11, 7, 10, 0, 0);
    api = await startTestApi({ clock: () => now });
  });
  afterEach(async () => {
    await api.emulator.stop();
  });

  it("reports Cloudflare's default budget on every answer: 1,200 requests per 300 seconds", async () => {
    const first = await api.call('GET', api.records);
    assert.deepEqual(policy(first), { default: { q: 1200, w: 300 } });
    assert.deepEqual(ratelimit(first), { default: { r: 1199, t: 300 } });
    later(100);
    const missing = await api.call('GET', `${api.records}/0123456789abcdef0123456789abcdef`);
    assert.equal(missing.status, 404);
    assert.deepEqual(ratelimit(missing), { default: { r: 1198, t: 200 } }, 'errors report the budget too');
    assert.equal(missing.headers.get('retry-after'), null, 'retry-after only on a 429');
    const refused = await api.call('GET', api.records, undefined, { authorization: 'Bearer not-a-token' });
    assert.equal(refused.status, 400);
    assert.deepEqual(policy(refused), { default: { q: 1200, w: 300 } }, 'a refused credential still sees the policy');
  });

  it('refuses an unpaced client with 429, retry-after and r=0 once a low budget is spent', async () => {
    api.emulator.setRateLimit({ requests: 5, windowMs: 60_000 });
    const answers: Answer[] = [];
    for (let index = 0; index < 8; index += 1) answers.push(await api.call('GET', api.records));
    assert.deepEqual(
      answers.map((answer) => answer.status),
      [200, 200, 200, 200, 200, 429, 429, 429],
    );
    assert.deepEqual(
      answers.slice(0, 5).map((answer) => ratelimit(answer)['default']?.['r']),
      [4, 3, 2, 1, 0],
    );
    const limited = answers[5];
    assert.ok(limited !== undefined);
    assert.equal(errorCode(limited), 1015);
    assert.equal(limited.headers.get('retry-after'), '60');
    assert.deepEqual(ratelimit(limited), { default: { r: 0, t: 60 } });
    assert.deepEqual(policy(limited), { default: { q: 5, w: 60 } });
    later(30);
    const waiting = await api.call('GET', api.records);
    assert.equal(waiting.status, 429);
    assert.equal(waiting.headers.get('retry-after'), '30', 'the block runs a whole window from the first 429');
    later(30);
    assert.equal((await api.call('GET', api.records)).status, 200, 'allowed again once retry-after has passed');
  });

  it('limits the import endpoint to 3 per minute per user, on top of the default budget', async () => {
    const zoneFile = (index: number) => `i${index}.example.com. 300 IN A 192.0.2.${index}\n`;
    const imports: Answer[] = [];
    for (let index = 1; index <= 4; index += 1) {
      imports.push(await importZone(api, zoneFile(index)));
      later(1);
    }
    assert.deepEqual(
      imports.map((answer) => answer.status),
      [200, 200, 200, 429],
    );
    assert.deepEqual(policy(imports[0]), { default: { q: 1200, w: 300 }, 'dns-import': { q: 3, w: 60 } });
    assert.deepEqual(ratelimit(imports[2])['dns-import'], { r: 0, t: 58 });
    const limited = imports[3];
    assert.equal(limited.headers.get('retry-after'), '60');
    assert.deepEqual(ratelimit(limited)['dns-import'], { r: 0, t: 60 });
    assert.equal(api.emulator.records(api.zoneId).length, 3, 'the refused import added nothing');
    assert.equal((await api.call('GET', api.records)).status, 200, 'other endpoints are not blocked');
    later(61);
    assert.equal((await importZone(api, zoneFile(4))).status, 200);
  });

  it('lets both limits be changed over the admin endpoint', async () => {
    const admin = (path: string, body: unknown) =>
      fetch(`${api.emulator.url.replace('/client/v4', '')}/__emulator${path}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${api.emulator.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    assert.equal((await admin('/import-rate-limit', { requests: 1, windowMs: 10_000 })).status, 200);
    assert.equal((await importZone(api, 'a.example.com. 300 IN A 192.0.2.1\n')).status, 200);
    const limited = await importZone(api, 'b.example.com. 300 IN A 192.0.2.2\n');
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '10');
    assert.equal((await admin('/import-rate-limit', { requests: 0, windowMs: 1 })).status, 400);
    assert.equal((await admin('/rate-limit', { requests: 2, windowMs: 1_000 })).status, 200);
    assert.deepEqual(policy(await api.call('GET', api.records)), { default: { q: 2, w: 1 } });
  });

  it('gives an injected 429 the same headers', async () => {
    api.emulator.faults.add({ kind: 'rate-limit', retryAfter: 7 });
    const limited = await api.call('GET', api.records);
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '7');
    assert.deepEqual(ratelimit(limited), { default: { r: 0, t: 7 } });
    assert.deepEqual(policy(limited), { default: { q: 1200, w: 300 } });
  });
});
