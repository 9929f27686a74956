import * as vscode from 'vscode';

/** The URI scheme of the extension's read-only documents (record details, the two sides of a sync diff). */
export const liveScheme = 'zone-records';

/**
 * Read-only documents whose text the extension sets: a record's details as JSON, and the live and local zone
 * texts that the sync diff compares. Setting a document's text again updates any editor showing it.
 */
export class LiveZoneDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  /** Stores `text` under `path` (e.g. `/details/example.com/www A.json`) and returns its URI. */
  set(path: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: liveScheme, path });
    this.texts.set(uri.toString(), text);
    // Only an open document needs the update (VS Code complains about a change to a closed one).
    if (vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString())) {
      this.changed.fire(uri);
    }
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.changed.dispose();
  }
}
