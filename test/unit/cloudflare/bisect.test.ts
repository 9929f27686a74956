import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CloudflareClient, type BatchRequest } from '../../../cloudflare/src/api/index';
import { applyPlan, formatRefusedChange } from '../../../cloudflare/src/sync/apply';
import { chunkPlan, entriesOf } from '../../../cloudflare/src/sync/chunk';
import { syncRecordOf } from '../../../cloudflare/src/sync/plan-normalize';
import { planSync, syncApiOf, type SyncApi } from '../../../cloudflare/src/sync/plan-sync';
import type { DesiredRecord, PlanRecordBody } from '../../../cloudflare/src/sync/plan-types';
import { isEmptyPlan } from '../../../cloudflare/src/sync/plan-types';
import { computePlan } from '../../../cloudflare/src/sync/planner';
import { startEmulator, type RunningEmulator } from '../../../emulator/src/index';
import { ModelApi, recordFields, toSync, validZone, zone, type ModelRecord } from './planner-helpers';

const zoneArbitrary = fc.array(recordFields, { maxLength: 14 }).map(validZone);

describe('finding the change a rejected chunk fails on', () => {
  it('names the first refused change of the failing chunk and applies nothing of it', async () => {
    await fc.assert(
      fc.asyncProperty(
        zoneArbitrary,
        zoneArbitrary,
        fc.integer({ min: 1, max: 8 }),
        fc.nat(),
        async (local, live, size, pick) => {
          const api = new ModelApi(live.map((record, index): ModelRecord => ({ ...record, id: `live${index}` })));
          const desired = local.map((record, line) => ({ ...toSync(record), line }));
          const plan = computePlan(desired, api.live(), { zone });
          const writes = [...plan.posts.map((record) => record.body), ...plan.patches.map((u) => u.desired.body)];
          fc.pre(writes.length > 0);
          api.refused.add(writes[pick % writes.length]?.content ?? '');
          const chunks = chunkPlan(plan, size);
          const failingChunk = chunks.find((chunk) =>
            entriesOf(chunk).some((entry) => entry.kind !== 'delete' && isRefused(api, entry)),
          );
          const expected = entriesOf(failingChunk ?? chunks[0]).find(
            (entry) => entry.kind !== 'delete' && isRefused(api, entry),
          );
          let snapshot = JSON.stringify([...api.records.values()]);
          const report = await applyPlan(api, 'zone', plan, {
            batchSize: size,
            allowDeletes: true,
            onChunk: () => (snapshot = JSON.stringify([...api.records.values()])),
          });
          assert.equal(report.status, 'failed');
          assert.equal(JSON.stringify([...api.records.values()]), snapshot, 'nothing of the failing chunk applied');
          if (report.failing === undefined) {
            assert.match(report.message, /batch limit/, report.message);
          } else {
            const want =
              expected === undefined || expected.kind === 'delete'
                ? undefined
                : expected.kind === 'post'
                  ? expected.value
                  : expected.value.desired;
            assert.equal(report.failing.name, want?.name);
            assert.equal(report.failing.display, want?.display);
            assert.equal(report.failing.line, want?.line);
            assert.match(report.failing.error, /refused/);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('with skipFailing, applies everything but the refused name and says what it left out', async () => {
    const api = new ModelApi();
    const desired = ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4'].map((content, line) => ({
      ...toSync({ name: `h${line}.example.com`, type: 'A', content, ttl: 300, proxied: false, comment: '', tags: [] }),
      line,
    }));
    api.refused.add('192.0.2.3');
    const report = await applyPlan(api, 'zone', computePlan(desired, [], { zone }), {
      batchSize: 10,
      skipFailing: true,
    });
    assert.equal(report.status, 'applied', report.message);
    assert.deepEqual(
      [...api.records.values()].map((record) => record.content),
      ['192.0.2.1', '192.0.2.2', '192.0.2.4'],
    );
    assert.equal(report.skippedChanges?.length, 1);
    assert.equal(formatRefusedChange(report.skippedChanges[0]), 'create h2.example.com A 192.0.2.3 (line 3)');
    assert.match(report.message, /^Applied 3 of 4 changes in 1 chunk\. Left out 1 change as asked: create h2/);
  });

  it('does not blame a change for a rejection that does not repeat', async () => {
    const api = new ModelApi();
    api.failAt = 0;
    const desired = [
      {
        ...toSync({
          name: 'a.example.com',
          type: 'A',
          content: '192.0.2.1',
          ttl: 300,
          proxied: false,
          comment: '',
          tags: [],
        }),
        line: 0,
      },
    ];
    const report = await applyPlan(api, 'zone', computePlan(desired, [], { zone }), { batchSize: 10 });
    assert.equal(report.status, 'failed');
    assert.equal(report.failing, undefined);
    assert.match(report.message, /did not repeat/);
    assert.equal(api.records.size, 0);
  });
});

function isRefused(api: ModelApi, entry: ReturnType<typeof entriesOf>[number]): boolean {
  if (entry.kind === 'delete') return false;
  const body = entry.kind === 'post' ? entry.value.body : entry.value.desired.body;
  return api.refused.has(body.content ?? '');
}

describe('finding the failing change against the emulator', function () {
  this.timeout(30_000);
  const emulatorZone = 'example.com';
  let emulator: RunningEmulator;
  let client: CloudflareClient;
  let api: SyncApi;
  let zoneId: string;

  before(async () => {
    emulator = await startEmulator({ zones: [{ name: emulatorZone, plan: 'free' }] });
    zoneId = emulator.zoneId(emulatorZone);
    client = new CloudflareClient({ baseUrl: emulator.url, credentials: { token: emulator.token }, env: {} });
    api = syncApiOf(client);
  });
  after(async () => {
    await client.close();
    await emulator.stop();
  });

  const host = (index: number): PlanRecordBody => ({
    type: 'A',
    name: `h${index}.example.com`,
    content: `192.0.2.${index}`,
    ttl: 300,
  });
  const file = (): DesiredRecord[] => {
    const bodies: PlanRecordBody[] = Array.from({ length: 150 }, (_, index) => host(index));
    bodies.push({ type: 'CNAME', name: 'www.example.com', content: 'h1.example.com', ttl: 300 });
    return bodies.map((body, line) => ({ ...syncRecordOf(body), line: line + 3 }));
  };
  const liveRecords = (): string =>
    JSON.stringify(
      emulator
        .records(emulatorZone)
        .map((record) => [record['name'], record['type'], record['content']])
        .sort(),
    );

  it('names the record the emulator refuses by its limits when the pre-flight check was skipped', async () => {
    emulator.reset();
    const big = `${Array.from({ length: 17 }, () => `"${'x'.repeat(255)}"`).join(' ')}`;
    const desired = [
      ...file().slice(0, 40),
      { ...syncRecordOf({ type: 'TXT', name: 'big.example.com', content: big, ttl: 300 }), line: 99 },
    ];
    const plan = await planSync(api, { desired, skipped: [] }, { zoneId, zone: emulatorZone });
    const report = await applyPlan(api, zoneId, plan, { batchSize: 200 });
    assert.equal(report.status, 'failed');
    assert.equal(report.failing?.name, 'big.example.com');
    assert.equal(report.failing?.line, 99);
    assert.match(report.failing?.error ?? '', /4,?096/);
    assert.deepEqual(liveRecords(), JSON.stringify([]), 'nothing was applied');
  });

  it('a chunk that an edit made since the plan breaks ends with the record, its line and the error, unapplied', async () => {
    emulator.reset();
    await client.batch(zoneId, { posts: [host(1), host(2)] } as BatchRequest);
    const plan = await planSync(api, { desired: file(), skipped: [] }, { zoneId, zone: emulatorZone });
    // Someone adds an A record at www after the plan: the planned CNAME can no longer be created there.
    await client.createRecord(zoneId, { type: 'A', name: 'www.example.com', content: '192.0.2.250', ttl: 300 });
    const before = liveRecords();
    emulator.log.clear();
    const report = await applyPlan(api, zoneId, plan, { batchSize: 200 });
    assert.equal(report.status, 'failed');
    assert.equal(liveRecords(), before, 'nothing was applied');
    assert.ok(report.failing);
    assert.equal(formatRefusedChange(report.failing), 'create www.example.com CNAME h1.example.com. (line 154)');
    assert.match(report.failing.error, /81053|already exists/);
    assert.match(report.message, /Cloudflare refuses create www\.example\.com CNAME h1\.example\.com\. \(line 154\)/);
    const batches = emulator.log.count({ method: 'POST', path: '/zones/*/dns_records/batch' });
    assert.ok(batches <= 12, `${batches} batch requests`);

    const skipping = await applyPlan(api, zoneId, plan, { batchSize: 200, skipFailing: true });
    assert.equal(skipping.status, 'applied', skipping.message);
    assert.deepEqual(
      skipping.skippedChanges?.map((change) => change.name),
      ['www.example.com'],
    );
    const again = await planSync(api, { desired: file(), skipped: [] }, { zoneId, zone: emulatorZone });
    assert.equal(isEmptyPlan(again), false);
    assert.deepEqual(
      [...again.deletes.map((record) => `- ${record.type}`), ...again.posts.map((record) => `+ ${record.type}`)],
      ['- A', '+ CNAME'],
      'the next plan replaces the A added since by the CNAME',
    );
    const rest = await applyPlan(api, zoneId, again, { batchSize: 200 });
    assert.equal(rest.status, 'applied', rest.message);
    const last = await planSync(api, { desired: file(), skipped: [] }, { zoneId, zone: emulatorZone });
    assert.ok(isEmptyPlan(last));
  });
});
