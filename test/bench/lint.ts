// Lint benchmark (not a test): for each zone shape of shapes.ts, writes zones of 100k and 1M records to a temp folder
// and runs, in one run, `zone-records lint` (the built CLI), `kzonecheck` (Knot), `nsd-checkzone` (NSD),
// `named-checkzone -i local` (BIND) and, on the mixed shape, dns-zonefile's parse on each, measuring wall time, CPU
// time and peak RSS with /usr/bin/time. Prints one table per shape with ratios against zone-records and writes them
// to the "## Lint" section of BENCHMARKS.md (a run of some shapes or sizes only prints).
// Run: npm run bench (all benchmarks) or
//   node --import tsx test/bench/lint.ts [--shape NAME]... [--repetitions N] [records...]
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintBenchOrigin, reportFailure, writeBenchmarkSection } from './common';
import { describePhases, type LintPhases } from './lint-phases';
import { shapeNamed, zoneShapes, type ZoneShape } from './shapes';

const projectRoot = path.resolve(__dirname, '../..');
const origin = lintBenchOrigin;
/** A peer that takes longer than this on one zone is reported as timed out. */
const timeoutMs = 600_000;

interface Measure {
  readonly tool: string;
  readonly records: number;
  readonly seconds: number | undefined;
  /** User plus system CPU time: steadier than wall time on a shared machine. */
  readonly cpuSeconds: number | undefined;
  readonly peakMb: number | undefined;
  readonly note: string;
}

/** Runs a command under /usr/bin/time -v and reads wall time and peak RSS; the exit status goes into the note. */
function timed(tool: string, records: number, command: string, args: string[]): Measure {
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-v', command, ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 256 * 1024 * 1024,
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.error !== undefined || result.signal !== null) {
    return {
      tool,
      records,
      seconds: undefined,
      cpuSeconds: undefined,
      peakMb: undefined,
      note: `did not finish (${result.signal ?? result.error?.message ?? ''})`,
    };
  }
  const peak = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
  const elapsed = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(result.stderr);
  const seconds = elapsed ? Number(elapsed[1] ?? 0) * 3600 + Number(elapsed[2]) * 60 + Number(elapsed[3]) : wall;
  const user = /User time \(seconds\): ([\d.]+)/.exec(result.stderr);
  const system = /System time \(seconds\): ([\d.]+)/.exec(result.stderr);
  const cpuSeconds = user && system ? Number(user[1]) + Number(system[1]) : undefined;
  const firstLine = `${result.stdout}`.split('\n').find((line) => line.trim() !== '') ?? '';
  return {
    tool,
    records,
    seconds,
    cpuSeconds,
    peakMb: peak ? Number(peak[1]) / 1024 : undefined,
    note: `exit ${result.status ?? '?'}${firstLine ? `, ${firstLine.slice(0, 60)}` : ''}`,
  };
}

const peerScript = `
const fs = require('node:fs');
import(${JSON.stringify(path.join(projectRoot, 'node_modules/dns-zonefile/lib/zonefile.js'))}).then(({ default: zonefile }) => {
  const zone = zonefile.parse(fs.readFileSync(process.argv[1], 'utf8'));
  const count = Object.values(zone).reduce((n, value) => n + (Array.isArray(value) ? value.length : 0), 0);
  process.stdout.write(count + ' records parsed\\n');
});`;

/** Each tool runs this many times per zone, the tools taking turns, and the table gives the medians. */
const defaultRepetitions = 5;

function measureOnce(shape: ZoneShape, file: string, records: number): Measure[] {
  const measures = [
    timed('zone-records lint', records, process.execPath, [
      path.join(projectRoot, 'bin/zone-records.js'),
      'lint',
      '--profile',
      'bind',
      '--origin',
      origin,
      file,
    ]),
    timed('kzonecheck', records, 'kzonecheck', ['-o', origin, file]),
    timed('nsd-checkzone', records, 'nsd-checkzone', [origin, file]),
    timed('named-checkzone -i local', records, 'named-checkzone', ['-i', 'local', origin, file]),
  ];
  // dns-zonefile knows no RRSIG, NSEC3, SVCB or HTTPS: it runs on the shape the issue-2 target was set on.
  if (shape.name === 'mixed')
    measures.push(timed('dns-zonefile parse', records, process.execPath, ['-e', peerScript, file]));
  return measures;
}

function median(values: readonly (number | undefined)[]): number | undefined {
  if (values.some((value) => value === undefined)) return undefined;
  const sorted = (values as number[]).slice().sort((a, b) => a - b);
  return sorted[(sorted.length - 1) >> 1];
}

/** Runs the tools in turn `repetitions` times (so that a slow spell of the machine hits them alike); medians. */
function measureAll(shape: ZoneShape, file: string, records: number, repetitions: number): Measure[] {
  const runs: Measure[][] = [];
  for (let round = 0; round < repetitions; round++) runs.push(measureOnce(shape, file, records));
  return (runs[0] ?? []).map((first, index) => {
    const mine = runs.map((measures) => measures[index] ?? first);
    return {
      tool: first.tool,
      records,
      seconds: median(mine.map((measure) => measure.seconds)),
      cpuSeconds: median(mine.map((measure) => measure.cpuSeconds)),
      peakMb: median(mine.map((measure) => measure.peakMb)),
      note: first.note,
    };
  });
}

function format(value: number | undefined, digits: number): string {
  return value === undefined ? '—' : value.toFixed(digits);
}

function ratio(peer: number | undefined, ours: number | undefined): string {
  return peer === undefined || ours === undefined || ours === 0 ? '—' : `${(peer / ours).toFixed(2)}×`;
}

function machine(): string {
  const model =
    /Model name:\s*(.+)/.exec(execFileSync('lscpu', { encoding: 'utf8' }))?.[1]?.trim() ?? os.cpus()[0]?.model;
  const memory = `${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB RAM`;
  const version = (command: string, args: string[]): string => {
    const result = spawnSync(command, args, { encoding: 'utf8' });
    return `${result.stdout}${result.stderr}`.split('\n')[0]?.trim() ?? '?';
  };
  return (
    `${model ?? 'unknown CPU'}, ${os.cpus().length} CPUs, ${memory}, Linux ${os.release()}, Node ${process.version}; ` +
    `${version('kzonecheck', ['--version'])}; ${version('nsd', ['-v'])}; named-checkzone ${version('named-checkzone', ['-v'])}; dns-zonefile ${
      (
        JSON.parse(fs.readFileSync(path.join(projectRoot, 'node_modules/dns-zonefile/package.json'), 'utf8')) as {
          version: string;
        }
      ).version
    }`
  );
}

/** The phase breakdown of lint-phases.ts on `file`, in a fresh process; undefined (with a note) when it fails. */
function phasesOf(file: string): LintPhases | undefined {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'lint-phases.ts'), '0', '--file', file],
    { cwd: projectRoot, encoding: 'utf8', timeout: timeoutMs },
  );
  try {
    return JSON.parse(result.stdout) as LintPhases;
  } catch {
    process.stdout.write(`lint phases: no result (${result.stderr.trim().split('\n')[0] ?? 'no output'})\n`);
    return undefined;
  }
}

interface ShapeResult {
  readonly shape: ZoneShape;
  readonly rows: readonly Measure[];
  readonly phases: string | undefined;
}

function header(repetitions: number, command: string): string[] {
  return [
    '## Lint',
    '',
    `Machine: ${machine()}. Date: ${new Date().toISOString()}. Command: \`${command}\` (test/bench/lint.ts).`,
    '',
    'Generated valid zones of each shape below (test/bench/shapes.ts), written to a temp folder; each tool runs',
    `${repetitions} times per zone as its own process, the tools taking turns, measured by \`/usr/bin/time -v\` (wall`,
    'time, user+system CPU time, peak RSS); the tables give the median of each. zone-records is the built CLI',
    '(`node bin/zone-records.js lint --profile bind`, all bind-profile rules). Ratios are the peer divided by',
    'zone-records: above 1× means zone-records is faster or smaller. The machine is shared (2 CPUs, other jobs',
    'running): wall times swing with the load, CPU times much less. One shape and size:',
    '`node --import tsx test/bench/lint.ts --shape signed 1000000`.',
    'Targets (issue 14): on every shape, lint of 1M records no slower than kzonecheck and in no more memory;',
    '(issue 2) at least 10× faster than dns-zonefile.',
  ];
}

function table(rows: readonly Measure[]): string[] {
  const lines = [
    '| records | tool | wall time (s) | CPU time (s) | peak RSS (MB) | wall ratio | CPU ratio | memory ratio | note |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const records of [...new Set(rows.map((row) => row.records))]) {
    const group = rows.filter((row) => row.records === records);
    const ours = group.find((row) => row.tool === 'zone-records lint');
    for (const row of group) {
      lines.push(
        `| ${records.toLocaleString('en-US')} | ${row.tool} | ${format(row.seconds, 2)} | ${format(row.cpuSeconds, 2)} | ${format(
          row.peakMb,
          0,
        )} | ${row === ours ? '1×' : ratio(row.seconds, ours?.seconds)} | ${
          row === ours ? '1×' : ratio(row.cpuSeconds, ours?.cpuSeconds)
        } | ${row === ours ? '1×' : ratio(row.peakMb, ours?.peakMb)} | ${row.note.replace(/\|/g, '\\|')} |`,
      );
    }
  }
  return lines;
}

function report(results: readonly ShapeResult[], repetitions: number, command: string): string {
  const lines = header(repetitions, command);
  for (const { shape, rows, phases } of results) {
    lines.push('', `### Shape \`${shape.name}\``, '', `${shape.description}.`, '', ...table(rows));
    if (phases !== undefined) lines.push('', phases);
  }
  return `${lines.join('\n')}\n`;
}

export interface LintBenchOptions {
  readonly shapes?: readonly ZoneShape[];
  readonly sizes?: readonly number[];
  readonly repetitions?: number;
  /** Replace BENCHMARKS.md's "## Lint" section with this run's tables (the default when every shape runs). */
  readonly write?: boolean;
  readonly command?: string;
}

function runShape(shape: ZoneShape, dir: string, sizes: readonly number[], repetitions: number): ShapeResult {
  const rows: Measure[] = [];
  let phases: string | undefined;
  for (const records of sizes) {
    const file = path.join(dir, `bench-${shape.name}-${records}.zone`);
    fs.writeFileSync(file, shape.generate(records));
    const megabytes = (fs.statSync(file).size / 1048576).toFixed(1);
    process.stdout.write(`lint benchmark: shape ${shape.name}, ${records} records, ${megabytes} MB\n`);
    for (const row of measureAll(shape, file, records, repetitions)) {
      rows.push(row);
      process.stdout.write(
        `  ${row.tool}: ${format(row.seconds, 2)} s wall, ${format(row.cpuSeconds, 2)} s CPU, ${format(row.peakMb, 0)} MB (${row.note})\n`,
      );
    }
    if (records === Math.max(...sizes)) {
      const measured = phasesOf(file);
      if (measured !== undefined) phases = describePhases(records, measured, shape.name);
    }
    fs.rmSync(file);
  }
  return { shape, rows, phases };
}

/** Builds the CLI, runs every tool on each shape and size, prints the tables and writes them to BENCHMARKS.md. */
export function run(options: LintBenchOptions = {}): Promise<void> {
  const shapes = options.shapes ?? zoneShapes;
  const sizes = options.sizes ?? [100_000, 1_000_000];
  const repetitions = options.repetitions ?? defaultRepetitions;
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: projectRoot, stdio: 'inherit' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zone-records-lint-bench-'));
  const results: ShapeResult[] = [];
  try {
    for (const shape of shapes) results.push(runShape(shape, dir, sizes, repetitions));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const section = report(results, repetitions, options.command ?? 'npm run bench');
  process.stdout.write(`\n${section}`);
  if (options.write ?? shapes.length === zoneShapes.length) writeBenchmarkSection('## Lint', section);
  else process.stdout.write('(not written to BENCHMARKS.md: not every shape ran; pass --write to write it)\n');
  return Promise.resolve();
}

function optionsFromArguments(args: readonly string[]): LintBenchOptions {
  const shapes: ZoneShape[] = [];
  const sizes: number[] = [];
  let repetitions: number | undefined;
  let write: boolean | undefined;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    if (arg === '--shape') shapes.push(shapeNamed(args[++index] ?? ''));
    else if (arg === '--repetitions') repetitions = Number(args[++index]);
    else if (arg === '--write') write = true;
    else if (Number(arg) > 0) sizes.push(Number(arg));
    else throw new Error(`unknown argument "${arg}": use [--shape NAME]... [--repetitions N] [--write] [records...]`);
  }
  return {
    shapes: shapes.length > 0 ? shapes : undefined,
    sizes: sizes.length > 0 ? sizes : undefined,
    repetitions,
    write,
    command: `node --import tsx test/bench/lint.ts ${args.join(' ')}`.trim(),
  };
}

if (require.main === module) {
  try {
    run(optionsFromArguments(process.argv.slice(2))).catch(reportFailure);
  } catch (error) {
    reportFailure(error);
  }
}
