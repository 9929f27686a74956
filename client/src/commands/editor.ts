import * as path from 'node:path';
import * as vscode from 'vscode';
import { UserError } from '../errors';
import { linksFileName, type ZoneLink } from '../text/zoneLinks';
import type { ViewQuery } from '../views/viewQuery';
import { resolveZone, type CommandContext } from './context';

/** "Only drift" in the records view: only records that differ from the zone's linked file (toggles without `on`). */
export function toggleDriftOnly(context: CommandContext, on?: boolean): ViewQuery {
  const { driftOnly: _previous, ...rest } = context.tree.query;
  const query: ViewQuery = (on ?? context.tree.query.driftOnly !== true) ? { ...rest, driftOnly: true } : rest;
  context.tree.setQuery(query);
  return query;
}

/**
 * Links a zone file to a zone (chosen from those the credentials see, or `zone`) in its workspace folder's
 * `.zone-records.json`: for files whose `$ORIGIN` is not enough, such as the same zone name in two accounts.
 */
export async function linkZoneFile(
  context: CommandContext,
  target?: vscode.Uri,
  args?: { readonly zone?: string },
): Promise<ZoneLink> {
  const uri = target ?? vscode.window.activeTextEditor?.document.uri;
  if (uri === undefined) throw new UserError('Open a zone file first (the command links the active editor).');
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (folder === undefined) throw new UserError('Open the folder that holds the file: the link is kept in it.');
  const zone = await resolveZone(context, args?.zone);
  const linksUri = vscode.Uri.joinPath(folder.uri, linksFileName);
  const links = await readJson(linksUri);
  const pattern = vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/');
  const files = typeof links.files === 'object' && links.files !== null ? (links.files as Record<string, unknown>) : {};
  const link = { zone: zone.name, zoneId: zone.id };
  const text = `${JSON.stringify({ ...links, files: { ...files, [pattern]: link } }, null, 2)}\n`;
  await vscode.workspace.fs.writeFile(linksUri, new TextEncoder().encode(text));
  context.logger.info(`Linked ${pattern} to ${zone.name} (${zone.id}) in ${linksFileName}.`);
  await context.fileSync.refresh([uri]);
  return { pattern, ...link };
}

async function readJson(uri: vscode.Uri): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return {};
  }
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json === 'object' && json !== null && !Array.isArray(json)) return json as Record<string, unknown>;
  } catch {
    // Reported below.
  }
  throw new UserError(`${path.basename(uri.path)} is not a JSON object; fix or remove it first.`);
}

/**
 * Starts the local Cloudflare emulator in VS Code and connects to it instead of Cloudflare: it serves the zones the
 * workspace's zone files name (else example.com), empty, so that a sync can fill them. With `persist` (default) its
 * records are kept in VS Code's storage for the next time.
 */
export async function tryEmulator(
  context: CommandContext,
  args?: { readonly persist?: boolean; readonly zones?: readonly string[] },
): Promise<{ url: string; zones: string[] }> {
  const zones = args?.zones ?? context.fileSync.zoneNames();
  let statePath: string | undefined;
  if (args?.persist !== false) {
    await vscode.workspace.fs.createDirectory(context.extension.globalStorageUri);
    statePath = path.join(context.extension.globalStorageUri.fsPath, 'emulator-state.json');
  }
  const running = await context.localEmulator.start(zones.length === 0 ? ['example.com'] : zones, statePath);
  await context.session.useConnection({ baseUrl: running.url, token: running.token });
  await vscode.commands.executeCommand('setContext', 'zoneRecords.emulatorRunning', true);
  await context.credentialsChanged();
  const served = running.emulator.zones.all().map((zone) => zone.info.name);
  const message = `The local emulator runs at ${running.url} with ${served.join(', ')}: nothing reaches Cloudflare.`;
  context.logger.info(message);
  void vscode.window.showInformationMessage(`Zone Records: ${message}`, 'Stop Emulator').then((choice) => {
    if (choice === 'Stop Emulator') void vscode.commands.executeCommand('zoneRecords.stopEmulator');
  });
  return { url: running.url, zones: served };
}

/** Stops the local emulator and goes back to the configured API and credentials. */
export async function stopEmulator(context: CommandContext): Promise<void> {
  await context.localEmulator.stop();
  await context.session.useConnection(undefined);
  await vscode.commands.executeCommand('setContext', 'zoneRecords.emulatorRunning', false);
  await context.credentialsChanged();
  context.logger.info('The local emulator stopped; back to the configured API.');
}

/**
 * Excludes the change at the cursor of the Plan Sync diff (either side) from the next apply, or includes it again:
 * the diff editor's next/previous change moves the cursor, this decides. `{ uri, line }` names the place instead.
 */
export function excludeChange(
  context: CommandContext,
  args?: { readonly uri: vscode.Uri; readonly line: number },
): { excluded: boolean; count: number } {
  const editor = vscode.window.activeTextEditor;
  const uri = args?.uri ?? editor?.document.uri;
  const line = args?.line ?? editor?.selection.active.line;
  if (uri === undefined || line === undefined) throw new UserError('Put the cursor on a change in the Plan Sync diff.');
  const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
  const lineText = document !== undefined && line < document.lineCount ? document.lineAt(line).text : '';
  const result = context.exclusions.toggle(uri, line, lineText);
  if (result === undefined) {
    throw new UserError('No change of the last Plan Sync is on this line: move to a change (F7 / Shift+F7) first.');
  }
  const what = result.excluded ? 'Excluded the change on this line from' : 'The change on this line is back in';
  void vscode.window.showInformationMessage(
    `Zone Records: ${what} the next apply (${result.count} excluded). Apply Sync applies the rest.`,
  );
  return { excluded: result.excluded, count: result.count };
}
