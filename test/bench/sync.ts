// Sync benchmark: HTTP requests and time to sync 10, 1,000, 5,000 and 10,000 changes against the emulator, on a Free
// (200 changes per batch) and a paid (3,500) zone, next to the naive peer that sends one request per change; then
// 5,000 changes on Free under a budget low enough to be hit, by an unpaced and by the paced client, counting 429s.
// Run: `npm run bench` (all benchmarks) or `node --import tsx test/bench/sync.ts` (this one). Writes the
// "Sync" section of BENCHMARKS.md.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { applyPlan } from '../../cloudflare/src/sync/apply';
import { CloudflareClient, formatBudget, type RecordBody, type RequestLogEntry } from '../../cloudflare/src/api/index';
import { syncRecordOf } from '../../cloudflare/src/sync/plan-normalize';
import { batchLimitOfPlan, planSync, syncApiOf } from '../../cloudflare/src/sync/plan-sync';
import type { DesiredRecord, Plan, PlanRecordBody } from '../../cloudflare/src/sync/plan-types';
import { summarizePlan } from '../../cloudflare/src/sync/plan-types';
import { startEmulator, type RunningEmulator } from '../../emulator/src/index';
import { reportFailure, writeBenchmarkSection } from './common';

const sizes = [10, 1000, 5000, 10000];
/** The naive peer is run only where it stays under Cloudflare's 1,200 requests per 5 minutes. */
const naiveLimit = 1000;

interface Row {
  readonly plan: 'free' | 'pro';
  readonly changes: number;
  readonly lists: number;
  readonly batches: number;
  readonly target: number;
  readonly ms: number;
  /** Client-measured HTTP round trip of the list request and mean of the batch requests. */
  readonly listMs: number;
  readonly batchMs: number;
  readonly naiveRequests?: number;
  readonly naiveMs?: number;
  /** Changes the plan made right after the apply found (0: the zone equals the file). */
  readonly secondPlan: number;
}

/** The emulator's budget for the pacing runs: low enough that the sync's 26 requests outrun it. */
const lowBudget = { requests: 20, windowMs: 10_000 };

interface PacingRow {
  readonly paced: boolean;
  readonly batches: number;
  readonly lists: number;
  readonly answered429: number;
  readonly ms: number;
  readonly status: string;
  readonly secondPlan: number;
  readonly budgetLeft: string;
}

/** A change set of `changes` changes: half creates, a quarter updates, a quarter deletes, plus 10 unchanged. */
function scenario(changes: number): { live: PlanRecordBody[]; desired: DesiredRecord[] } {
  const deletes = Math.floor(changes / 4);
  const updates = Math.floor(changes / 4);
  const creates = changes - deletes - updates;
  const host = (prefix: string, index: number, ttl = 300): PlanRecordBody => ({
    type: 'A',
    name: `${prefix}${index}.bench.example`,
    content: `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`,
    ttl,
  });
  const live: PlanRecordBody[] = [];
  const desired: PlanRecordBody[] = [];
  for (let index = 0; index < 10; index++) {
    live.push(host('same', index));
    desired.push(host('same', index));
  }
  for (let index = 0; index < updates; index++) {
    live.push(host('upd', index));
    desired.push(host('upd', index, 3600));
  }
  for (let index = 0; index < deletes; index++) live.push(host('del', index));
  for (let index = 0; index < creates; index++) desired.push(host('new', index));
  return { live, desired: desired.map((body) => syncRecordOf(body)) };
}

async function seed(
  client: CloudflareClient,
  zoneId: string,
  records: readonly PlanRecordBody[],
  size: number,
): Promise<void> {
  for (let start = 0; start < records.length; start += size) {
    await client.batch(zoneId, { posts: records.slice(start, start + size) as RecordBody[] });
  }
}

/** The peer: one request per change (POST, PATCH, DELETE), as a sync without the batch endpoint does. */
async function applyNaively(client: CloudflareClient, zoneId: string, plan: Plan): Promise<void> {
  for (const record of plan.deletes) await client.deleteRecord(zoneId, record.id);
  for (const update of plan.patches) {
    await client.updateRecord(zoneId, update.live.id, update.desired.body as RecordBody);
  }
  for (const record of plan.posts) await client.createRecord(zoneId, record.body as RecordBody);
}

async function measure(emulator: RunningEmulator, planName: 'free' | 'pro', changes: number): Promise<Row> {
  const zone = `${planName}.bench.example`;
  const zoneId = emulator.zoneId(zone);
  let timings: RequestLogEntry[] = [];
  const client = new CloudflareClient({
    baseUrl: emulator.url,
    credentials: { token: emulator.token },
    env: {},
    onRequest: (entry) => timings.push(entry),
  });
  const batchSize = batchLimitOfPlan({ legacy_id: planName });
  const api = syncApiOf(client);
  const { live, desired } = scenario(changes);
  const rename = (body: PlanRecordBody): PlanRecordBody => ({
    ...body,
    name: body.name.replace('bench.example', zone),
  });
  const local = { desired: desired.map((record) => syncRecordOf(rename(record.body))), skipped: [] };
  try {
    emulator.reset();
    await seed(client, zoneId, live.map(rename), batchSize);
    emulator.log.clear();
    timings = [];
    const started = performance.now();
    const plan = await planSync(api, local, { zoneId, zone });
    const summary = summarizePlan(plan);
    if (summary.create + summary.update + summary.delete !== changes)
      throw new Error(`planned ${JSON.stringify(summary)}`);
    const report = await applyPlan(api, zoneId, plan, { batchSize, allowDeletes: true });
    const ms = performance.now() - started;
    if (report.status !== 'applied') throw new Error(report.message);
    const again = summarizePlan(await planSync(api, local, { zoneId, zone }));
    const secondPlan = again.create + again.update + again.delete;
    // The second plan's list is not part of the sync.
    const lists = emulator.log.count({ method: 'GET', path: '/zones/*/dns_records' }) - 1;
    const batches = emulator.log.count({ method: 'POST', path: '/zones/*/dns_records/batch' });
    const mean = (suffix: RegExp): number => {
      const durations = timings
        .filter((entry) => suffix.test(entry.path.split('?')[0] ?? ''))
        .map((entry) => entry.durationMs);
      return durations.reduce((sum, value) => sum + value, 0) / Math.max(1, durations.length);
    };
    const row: Row = {
      plan: planName,
      changes,
      lists,
      batches,
      target: Math.ceil(changes / batchSize) + 1,
      ms,
      listMs: mean(/\/dns_records$/),
      batchMs: mean(/\/batch$/),
      secondPlan,
    };
    if (changes > naiveLimit) return row;

    emulator.reset();
    await seed(client, zoneId, live.map(rename), batchSize);
    emulator.log.clear();
    const naiveStarted = performance.now();
    await applyNaively(client, zoneId, await planSync(api, local, { zoneId, zone }));
    return { ...row, naiveRequests: emulator.log.count(), naiveMs: performance.now() - naiveStarted };
  } finally {
    await client.close();
  }
}

/**
 * 5,000 changes on Free against a budget of 20 requests per 10 s: the unpaced client (no client-side budget, no
 * pacing from the headers) sends on and is answered 429, the paced one waits for the window to reset.
 */
async function measurePacing(emulator: RunningEmulator, paced: boolean): Promise<PacingRow> {
  const zone = 'free.bench.example';
  const zoneId = emulator.zoneId(zone);
  const client = new CloudflareClient({
    baseUrl: emulator.url,
    credentials: { token: emulator.token },
    env: {},
    budget: false,
    pace: paced,
    retry: { maxRetryAfterMs: 60_000 },
  });
  const api = syncApiOf(client);
  const { live, desired } = scenario(5000);
  const rename = (body: PlanRecordBody): PlanRecordBody => ({
    ...body,
    name: body.name.replace('bench.example', zone),
  });
  const local = { desired: desired.map((record) => syncRecordOf(rename(record.body))), skipped: [] };
  try {
    emulator.reset();
    await seed(client, zoneId, live.map(rename), 200);
    emulator.setRateLimit(lowBudget);
    emulator.log.clear();
    const started = performance.now();
    const plan = await planSync(api, local, { zoneId, zone });
    const report = await applyPlan(api, zoneId, plan, { batchSize: 200, allowDeletes: true });
    const ms = performance.now() - started;
    const again = summarizePlan(await planSync(api, local, { zoneId, zone }));
    const budget = client.rateBudget();
    return {
      paced,
      batches: emulator.log.count({ method: 'POST', path: '/zones/*/dns_records/batch' }),
      lists: emulator.log.count({ method: 'GET', path: '/zones/*/dns_records' }) - 1,
      answered429: emulator.log.entries().filter((entry) => entry.status === 429).length,
      ms,
      status: report.status,
      secondPlan: again.create + again.update + again.delete,
      budgetLeft: budget === undefined ? 'not reported' : formatBudget(budget),
    };
  } finally {
    emulator.setRateLimit({ requests: 1_000_000, windowMs: 300_000 });
    await client.close();
  }
}

function machine(): string {
  const cpus = os.cpus();
  const memory = `${Math.round(os.totalmem() / 2 ** 30)} GiB RAM`;
  const load = `load average ${os.loadavg()[0]?.toFixed(1) ?? '?'} when the run started (the machine is shared)`;
  return `${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length}, ${memory}, ${os.type()} ${os.release()}, Node ${process.version}; ${load}`;
}

function report(
  rows: readonly Row[],
  pacing: readonly PacingRow[],
  command: string,
  machineLine: string,
  date: string,
): string {
  const number = (value: number): string => value.toLocaleString('en-US');
  const lines = [
    '## Sync',
    '',
    `Machine: ${machineLine}. Date: ${date}. Command: \`${command}\`.`,
    '',
    'Requests to sync N changes (half creates, a quarter updates, a quarter deletes) from a plan against the',
    'emulator over HTTP on 127.0.0.1, through the real client (retries, rate budget). Target: ⌈N / batch limit⌉',
    'batches + 1 list. The peer sends one request per change (POST / PATCH / DELETE); it is run up to 1,000',
    "changes only, since beyond that it exceeds Cloudflare's 1,200 requests per 5 minutes.",
    '',
    'Wall time covers reading the zone, planning and applying. The list and batch columns after it are the',
    "HTTP round trips the client measured (the batch one is the mean over the run's batch requests).",
    'A warm-up sync of 10 changes runs first and is not counted. "second plan" is the number of changes a plan',
    'made right after the apply finds (0: the live zone equals the file).',
    '',
    '| plan (batch limit) | changes | list | batch | total | target | second plan | wall time | list request | batch request (mean) | peer requests | peer time | requests saved |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const row of rows) {
    const total = row.lists + row.batches;
    const limit = row.plan === 'free' ? '200' : '3,500';
    const peer =
      row.naiveRequests === undefined || row.naiveMs === undefined
        ? ['not run', 'not run', '']
        : [number(row.naiveRequests), `${Math.round(row.naiveMs)} ms`, `${(row.naiveRequests / total).toFixed(1)}×`];
    lines.push(
      `| ${row.plan} (${limit}) | ${number(row.changes)} | ${row.lists} | ${row.batches} | ${total} | ${row.target} | ${row.secondPlan} | ` +
        `${Math.round(row.ms)} ms | ${row.listMs.toFixed(1)} ms | ${row.batchMs.toFixed(1)} ms | ${peer.join(' | ')} |`,
    );
  }
  lines.push(
    '',
    `Pacing: the same 5,000 changes on Free, in the same run, with the emulator's budget set to ${lowBudget.requests}`,
    `requests per ${lowBudget.windowMs / 1000} s, fewer than the sync's requests. The unpaced client (\`budget: false, pace: false\`)`,
    'sends regardless and is answered 429 (it then waits the Retry-After and retries); the paced client reads',
    "`Ratelimit` / `Ratelimit-Policy` on every answer and waits for the window's reset instead. 429s are counted",
    "in the emulator's request log; the batch column counts every batch request the emulator saw, refused ones too.",
    '',
    '| client | list | batch | answered 429 | status | second plan | wall time | budget left after |',
    '|---|---:|---:|---:|---|---:|---:|---|',
    ...pacing.map(
      (row) =>
        `| ${row.paced ? 'paced' : 'unpaced'} | ${row.lists} | ${row.batches} | ${row.answered429} | ${row.status} | ` +
        `${row.secondPlan} | ${Math.round(row.ms)} ms | ${row.budgetLeft} |`,
    ),
  );
  return `${lines.join('\n')}\n`;
}

/** Runs the sync benchmark, prints the table and writes it to BENCHMARKS.md with the command that ran it. */
export async function run(command = 'npm run bench'): Promise<void> {
  const machineLine = machine();
  const date = new Date().toISOString();
  const emulator = await startEmulator({
    zones: [
      { name: 'free.bench.example', plan: 'free' },
      { name: 'pro.bench.example', plan: 'pro' },
    ],
    recordQuota: 100_000,
    rateLimit: { requests: 1_000_000, windowMs: 300_000 },
  });
  const rows: Row[] = [];
  const pacing: PacingRow[] = [];
  try {
    await measure(emulator, 'free', 10);
    for (const planName of ['free', 'pro'] as const) {
      for (const changes of sizes) {
        const row = await measure(emulator, planName, changes);
        rows.push(row);
        process.stdout.write(
          `sync ${planName} ${row.changes} changes: ${row.lists} list + ${row.batches} batch requests ` +
            `(target ${row.target}), second plan ${row.secondPlan}, ${Math.round(row.ms)} ms` +
            (row.naiveRequests === undefined
              ? ''
              : `; one request per change: ${row.naiveRequests} requests, ${Math.round(row.naiveMs ?? 0)} ms`) +
            '\n',
        );
      }
    }
    for (const paced of [false, true]) {
      const row = await measurePacing(emulator, paced);
      pacing.push(row);
      process.stdout.write(
        `sync free 5000 changes ${paced ? 'paced' : 'unpaced'} under ${lowBudget.requests} requests / ` +
          `${lowBudget.windowMs / 1000} s: ${row.lists} list + ${row.batches} batch requests, ` +
          `${row.answered429} answered 429, ${row.status}, second plan ${row.secondPlan}, ${Math.round(row.ms)} ms\n`,
      );
    }
  } finally {
    await emulator.stop();
  }
  const section = report(rows, pacing, command, machineLine, date);
  process.stdout.write(`\n${section}`);
  writeBenchmarkSection('## Sync', section);
}

if (require.main === module) {
  run('node --import tsx test/bench/sync.ts').catch(reportFailure);
}
