import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { loadZoneForSync, type ZoneForSync } from '../../cloudflare/src/index';
import type { ZoneDiagnostic } from '../../core/src/index';
import { readSettings } from './config';
import { UserError } from './errors';
import { liveScheme } from './views/liveDocuments';

/** A zone file open in an editor, loaded for Cloudflare with the user's lint settings: no lint errors in it. */
export type LoadedZoneDocument = Extract<ZoneForSync, { ok: true }> & {
  readonly uri: vscode.Uri;
  readonly text: string;
};

/** What a zone file is read from: an open document, or a file's text read from disk. */
export type ZoneSource = Pick<vscode.TextDocument, 'uri' | 'getText'>;

/** The document a file command works on: the `uri` argument, else the active editor's zone file. */
export async function zoneDocument(uri: vscode.Uri | undefined): Promise<vscode.TextDocument> {
  if (uri !== undefined) return vscode.workspace.openTextDocument(uri);
  const document = vscode.window.activeTextEditor?.document;
  // The sync diff's own read-only sides are not zone files to work on.
  if (document === undefined || document.uri.scheme === liveScheme) {
    throw new UserError('Open a zone file first (the command works on the active editor).');
  }
  return document;
}

/**
 * Loads a document the way `zone-records plan` loads a file (one loader for both); `zone` overrides the zone the
 * file names. Lint errors throw, worded by `describeErrors` when given, else as the sync words them.
 */
export function loadZoneDocument(
  document: ZoneSource,
  zone: string | undefined,
  describeErrors?: (errors: readonly ZoneDiagnostic[]) => string,
): LoadedZoneDocument {
  const text = document.getText();
  const loaded = loadZoneForSync(
    { text, path: document.uri.fsPath, readFile: readIncluded, pathOperations: path },
    { lintSettings: readSettings(document.uri).lint, ...(zone === undefined ? {} : { zone }) },
  );
  if (loaded.ok) return { ...loaded, uri: document.uri, text };
  if (loaded.reason === 'lint-errors' && describeErrors) throw new UserError(describeErrors(loaded.errors));
  throw new ZoneFileError(loaded.reason, loaded.message, loaded.reason === 'lint-errors' ? loaded.errors.length : 0);
}

/** A zone file that cannot be synced as it is: its zone is unknown, or it has lint errors. */
export class ZoneFileError extends UserError {
  constructor(
    readonly reason: 'unknown-zone' | 'lint-errors',
    message: string,
    readonly errorCount: number,
  ) {
    super(message);
    this.name = 'ZoneFileError';
  }
}

/** An `$INCLUDE`d file: its open editor's text (unsaved edits count), else the file on disk. */
function readIncluded(file: string): string | undefined {
  const open = vscode.workspace.textDocuments.find((doc) => doc.uri.fsPath === file);
  if (open !== undefined) return open.getText();
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** `line 3: cname-conflict …` lines for a message. */
export function describeDiagnostics(diagnostics: readonly ZoneDiagnostic[], limit = 5): string {
  const lines = diagnostics
    .slice(0, limit)
    .map((diagnostic) => `line ${diagnostic.range.start.line + 1}: ${diagnostic.code}: ${diagnostic.message}`);
  if (diagnostics.length > limit) lines.push(`… and ${diagnostics.length - limit} more`);
  return lines.join('\n');
}
