// Renders docs/rules.md from the code tables: the lint rules, the parser's syntaxCodes and the rdata codes.
import { syntaxCodes } from '../../core/src/parse/parser';
import { rdataCodes } from '../../core/src/rdata/codes';
import { rules, severityIn } from '../../core/src/lint/rules/index';

/**
 * Parser and rdata codes are errors except these, whose severity was read from where they are reported
 * (the tables give no severity). A code reported at both levels says so.
 */
const layerSeverities: Readonly<Record<string, string>> = {
  'no-default-ttl': 'warning',
  'inherited-owner': 'warning',
  'unknown-disable-code': 'warning',
  'svcb-alias-params': 'warning',
  'caa-unknown-tag': 'warning',
  'bad-hostname': 'warning',
  'bad-caa': 'error (warning for reserved flag bits)',
  'bad-uri': 'warning',
  'bad-naptr': 'warning',
  'bad-rdata': 'error (warning for a DNSKEY protocol other than 3)',
  'bad-digest-length': 'error (warning for a TLSA/SMIMEA digest of the wrong length)',
};

function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?)]$/.test(capital) ? capital : `${capital}.`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function renderRulesDoc(): string {
  const out: string[] = [];
  out.push('# Diagnostic codes');
  out.push('');
  out.push(
    'Every code `zone-records lint`, the language server and the import pre-check can report. Codes are stable:',
    'settings (`zoneRecords.lint.rules`, `zone-records lint --rule CODE=SEVERITY|off`) and the comment',
    '`; zone-records-disable-line CODE` use them. The profile is `cloudflare` by default (`--profile bind` or the',
    '`zoneRecords.lint.profile` setting switch it).',
    '',
    'The `bind` profile promises "named loads this zone" (`named-checkzone -i local`, default check-names): its',
    'errors are where named 9.18 refuses the zone, its warnings where named warns. `test/differential` checks that',
    'promise against named-checkzone on generated and mutated zones (`npm run differential`). There is no `knot`',
    'profile yet: kzonecheck differs from named on delegations without glue (it refuses them; `missing-glue` is a',
    'warning here), on records below a DNAME or NS beside one (it refuses them), on two different SOAs (it keeps the',
    'first) and on CDS/CDNSKEY (it does not check them); `npm run differential -- --knot` prints the agreement.',
    '',
    'This file is generated from the tables in the code by `test/unit/core/rules-doc.test.ts`',
    '(`UPDATE_DOCS=1 npx mocha test/unit/core/rules-doc.test.ts` rewrites it; the test fails when it is out of date).',
    '',
    '## Lint rules',
    '',
    '| code | severity (cloudflare) | severity (bind) | what it means |',
    '|---|---|---|---|',
  );
  for (const rule of rules) {
    const severity = (profile: 'cloudflare' | 'bind'): string =>
      rule.profiles.includes(profile) ? severityIn(rule, profile) : 'not checked';
    out.push(
      `| \`${rule.code}\` | ${severity('cloudflare')} | ${severity('bind')} | ${cell(sentence(rule.description))} |`,
    );
  }
  out.push('', '## Syntax (parser)', '', '| code | severity | what it means |', '|---|---|---|');
  for (const [code, description] of Object.entries(syntaxCodes)) {
    out.push(`| \`${code}\` | ${layerSeverities[code] ?? 'error'} | ${cell(sentence(description))} |`);
  }
  out.push('', '## Record data (rdata and names)', '', '| code | severity | what it means |', '|---|---|---|');
  for (const [code, description] of Object.entries(rdataCodes)) {
    if (code in syntaxCodes) continue;
    out.push(`| \`${code}\` | ${layerSeverities[code] ?? 'error'} | ${cell(sentence(description))} |`);
  }
  out.push('');
  return out.join('\n');
}
