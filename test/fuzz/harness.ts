// One fuzz run: makes `count` inputs from a seed, the kinds taking turns, checks each and counts the defects.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CorpusFile } from './corpus';
import { corpusKinds, inputKinds, makeInput, type InputKind } from './inputs';
import { checkInput, defectRows, type DefectRow } from './properties';
import { Random, inputSeed } from './random';
import type { LintSettings } from '../../core/src/index';

export interface FuzzRunOptions {
  readonly seed: number;
  readonly count: number;
  readonly corpus: readonly CorpusFile[] | undefined;
  /** Where each failing input is written (with a .txt of what failed); nothing is written when undefined. */
  readonly failuresDir?: string;
  /** Run the server's incremental model on every this-many-th input (it is the slowest check). */
  readonly modelEvery: number;
  readonly slowMs?: number;
  readonly progress?: (done: number) => void;
  /** Only these kinds (default: every kind the corpus allows). */
  readonly kinds?: readonly InputKind[];
}

export interface FuzzFailure {
  readonly index: number;
  readonly kind: InputKind;
  readonly from: string;
  readonly bytes: number;
  readonly rows: readonly DefectRow[];
  readonly detail: string;
}

export interface FuzzReport {
  readonly inputs: number;
  readonly byKind: Readonly<Record<string, number>>;
  /** Inputs that hit each row. */
  readonly rows: Readonly<Record<DefectRow, number>>;
  readonly badFixEdits: number;
  readonly slowestMs: number;
  readonly slowestInput: string;
  readonly failures: readonly FuzzFailure[];
  readonly seconds: number;
}

const profiles: readonly LintSettings[] = [
  { profile: 'cloudflare', rules: {} },
  { profile: 'bind', rules: {} },
];

/** The kinds this run can make: the corpus ones only with the corpus. */
export function availableKinds(corpus: readonly CorpusFile[] | undefined): InputKind[] {
  return inputKinds.filter((kind) => (corpus !== undefined && corpus.length > 0 ? true : !corpusKinds.includes(kind)));
}

export function runFuzz(options: FuzzRunOptions): FuzzReport {
  const started = performance.now();
  const kinds = options.kinds ?? availableKinds(options.corpus);
  const rows = Object.fromEntries(Object.keys(defectRows).map((row) => [row, 0])) as Record<DefectRow, number>;
  const byKind: Record<string, number> = {};
  const failures: FuzzFailure[] = [];
  let badFixEdits = 0;
  let slowestMs = 0;
  let slowestInput = '';
  if (options.failuresDir !== undefined) fs.mkdirSync(options.failuresDir, { recursive: true });
  for (let index = 0; index < options.count; index++) {
    const random = new Random(inputSeed(options.seed, index));
    const kind = kinds[index % kinds.length];
    const input = makeInput(kind, random, options.corpus);
    byKind[kind] = (byKind[kind] ?? 0) + 1;
    const outcome = checkInput(
      input.text,
      {
        origin: input.origin,
        settings: profiles[index % profiles.length],
        model: index % options.modelEvery === 0,
        slowMs: options.slowMs ?? 1000,
      },
      random,
    );
    badFixEdits += outcome.badFixEdits;
    if (outcome.lintMs > slowestMs) {
      slowestMs = outcome.lintMs;
      slowestInput = `#${index} ${input.from} (${input.text.length} chars)`;
    }
    const hit = [...new Set(outcome.defects.map((defect) => defect.row))];
    for (const row of hit) rows[row]++;
    if (hit.length > 0) {
      const detail = outcome.defects.map((defect) => `${defect.row}: ${defect.detail}`).join('\n');
      failures.push({ index, kind, from: input.from, bytes: input.text.length, rows: hit, detail });
      if (options.failuresDir !== undefined) {
        const base = path.join(options.failuresDir, `${options.seed}-${index}-${hit.join('+')}`);
        fs.writeFileSync(`${base}.zone`, input.text);
        fs.writeFileSync(
          `${base}.txt`,
          `seed ${options.seed} input ${index} (${input.from}, origin ${input.origin}, profile ${profiles[index % profiles.length]?.profile})\n${detail}\n`,
        );
      }
    }
    options.progress?.(index + 1);
  }
  return {
    inputs: options.count,
    byKind,
    rows,
    badFixEdits,
    slowestMs,
    slowestInput,
    failures,
    seconds: (performance.now() - started) / 1000,
  };
}

/** The report as a Markdown table (one row per defect), as FUZZING.md shows it. */
export function reportTable(report: FuzzReport): string {
  const lines = ['| defect | inputs hit |', '| --- | ---: |'];
  for (const [row, description] of Object.entries(defectRows)) {
    const count = report.rows[row as DefectRow];
    const extra = row === 'fix-range' ? ` (${report.badFixEdits} edits)` : '';
    lines.push(`| ${row}: ${description} | ${count}${extra} |`);
  }
  return lines.join('\n');
}
