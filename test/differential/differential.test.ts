import { strict as assert } from 'node:assert';
import {
  corpusSeeds,
  describe as describeDisagreement,
  makeInputs,
  runDifferential,
  validatorsInstalled,
} from './differential';

/** The short budget `npm test` runs; `npm run differential` runs 10,000 inputs. */
const budget = 300;
const seed = 20261207;
const aim = 0.99;

describe('differential: lint --profile bind against named-checkzone', function () {
  this.timeout(180000);

  it(`agrees on ${budget} generated and mutated zones (seed ${seed}), each difference explained`, async function () {
    if (!validatorsInstalled().named) {
      console.log('      skipped: named-checkzone is not installed (bind9-utils; .ci/run installs it)');
      this.skip();
    }
    const seeds = corpusSeeds();
    if (seeds.length === 0) console.log('      ../shared/zones is absent: generated zones only, no corpus mutations');
    const report = await runDifferential(makeInputs(budget, seed, seeds));
    const share = report.agreedWithNamed / report.inputs;
    console.log(
      `      agreement with named-checkzone: ${report.agreedWithNamed}/${report.inputs} = ${(100 * share).toFixed(1)} %`,
    );
    for (const disagreement of report.disagreements) console.log(`      ${describeDisagreement(disagreement)}`);
    const unexplained = report.disagreements.filter((disagreement) => disagreement.reason === undefined);
    assert.deepEqual(unexplained.map(describeDisagreement), [], 'disagreements without a listed reason');
    assert.ok(share >= aim, `agreement ${share} is below ${aim}`);
  });
});
