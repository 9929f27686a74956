import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyPlan } from '../../../cloudflare/src/sync/apply';
import { chunkPlan, chunkSize } from '../../../cloudflare/src/sync/chunk';
import type { DesiredRecord, LiveRecord } from '../../../cloudflare/src/sync/plan-types';
import { isEmptyPlan, summarizePlan } from '../../../cloudflare/src/sync/plan-types';
import { computePlan } from '../../../cloudflare/src/sync/planner';
import {
  canonical,
  ModelApi,
  recordFields,
  toLive,
  toSync,
  validZone,
  zone,
  type ModelRecord,
} from './planner-helpers';

const desiredOf = (records: readonly Parameters<typeof toSync>[0][]): DesiredRecord[] =>
  records.map((record, line) => ({ ...toSync(record), line }));

function liveOf(records: readonly Omit<ModelRecord, 'id'>[]): ModelRecord[] {
  return records.map((record, index) => ({ ...record, id: (0x1000 + index).toString(16).padStart(32, '0') }));
}

const zoneArbitrary = fc.array(recordFields, { maxLength: 14 }).map(validZone);

describe('sync planner', () => {
  it('makes the live zone equal the zone file, and re-planning then finds nothing to do', async () => {
    await fc.assert(
      fc.asyncProperty(zoneArbitrary, zoneArbitrary, fc.integer({ min: 1, max: 6 }), async (local, live, size) => {
        const api = new ModelApi(liveOf(live));
        const plan = computePlan(desiredOf(local), api.live(), { zone });
        const report = await applyPlan(api, 'zone', plan, { batchSize: size, allowDeletes: true });
        assert.equal(report.status, 'applied', report.message);
        assert.deepEqual(canonical([...api.records.values()]), canonical(local));
        assert.ok(isEmptyPlan(computePlan(desiredOf(local), api.live(), { zone })));
      }),
      { numRuns: 300 },
    );
  });

  it('cuts a plan into full chunks that keep every change of a name together', () => {
    fc.assert(
      fc.property(zoneArbitrary, zoneArbitrary, fc.integer({ min: 1, max: 5 }), (local, live, size) => {
        const liveRecords = liveOf(live).map(toLive);
        for (const method of ['patch', 'put'] as const) {
          const plan = computePlan(desiredOf(local), liveRecords, { zone, updateMethod: method });
          const { create, update, delete: deletes } = summarizePlan(plan);
          const chunks = chunkPlan(plan, size);
          assert.ok(chunks.every((chunk) => chunkSize(chunk) <= size && chunkSize(chunk) > 0));
          assert.equal(
            chunks.reduce((sum, chunk) => sum + chunkSize(chunk), 0),
            create + update + deletes,
          );
          const chunksOfName = new Map<string, Set<number>>();
          const changesOfName = new Map<string, number>();
          for (const chunk of chunks) {
            const names = [
              ...chunk.deletes.map((record) => record.name),
              ...[...chunk.patches, ...chunk.puts].map((change) => change.live.name),
              ...chunk.posts.map((record) => record.name),
            ];
            for (const name of names) {
              chunksOfName.set(name, (chunksOfName.get(name) ?? new Set()).add(chunk.index));
              changesOfName.set(name, (changesOfName.get(name) ?? 0) + 1);
            }
          }
          for (const [name, count] of changesOfName) {
            if (count <= size) assert.equal(chunksOfName.get(name)?.size, 1, `${name} is in one chunk`);
          }
          // First-fit: when no name was split, no two chunks could have been one.
          if ([...changesOfName.values()].every((count) => count <= size)) {
            const sizes = chunks.map(chunkSize).sort((a, b) => a - b);
            if (sizes.length >= 2) assert.ok((sizes[0] ?? 0) + (sizes[1] ?? 0) > size, String(sizes));
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('prefers an update to delete + create for the same name and type', () => {
    fc.assert(
      fc.property(zoneArbitrary, zoneArbitrary, (local, live) => {
        const plan = computePlan(desiredOf(local), liveOf(live).map(toLive), { zone });
        const deleted = new Set(plan.deletes.map((record) => `${record.name} ${record.type}`));
        assert.ok(plan.posts.every((record) => !deleted.has(`${record.name} ${record.type}`)));
      }),
      { numRuns: 200 },
    );
  });

  it('never deletes or writes a live record the API marks read-only', () => {
    fc.assert(
      fc.property(
        zoneArbitrary,
        zoneArbitrary,
        fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }),
        (local, live, flags) => {
          const liveRecords = liveOf(live).map((record, index) =>
            toLive({ ...record, readOnly: flags[index] === true }),
          );
          const readOnly = new Set(liveRecords.filter((record) => record.readOnly).map((record) => record.id));
          for (const updateMethod of ['patch', 'put'] as const) {
            const plan = computePlan(desiredOf(local), liveRecords, { zone, updateMethod });
            const touched = [...plan.deletes, ...[...plan.patches, ...plan.puts].map((update) => update.live)];
            assert.ok(touched.every((record) => !readOnly.has(record.id)));
            assert.equal(
              plan.skipped.filter((skip) => skip.side === 'live' && skip.reason.includes('read-only')).length,
              readOnly.size,
            );
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('sends PUT instead of PATCH when asked, with the same end result', async () => {
    await fc.assert(
      fc.asyncProperty(zoneArbitrary, zoneArbitrary, async (local, live) => {
        const api = new ModelApi(liveOf(live));
        const plan = computePlan(desiredOf(local), api.live(), { zone, updateMethod: 'put' });
        assert.equal(plan.patches.length, 0);
        await applyPlan(api, 'zone', plan, { batchSize: 3, allowDeletes: true });
        assert.deepEqual(canonical([...api.records.values()]), canonical(local));
      }),
      { numRuns: 100 },
    );
  });

  describe('matching', () => {
    const base = {
      name: 'www.example.com',
      type: 'A',
      content: '192.0.2.1',
      ttl: 300,
      proxied: false,
      comment: '',
      tags: [],
    };

    it('finds nothing to do when only the order differs', () => {
      const records = [base, { ...base, content: '192.0.2.2' }];
      const plan = computePlan(desiredOf(records), liveOf([...records].reverse()).map(toLive), { zone });
      assert.ok(isEmptyPlan(plan));
      assert.equal(plan.unchanged, 2);
    });

    it('names the changed fields of an update', () => {
      const plan = computePlan(
        desiredOf([{ ...base, ttl: 3600, comment: 'web', tags: ['env:prod'] }]),
        liveOf([base]).map(toLive),
        { zone },
      );
      assert.equal(plan.patches.length, 1);
      assert.deepEqual(plan.patches[0]?.changed, ['ttl', 'comment', 'tags']);
    });

    it('treats a proxied record as TTL auto', () => {
      const proxied = { ...base, proxied: true, ttl: 1 };
      const desired: DesiredRecord = { ...toSync({ ...proxied, ttl: 300 }), line: 0 };
      assert.equal(desired.ttl, 1);
      assert.ok(isEmptyPlan(computePlan([desired], liveOf([proxied]).map(toLive), { zone })));
    });

    it('turns a type change at a name into delete + create', () => {
      const cname = { ...base, type: 'CNAME', content: 'target.example.net' };
      const plan = computePlan(desiredOf([cname]), liveOf([base]).map(toLive), { zone });
      assert.deepEqual(summarizePlan(plan), { create: 1, update: 0, delete: 1 });
    });

    it('leaves SOA, apex NS and read-only records alone', () => {
      const soa = { ...base, name: zone, type: 'SOA', content: 'ns.example.net. admin.example.com. 1 2 3 4 5' };
      const apexNs = { ...base, name: zone, type: 'NS', content: 'ns1.cloudflare.com' };
      const readOnly: ModelRecord = { ...base, id: 'f'.repeat(32), name: 'ro.example.com', readOnly: true };
      const live: LiveRecord[] = [...liveOf([soa, apexNs]).map(toLive), toLive(readOnly)];
      const localNs = { ...apexNs, content: 'ns1.example.net' };
      const plan = computePlan(desiredOf([{ ...soa, content: 'other' }, localNs, { ...readOnly, ttl: 60 }]), live, {
        zone,
      });
      assert.ok(isEmptyPlan(plan), JSON.stringify(summarizePlan(plan)));
      assert.deepEqual(
        plan.skipped.map((skip) => `${skip.side} ${skip.type}`),
        ['local SOA', 'local NS', 'live SOA', 'live NS', 'live A', 'local A'],
      );
    });

    it('skips a duplicate zone-file record and says which line it repeats', () => {
      const plan = computePlan(desiredOf([base, { ...base, ttl: 60 }]), [], { zone });
      assert.equal(plan.posts.length, 1);
      assert.equal(plan.skipped[0]?.reason, 'duplicate of the record on line 1');
    });
  });

  describe('delete guard', () => {
    const many = (count: number): Omit<ModelRecord, 'id'>[] =>
      Array.from({ length: count }, (_, index) => ({
        name: `h${index}.example.com`,
        type: 'A',
        content: '192.0.2.1',
        ttl: 300,
        proxied: false,
        comment: '',
        tags: [],
      }));

    it('asks for confirmation above 10 deletes or 25 % of the zone, and not at or below', () => {
      const cases: [live: number, kept: number, exceeded: boolean][] = [
        [100, 90, false],
        [100, 89, true],
        [20, 15, false],
        [20, 14, true],
        [4, 3, false],
        [4, 2, true],
      ];
      for (const [liveCount, kept, exceeded] of cases) {
        const live = many(liveCount);
        const plan = computePlan(desiredOf(live.slice(0, kept)), liveOf(live).map(toLive), { zone });
        assert.equal(plan.deleteGuard.exceeded, exceeded, `${liveCount} live, ${kept} kept`);
      }
    });

    it('refuses to apply an unconfirmed plan and sends nothing', async () => {
      const api = new ModelApi(liveOf(many(12)));
      const plan = computePlan([], api.live(), { zone });
      const refused = await applyPlan(api, 'zone', plan, { batchSize: 200 });
      assert.equal(refused.status, 'refused');
      assert.equal(api.requests.length, 0);
      assert.match(refused.message, /deletes 12 of 12 records/);
      const confirmed = await applyPlan(api, 'zone', plan, { batchSize: 200, allowDeletes: true });
      assert.equal(confirmed.status, 'applied');
      assert.equal(api.records.size, 0);
    });

    it('honours a custom threshold', () => {
      const live = many(3);
      const plan = computePlan(desiredOf(live.slice(0, 2)), liveOf(live).map(toLive), {
        zone,
        deleteThreshold: { maxCount: 10, maxRatio: 0.5 },
      });
      assert.equal(plan.deleteGuard.exceeded, false);
    });
  });
});
