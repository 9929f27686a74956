// Parser benchmark (not a test): generates zones of 100k and 1M records in memory and prints parse time, heap
// and peak RSS for the streaming entry point (what `zone-records lint` uses), the full parse with tokens (what
// the language server keeps), and an incremental re-parse after a one-character edit.
// Run: node --import tsx --expose-gc test/bench/parse.ts [records...]
// Each measurement runs in its own child process so that memory figures do not mix. The parser is bundled with
// esbuild first, as the CLI and the language server ship it (tsx's on-the-fly transform is slower).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type * as Parser from '../../core/src/parse/parser';
import type { ResumePoint } from '../../core/src/parse/parser';
import type { ParseOptions } from '../../core/src/types';
import { bundleForBench, rotatingRecord } from './common';

type Mode = 'lex' | 'stream' | 'full' | 'incremental';

const options: ParseOptions = { origin: 'bench.example' };

/** A realistic mix: A, AAAA with a blank owner, CNAME with TTL, MX, TXT with a comment. */
export function generateZone(records: number): string {
  const lines = [
    '$ORIGIN bench.example.',
    '$TTL 3600',
    '@ IN SOA ns1 hostmaster ( 2024010101 7200 3600 1209600 300 )',
    '  IN NS ns1',
    '  IN NS ns2',
  ];
  for (let i = 0; i < records - 3; i++) lines.push(rotatingRecord(i, 5));
  return lines.join('\n') + '\n';
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function megabytes(bytes: number): string {
  return `${(bytes / 1048576).toFixed(0)} MB`;
}

const bundleName = 'zone-records-bench-parser.cjs';
const bundle = path.join(tmpdir(), bundleName);

function bundleParser(): void {
  // The entry re-exports the parser and adds a lexer-only loop, to tell the lexer's share from the rest.
  bundleForBench(
    bundleName,
    `export * from './core/src/parse/parser';
      import { Lexer } from './core/src/parse/lexer';
      import { SourceText } from './core/src/parse/source';
      export function lexAll(text) {
        const lexer = new Lexer(new SourceText(text), 0, text.length, () => {});
        let count = 0;
        while (lexer.next() !== undefined) count++;
        return count;
      }`,
  );
}

function measure(mode: Mode, count: number): string {
  const { parse, parseIncremental, parseRecords, lexAll } = createRequire(__filename)(bundle) as typeof Parser & {
    lexAll: (text: string) => number;
  };
  const text = generateZone(count);
  gc();
  const before = process.memoryUsage();
  const rssBefore = process.memoryUsage().rss;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let records = 0;
  let diagnostics = 0;
  let kept: unknown;
  let extra = '';
  if (mode === 'lex') {
    records = lexAll(text);
  } else if (mode === 'stream') {
    parseRecords(text, options, { record: () => records++, diagnostic: () => diagnostics++ });
  } else if (mode === 'full') {
    const result = parse(text, options);
    records = result.records.length;
    diagnostics = result.diagnostics.length;
    kept = result;
  } else {
    const points: ResumePoint[] = [];
    const result = parse(text, options);
    parseRecords(text, options, { entry: (p) => points.push(p) });
    kept = [result, points];
    records = result.records.length;
    // Edit one character in the middle: change a digit of an address.
    const middle = points[points.length >> 1];
    const lineEnd = text.indexOf('\n', middle.offset);
    const at = lineEnd - 1;
    const edited = text.slice(0, at) + (text[at] === '1' ? '2' : '1') + text.slice(at + 1);
    const times: number[] = [];
    for (let run = 0; run < 20; run++) {
      const t0 = performance.now();
      let changed = 0;
      parseIncremental(edited, middle, options, { record: () => changed++ }, at + 1);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    extra = `, re-parse after a 1-char edit: median ${times[10].toFixed(3)} ms (of 20)`;
  }
  const elapsed = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  gc();
  const after = process.memoryUsage();
  void kept;
  const peak = process.resourceUsage().maxRSS * 1024;
  const retained = after.heapUsed - before.heapUsed;
  return (
    `${mode.padEnd(11)} ${String(count).padStart(8)} records: wall ${elapsed.toFixed(0)} ms,` +
    ` cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms (${((cpu.user + cpu.system) / count).toFixed(2)} µs/record),` +
    ` ${mode === 'lex' ? 'tokens' : 'records'} ${records}, diagnostics ${diagnostics}, text ${megabytes(text.length)},` +
    ` heap retained ${megabytes(retained)}, RSS before ${megabytes(rssBefore)}, peak RSS ${megabytes(peak)}${extra}`
  );
}

if (process.argv[1] === __filename) main();
function main(): void {
  const [flag, mode, size] = process.argv.slice(2);
  if (flag === '--child') {
    process.stdout.write(`${measure(mode as Mode, Number(size))}\n`);
  } else {
    const sizes = process.argv.slice(2).map(Number);
    const runs: [Mode, number][] = [];
    for (const count of sizes.length > 0 ? sizes : [100_000, 1_000_000]) {
      runs.push(['lex', count], ['stream', count], ['full', count]);
      if (count <= 100_000) runs.push(['incremental', count]);
    }
    bundleParser();
    process.stdout.write(`node ${process.version}, ${new Date().toISOString()}\n`);
    for (const [runMode, count] of runs) {
      const output = execFileSync(
        process.execPath,
        ['--import', 'tsx', '--expose-gc', '--max-old-space-size=4096', __filename, '--child', runMode, String(count)],
        { encoding: 'utf8' },
      );
      process.stdout.write(output);
    }
  }
}
