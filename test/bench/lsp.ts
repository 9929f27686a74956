// The language server benchmark (issue 3): through a real LSP client over stdio, the time from opening a large
// zone to its first diagnostics, from a one-character edit to the diagnostics of that version, and the server's
// memory per open document. Prints a table and writes the "## Language server" section of BENCHMARKS.md.
// Run on its own: `node --import tsx test/bench/lsp.ts [records...]`, or as part of `npm run bench`.
import * as fs from 'node:fs';
import * as os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { serverStatsRequest, type ServerStats } from '../../protocol/src/index';
import { LspClient, ensureBuilt } from '../server/lspClient';
import { reportFailure, writeBenchmarkSection } from './common';

/** A zone of about `records` records: SOA, NS with glue, then A, AAAA, MX, TXT, CNAME and SRV in turn. */
export function generateServerZone(records: number): string {
  const lines = [
    '$ORIGIN example.com.',
    '$TTL 3600',
    '@ IN SOA ns1 hostmaster ( 2026112601 7200 3600 1209600 300 )',
    '@ IN NS ns1',
    '@ IN NS ns2',
    'ns1 IN A 192.0.2.1',
    'ns2 IN A 192.0.2.2',
  ];
  for (let i = 0; lines.length - 2 < records; i++) {
    const host = `host${i}`;
    switch (i % 6) {
      case 0:
        lines.push(`${host} IN A 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
        break;
      case 1:
        lines.push(`${host} 300 IN AAAA 2001:db8::${(i & 0xffff).toString(16)}`);
        break;
      case 2:
        lines.push(`${host} IN MX 10 host${i - 2}`);
        break;
      case 3:
        lines.push(`${host} IN TXT "v=spf1 include:_spf.example.com ~all" ; cf_tags=team:web`);
        break;
      case 4:
        lines.push(`${host} IN CNAME host${i - 4}`);
        break;
      default:
        lines.push(`_sip._tcp.${host} IN SRV 10 60 5060 host${i - 5}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Longer than the server's idle delay before a full re-analysis, so that each such edit meets one. */
const pauseMs = 600;

interface Result {
  readonly records: number;
  /** Live heap after a garbage collection, before opening and with the document open. */
  readonly heapIdleMb: number;
  readonly heapOpenMb: number;
  readonly megabytes: number;
  readonly openMs: number;
  readonly idleRssMb: number;
  readonly openRssMb: number;
  readonly afterEditsRssMb: number;
  readonly peakRssMb: number;
  readonly burst: Latencies;
  readonly paused: Latencies;
  readonly fullAnalysisMs: number;
}

interface Latencies {
  readonly count: number;
  readonly median: number;
  readonly p95: number;
  readonly max: number;
}

function rss(pid: number): { current: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const read = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024;
  return { current: read('VmRSS'), peak: read('VmHWM') };
}

function latencies(samples: number[]): Latencies {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { count: sorted.length, median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? 0 };
}

/** One-character edits at spread-out lines: a digit typed into an address, then deleted again. */
async function typeAt(
  client: LspClient,
  uri: string,
  lines: number,
  count: number,
  pauseMs: number,
): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const line = 7 + Math.floor((((i * 7919) % 1000) / 1000) * (lines - 8));
    const position = { line, character: 4 };
    const inserted = i % 2 === 0;
    const range = inserted ? { start: position, end: position } : { start: position, end: { line, character: 5 } };
    const started = performance.now();
    await client.edit(uri, range, inserted ? 'x' : '');
    samples.push(performance.now() - started);
    if (pauseMs > 0) await sleep(pauseMs);
  }
  return samples;
}

async function measure(records: number): Promise<Result> {
  const text = generateServerZone(records);
  const lines = text.split('\n').length - 1;
  const client = await LspClient.start({ settings: { lint: { profile: 'cloudflare' } }, nodeOptions: ['--expose-gc'] });
  const pid = client.process.pid!;
  const heap = async (): Promise<number> => {
    const stats = await client.connection.sendRequest<ServerStats>(serverStatsRequest);
    if (!stats.collected) throw new Error('the server did not collect garbage before measuring');
    return stats.heapUsed / 1048576;
  };
  try {
    await sleep(300);
    const heapIdleMb = await heap();
    const idle = rss(pid);
    const uri = `file:///bench/lsp-${records}/example.com.zone`;
    const started = performance.now();
    await client.open(uri, text, 120_000);
    const openMs = performance.now() - started;
    await sleep(200);
    const heapOpenMb = await heap();
    const opened = rss(pid);

    // Typing in a burst: each edit waits for its own diagnostics, no pause in between (no full re-analysis).
    await typeAt(client, uri, lines, 10, 0);
    const burst = await typeAt(client, uri, lines, 100, 0);
    // Typing with pauses: the server re-analyses the whole document once typing stops; time that too.
    const fullStart = performance.now();
    const full = client.nextDiagnostics(uri, undefined, 120_000);
    await full;
    const fullAnalysisMs = performance.now() - fullStart;
    const paused = await typeAt(client, uri, lines, 20, pauseMs);
    const after = rss(pid);
    await client.close(uri);
    return {
      records,
      heapIdleMb,
      heapOpenMb,
      megabytes: Buffer.byteLength(text) / 1048576,
      openMs,
      idleRssMb: idle.current,
      openRssMb: opened.current,
      afterEditsRssMb: after.current,
      peakRssMb: after.peak,
      burst: latencies(burst),
      paused: latencies(paused),
      fullAnalysisMs,
    };
  } finally {
    await client.stop();
  }
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const mb = (value: number) => `${value.toFixed(0)} MB`;

function machine(): string {
  const cpus = os.cpus();
  const load = os.loadavg()[0]?.toFixed(1) ?? '?';
  return `${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} CPUs, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}; load average ${load} when the run ended (the machine is shared)`;
}

function report(results: readonly Result[], command: string): string {
  const rows = results.map(
    (r) =>
      `| ${r.records.toLocaleString('en-US')} | ${r.megabytes.toFixed(1)} MB | ${ms(r.openMs)} | ${ms(r.burst.median)} | ${ms(r.burst.p95)} | ${ms(r.burst.max)} | ${ms(r.paused.median)} | ${ms(r.paused.max)} | ${ms(r.fullAnalysisMs)} | ${mb(r.heapOpenMb - r.heapIdleMb)} | ${mb(r.openRssMb - r.idleRssMb)} | ${mb(r.peakRssMb)} |`,
  );
  return `## Language server

Machine: ${machine()}. Date: ${new Date().toISOString()}. Command: \`${command}\`.

Through a real LSP client over stdio (\`node dist/server.js --stdio\`, vscode-languageserver-protocol), on a
generated zone (SOA, NS, then A, AAAA, MX, TXT with a cf_tags comment, CNAME and SRV in turn; cloudflare profile).
"open" is from didOpen to the first publishDiagnostics. "edit" is from a one-character didChange (a character
typed into, or deleted from, a record at lines spread over the file) to the publishDiagnostics of that version:
${results[0]?.burst.count ?? 0} edits in a burst (each waits for its diagnostics; the server's 5 ms publish delay is included), then
${results[0]?.paused.count ?? 0} edits with ${pauseMs} ms pauses. Edits are analysed incrementally (the records around the edit are parsed again,
the owners they touch linted again). When typing stops for 500 ms, or five times the document's last whole
analysis time if longer, the server analyses the whole document again in steps that give way to edits (it
refreshes counts over the whole zone that some messages quote); "full" is the time from the last burst edit's
diagnostics to the diagnostics of that re-analysis, the wait included. "heap per document" is the
server's live heap with the document open minus before opening, each after a garbage collection (the server runs
with --expose-gc and reports through its \`zoneRecords/serverStats\` request); "RSS per document" is the same for the
resident set (from /proc, which also keeps memory the heap has freed but not returned), and "peak RSS" the
highest resident set over the run. Targets: edit to diagnostics <= 50 ms at 100k records, <= 150 MB per open
100k-record document (issue 3); at 1M records first diagnostics <= 3 s, edit p95 <= 30 ms, <= 700 MB RSS (issue 14).

| records | size | open | edit median | edit p95 | edit max | paused median | paused max | full | heap per document | RSS per document | peak RSS |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}
`;
}

/** Builds the server, measures each size, prints the table and writes it to BENCHMARKS.md. */
export async function run(
  sizes: readonly number[] = [10_000, 100_000, 1_000_000],
  command = 'npm run bench (test/bench/lsp.ts)',
): Promise<void> {
  ensureBuilt();
  const results: Result[] = [];
  for (const records of sizes) {
    process.stdout.write(`language server benchmark: ${records} records\n`);
    const result = await measure(records);
    results.push(result);
    process.stdout.write(
      `  open ${ms(result.openMs)}; edit median ${ms(result.burst.median)}, p95 ${ms(result.burst.p95)}, max ${ms(result.burst.max)}; full ${ms(result.fullAnalysisMs)}; heap ${mb(result.heapOpenMb - result.heapIdleMb)}, RSS ${mb(result.openRssMb - result.idleRssMb)}\n`,
    );
  }
  const section = report(results, command);
  process.stdout.write(`\n${section}`);
  writeBenchmarkSection('## Language server', section);
}

if (require.main === module) {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  run(
    sizes.length > 0 ? sizes : undefined,
    `node --import tsx test/bench/lsp.ts ${process.argv.slice(2).join(' ')}`.trim(),
  ).catch(reportFailure);
}
