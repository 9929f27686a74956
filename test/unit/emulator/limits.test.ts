/* eslint-disable @typescript-eslint/no-unsafe-member-access -- the tests read JSON answers (result: any) and assert the shape of each field they use */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { errorCode, importZone, recordLines, startTestApi, type Answer, type TestApi } from './helpers';

/**
 * Cloudflare's record limits: "Each DNS record has a maximum wire format size of 4,096 bytes" and "If you have
 * multiple records with the same name and type, their combined content length must not exceed 8,192 characters"
 * (developers.cloudflare.com/dns/manage-dns-records/reference/dns-record-types); comments "do not support newline or
 * carriage return characters" and tags are not available on the Free plan (.../reference/record-attributes).
 */

/** An RR in wire format, written here independently of the emulator: owner, type/class/TTL/RDLENGTH, rdata. */
function wireLength(owner: string, rdata: Buffer): number {
  const name = Buffer.concat([
    ...owner.split('.').map((label) => Buffer.concat([Buffer.from([label.length]), Buffer.from(label, 'ascii')])),
    Buffer.from([0]),
  ]);
  return name.length + 10 + rdata.length;
}

/** TXT rdata for one unquoted text: character-strings of at most 255 octets. */
function txtRdata(text: string): Buffer {
  const octets = Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  for (let start = 0; start < octets.length; start += 255) {
    const chunk = octets.subarray(start, start + 255);
    parts.push(Buffer.from([chunk.length]), chunk);
  }
  return Buffer.concat(parts);
}

const chain = (answer: Answer) => answer.body.errors[0]?.error_chain?.map((entry) => entry.code);

describe('emulator: record limits', () => {
  let free: TestApi;
  let pro: TestApi;
  before(async () => {
    free = await startTestApi({ importRateLimit: { requests: 100, windowMs: 60_000 } });
    pro = await startTestApi({ plan: 'pro' });
  });
  afterEach(() => {
    free.emulator.reset();
    pro.emulator.reset();
  });
  after(async () => {
    await free.emulator.stop();
    await pro.emulator.stop();
  });

  it('accepts a record of up to 4,096 bytes in wire format and refuses a larger one (property)', async function () {
    this.timeout(60_000);
    const owner = 'big.example.com';
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 3900, max: 4200 }), fc.constantFrom('x', 'é'), async (count, unit) => {
        free.emulator.reset();
        const content = unit.repeat(unit === 'x' ? count : Math.floor(count / 2));
        const answer = await free.create({ type: 'TXT', name: 'big', content });
        const fits = wireLength(owner, txtRdata(content)) <= 4096;
        assert.equal(answer.status, fits ? 200 : 400, `${content.length} × ${unit}`);
        if (!fits) assert.match(answer.body.errors[0]?.message ?? '', /4,096 bytes/);
      }),
      { numRuns: 60 },
    );
  });

  it('counts the decoded key of an OPENPGPKEY record, not its Base64 text', async () => {
    const owner = 'key.example.com';
    const fitting = 4096 - wireLength(owner, Buffer.alloc(0));
    const key = (octets: number) => Buffer.alloc(octets, 7).toString('base64');
    assert.equal((await free.create({ type: 'OPENPGPKEY', name: 'key', content: key(fitting) })).status, 200);
    free.emulator.reset();
    assert.equal(errorCode(await free.create({ type: 'OPENPGPKEY', name: 'key', content: key(fitting + 1) })), 1004);
  });

  it('refuses content that takes a name and type over 8,192 characters combined, counting only that RRset', async () => {
    const txt = (content: string) => free.create({ type: 'TXT', name: 'set', content });
    const first = await txt('a'.repeat(4000));
    assert.equal((await txt('b'.repeat(4000))).status, 200);
    assert.equal((await txt('c'.repeat(192))).status, 200, 'exactly 8,192 characters');
    const over = await txt('d');
    assert.equal(over.status, 400);
    assert.equal(errorCode(over), 1004);
    assert.match(over.body.errors[0]?.message ?? '', /8,192/);
    assert.equal((await free.create({ type: 'A', name: 'set', content: '192.0.2.1' })).status, 200, 'another type');
    assert.equal((await free.create({ type: 'TXT', name: 'other', content: 'd' })).status, 200, 'another name');
    const path = `${free.records}/${first.body.result.id}`;
    assert.equal((await free.call('PATCH', path, { content: 'a'.repeat(4001) })).status, 400, 'growing by PATCH');
    assert.equal((await free.call('PATCH', path, { content: 'e'.repeat(3999) })).status, 200, 'the old content left');
  });

  it('refuses a comment with a line break, and a comment over the plan length with 1004 / 9313', async () => {
    for (const comment of ['two\nlines', 'carriage\rreturn']) {
      const answer = await free.create({ type: 'A', name: 'c', content: '192.0.2.1', comment });
      assert.equal(answer.status, 400, JSON.stringify(comment));
      assert.equal(errorCode(answer), 1004);
    }
    const long = await free.create({ type: 'A', name: 'c', content: '192.0.2.1', comment: 'x'.repeat(101) });
    assert.deepEqual(long.body.errors, [
      {
        code: 1004,
        message: 'DNS Validation Error',
        error_chain: [{ code: 9313, message: 'DNS record comment exceeds the maximum length of 100 characters.' }],
      },
    ]);
    assert.equal(
      (await free.create({ type: 'A', name: 'c', content: '192.0.2.1', comment: 'x'.repeat(100) })).status,
      200,
    );
  });

  it('refuses tags on a Free zone with 1004 / 9300, and keeps them on a Pro zone', async () => {
    const tagged = { type: 'A', name: 't', content: '192.0.2.1', tags: ['env:prod', 'team:dns'] };
    const refused = await free.create(tagged);
    assert.equal(refused.status, 400);
    assert.deepEqual(refused.body.errors, [
      {
        code: 1004,
        message: 'DNS Validation Error',
        error_chain: [{ code: 9300, message: 'DNS record has 2 tags, exceeding the quota of 0.' }],
      },
    ]);
    const plain = await free.create({ ...tagged, tags: [] });
    assert.equal(plain.status, 200, 'an empty tag list is fine');
    const patched = await free.call('PATCH', `${free.records}/${plain.body.result.id}`, { tags: ['env:prod'] });
    assert.deepEqual(chain(patched), [9300]);
    assert.deepEqual((await pro.create(tagged)).body.result.tags, ['env:prod', 'team:dns']);

    const imported = await importZone(free, 'x.example.com. 300 IN A 192.0.2.9 ; cf_tags=env:prod\n');
    assert.equal(imported.status, 400);
    assert.match(imported.body.errors[0]?.message ?? '', /^line 1: /);
    assert.deepEqual(chain(imported), [9300]);
    const proxiedOnly = await importZone(free, 'y.example.com. 300 IN A 192.0.2.9 ; cf_tags=cf-proxied:true\n');
    assert.equal(proxiedOnly.status, 200, 'cf-proxied is an instruction, not a stored tag');
  });

  it('enforces every limit inside a batch, all or nothing', async () => {
    for (const content of ['a'.repeat(4000), 'b'.repeat(4000)]) {
      assert.equal((await free.create({ type: 'TXT', name: 'set', content })).status, 200);
    }
    const before = recordLines(free);
    const batch = (body: unknown) => free.call('POST', `${free.records}/batch`, body);
    const ok = { type: 'A', name: 'fine', content: '192.0.2.1' };
    const cases: [string, unknown][] = [
      ['an oversized record', { posts: [ok, { type: 'TXT', name: 'big', content: 'x'.repeat(5000) }] }],
      ['an RRset over 8,192', { posts: [ok, { type: 'TXT', name: 'set', content: 'b'.repeat(193) }] }],
      ['a comment with a newline', { posts: [ok, { ...ok, name: 'c', comment: 'a\nb' }] }],
      ['tags on a Free zone', { posts: [ok, { ...ok, name: 't', tags: ['env:prod'] }] }],
    ];
    for (const [what, body] of cases) {
      const answer = await batch(body);
      assert.equal(answer.status, 400, what);
      assert.equal(errorCode(answer), 1004, what);
      assert.deepEqual(recordLines(free), before, `${what}: nothing applied`);
    }
    const [set] = free.emulator.records(free.zoneId);
    const room = await batch({
      deletes: [{ id: set?.['id'] }],
      posts: [ok, { type: 'TXT', name: 'set', content: 'c'.repeat(4000) }, { type: 'TXT', name: 'set', content: 'd' }],
    });
    assert.equal(room.status, 200, 'deletes run first and make room');
  });
});
