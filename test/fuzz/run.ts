// `npm run fuzz -- [--seed N] [--count N] [--out DIR] [--model-every N] [--large]`: the long fuzz run. Writes each
// failing input (and what failed) to DIR (default: out/fuzz/<seed>, ignored by git), prints the table of defects,
// then the linear-time table (and with --large the CLI's lint time and the language server's first diagnostics
// on each shape at 1 MB, after `npm run build`), and exits 1 when any row is not 0.
import * as os from 'node:os';
import * as path from 'node:path';
import { readCorpus, projectRoot } from './corpus';
import { availableKinds, reportTable, runFuzz } from './harness';
import { linearityReport } from './linearity';
import { largeInputsReport } from './large-inputs';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

const seed = Number(option('seed', String(Date.now() % 1_000_000)));
const count = Number(option('count', '100000'));
const out = path.resolve(option('out', path.join(projectRoot, 'out', 'fuzz', String(seed))));
const modelEvery = Number(option('model-every', '10'));

const corpus = readCorpus();
if (corpus === undefined) console.log('../shared/zones is absent: skipping the mutation and splice inputs');
console.log(`fuzz: seed ${seed}, ${count} inputs (${availableKinds(corpus).join(', ')}), failures to ${out}`);
console.log(`machine: ${os.cpus().length} CPUs, node ${process.version}, ${new Date().toISOString()}`);
let lastPrint = performance.now();
const report = runFuzz({
  seed,
  count,
  corpus,
  failuresDir: out,
  modelEvery,
  progress: (done) => {
    if (performance.now() - lastPrint < 30_000) return;
    lastPrint = performance.now();
    console.log(`  ${done} inputs...`);
  },
});
console.log(`\n${report.inputs} inputs in ${report.seconds.toFixed(0)} s: ${JSON.stringify(report.byKind)}`);
console.log(`slowest parse+lint: ${report.slowestMs.toFixed(0)} ms, ${report.slowestInput}\n`);
console.log(reportTable(report));
for (const failure of report.failures.slice(0, 20)) {
  console.log(`\n#${failure.index} ${failure.from} (${failure.bytes} chars): ${failure.detail}`);
}
console.log(`\n${linearityReport()}`);
process.exitCode = report.failures.length > 0 ? 1 : 0;
if (process.argv.includes('--large')) {
  void largeInputsReport().then((table) => console.log(`\n${table}`));
}
