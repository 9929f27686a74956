import assert from 'node:assert/strict';
import { chunkPlan, coexistenceConflicts } from '../../../cloudflare/src/sync/chunk';
import { syncRecordOf } from '../../../cloudflare/src/sync/plan-normalize';
import { liveRecordOf } from '../../../cloudflare/src/sync/plan-records';
import { computePlan } from '../../../cloudflare/src/sync/planner';

const record = (name: string, type: string, match = `${type}-${name}`) => ({ name, type, match });

describe('chunking', () => {
  it('finds each coexistence rule and nothing in a valid zone', () => {
    const rules = (records: ReturnType<typeof record>[]): string[] =>
      coexistenceConflicts(records, 'example.com').map((conflict) => `${conflict.name} ${conflict.rule}`);
    assert.deepEqual(rules([record('a', 'A'), record('a', 'CNAME')]), ['a cname-and-address']);
    assert.deepEqual(rules([record('a', 'AAAA'), record('a', 'CNAME')]), ['a cname-and-address']);
    assert.deepEqual(rules([record('a', 'CNAME', 'x'), record('a', 'CNAME', 'y')]), ['a multiple-cname']);
    assert.deepEqual(rules([record('a', 'NS'), record('a', 'TXT')]), ['a ns-and-other']);
    assert.deepEqual(rules([record('a', 'A', '1'), record('a', 'A', '1')]), ['a duplicate']);
    assert.deepEqual(
      rules([
        record('example.com', 'NS'),
        record('example.com', 'A'),
        record('a', 'A', '1'),
        record('a', 'A', '2'),
        record('a', 'TXT'),
        record('b', 'CNAME'),
        record('b', 'TXT'),
        record('c', 'NS', '1'),
        record('c', 'NS', '2'),
      ]),
      [],
    );
  });

  it('with one change per request, puts the delete that frees a name before the create that needs it', () => {
    const live = [
      liveRecordOf({ id: 'a'.repeat(32), type: 'CNAME', name: 'www.example.com', content: 'x.example.net', ttl: 300 }),
    ];
    const desired = [
      { ...syncRecordOf({ type: 'A', name: 'www.example.com', content: '192.0.2.1', ttl: 300 }), line: 0 },
    ];
    const chunks = chunkPlan(computePlan(desired, live, { zone: 'example.com' }), 1);
    assert.deepEqual(
      chunks.map((chunk) => chunk.request),
      [
        { deletes: [{ id: 'a'.repeat(32) }] },
        { posts: [{ type: 'A', name: 'www.example.com', content: '192.0.2.1', ttl: 300 }] },
      ],
    );
  });

  const live = (id: string, type: string, name: string, content: string) =>
    liveRecordOf({ id: id.repeat(32), type, name: `${name}.example.com`, content, ttl: 300 });
  const wanted = (type: string, name: string, content: string, line = 0) => ({
    ...syncRecordOf({ type, name: `${name}.example.com`, content, ttl: 300 }),
    line,
  });

  for (const [from, fromContent, to, toContent] of [
    ['A', '192.0.2.1', 'CNAME', 'target.example.net'],
    ['CNAME', 'target.example.net', 'A', '192.0.2.1'],
    ['MX', 'mail.example.net', 'A', '192.0.2.1'],
    ['TXT', '"x"', 'NS', 'ns1.example.net'],
  ] as const) {
    it(`sends a ${from} to ${to} type change as a delete and a post in one request, never as an update`, () => {
      // 300 unrelated creates around it, so that a plan cut in global order would split the pair.
      const others = Array.from({ length: 300 }, (_, index) => wanted('A', `n${index}`, '192.0.2.9', index + 1));
      const plan = computePlan([wanted(to, 'www', toContent), ...others], [live('c', from, 'www', fromContent)], {
        zone: 'example.com',
      });
      assert.equal(plan.patches.length + plan.puts.length, 0);
      const chunks = chunkPlan(plan, 200);
      const holding = chunks.filter((chunk) =>
        [...chunk.deletes, ...chunk.posts].some((record) => record.name === 'www.example.com'),
      );
      assert.equal(holding.length, 1);
      assert.deepEqual(holding[0]?.request.deletes, [{ id: 'c'.repeat(32) }]);
      assert.ok(holding[0]?.posts.some((record) => record.type === to && record.name === 'www.example.com'));
    });
  }

  it('splits a name with more changes than a request holds, keeping its last delete with its first post', () => {
    const lives = Array.from({ length: 6 }, (_, index) => live(String(index), 'A', 'www', `192.0.2.${index}`));
    const plan = computePlan([wanted('CNAME', 'www', 'target.example.net')], lives, { zone: 'example.com' });
    const chunks = chunkPlan(plan, 3);
    assert.deepEqual(
      chunks.map((chunk) => [chunk.deletes.length, chunk.posts.length]),
      [
        [3, 0],
        [2, 0],
        [1, 1],
      ],
    );
  });

  it('sends an explicit empty comment and tag list when an update drops them', () => {
    const live = [
      liveRecordOf({
        id: 'b'.repeat(32),
        type: 'A',
        name: 'www.example.com',
        content: '192.0.2.1',
        ttl: 300,
        comment: 'old',
        tags: ['env:prod'],
      }),
    ];
    const desired = [
      { ...syncRecordOf({ type: 'A', name: 'www.example.com', content: '192.0.2.1', ttl: 300 }), line: 0 },
    ];
    const [chunk] = chunkPlan(computePlan(desired, live, { zone: 'example.com' }), 10);
    assert.deepEqual(chunk?.request.patches, [
      { id: 'b'.repeat(32), type: 'A', name: 'www.example.com', content: '192.0.2.1', ttl: 300, comment: '', tags: [] },
    ]);
  });

  it('refuses a batch size that is not a positive whole number', () => {
    const plan = computePlan([], [], { zone: 'example.com' });
    assert.throws(() => chunkPlan(plan, 0), RangeError);
    assert.throws(() => chunkPlan(plan, 1.5), RangeError);
    assert.deepEqual(chunkPlan(plan, 200), []);
  });
});
