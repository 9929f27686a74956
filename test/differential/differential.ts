// The differential run: generated zones and mutated corpus files, each judged by named-checkzone (and kzonecheck,
// for the record) and by `zone-records lint --profile bind`; the verdicts are compared and every disagreement is
// either explained by a listed reason or reported as unexplained.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lint } from '../../core/src/lint/engine';
import { parse } from '../../core/src/parse/parser';
import type { ZoneDiagnostic } from '../../core/src/types';
import { corpusAvailable, readManifest, readNamedVerdicts, zonesRoot } from '../corpus/corpus';
import type { DifferentialInput } from './generate';
import { generateZone } from './generate';
import { knownDifference } from './known-differences';
import { mutateSeed, usableSeed, type Seed } from './mutate';
import { Rng } from './rng';
import type { ValidatorResult, Verdict } from './validators';
import { installed, knot, named, pool, runValidator } from './validators';

export interface Judged {
  readonly input: DifferentialInput;
  readonly named: ValidatorResult;
  readonly knot: ValidatorResult | undefined;
  readonly ours: Verdict;
  readonly ourErrors: readonly ZoneDiagnostic[];
}

export interface Disagreement extends Judged {
  /** Why we differ from named on purpose, when the difference is a known one. */
  readonly reason: string | undefined;
}

export interface DifferentialReport {
  readonly inputs: number;
  readonly agreedWithNamed: number;
  readonly agreedWithKnot: number;
  readonly knotCompared: number;
  readonly disagreements: readonly Disagreement[];
}

/** Corpus files named-checkzone loads, to mutate; empty when ../shared is absent. */
export function corpusSeeds(): Seed[] {
  if (!corpusAvailable()) return [];
  const verdicts = readNamedVerdicts();
  const seeds: Seed[] = [];
  for (const entry of readManifest()) {
    if (verdicts.get(entry.file)?.verdict !== 'valid') continue;
    const text = fs.readFileSync(path.join(zonesRoot, 'corpus', entry.file), 'utf8');
    if (!usableSeed(text)) continue;
    const seed = { file: entry.file, origin: entry.origin.endsWith('.') ? entry.origin : `${entry.origin}.`, text };
    // A file we already judge differently from named (the corpus test lists why) would only repeat that difference.
    if (
      ourVerdict(
        { id: 'seed', origin: seed.origin, main: 'zone.db', files: new Map([['zone.db', text]]), features: [] },
        zonesRoot,
      ).verdict !== 'valid'
    )
      continue;
    seeds.push(seed);
  }
  return seeds;
}

/** `count` inputs from `seed`: generated zones, and mutated corpus files for every second one when seeds exist. */
export function makeInputs(count: number, seed: number, seeds: readonly Seed[]): DifferentialInput[] {
  const rng = new Rng(seed);
  const inputs: DifferentialInput[] = [];
  for (let i = 0; inputs.length < count; i++) {
    const id = `${seed}-${i}`;
    const input = seeds.length > 0 && i % 2 === 1 ? mutateSeed(rng, rng.pick(seeds), id) : generateZone(rng, id);
    if (input !== undefined) inputs.push(input);
  }
  return inputs;
}

/** Our verdict with the bind profile: any error means named would refuse the zone. */
export function ourVerdict(input: DifferentialInput, folder: string): { verdict: Verdict; errors: ZoneDiagnostic[] } {
  const file = path.join(folder, input.main);
  const text = input.files.get(input.main) ?? '';
  const readFile = (name: string): string | undefined => {
    try {
      return fs.readFileSync(name, 'utf8');
    } catch {
      return undefined;
    }
  };
  const result = parse(text, { origin: input.origin, path: file, readFile });
  const diagnostics = lint(result, { origin: input.origin, text, settings: { profile: 'bind', rules: {} } });
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  return { verdict: errors.length > 0 ? 'invalid' : 'valid', errors };
}

export function validatorsInstalled(): { named: boolean; knot: boolean } {
  return { named: installed(named), knot: installed(knot) };
}

/** Writes each input to its own temporary folder, runs the validators (`parallel` inputs at a time) and compares. */
export async function runDifferential(
  inputs: readonly DifferentialInput[],
  options: { parallel?: number; withKnot?: boolean } = {},
): Promise<DifferentialReport> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zr-differential-'));
  try {
    const judged = await pool(inputs, options.parallel ?? 2, async (input) => {
      const folder = path.join(root, input.id);
      fs.mkdirSync(folder);
      for (const [name, text] of input.files) fs.writeFileSync(path.join(folder, name), text);
      const namedResult = await runValidator(named, input.origin, input.main, folder);
      const knotResult = options.withKnot ? await runValidator(knot, input.origin, input.main, folder) : undefined;
      const ours = ourVerdict(input, folder);
      fs.rmSync(folder, { recursive: true, force: true });
      return { input, named: namedResult, knot: knotResult, ours: ours.verdict, ourErrors: ours.errors };
    });
    const disagreements = judged
      .filter((one) => one.ours !== one.named.verdict)
      .map((one) => ({ ...one, reason: knownDifference(one) }));
    const withKnot = judged.filter((one) => one.knot !== undefined);
    return {
      inputs: judged.length,
      agreedWithNamed: judged.length - disagreements.length,
      agreedWithKnot: withKnot.filter((one) => one.knot?.verdict === one.ours).length,
      knotCompared: withKnot.length,
      disagreements,
    };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** One line per disagreement: the input, both verdicts, named's message, our first error and the reason if known. */
export function describe(disagreement: Disagreement): string {
  const ours = disagreement.ourErrors[0];
  const ourText = ours ? `${ours.code} at ${ours.range.start.line + 1}: ${ours.message}` : 'no error';
  return (
    `${disagreement.input.id} [${disagreement.input.features.join(', ')}]: named ${disagreement.named.verdict}` +
    ` (${disagreement.named.message}), ours ${disagreement.ours} (${ourText})` +
    (disagreement.reason ? ` -- known: ${disagreement.reason}` : ' -- UNEXPLAINED')
  );
}
