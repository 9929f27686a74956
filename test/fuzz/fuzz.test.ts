// The fuzz run inside `npm test`: a fixed seed and a short budget per input kind, the inputs once found failing
// (test/fuzz/regressions), and the linear-time check. `npm run fuzz` is the long run (test/fuzz/run.ts).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readCorpus } from './corpus';
import { runFuzz, type FuzzReport } from './harness';
import { corpusKinds, inputKinds } from './inputs';
import { lineShapes, timeShape, type ShapeTiming } from './linearity';
import { checkInput } from './properties';
import { Random } from './random';
import type { LintSettings } from '../../core/src/index';

const seed = 20261207;
const inputsPerKind = Number(process.env.FUZZ_INPUTS_PER_KIND ?? 500);
const corpus = readCorpus();

function describeFailures(report: FuzzReport): string {
  return report.failures
    .slice(0, 5)
    .map((failure) => `input ${failure.index} (${failure.from}, ${failure.bytes} chars): ${failure.detail}`)
    .join('\n');
}

describe('fuzz: every property on seeded inputs', function () {
  this.timeout(120_000);
  for (const kind of inputKinds) {
    it(`${kind}: ${inputsPerKind} inputs break no property`, function () {
      if (corpusKinds.includes(kind) && corpus === undefined) {
        console.log(`    skipped: ../shared/zones is absent, so there are no ${kind} inputs`);
        this.skip();
      }
      const report = runFuzz({ seed, count: inputsPerKind, corpus, kinds: [kind], modelEvery: 10 });
      assert.equal(report.failures.length, 0, describeFailures(report));
    });
  }
});

interface Regression {
  readonly file: string;
  readonly origin: string;
  readonly profile: LintSettings['profile'];
  readonly why: string;
}

describe('fuzz: the inputs that once failed', () => {
  const folder = path.join(__dirname, 'regressions');
  const regressions = JSON.parse(fs.readFileSync(path.join(folder, 'index.json'), 'utf8')) as Regression[];
  for (const regression of regressions) {
    it(`${regression.file}: ${regression.why}`, () => {
      const text = fs.readFileSync(path.join(folder, regression.file), 'utf8');
      const settings: LintSettings = { profile: regression.profile, rules: {} };
      for (let run = 0; run < 5; run++) {
        const outcome = checkInput(
          text,
          { origin: regression.origin, settings, model: true, slowMs: 1000 },
          new Random(run),
        );
        assert.deepEqual(outcome.defects, []);
      }
    });
  }
});

describe('fuzz: time grows linearly with the input', function () {
  this.timeout(120_000);
  for (const shape of lineShapes) {
    it(`${shape.name}: 4x the text takes about 4x the time`, () => {
      // Linear is 4 (2 per doubling), quadratic 16: the bound of 10 (about 3.2 per doubling) leaves room for a busy
      // machine and for the smaller text's better use of caches, without letting n^2 through. Measured in CPU time.
      const ratio = (timing: ShapeTiming): number => timing.ms[2] / timing.ms[0];
      let timing = timeShape(shape, 128 * 1024, 2);
      if (ratio(timing) >= 10) timing = timeShape(shape, 128 * 1024, 3);
      const times = timing.ms.map((ms) => ms.toFixed(1)).join(', ');
      assert.ok(ratio(timing) < 10, `${shape.name}: ${times} ms at ${timing.copies.join(', ')} copies`);
    });
  }
});
