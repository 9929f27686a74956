import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as prettier from 'prettier';
import { diagnosticCodes } from '../../../core/src/codes';
import { renderRulesDoc } from './rules-doc';

const docPath = path.resolve(__dirname, '../../../docs/rules.md');

describe('docs/rules.md', () => {
  it('lists every rule, syntax and rdata code once, and is up to date with the tables', async () => {
    // Formatted as `npm test`'s prettier check wants it, so the generated file passes that check too.
    const options = (await prettier.resolveConfig(docPath)) ?? {};
    const rendered = await prettier.format(renderRulesDoc(), { ...options, parser: 'markdown' });
    if (process.env.UPDATE_DOCS === '1') fs.writeFileSync(docPath, rendered);
    for (const code of diagnosticCodes.keys()) {
      const rows = rendered.split('\n').filter((line) => line.startsWith(`| \`${code}\` `));
      assert.equal(rows.length, 1, `${code} has ${rows.length} rows`);
    }
    assert.equal(
      fs.readFileSync(docPath, 'utf8'),
      rendered,
      'docs/rules.md is out of date: run UPDATE_DOCS=1 npx mocha test/unit/core/rules-doc.test.ts',
    );
  });
});
