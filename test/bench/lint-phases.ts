// Where `zone-records lint` spends its time (not a test): on the lint benchmark's generated zone, in one process,
// the CPU time of parsing alone (records handed to a sink that drops them), of parsing into the linter with no rule
// (the index of owners and types), and of parsing into the linter with every bind-profile rule. Each is the
// fastest of three rounds. The core is bundled with esbuild first, as the CLI ships it.
// Run: node --import tsx test/bench/lint-phases.ts [records] [--shape NAME]   (lint.ts runs it for its BENCHMARKS.md section)
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type * as Lint from '../../core/src/lint/engine';
import type * as Parser from '../../core/src/parse/parser';
import type * as Rules from '../../core/src/lint/rules/index';
import { bundleForBench, lintBenchOrigin, reportFailure } from './common';
import { shapeNamed } from './shapes';

/** CPU milliseconds of each phase; each later one includes the earlier ones. */
export interface LintPhases {
  readonly parse: number;
  readonly parseAndIndex: number;
  readonly parseIndexAndRules: number;
}

const rounds = 3;
const origin = `${lintBenchOrigin}.`;

function bundleCore(): string {
  return bundleForBench(
    'zone-records-bench-lint-core.cjs',
    `export * from './core/src/parse/parser';
      export * from './core/src/lint/engine';
      export * from './core/src/lint/rules/index';`,
  );
}

function cpuMilliseconds(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

function fastest(work: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < rounds; round++) best = Math.min(best, cpuMilliseconds(work));
  return best;
}

/** Measures the phases on the zone in `file` (run it in a fresh process: the rounds share one heap). */
export function measurePhases(file: string): LintPhases {
  const core = createRequire(__filename)(bundleCore()) as typeof Parser & typeof Lint & typeof Rules;
  const text = fs.readFileSync(file, 'utf8');
  const settings = { profile: 'bind' as const, rules: {} };
  const lintWith = (rules: readonly Rules.Rule[]) => (): void => {
    const linter = core.createLinter({ origin, text, documentBytes: text.length, settings, rules });
    core.parseRecords(text, { origin }, linter);
    linter.finish();
  };
  return {
    parse: fastest(() => core.parseRecords(text, { origin }, { record: () => undefined, diagnostic: () => undefined })),
    parseAndIndex: fastest(lintWith([])),
    parseIndexAndRules: fastest(lintWith(core.rules)),
  };
}

/** One sentence for BENCHMARKS.md. */
export function describePhases(records: number, phases: LintPhases, shape = 'mixed'): string {
  const ms = (value: number): string => `${(value / 1000).toFixed(2)} s`;
  const command = `node --import tsx test/bench/lint-phases.ts ${records}${shape === 'mixed' ? '' : ` --shape ${shape}`}`;
  return (
    `In one process (\`${command}\`, CPU time, fastest of ${rounds} rounds), ` +
    `the ${records.toLocaleString('en-US')}-record zone takes ${ms(phases.parse)} to parse (lexing, names, ` +
    `rdata checks), ${ms(phases.parseAndIndex - phases.parse)} more to index its owners and types, and ` +
    `${ms(phases.parseIndexAndRules - phases.parseAndIndex)} more for the rules: ` +
    `${ms(phases.parseIndexAndRules)} in all, without starting Node and reading the file.`
  );
}

if (require.main === module) {
  const records = Number(process.argv[2] ?? 1_000_000);
  const [flag, value] = process.argv.slice(3);
  if (flag === '--file' && value !== undefined) {
    process.stdout.write(`${JSON.stringify(measurePhases(value))}\n`);
  } else {
    const shape = shapeNamed(flag === '--shape' && value !== undefined ? value : 'mixed');
    const zone = path.join(tmpdir(), `zone-records-lint-phases-${shape.name}-${records}.zone`);
    try {
      fs.writeFileSync(zone, shape.generate(records));
      process.stdout.write(`${describePhases(records, measurePhases(zone), shape.name)}\n`);
    } catch (error) {
      reportFailure(error);
    } finally {
      fs.rmSync(zone, { force: true });
    }
  }
}
