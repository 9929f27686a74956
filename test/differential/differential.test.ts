import { strict as assert } from 'node:assert';
import type { Comparison } from './differential';
import {
  comparisons,
  corpusSeeds,
  describe as describeDisagreement,
  makeInputs,
  runDifferential,
  validatorInstalled,
} from './differential';

/** The short budget `npm test` runs per profile; `npm run differential` runs 10,000 inputs. */
const budget = 300;
const seed = 20261207;
const aim = 0.99;

function agreesWith(comparison: Comparison, packageName: string): void {
  const validator = comparison.validator.name;
  describe(`differential: lint --profile ${comparison.profile} against ${validator}`, function () {
    this.timeout(180000);

    it(`agrees on ${budget} generated and mutated zones (seed ${seed}), each difference explained`, async function () {
      if (!validatorInstalled(comparison)) {
        console.log(`      skipped: ${validator} is not installed (${packageName}; .ci/run installs it)`);
        this.skip();
      }
      const seeds = corpusSeeds(comparison);
      if (seeds.length === 0) console.log('      ../shared/zones is absent: generated zones only, no corpus mutations');
      const report = await runDifferential(makeInputs(budget, seed, seeds), comparison);
      const share = report.agreed / report.inputs;
      console.log(
        `      agreement with ${validator}: ${report.agreed}/${report.inputs} = ${(100 * share).toFixed(1)} %`,
      );
      for (const disagreement of report.disagreements) console.log(`      ${describeDisagreement(disagreement)}`);
      const unexplained = report.disagreements.filter((disagreement) => disagreement.reason === undefined);
      assert.deepEqual(unexplained.map(describeDisagreement), [], 'disagreements without a listed reason');
      assert.ok(share >= aim, `agreement ${share} is below ${aim}`);
    });
  });
}

agreesWith(comparisons.bind, 'bind9-utils');
agreesWith(comparisons.knot, 'knot-dnssecutils');
