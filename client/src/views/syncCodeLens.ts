import * as vscode from 'vscode';
import type { FileSyncTracker } from '../state/fileSync';
import { type StatusAction, syncLenses, syncStatusBarText } from '../text/syncStatusText';

/** The line a zone file's sync CodeLens sits on: its SOA record, else its first line that is not a comment. */
export function lensLine(document: vscode.TextDocument): number {
  const lines = Math.min(document.lineCount, 200);
  let first: number | undefined;
  for (let line = 0; line < lines; line++) {
    const text = document.lineAt(line).text.replace(/;.*/, '');
    if (text.trim() === '') continue;
    first ??= line;
    if (/\sSOA\s/i.test(` ${text} `)) return line;
  }
  return first ?? 0;
}

/** The command a piece of text runs, with the file it is about. */
function commandOf(action: StatusAction, uri: vscode.Uri): vscode.Command {
  const withFile = action.command === 'zoneRecords.planSync' || action.command === 'zoneRecords.linkZoneFile';
  return {
    title: action.title,
    command: action.command,
    ...(action.tooltip === undefined ? {} : { tooltip: action.tooltip }),
    ...(withFile ? { arguments: [uri] } : {}),
  };
}

/** `example.com on Cloudflare · 3 to create, 1 to update | Plan Sync` above the SOA of every tracked zone file. */
export class SyncCodeLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly tracker: FileSyncTracker) {
    this.subscription = tracker.onDidChange(() => this.changed.fire());
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const state = this.tracker.state(document.uri);
    if (state === undefined) return [];
    const line = lensLine(document);
    const range = new vscode.Range(line, 0, line, 0);
    return syncLenses(state).map((action) => new vscode.CodeLens(range, commandOf(action, document.uri)));
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** The sync state of the active zone file in the status bar; a click plans the sync (or says what to do first). */
export class SyncStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('zoneRecords.fileSync', vscode.StatusBarAlignment.Left, 9);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly tracker: FileSyncTracker) {
    this.item.name = 'Zone Records: sync state of the zone file';
    this.subscriptions = [
      tracker.onDidChange(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    ];
    this.update();
  }

  /** The item's current text, for the integration tests ('' when hidden). */
  get text(): string {
    return this.visible ? this.item.text : '';
  }

  private visible = false;

  private update(): void {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const state = uri === undefined ? undefined : this.tracker.state(uri);
    if (uri === undefined || state === undefined) {
      this.visible = false;
      this.item.hide();
      return;
    }
    const action = syncStatusBarText(state);
    this.item.text = action.title;
    this.item.tooltip = action.tooltip;
    this.item.command = action.command === '' ? undefined : commandOf(action, uri);
    this.visible = true;
    this.item.show();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }
}
