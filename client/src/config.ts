import * as vscode from 'vscode';
import { type LintSettings, readLintSettings } from '../../core/src/index';
import { configurationSection } from '../../protocol/src/index';

/** The configuration section of every setting (`zoneRecords.*`). */
export const section = configurationSection;

/** When a sync plan needs confirmation: more deletes than `maxCount`, or more than `maxRatio` of the zone. */
export interface DeleteConfirmation {
  readonly maxCount: number;
  readonly maxRatio: number;
}

/** Every setting the extension reads, typed once. */
export interface ExtensionSettings {
  /** Empty: `CLOUDFLARE_API_BASE_URL`, else Cloudflare's API. */
  readonly apiBaseUrl: string;
  /** Shows only zones whose name contains this text (empty: all zones). */
  readonly zoneFilter: string;
  readonly lint: LintSettings;
  /** Changes per batch request; 0 picks the zone plan's limit (200 Free, 3,500 paid). */
  readonly batchSize: number;
  readonly deleteConfirmation: DeleteConfirmation;
  /** Records loaded per page in the sidebar. */
  readonly recordsPageSize: number;
  readonly requestTimeoutSeconds: number;
  /** How often open zone files are compared with their live zone (0: only on open and save). */
  readonly syncCheckSeconds: number;
  /** Plan Sync's diff: the file itself against the live zone in its order, or both sides sorted. */
  readonly syncDiff: 'file' | 'sorted';
}

/**
 * Reads the settings now (no caching: VS Code's configuration is the source of truth). With a `scope` (a zone file's
 * URI) the resource settings (lint profile and rules, zone links) are those of the file's workspace folder, so a
 * multi-root workspace can hold a BIND folder and a Cloudflare folder.
 */
export function readSettings(scope?: vscode.ConfigurationScope): ExtensionSettings {
  const config = vscode.workspace.getConfiguration(section, scope);
  const number = (key: string, fallback: number, min: number, max: number): number => {
    const value = config.get<number>(key, fallback);
    return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
  };
  return {
    apiBaseUrl: config.get<string>('apiBaseUrl', '').trim(),
    zoneFilter: config.get<string>('zoneFilter', '').trim(),
    lint: readLintSettings({ profile: config.get('lint.profile'), rules: config.get('lint.rules') }).settings,
    batchSize: Math.floor(number('batchSize', 0, 0, 3500)),
    deleteConfirmation: {
      maxCount: Math.floor(number('deleteConfirmation.maxCount', 10, 0, 1_000_000)),
      maxRatio: number('deleteConfirmation.maxRatio', 0.25, 0, 1),
    },
    recordsPageSize: Math.floor(number('recordsPageSize', 1000, 5, 5000)),
    requestTimeoutSeconds: number('requestTimeoutSeconds', 60, 1, 600),
    syncCheckSeconds: Math.floor(number('syncCheckSeconds', 300, 0, 86400)),
    syncDiff: config.get<string>('syncDiff', 'file') === 'sorted' ? 'sorted' : 'file',
  };
}

/** True when a configuration change touches the API connection (base URL, timeout). */
export function affectsConnection(event: vscode.ConfigurationChangeEvent): boolean {
  return (
    event.affectsConfiguration(`${section}.apiBaseUrl`) ||
    event.affectsConfiguration(`${section}.requestTimeoutSeconds`)
  );
}
