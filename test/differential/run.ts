// The long differential run: `npm run differential -- [--count N] [--seed S] [--parallel P] [--knot]`.
// Compares the bind profile with named-checkzone, or with --knot the knot profile with kzonecheck, and prints the
// agreement and every disagreement with its reason.
import { comparisons, corpusSeeds, describe, makeInputs, runDifferential, validatorInstalled } from './differential';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at < 0 ? undefined : Number(process.argv[at + 1]);
  return value !== undefined && Number.isInteger(value) && value > 0 ? value : fallback;
}

async function main(): Promise<void> {
  const comparison = process.argv.includes('--knot') ? comparisons.knot : comparisons.bind;
  const validator = comparison.validator.name;
  if (!validatorInstalled(comparison)) {
    const packageName = comparison.profile === 'bind' ? 'bind9-utils' : 'knot-dnssecutils';
    console.log(`differential: ${validator} is not installed (apt-get install ${packageName}); nothing to compare`);
    return;
  }
  const count = option('count', 10000);
  const seed = option('seed', 1);
  const seeds = corpusSeeds(comparison);
  if (seeds.length === 0) console.log('differential: ../shared/zones is absent; generated zones only');
  const started = Date.now();
  const report = await runDifferential(makeInputs(count, seed, seeds), comparison, {
    parallel: option('parallel', 2),
  });
  for (const disagreement of report.disagreements) console.log(describe(disagreement));
  const unexplained = report.disagreements.filter((disagreement) => disagreement.reason === undefined).length;
  const share = `${report.agreed}/${report.inputs} = ${((100 * report.agreed) / report.inputs).toFixed(2)} %`;
  const kind = seeds.length > 0 ? 'half generated, half mutated corpus files' : 'generated';
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`differential: seed ${seed}, ${report.inputs} inputs (${kind}) in ${seconds} s`);
  console.log(
    `agreement of the ${comparison.profile} profile with ${validator}: ${share}; unexplained: ${unexplained}`,
  );
  if (unexplained > 0) process.exitCode = 1;
}

void main();
