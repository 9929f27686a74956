import { defaultLintSettings, type LintSettings, readLintSettings } from '../../core/src/index';

/** The configuration section the server reads (`zoneRecords.lint.profile`, `zoneRecords.lint.rules`). */
export const configurationSection = 'zoneRecords';

/** Everything the server takes from settings, typed once. */
export interface ServerSettings {
  readonly lint: LintSettings;
}

export const defaultServerSettings: ServerSettings = { lint: defaultLintSettings };

/**
 * Reads the `zoneRecords` section as the client sends it (workspace/configuration or didChangeConfiguration).
 * Bad values fall back to the defaults and come back as readable problems for the log, never as errors.
 */
export function readServerSettings(section: unknown): { settings: ServerSettings; problems: readonly string[] } {
  const lint = typeof section === 'object' && section !== null ? (section as { lint?: unknown }).lint : undefined;
  const reading = readLintSettings(lint);
  return { settings: { lint: reading.settings }, problems: reading.problems };
}
