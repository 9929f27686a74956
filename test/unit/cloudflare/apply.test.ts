import assert from 'node:assert/strict';
import { applyPlan, type ApplyReport } from '../../../cloudflare/src/sync/apply';
import { chunkPlan, type PlanChunk } from '../../../cloudflare/src/sync/chunk';
import { CloudflareClient, type BatchRequest } from '../../../cloudflare/src/api/index';
import { syncRecordOf } from '../../../cloudflare/src/sync/plan-normalize';
import { planSync, syncApiOf, type SyncApi } from '../../../cloudflare/src/sync/plan-sync';
import type { BatchRequestBody, DesiredRecord, Plan, PlanRecordBody } from '../../../cloudflare/src/sync/plan-types';
import { isEmptyPlan } from '../../../cloudflare/src/sync/plan-types';
import { computePlan } from '../../../cloudflare/src/sync/planner';
import { startEmulator, type FaultSpec, type RunningEmulator } from '../../../emulator/src/index';
import { ModelApi, toSync } from './planner-helpers';

const zone = 'example.com';
const batchPath = '/zones/*/dns_records/batch';

/** 30 live hosts and two CNAMEs, created through the API. */
function initialRecords(): PlanRecordBody[] {
  const records: PlanRecordBody[] = [];
  for (let index = 0; index < 30; index++) {
    records.push({ type: 'A', name: `h${index}.example.com`, content: `192.0.2.${index}`, ttl: 300 });
  }
  records.push({ type: 'CNAME', name: 'alias.example.com', content: 'h0.example.com', ttl: 300 });
  records.push({ type: 'CNAME', name: 'old-alias.example.com', content: 'h1.example.com', ttl: 300 });
  return records;
}

/** The zone file keeps 10 hosts, updates 11 records (one CNAME), deletes 11 and creates 15: 37 changes. */
function desiredZone(): DesiredRecord[] {
  const bodies: PlanRecordBody[] = [];
  const a = (name: string, content: string, extra: Partial<PlanRecordBody> = {}): PlanRecordBody => ({
    type: 'A',
    name: `${name}.example.com`,
    content,
    ttl: 300,
    ...extra,
  });
  for (let index = 0; index < 10; index++) bodies.push(a(`h${index}`, `192.0.2.${index}`));
  for (let index = 10; index < 14; index++) bodies.push(a(`h${index}`, `198.51.100.${index}`));
  for (let index = 14; index < 17; index++) bodies.push(a(`h${index}`, `192.0.2.${index}`, { ttl: 3600 }));
  for (let index = 17; index < 20; index++)
    bodies.push(a(`h${index}`, `192.0.2.${index}`, { comment: 'kept', tags: ['env:prod'] }));
  for (let index = 0; index < 14; index++) bodies.push(a(`n${index}`, `203.0.113.${index}`));
  bodies.push({ type: 'CNAME', name: 'alias.example.com', content: 'h2.example.com', ttl: 300 });
  // old-alias turns from a CNAME into an address: the CNAME must be gone before the A arrives.
  bodies.push(a('old-alias', '192.0.2.200'));
  return bodies.map((body, line) => ({ ...syncRecordOf(body), line }));
}

/** Every change of a plan as one comparable string. */
function changesOf(chunks: readonly Pick<PlanChunk, 'deletes' | 'patches' | 'puts' | 'posts'>[]): string[] {
  return chunks
    .flatMap((chunk) => [
      ...chunk.deletes.map((record) => `- ${record.id}`),
      ...[...chunk.patches, ...chunk.puts].map(
        (update) => `~ ${update.live.id} ${update.desired.match} ${update.desired.ttl} ${update.desired.comment}`,
      ),
      ...chunk.posts.map((record) => `+ ${record.name} ${record.type} ${record.match}`),
    ])
    .sort();
}

describe('apply against the emulator', function () {
  let emulator: RunningEmulator;
  let client: CloudflareClient;
  let api: SyncApi;
  let zoneId: string;
  const desired = desiredZone();

  before(async () => {
    // Pro: the desired zone has tags, which Cloudflare refuses on Free zones (the emulator too, since issue 15).
    emulator = await startEmulator({ zones: [{ name: zone, plan: 'pro' }] });
    zoneId = emulator.zoneId(zone);
    client = new CloudflareClient({
      baseUrl: emulator.url,
      credentials: { token: emulator.token },
      retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 4 },
      budget: false,
      env: {},
    });
    api = syncApiOf(client);
  });
  after(async () => {
    await client.close();
    await emulator.stop();
  });
  beforeEach(async () => {
    emulator.reset();
    await client.batch(zoneId, { posts: initialRecords() } as BatchRequest);
    emulator.log.clear();
  });

  const plan = (): Promise<Plan> => planSync(api, { desired, skipped: [] }, { zoneId, zone });

  it('applies a plan in chunks with one list and ceil(changes / size) batches, then re-plans empty', async () => {
    const first = await plan();
    assert.deepEqual([first.posts.length, first.patches.length, first.deletes.length], [15, 11, 11]);
    const progress: number[] = [];
    const report = await applyPlan(api, zoneId, first, {
      batchSize: 7,
      allowDeletes: true,
      onChunk: (step) => progress.push(step.appliedChanges),
    });
    assert.equal(report.status, 'applied', report.message);
    assert.deepEqual(progress, [7, 14, 21, 28, 35, 37]);
    const batches = emulator.log.entries().filter((entry) => entry.path.endsWith('/batch'));
    const lists = emulator.log
      .entries()
      .filter((entry) => entry.method === 'GET' && entry.path.endsWith('/dns_records'));
    assert.deepEqual([lists.length, batches.length], [1, 6]);
    assert.ok(isEmptyPlan(await plan()), 'the second plan is empty');
    assert.equal(
      emulator.records(zone).filter((record) => record['type'] !== 'SOA' && record['type'] !== 'NS').length,
      36,
    );
  });

  const faults: [title: string, fault: FaultSpec, status: ApplyReport['chunks'][number]['status'], applied: boolean][] =
    [
      ['a 400 answer', { kind: 'status', status: 400, path: batchPath, method: 'POST' }, 'failed', false],
      [
        'a 503 answer that outlasts the retries',
        { kind: 'status', status: 503, path: batchPath, persistent: true },
        'unknown',
        false,
      ],
      ['a dropped connection after the change was made', { kind: 'drop-after', path: batchPath }, 'unknown', true],
    ];
  for (const [title, fault, status, applied] of faults) {
    it(`stops at ${title}, reports the chunks applied, and a new plan is exactly the rest`, async () => {
      const first = await plan();
      const chunks = chunkPlan(first, 7);
      const report = await applyPlan(api, zoneId, first, {
        batchSize: 7,
        allowDeletes: true,
        onChunk: (step) => {
          if (step.index === 0) emulator.faults.add(fault);
        },
      });
      emulator.faults.clear();
      assert.equal(report.status, 'failed');
      assert.deepEqual(
        report.chunks.map((chunk) => chunk.status),
        ['applied', status, 'not-sent', 'not-sent', 'not-sent', 'not-sent'],
      );
      assert.match(report.message, /^Stopped after 1 of 6 chunks applied \(chunk 1\): chunk 2 /);
      const rest = chunks.slice(applied ? 2 : 1);
      assert.deepEqual(changesOf(chunkPlan(await plan(), 7)), changesOf(rest));
    });
  }

  it('stops between chunks when cancelled and reports the chunks applied', async () => {
    const first = await plan();
    const controller = new AbortController();
    const report = await applyPlan(api, zoneId, first, {
      batchSize: 20,
      allowDeletes: true,
      signal: controller.signal,
      onChunk: () => controller.abort(),
    });
    assert.equal(report.status, 'cancelled');
    assert.deepEqual(
      report.chunks.map((chunk) => chunk.status),
      ['applied', 'not-sent'],
    );
    assert.deepEqual(changesOf(chunkPlan(await plan(), 20)), changesOf(chunkPlan(first, 20).slice(1)));
  });
});

describe('apply cancellation', () => {
  it('lets the chunk in flight finish when cancelled during its request, then stops', async () => {
    const api = new ModelApi();
    const desired = ['192.0.2.1', '192.0.2.2', '192.0.2.3'].map((content, index) => ({
      ...toSync({ name: `h${index}.example.com`, type: 'A', content, ttl: 300, proxied: false, comment: '', tags: [] }),
      line: index,
    }));
    const controller = new AbortController();
    const slowApi = {
      batch: async (id: string, request: BatchRequestBody): Promise<unknown> => {
        controller.abort();
        await new Promise((resolve) => setTimeout(resolve, 10));
        return api.batch(id, request);
      },
    };
    const plan = computePlan(desired, [], { zone: 'example.com' });
    const report = await applyPlan(slowApi, 'zone', plan, { batchSize: 1, signal: controller.signal });
    assert.equal(report.status, 'cancelled');
    assert.deepEqual(
      report.chunks.map((chunk) => chunk.status),
      ['applied', 'not-sent', 'not-sent'],
    );
    assert.equal(api.records.size, 1);
  });
});
