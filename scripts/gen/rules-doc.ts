// Renders docs/rules.md from the code tables: the lint rules, the parser's syntaxCodes and the rdata codes.
import { syntaxCodes } from '../../core/src/parse/parser';
import { rdataCodes } from '../../core/src/rdata/codes';
import { codeCeilings } from '../../core/src/lint/profile-codes';
import { rules, severityIn } from '../../core/src/lint/rules/index';
import { profiles } from '../../core/src/settings';
import type { Profile } from '../../core/src/types';

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

/** The parser and rdata codes a profile lowers, one line each. */
function ceilingLines(): string[] {
  const lines: string[] = [];
  for (const profile of profiles) {
    const ceilings = Object.entries(codeCeilings[profile] ?? {});
    if (ceilings.length === 0) continue;
    const list = ceilings.map(([code, severity]) => `\`${code}\` (${severity})`).join(', ');
    lines.push(`In the \`${profile}\` profile these codes are at most: ${list}.`, '');
  }
  return lines;
}

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
    '`; zone-records-disable-line CODE` use them. The profile is `cloudflare` by default (`--profile bind` or `knot`, or the',
    '`zoneRecords.lint.profile` setting switch it).',
    '',
    'The `bind` profile promises "named loads this zone" (`named-checkzone -i local`, default check-names): its',
    'errors are where named 9.18 refuses the zone, its warnings where named warns. The `knot` profile promises',
    '"kzonecheck accepts this zone" (Knot DNS 3.2, `kzonecheck -o ORIGIN`): its errors are where kzonecheck refuses',
    'the zone. The two differ enough to matter: kzonecheck refuses a delegation whose in-zone name server has no',
    'address (`missing-glue`, though it does not check sibling glue), records below a DNAME or NS beside one',
    '(`below-dname`, `dname-and-ns`), non-ASCII names (`non-punycode-name`), and what its parser does not read:',
    '`$GENERATE`, a relative `$ORIGIN`, 38 old, rare or new types by name, SVCB keys after the first seven by',
    'name, unescaped punctuation in names (`knot-unsupported`);',
    'it loads a second SOA (it keeps the first), an SOA below the apex, a DS at the apex, a wildcard NS, meta-range',
    'types, CAA tags named refuses and TXT strings over 255 octets, and it checks CDS/CDNSKEY, RRSIG and NSEC3 only',
    'in a signed zone. `test/differential` checks both promises against the real validators on generated and mutated',
    'zones (`npm run differential`, `npm run differential -- --knot`; FUZZING.md has the figures).',
    '',
    'This file is generated from the tables in the code by `test/unit/core/rules-doc.test.ts`',
    '(`UPDATE_DOCS=1 npx mocha test/unit/core/rules-doc.test.ts` rewrites it; the test fails when it is out of date).',
    '',
    '## Lint rules',
    '',
    '| code | severity (cloudflare) | severity (bind) | severity (knot) | what it means |',
    '|---|---|---|---|---|',
  );
  for (const rule of rules) {
    const severity = (profile: Profile): string =>
      rule.profiles.includes(profile) ? severityIn(rule, profile) : 'not checked';
    const severities = profiles.map((profile) => severity(profile)).join(' | ');
    out.push(`| \`${rule.code}\` | ${severities} | ${cell(sentence(rule.description))} |`);
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
  out.push('', ...ceilingLines());
  return out.join('\n');
}
