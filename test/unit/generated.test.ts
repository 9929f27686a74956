import { strict as assert } from 'node:assert';
import { diagnosticCodes } from '../../core/src/codes';
import { generatedFiles, read } from '../../scripts/gen/index';

describe('generated files (npm run gen)', () => {
  it('are what the code tables give', async () => {
    for (const file of await generatedFiles()) {
      assert.ok(read(file.path) === file.text, `${file.path} is out of date: run npm run gen`);
    }
  });

  it('docs/rules.md has one row per diagnostic code', async () => {
    const doc = (await generatedFiles()).find((file) => file.path === 'docs/rules.md')?.text ?? '';
    for (const code of diagnosticCodes.keys()) {
      const rows = doc.split('\n').filter((line) => line.startsWith(`| \`${code}\` `));
      assert.equal(rows.length, 1, `${code} has ${rows.length} rows`);
    }
  });
});
