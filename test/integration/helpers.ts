import * as assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ZoneRecordsApi } from '../../client/src/extension';

/** Set by scripts/test-integration.mjs (or test-electron.mjs) for the extension host. */
export const testEnv = {
  token: required('ZONE_RECORDS_TEST_TOKEN'),
  apiUrl: required('ZONE_RECORDS_TEST_API_URL'),
  zoneIds: JSON.parse(required('ZONE_RECORDS_TEST_ZONE_IDS')) as Record<string, string>,
  workspace: required('ZONE_RECORDS_TEST_WORKSPACE'),
  signals: process.env.ZONE_RECORDS_TEST_SIGNALS,
};

function required(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '')
    throw new Error(`${name} is not set: run the suite with npm run test:integration`);
  return value;
}

export async function extensionApi(): Promise<ZoneRecordsApi> {
  const extension = vscode.extensions.getExtension<ZoneRecordsApi>('zone-records.zone-records');
  assert.ok(extension, 'the extension is loaded');
  return extension.activate();
}

export function fixtureUri(name: string): vscode.Uri {
  return vscode.Uri.file(path.join(testEnv.workspace, name));
}

export async function openFixture(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(name));
  return vscode.window.showTextDocument(document);
}

/** Polls `probe` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Asks the runner for a screenshot of the workbench (saved to docs/NAME.png) and waits until it is taken.
 * Without a runner that takes screenshots (test:electron) it does nothing.
 */
export async function screenshot(name: string): Promise<void> {
  const signals = testEnv.signals;
  if (signals === undefined) return;
  // Let the workbench paint what the test just did.
  await new Promise((resolve) => setTimeout(resolve, 800));
  console.log(`[zone-records:screenshot] ${name}`);
  await waitFor(`screenshot ${name}`, () => existsSync(path.join(signals, `${name}.done`)), 30_000);
}

/** Closes every editor and notification so that a test starts from a clean workbench. */
export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.commands.executeCommand('notifications.clearAll');
}

/**
 * Widens the sidebar (narrow in the test window) so that screenshots show its labels as a user sees them: the
 * runner drags its edge. Without such a runner (test:electron) it does nothing.
 */
export async function widenSideBar(width = 360): Promise<void> {
  const signals = testEnv.signals;
  if (signals === undefined) return;
  const done = path.join(signals, 'sidebar.done');
  if (existsSync(done)) rmSync(done);
  console.log(`[zone-records:sidebar] ${width}`);
  await waitFor('the sidebar to be resized', () => existsSync(done), 30_000);
}
