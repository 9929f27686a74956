/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call -- the tests read JSON answers (result: any) and assert the shape of each field they use */
import assert from 'node:assert/strict';
import { errorCode, startTestApi, type TestApi } from './helpers';

describe('emulator: batch', () => {
  let api: TestApi;
  beforeEach(async () => {
    api = await startTestApi();
  });
  afterEach(async () => {
    await api.emulator.stop();
  });
  const batch = (body: unknown) => api.call('POST', `${api.records}/batch`, body);

  it('runs deletes, then patches, then puts, then posts, whatever the order of the keys', async () => {
    const a = (await api.create({ type: 'A', name: 'www', content: '192.0.2.1' })).body.result;
    const b = (await api.create({ type: 'A', name: 'b', content: '192.0.2.2' })).body.result;
    const c = (await api.create({ type: 'A', name: 'c', content: '192.0.2.3' })).body.result;
    // The post of a CNAME on www only fits after the delete of the A on www; the put of b only after its patch.
    const answer = await batch({
      posts: [{ type: 'CNAME', name: 'www', content: 'web.example.net', ttl: 1 }],
      puts: [{ id: b.id, type: 'A', name: 'b', content: '192.0.2.22' }],
      patches: [
        { id: b.id, ttl: 300, comment: 'patched first' },
        { id: c.id, content: '192.0.2.33' },
      ],
      deletes: [{ id: a.id }],
    });
    assert.equal(answer.status, 200, JSON.stringify(answer.body.errors));
    assert.deepEqual(
      answer.body.result.deletes.map((record: { id: string }) => record.id),
      [a.id],
    );
    assert.equal(answer.body.result.deletes[0].content, '192.0.2.1', 'deleted records come back in their last state');
    assert.deepEqual(
      answer.body.result.patches.map((record: { content: string }) => record.content),
      ['192.0.2.2', '192.0.2.33'],
    );
    assert.equal(answer.body.result.puts[0].comment, undefined, 'the put after the patch resets the comment');
    assert.equal(answer.body.result.puts[0].ttl, 1);
    assert.equal(answer.body.result.posts[0].type, 'CNAME');
    const names = api.emulator
      .records('example.com')
      .map((record) => `${String(record['name'])} ${String(record['type'])}`);
    assert.deepEqual(names.sort(), ['b.example.com A', 'c.example.com A', 'www.example.com CNAME']);
  });

  it('applies nothing when one change fails and answers with the first error', async () => {
    const a = (await api.create({ type: 'A', name: 'a', content: '192.0.2.1' })).body.result;
    await api.create({ type: 'A', name: 'host', content: '192.0.2.9' });
    const before = JSON.stringify(api.emulator.records('example.com'));
    const answer = await batch({
      deletes: [{ id: a.id }],
      posts: [
        { type: 'A', name: 'new', content: '192.0.2.5', ttl: 1 },
        { type: 'CNAME', name: 'host', content: 'x.example.net', ttl: 1 },
        { type: 'A', name: 'bad', content: 'not-an-ip', ttl: 1 },
      ],
    });
    assert.equal(answer.status, 400);
    assert.deepEqual(
      answer.body.errors.map((error) => error.code),
      [81053],
      'only the first error',
    );
    assert.equal(
      JSON.stringify(api.emulator.records('example.com')),
      before,
      'the delete and the first post were rolled back',
    );
  });

  it('fails on an unknown id inside a batch without applying the rest', async () => {
    const answer = await batch({
      posts: [{ type: 'A', name: 'new', content: '192.0.2.5', ttl: 1 }],
      deletes: [{ id: 'f'.repeat(32) }],
    });
    assert.equal(errorCode(answer), 81044);
    assert.equal(api.emulator.records('example.com').length, 0);
  });

  it('accepts an empty batch', async () => {
    const answer = await batch({});
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body.result, { deletes: [], patches: [], puts: [], posts: [] });
  });

  it('limits a batch to 200 changes on Free and 3,500 on paid plans', async () => {
    const posts = (count: number) =>
      Array.from({ length: count }, (_, index) => ({
        type: 'A',
        name: `h${index}`,
        content: `10.0.${Math.floor(index / 256)}.${index % 256}`,
        ttl: 1,
      }));
    assert.equal((await batch({ posts: posts(200) })).status, 200);
    const tooMany = await batch({ posts: posts(201).map((post) => ({ ...post, name: `x-${post.name}` })) });
    assert.equal(tooMany.status, 400);
    assert.match(tooMany.body.errors[0]?.message ?? '', /limit for this zone's plan is 200/);
    const pro = await startTestApi({ plan: 'pro' });
    try {
      const path = `${pro.records}/batch`;
      assert.equal((await pro.call('POST', path, { posts: posts(3500) })).status, 200);
      assert.equal((await pro.call('GET', `${pro.records}/usage`)).body.result.record_usage, 3500);
      const over = await pro.call('POST', path, { deletes: [{ id: 'a'.repeat(32) }], posts: posts(3500) });
      assert.match(over.body.errors[0]?.message ?? '', /limit for this zone's plan is 3500/);
    } finally {
      await pro.emulator.stop();
    }
  });
});
