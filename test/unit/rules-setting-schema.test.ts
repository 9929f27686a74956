import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { diagnosticCodes } from '../../core/src/codes';
import { ruleSettings } from '../../core/src/settings';

const manifestPath = path.resolve(__dirname, '../../package.json');

interface Manifest {
  contributes: { configuration: { properties: Record<string, Record<string, unknown>> } };
}

/** The schema of `zoneRecords.lint.rules`: every code the core reports, so that settings.json completes and checks them. */
function rulesSettingSchema(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const [code, description] of diagnosticCodes) {
    properties[code] = { type: 'string', enum: ruleSettings, markdownDescription: description };
  }
  return {
    type: 'object',
    default: {},
    // Read with the zone file's scope: a multi-root workspace can lint a BIND folder and a Cloudflare folder apart.
    scope: 'resource',
    properties,
    additionalProperties: false,
    markdownDescription:
      'Severity per diagnostic code, or `off`, e.g. `{ "duplicate-record": "off", "mixed-ttl-rrset": "error" }`. Every code is described in docs/rules.md and in the completion list here.',
  };
}

describe('package.json: the zoneRecords.lint.rules setting', () => {
  it('lists every diagnostic code with its meaning and the severities it takes', () => {
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Manifest;
    const properties = manifest.contributes.configuration.properties;
    const expected = rulesSettingSchema();
    if (process.env.UPDATE_DOCS === '1') {
      properties['zoneRecords.lint.rules'] = expected;
      fs.writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    }
    assert.deepEqual(
      properties['zoneRecords.lint.rules'],
      expected,
      'out of date: run UPDATE_DOCS=1 npx mocha test/unit/rules-setting-schema.test.ts',
    );
  });
});
