// The differential run: generated zones and mutated corpus files, each judged by a reference validator and by
// `zone-records lint` with the profile that promises that validator's verdict (bind: named-checkzone loads it; knot:
// kzonecheck accepts it); the verdicts are compared and every disagreement is either explained by a listed reason
// or reported as unexplained.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lint } from '../../core/src/lint/engine';
import { parse } from '../../core/src/parse/parser';
import type { ZoneDiagnostic } from '../../core/src/types';
import { corpusAvailable, readManifest, readReferenceVerdicts, zonesRoot } from '../corpus/corpus';
import type { DifferentialInput } from './generate';
import { generateZone } from './generate';
import { knownDifference } from './known-differences';
import { mutateSeed, usableSeed, type Seed } from './mutate';
import { Rng } from './rng';
import type { Validator, ValidatorResult, Verdict } from './validators';
import { installed, knot, named, pool, runValidator } from './validators';

/** A profile and the validator whose verdict it promises. */
export interface Comparison {
  readonly profile: 'bind' | 'knot';
  readonly validator: Validator;
}

export const comparisons: Readonly<Record<Comparison['profile'], Comparison>> = {
  bind: { profile: 'bind', validator: named },
  knot: { profile: 'knot', validator: knot },
};

export interface Judged {
  readonly profile: Comparison['profile'];
  readonly input: DifferentialInput;
  /** The reference validator's result. */
  readonly reference: ValidatorResult;
  readonly ours: Verdict;
  readonly ourErrors: readonly ZoneDiagnostic[];
}

export interface Disagreement extends Judged {
  /** Why we differ from the validator on purpose, when the difference is a known one. */
  readonly reason: string | undefined;
}

export interface DifferentialReport {
  readonly comparison: Comparison;
  readonly inputs: number;
  readonly agreed: number;
  readonly disagreements: readonly Disagreement[];
}

/** Corpus files the comparison's validator loads and our profile passes, to mutate; empty when ../shared is absent. */
export function corpusSeeds(comparison: Comparison): Seed[] {
  if (!corpusAvailable()) return [];
  const verdicts = readReferenceVerdicts(comparison.validator.name);
  const seeds: Seed[] = [];
  for (const entry of readManifest()) {
    if (verdicts.get(entry.file)?.verdict !== 'valid') continue;
    const text = fs.readFileSync(path.join(zonesRoot, 'corpus', entry.file), 'utf8');
    if (!usableSeed(text)) continue;
    const seed = { file: entry.file, origin: entry.origin.endsWith('.') ? entry.origin : `${entry.origin}.`, text };
    // A file we already judge differently (the corpus test lists why) would only repeat that difference.
    const input = {
      id: 'seed',
      origin: seed.origin,
      main: 'zone.db',
      files: new Map([['zone.db', text]]),
      features: [],
    };
    if (ourVerdict(input, zonesRoot, comparison.profile).verdict !== 'valid') continue;
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

/** Our verdict with `profile`: any error means the profile's validator would refuse the zone. */
export function ourVerdict(
  input: DifferentialInput,
  folder: string,
  profile: Comparison['profile'],
): { verdict: Verdict; errors: ZoneDiagnostic[] } {
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
  const diagnostics = lint(result, { origin: input.origin, text, settings: { profile, rules: {} } });
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  return { verdict: errors.length > 0 ? 'invalid' : 'valid', errors };
}

export function validatorInstalled(comparison: Comparison): boolean {
  return installed(comparison.validator);
}

/** Writes each input to its own temporary folder, runs the validator (`parallel` inputs at a time) and compares. */
export async function runDifferential(
  inputs: readonly DifferentialInput[],
  comparison: Comparison,
  options: { parallel?: number } = {},
): Promise<DifferentialReport> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zr-differential-'));
  try {
    const judged = await pool(inputs, options.parallel ?? 2, async (input): Promise<Judged> => {
      const folder = path.join(root, input.id);
      fs.mkdirSync(folder);
      for (const [name, text] of input.files) fs.writeFileSync(path.join(folder, name), text);
      const reference = await runValidator(comparison.validator, input.origin, input.main, folder);
      const ours = ourVerdict(input, folder, comparison.profile);
      fs.rmSync(folder, { recursive: true, force: true });
      return { profile: comparison.profile, input, reference, ours: ours.verdict, ourErrors: ours.errors };
    });
    const disagreements = judged
      .filter((one) => one.ours !== one.reference.verdict)
      .map((one) => ({ ...one, reason: knownDifference(one) }));
    return { comparison, inputs: judged.length, agreed: judged.length - disagreements.length, disagreements };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** One line per disagreement: the input, both verdicts, the validator's message, our first error, the reason. */
export function describe(disagreement: Disagreement): string {
  const ours = disagreement.ourErrors[0];
  const ourText = ours ? `${ours.code} at ${ours.range.start.line + 1}: ${ours.message}` : 'no error';
  const validator = disagreement.profile === 'bind' ? 'named' : 'kzonecheck';
  return (
    `${disagreement.input.id} [${disagreement.input.features.join(', ')}]: ${validator} ${disagreement.reference.verdict}` +
    ` (${disagreement.reference.message}), ${disagreement.profile} profile ${disagreement.ours} (${ourText})` +
    (disagreement.reason ? ` -- known: ${disagreement.reason}` : ' -- UNEXPLAINED')
  );
}
