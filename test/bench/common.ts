// Helpers the benchmark scripts share: the generated record mix, the BENCHMARKS.md section writer and the exit path.
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';

const projectRoot = path.resolve(__dirname, '../..');

/**
 * The record at position `i` of a generated zone that rotates through `kinds` kinds: A, AAAA (blank owner), CNAME
 * with a TTL, MX, TXT with a comment, then SRV and CAA when `kinds` is 7. Owners are relative.
 */
export function rotatingRecord(i: number, kinds: 5 | 7): string {
  switch (i % kinds) {
    case 0:
      return `host${i} IN A 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    case 1:
      return `  IN AAAA 2001:db8::${(i >> 16).toString(16)}:${(i & 0xffff).toString(16)}`;
    case 2:
      return `www${i} 300 IN CNAME host${i - 2}`;
    case 3:
      return `mail${i} IN MX 10 host${i - 3}`;
    case 4:
      return `txt${i} IN TXT "v=spf1 include:_spf.example.com ~all" ; comment ${i}`;
    case 5:
      return `_sip._tcp.s${i} IN SRV 10 5 5060 host${i - 5}`;
    default:
      return `c${i} IN CAA 0 issue "letsencrypt.org"`;
  }
}

/** The origin of the lint benchmark's zones. */
export const lintBenchOrigin = 'bench.example';

/**
 * The lint benchmark's zone, valid: SOA, apex NS with glue, then A, AAAA at the same owner, CNAME, MX, TXT with a comment,
 * SRV, CAA, in turn. Valid for all three checkers so that each does its full work and none stops early.
 */
export function generateLintZone(records: number): string {
  return zoneOf(records, lintBenchApex, (i) => rotatingRecord(i, 7));
}

/** The lint benchmark zones' first lines: $ORIGIN, $TTL, SOA, two apex NS and their glue. */
export const lintBenchApex: readonly string[] = [
  `$ORIGIN ${lintBenchOrigin}.`,
  '$TTL 3600',
  '@ IN SOA ns1 hostmaster ( 2024010101 7200 3600 1209600 300 )',
  '  IN NS ns1',
  '  IN NS ns2',
  'ns1 IN A 192.0.2.1',
  'ns2 IN A 192.0.2.2',
];

/** The head lines then `recordAt(i)` for i = 0, 1, ... until the zone holds `records` records. */
export function zoneOf(records: number, head: readonly string[], recordAt: (i: number) => string): string {
  const lines = head.slice();
  const directives = head.filter((line) => line.startsWith('$')).length;
  for (let i = 0; lines.length - directives < records; i++) lines.push(recordAt(i));
  return `${lines.join('\n')}\n`;
}

/**
 * Replaces the section under `heading` (`## Lint`, up to the next `## ` heading) of BENCHMARKS.md, or appends it,
 * leaving the other sections alone.
 */
export function writeBenchmarkSection(heading: string, section: string): void {
  const file = path.join(projectRoot, 'BENCHMARKS.md');
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = current.search(new RegExp(`^${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'm'));
  let next: string;
  if (start < 0) next = `${current.trimEnd()}\n\n${section}`;
  else {
    const after = current.slice(start + 1).search(/^## /m);
    const end = after < 0 ? current.length : start + 1 + after;
    next = `${current.slice(0, start)}${section}${after < 0 ? '' : `\n${current.slice(end)}`}`;
  }
  fs.writeFileSync(file, next);
}

/** How a benchmark run that threw ends: the stack on stderr and a failing exit code. */
export function reportFailure(error: unknown): void {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}

/**
 * Bundles `entry` (TypeScript that imports from the project root) with esbuild into `name` in the temp folder and
 * returns the path: benchmarks measure the code as the CLI and the language server ship it, not tsx's transform.
 */
export function bundleForBench(name: string, entry: string): string {
  const bundle = path.join(tmpdir(), name);
  buildSync({
    stdin: { contents: entry, resolveDir: projectRoot, loader: 'ts' },
    outfile: bundle,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
  return bundle;
}
