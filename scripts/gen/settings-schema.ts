// The schema of the `zoneRecords.lint.rules` setting in package.json, from the core's table of diagnostic codes.
import { diagnosticCodes } from '../../core/src/codes';
import { ruleSettings } from '../../core/src/settings';

export const rulesSettingKey = 'zoneRecords.lint.rules';

/** Every code the core reports with its meaning and the severities it takes, so settings.json completes them. */
export function rulesSettingSchema(): Record<string, unknown> {
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

interface Manifest {
  contributes: { configuration: { properties: Record<string, unknown> } };
}

/** package.json with the rules setting's schema brought up to date (the rest of the text unchanged). */
export function manifestWithRulesSchema(manifestText: string): string {
  const manifest = JSON.parse(manifestText) as Manifest;
  manifest.contributes.configuration.properties[rulesSettingKey] = rulesSettingSchema();
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
