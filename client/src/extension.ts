import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ApiSession } from './api';
import { failures, registerCommands } from './commands';
import type { CommandContext } from './commands/context';
import { affectsConnection, section } from './config';
import { startLanguageClient } from './languageClient';
import { Logger } from './log';
import { CredentialStore } from './secrets';
import { LocalEmulator } from './localEmulator';
import { SyncExclusions } from './state/exclusions';
import { FileSyncTracker } from './state/fileSync';
import { ZoneStatusBar } from './statusBar';
import { DriftDecorations } from './views/driftDecorations';
import { SyncCodeLenses, SyncStatusItem } from './views/syncCodeLens';
import { cloudflareZoneNameOf } from '../../core/src/index';
import { LiveZoneDocuments, liveScheme } from './views/liveDocuments';
import type { TreeNode } from './views/nodes';
import { RecordsTreeProvider } from './views/recordsTree';
import { languageId } from '../../protocol/src/index';

/** What activate returns: used by the integration tests, not a public API. */
export interface ZoneRecordsApi {
  readonly tree: RecordsTreeProvider;
  readonly view: vscode.TreeView<TreeNode>;
  readonly statusBar: ZoneStatusBar;
  readonly fileSync: FileSyncTracker;
  readonly syncStatus: SyncStatusItem;
  readonly codeLenses: SyncCodeLenses;
  readonly decorations: DriftDecorations;
  readonly logLines: () => readonly string[];
  readonly failures: readonly string[];
  readonly languageClient: () => LanguageClient | undefined;
}

let languageClient: LanguageClient | undefined;

/** Activation only: builds the pieces, wires them together and registers everything. */
export function activate(extension: vscode.ExtensionContext): ZoneRecordsApi {
  const logger = new Logger();
  const store = new CredentialStore(extension.secrets);
  const session = new ApiSession(store, logger);
  const tree = new RecordsTreeProvider(session, logger);
  const statusBar = new ZoneStatusBar();
  logger.onBudget((budget) => statusBar.showBudget(budget));
  const documents = new LiveZoneDocuments();
  const view = vscode.window.createTreeView('zoneRecords.records', { treeDataProvider: tree, showCollapseAll: true });
  const fileSync = new FileSyncTracker({ session, tree, logger });
  tree.setDriftSource(fileSync);
  const localEmulator = new LocalEmulator();
  const exclusions = new SyncExclusions();
  const codeLenses = new SyncCodeLenses(fileSync);
  const decorations = new DriftDecorations(fileSync);
  const syncStatus = new SyncStatusItem(fileSync);

  const credentialsChanged = async (): Promise<void> => {
    const has = await session.hasCredentials();
    await vscode.commands.executeCommand('setContext', 'zoneRecords.hasCredentials', has);
    tree.refresh();
    if (!has) statusBar.hide();
    else void updateStatusBar(context);
  };
  const context: CommandContext = {
    extension,
    session,
    store,
    tree,
    logger,
    statusBar,
    documents,
    fileSync,
    localEmulator,
    exclusions,
    credentialsChanged,
  };

  extension.subscriptions.push(
    logger,
    session,
    tree,
    statusBar,
    documents,
    view,
    fileSync,
    localEmulator,
    exclusions,
    codeLenses,
    decorations,
    syncStatus,
    fileSync.onDidChange(() => tree.redraw()),
    vscode.languages.registerCodeLensProvider({ language: languageId }, codeLenses),
    vscode.window.registerFileDecorationProvider(decorations),
    vscode.workspace.registerTextDocumentContentProvider(liveScheme, documents),
    ...registerCommands(context),
    tree.onDidChangeQuery(() => {
      const description = tree.describeQuery();
      view.description = description === '' ? undefined : description;
      void vscode.commands.executeCommand('setContext', 'zoneRecords.filtered', description !== '');
    }),
    store.onDidChange(() => void session.reset().then(credentialsChanged)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsConnection(event)) void session.reset().then(credentialsChanged);
      else if (
        event.affectsConfiguration(`${section}.zoneFilter`) ||
        event.affectsConfiguration(`${section}.recordsPageSize`)
      ) {
        tree.refresh();
      }
    }),
    view.onDidChangeSelection((event) => {
      const node = event.selection[0];
      if (node && node.kind !== 'message') {
        const zone = node.kind === 'zone' ? node : node.zone;
        statusBar.show({ name: zone.zone.name, id: zone.zone.id }, zone.usage);
      }
    }),
    vscode.window.onDidChangeActiveTextEditor(() => void updateStatusBar(context)),
    tree.onDidChangeUsage((node) => {
      if (statusBar.activeZone?.id === node.zone.id) statusBar.show(statusBar.activeZone, node.usage);
    }),
  );

  void credentialsChanged();
  void startLanguageClient(extension, logger).then((client) => {
    languageClient = client;
  });

  return {
    tree,
    view,
    statusBar,
    fileSync,
    syncStatus,
    codeLenses,
    decorations,
    logLines: () => logger.recentLines(),
    failures,
    languageClient: () => languageClient,
  };
}

/** Shows the zone of the active zone file (when the credentials see it) in the status bar. */
async function updateStatusBar(context: CommandContext): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (document?.languageId !== languageId) return;
  // $ORIGIN and SOA come first in a zone file: the head is enough, even for a huge file.
  const head = document.getText(new vscode.Range(0, 0, 200, 0));
  const name = cloudflareZoneNameOf(head, document.uri.path);
  if (name === undefined) return;
  const node = await context.tree.findZone(name);
  if (node) context.statusBar.show({ name: node.zone.name, id: node.zone.id }, node.usage);
}

export async function deactivate(): Promise<void> {
  await languageClient?.stop();
  languageClient = undefined;
}
