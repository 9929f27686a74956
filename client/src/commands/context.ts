import * as vscode from 'vscode';
import type { ApiSession } from '../api';
import type { CloudflareClient, DnsRecord, Zone } from '../../../cloudflare/src/index';
import { UserError } from '../errors';
import type { Logger } from '../log';
import type { LocalEmulator } from '../localEmulator';
import type { CredentialStore } from '../secrets';
import type { SyncExclusions } from '../state/exclusions';
import type { FileSyncTracker } from '../state/fileSync';
import type { ZoneStatusBar } from '../statusBar';
import type { LiveZoneDocuments } from '../views/liveDocuments';
import type { TreeNode } from '../views/nodes';
import { zoneOfNode } from '../views/nodes';
import type { RecordsTreeProvider } from '../views/recordsTree';

/** What every command can use. */
export interface CommandContext {
  readonly extension: vscode.ExtensionContext;
  readonly session: ApiSession;
  readonly store: CredentialStore;
  readonly tree: RecordsTreeProvider;
  readonly logger: Logger;
  readonly statusBar: ZoneStatusBar;
  readonly documents: LiveZoneDocuments;
  /** The sync state of the workspace's zone files (CodeLens, status bar, drift). */
  readonly fileSync: FileSyncTracker;
  readonly localEmulator: LocalEmulator;
  /** Changes excluded from the next apply in the diff editor. */
  readonly exclusions: SyncExclusions;
  /** Updates the `zoneRecords.hasCredentials` context key (the welcome view) and redraws. */
  readonly credentialsChanged: () => Promise<void>;
}

/**
 * Where a zone command gets its zone: a tree node, a zone name or id, `{ zoneId }` / `{ zone }`, else the one
 * zone there is, else a quick pick.
 */
export type ZoneTarget = TreeNode | string | { readonly zoneId?: string; readonly zone?: string } | undefined;

export async function resolveZone(
  context: Pick<CommandContext, 'session' | 'tree'> & Partial<Pick<CommandContext, 'statusBar'>>,
  target: ZoneTarget,
): Promise<Zone> {
  const client = await context.session.client();
  if (typeof target === 'object' && target !== null && 'kind' in target) {
    const node = zoneOfNode(target);
    if (node) return node.zone;
  }
  const wanted =
    typeof target === 'string'
      ? target
      : typeof target === 'object' && target !== null && !('kind' in target)
        ? (target.zoneId ?? target.zone)
        : undefined;
  if (wanted !== undefined) {
    const node = await context.tree.findZone(wanted);
    if (node) return node.zone;
    const found = await client.findZone(wanted.replace(/\.$/, ''));
    if (found) return found;
    throw new UserError(`No zone "${wanted}" is visible to these credentials. Check the name, or the token's zones.`);
  }
  const zones = await context.tree.zoneNodes();
  if (zones.length === 0) throw new UserError('These credentials see no zone.');
  const only = zones[0];
  if (zones.length === 1 && only) return only.zone;
  const active = context.statusBar?.activeZone;
  const picked = await vscode.window.showQuickPick(
    zones.map((node) => ({ label: node.zone.name, description: node.zone.plan.name ?? '', zone: node.zone })),
    { title: 'Zone Records: choose a zone', placeHolder: active ? `Active: ${active.name}` : 'Zone' },
  );
  if (!picked) throw new Cancelled();
  return picked.zone;
}

/** A record command's target: a tree node, or `{ zoneId, recordId }`. */
export type RecordTarget = TreeNode | { readonly zoneId: string; readonly recordId: string } | undefined;

/** The zone and the record as the API has it now (a fresh read, so edits start from the current state). */
export async function resolveRecord(
  context: CommandContext,
  target: RecordTarget,
): Promise<{ zone: Zone; record: DnsRecord; client: CloudflareClient }> {
  const client = await context.session.client();
  if (target !== undefined && 'kind' in target) {
    if (target.kind === 'record' || target.kind === 'scannedRecord') {
      if (target.kind === 'scannedRecord') return { zone: target.zone.zone, record: target.record, client };
      return { zone: target.zone.zone, record: await client.getRecord(target.zone.zone.id, target.record.id), client };
    }
    throw new UserError('Choose a record in the Zone Records view.');
  }
  if (target === undefined) throw new UserError('Choose a record in the Zone Records view.');
  const zone = await resolveZone(context, { zoneId: target.zoneId });
  return { zone, record: await client.getRecord(zone.id, target.recordId), client };
}

/** The user dismissed a prompt: the command stops quietly. */
export class Cancelled extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'Cancelled';
  }
}

/** An input box whose dismissal cancels the command. */
export async function ask(options: vscode.InputBoxOptions): Promise<string> {
  const value = await vscode.window.showInputBox({ ignoreFocusOut: true, ...options });
  if (value === undefined) throw new Cancelled();
  return value;
}

/** A quick pick whose dismissal cancels the command. */
export async function pick<T extends vscode.QuickPickItem>(
  items: readonly T[],
  options: vscode.QuickPickOptions,
): Promise<T> {
  const chosen = await vscode.window.showQuickPick(items, { ignoreFocusOut: true, ...options });
  if (chosen === undefined) throw new Cancelled();
  return chosen;
}
