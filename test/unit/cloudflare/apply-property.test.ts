import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyPlan } from '../../../cloudflare/src/sync/apply';
import { CloudflareClient, type BatchRequest } from '../../../cloudflare/src/api/index';
import { syncRecordOf } from '../../../cloudflare/src/sync/plan-normalize';
import { liveRecordOf, type ApiRecordInput } from '../../../cloudflare/src/sync/plan-records';
import { planSync, syncApiOf, type SyncApi } from '../../../cloudflare/src/sync/plan-sync';
import type { PlanRecordBody } from '../../../cloudflare/src/sync/plan-types';
import { isEmptyPlan } from '../../../cloudflare/src/sync/plan-types';
import { startEmulator, type RunningEmulator } from '../../../emulator/src/index';
import { recordFields, validZone, type RecordFields } from './planner-helpers';

const zone = 'example.com';

/** The generated records as API bodies; contents are written in forms the API normalises (case, quoting). */
function bodyOf(record: RecordFields): PlanRecordBody {
  const base = {
    type: record.type,
    name: record.name,
    ttl: record.ttl,
    ...(record.comment === '' ? {} : { comment: record.comment }),
    ...(record.tags.length === 0 ? {} : { tags: record.tags }),
    ...(['A', 'AAAA', 'CNAME'].includes(record.type) ? { proxied: record.proxied } : {}),
  };
  if (record.type === 'MX') {
    const [priority, exchange] = record.content.split(' ');
    return { ...base, content: exchange ?? '', priority: Number(priority) };
  }
  return { ...base, content: record.content };
}

/** The same record as a zone file may write it: hostnames in capitals with the trailing dot, IPv6 expanded, TXT bare. */
function writtenDifferently(body: PlanRecordBody): PlanRecordBody {
  const content = body.content ?? '';
  if (['CNAME', 'NS', 'MX'].includes(body.type)) return { ...body, content: `${content.toUpperCase()}.` };
  if (body.type === 'AAAA') return { ...body, content: content.replace('::', ':0:0:0:0:0:').toUpperCase() };
  if (body.type === 'TXT' && /^"[^"]*"$/.test(content) && !content.includes(' '))
    return { ...body, content: content.slice(1, -1) };
  return body;
}

/** Comparable view of the live zone: what a zone file can say about each record. */
function view(records: readonly ApiRecordInput[]): string[] {
  return records
    .map(liveRecordOf)
    .filter((record) => record.type !== 'SOA' && !(record.type === 'NS' && record.name === zone))
    .map((record) =>
      JSON.stringify([record.name, record.type, record.match, record.ttl, record.proxied, record.comment, record.tags]),
    )
    .sort();
}

describe('sync property against the emulator', function () {
  this.timeout(120_000);
  let emulator: RunningEmulator;
  let client: CloudflareClient;
  let api: SyncApi;
  let zoneId: string;

  before(async () => {
    emulator = await startEmulator({ zones: [{ name: zone, plan: 'pro' }] });
    zoneId = emulator.zoneId(zone);
    client = new CloudflareClient({
      baseUrl: emulator.url,
      credentials: { token: emulator.token },
      budget: false,
      env: {},
    });
    api = syncApiOf(client);
  });
  after(async () => {
    await client.close();
    await emulator.stop();
  });

  it('apply(plan(file, live)) makes the live zone equal the file, and re-planning is empty', async () => {
    const zoneArbitrary = fc.array(recordFields, { maxLength: 12 }).map(validZone);
    await fc.assert(
      fc.asyncProperty(zoneArbitrary, zoneArbitrary, fc.integer({ min: 1, max: 5 }), async (local, live, size) => {
        emulator.reset();
        if (live.length > 0) await client.batch(zoneId, { posts: live.map(bodyOf) } as BatchRequest);
        const desired = local.map((record, line) => ({ ...syncRecordOf(writtenDifferently(bodyOf(record))), line }));
        const plan = await planSync(api, { desired, skipped: [] }, { zoneId, zone });
        const report = await applyPlan(api, zoneId, plan, { batchSize: size, allowDeletes: true });
        assert.equal(report.status, 'applied', report.message);
        const after = await client.listAllRecords(zoneId);
        assert.deepEqual(view(after), view(local.map((record, index) => ({ ...bodyOf(record), id: String(index) }))));
        assert.ok(isEmptyPlan(await planSync(api, { desired, skipped: [] }, { zoneId, zone })), 're-plan is empty');
      }),
      { numRuns: 40 },
    );
  });
});
