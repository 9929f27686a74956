// The long differential run: `npm run differential -- [--count N] [--seed S] [--parallel P] [--knot]`.
// Prints the agreement with named-checkzone (and kzonecheck with --knot) and every disagreement with its reason.
import { corpusSeeds, describe, makeInputs, runDifferential, validatorsInstalled } from './differential';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at < 0 ? undefined : Number(process.argv[at + 1]);
  return value !== undefined && Number.isInteger(value) && value > 0 ? value : fallback;
}

async function main(): Promise<void> {
  const available = validatorsInstalled();
  if (!available.named) {
    console.log('differential: named-checkzone is not installed (apt-get install bind9-utils); nothing to compare');
    return;
  }
  const count = option('count', 10000);
  const seed = option('seed', 1);
  const withKnot = process.argv.includes('--knot') && available.knot;
  const seeds = corpusSeeds();
  if (seeds.length === 0) console.log('differential: ../shared/zones is absent; generated zones only');
  const started = Date.now();
  const report = await runDifferential(makeInputs(count, seed, seeds), { parallel: option('parallel', 2), withKnot });
  for (const disagreement of report.disagreements) console.log(describe(disagreement));
  const unexplained = report.disagreements.filter((disagreement) => disagreement.reason === undefined).length;
  const share = (agreed: number, of: number): string => `${agreed}/${of} = ${((100 * agreed) / of).toFixed(2)} %`;
  console.log(
    `differential: seed ${seed}, ${report.inputs} inputs (${seeds.length > 0 ? 'half generated, half mutated corpus files' : 'generated'}) in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  console.log(
    `agreement with named-checkzone: ${share(report.agreedWithNamed, report.inputs)}; unexplained: ${unexplained}`,
  );
  if (withKnot)
    console.log(`agreement with kzonecheck (bind profile): ${share(report.agreedWithKnot, report.knotCompared)}`);
  if (unexplained > 0) process.exitCode = 1;
}

void main();
