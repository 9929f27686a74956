import { diagnosticCodes, nearestCode } from './codes';
import type { Profile, Severity } from './types';

/** What a rule or diagnostic code can be set to: a severity, or `off` to drop it. */
export type RuleSetting = Severity | 'off';

/**
 * The lint settings, typed once and shared by the CLI, the language server and the VS Code client
 * (`zoneRecords.lint.profile` and `zoneRecords.lint.rules`).
 */
export interface LintSettings {
  /**
   * `cloudflare` (default) adds Cloudflare's import and API limits to the RFC checks; `bind` errs where named-checkzone
   * refuses the zone, `knot` where kzonecheck does.
   */
  readonly profile: Profile;
  /** Per-code overrides: any rule code, or a parser/rdata code, mapped to a severity or `off`. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
}

export const profiles: readonly Profile[] = ['cloudflare', 'bind', 'knot'];
export const ruleSettings: readonly RuleSetting[] = ['error', 'warning', 'information', 'hint', 'off'];

export const defaultLintSettings: LintSettings = { profile: 'cloudflare', rules: {} };

export function isProfile(value: unknown): value is Profile {
  return typeof value === 'string' && (profiles as readonly string[]).includes(value);
}

export function isRuleSetting(value: unknown): value is RuleSetting {
  return typeof value === 'string' && (ruleSettings as readonly string[]).includes(value);
}

/** Settings read from untrusted input, with a readable note for every value that was ignored. */
export interface SettingsReading {
  readonly settings: LintSettings;
  readonly problems: readonly string[];
}

/**
 * Reads lint settings from a plain object such as VS Code's configuration section or a JSON file
 * (`{ "profile": "bind", "rules": { "duplicate-record": "off" } }`). Bad values are ignored and reported,
 * never thrown: the defaults stand in for them.
 */
export function readLintSettings(value: unknown): SettingsReading {
  const problems: string[] = [];
  if (value === undefined || value === null) return { settings: defaultLintSettings, problems };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { settings: defaultLintSettings, problems: ['lint settings must be an object; using the defaults'] };
  }
  const record = value as Record<string, unknown>;
  let profile = defaultLintSettings.profile;
  if (record.profile !== undefined) {
    if (isProfile(record.profile)) profile = record.profile;
    else
      problems.push(`profile ${JSON.stringify(record.profile)} is not one of ${profiles.join(', ')}; using ${profile}`);
  }
  const rules: Record<string, RuleSetting> = {};
  if (record.rules !== undefined) {
    if (typeof record.rules !== 'object' || record.rules === null || Array.isArray(record.rules)) {
      problems.push('rules must be an object mapping a code to a severity or "off"');
    } else {
      for (const [code, setting] of Object.entries(record.rules as Record<string, unknown>)) {
        const unknown = unknownCodeProblem(code);
        if (unknown !== undefined) problems.push(`rules: ${unknown}; ignored`);
        else if (isRuleSetting(setting)) rules[code] = setting;
        else
          problems.push(`rule ${code}: ${JSON.stringify(setting)} is not one of ${ruleSettings.join(', ')}; ignored`);
      }
    }
  }
  return { settings: { profile, rules }, problems };
}

/** Why a code given in settings or on the command line is not one the core reports (with the likely one), if so. */
export function unknownCodeProblem(code: string): string | undefined {
  if (diagnosticCodes.has(code)) return undefined;
  const nearest = nearestCode(code);
  return `'${code}' is not a diagnostic code${nearest === undefined ? '' : ` (did you mean '${nearest}'?)`}; the codes are listed in docs/rules.md`;
}
