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

  it('puts the delete that frees a name in an earlier chunk than the create that needs it', () => {
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
