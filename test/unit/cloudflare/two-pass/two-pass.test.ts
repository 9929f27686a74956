// Two passes over every zone state of the table, in the manner of DNSControl's integration tests: for each state,
// the plan has changes, applying it succeeds, a second plan is empty, and a plan of the exported zone is empty too.
// One emulator serves every group (a Free zone, and a paid one for tags); each group starts from an empty zone.
import assert from 'node:assert/strict';
import { CloudflareClient, type BatchRequest } from '../../../../cloudflare/src/api/index';
import { applyPlan } from '../../../../cloudflare/src/sync/apply';
import { loadZoneForSync } from '../../../../cloudflare/src/sync/load-zone';
import { formatPlanText } from '../../../../cloudflare/src/sync/plan-format';
import { batchLimitOfPlan, planSync, syncApiOf, type SyncApi } from '../../../../cloudflare/src/sync/plan-sync';
import { isEmptyPlan, type Plan } from '../../../../cloudflare/src/sync/plan-types';
import { startEmulator, type RunningEmulator } from '../../../../emulator/src/index';
import { equivalentLive, stateGroups, type StateGroup } from './states';

const zones = { free: 'example.com', paid: 'example.org' } as const;

describe('two-pass sync over zone states', function () {
  this.timeout(30_000);
  let emulator: RunningEmulator;
  let client: CloudflareClient;
  let api: SyncApi;

  before(async () => {
    emulator = await startEmulator({
      zones: [
        { name: zones.free, plan: 'free' },
        { name: zones.paid, plan: 'pro' },
      ],
      rateLimit: { requests: 1_000_000, windowMs: 300_000 },
    });
    client = new CloudflareClient({ baseUrl: emulator.url, credentials: { token: emulator.token }, env: {} });
    api = syncApiOf(client);
  });
  after(async () => {
    await client.close();
    await emulator.stop();
  });

  for (const group of stateGroups) {
    it(group.name, async () => {
      emulator.reset();
      for (const [index, body] of group.states.entries()) await runState(group, index, body);
      if (group.pageSize !== undefined) {
        const lists = emulator.log.count({ method: 'GET', path: '/zones/*/dns_records' });
        const plans = 3 * group.states.length;
        assert.ok(lists >= 2 * plans, `${lists} list requests for ${plans} plans: the zone was read in pages`);
      }
    });
  }

  for (const { name, file, live } of equivalentLive) {
    it(`plans empty against a live zone with ${name}`, async () => {
      emulator.reset();
      const zoneId = emulator.zoneId(zones.free);
      const absolute = (owner: string): string => (owner === '@' ? zones.free : `${owner}.${zones.free}`);
      await client.batch(zoneId, {
        posts: live.map((record) => ({ ...record, name: absolute(record.name), ttl: 300 })),
      } as BatchRequest);
      const text = `$ORIGIN ${zones.free}.\n$TTL 300\n${file}\n`;
      const loaded = loadZoneForSync({ text, path: `/zones/${zones.free}.zone` }, { zone: zones.free });
      assert.ok(loaded.ok);
      const plan = await planSync(api, loaded, { zoneId, zone: zones.free });
      assert.ok(isEmptyPlan(plan), formatPlanText(plan));
    });
  }

  async function runState(group: StateGroup, index: number, body: string): Promise<void> {
    const zone = group.paid === true ? zones.paid : zones.free;
    const zoneId = emulator.zoneId(zone);
    const where = `state ${index + 1} of ${group.name}`;
    const text = `$ORIGIN ${zone}.\n$TTL 300\n${body.replace(/example\.com/gi, zone)}\n`;
    const plan = async (source: string, what: string): Promise<Plan> => {
      const loaded = loadZoneForSync({ text: source, path: `/zones/${zone}.zone` }, { zone });
      assert.ok(loaded.ok, `${where}, ${what}: ${loaded.ok ? '' : loaded.message}`);
      const unsupported = loaded.skipped.filter((skip) => skip.warn);
      assert.deepEqual(unsupported, [], `${where}, ${what}: records left out`);
      return planSync(api, loaded, { zoneId, zone, ...(group.pageSize ? { pageSize: group.pageSize } : {}) });
    };

    const first = await plan(text, 'the zone file');
    assert.ok(!isEmptyPlan(first), `${where}: the first plan has changes`);
    const report = await applyPlan(api, zoneId, first, {
      batchSize: batchLimitOfPlan({ legacy_id: group.paid === true ? 'pro' : 'free' }),
      allowDeletes: true,
    });
    assert.equal(report.status, 'applied', `${where}: ${report.message}`);
    const second = await plan(text, 'the zone file again');
    assert.ok(isEmptyPlan(second), `${where}: the second plan is empty, not\n${formatPlanText(second)}`);
    const exported = await client.exportZone(zoneId);
    const fromExport = await plan(exported, 'the exported zone');
    assert.ok(isEmptyPlan(fromExport), `${where}: the export plans empty, not\n${formatPlanText(fromExport)}`);
  }
});
