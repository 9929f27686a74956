import * as path from 'node:path';
import * as vscode from 'vscode';
import { lint, parse, type ParseResult, type ZoneDiagnostic } from '../../core/src/index';
import { readSettings } from './config';
import { UserError } from './errors';
import { zoneNameOf } from './text/zoneOrigin';
import { liveScheme } from './views/liveDocuments';

/** A zone file open in an editor, parsed and linted with the user's lint settings. */
export interface LintedZoneFile {
  readonly uri: vscode.Uri;
  readonly text: string;
  readonly zoneName: string;
  readonly parsed: ParseResult;
  readonly errors: readonly ZoneDiagnostic[];
  readonly warnings: readonly ZoneDiagnostic[];
}

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

/** Parses and lints a document; `zoneName` overrides the zone the file names itself. */
export function lintZoneDocument(document: vscode.TextDocument, zoneName?: string): LintedZoneFile {
  const text = document.getText();
  const fileName = document.uri.path;
  const detected = zoneName ?? zoneNameOf(parse(text, { path: fileName }), fileName);
  if (detected === undefined) {
    throw new UserError(
      `Cannot tell which zone ${path.basename(fileName)} is: add "$ORIGIN example.com." at the top, or name the file ` +
        'db.example.com or example.com.zone.',
    );
  }
  const readFile = (included: string): string | undefined => {
    const open = vscode.workspace.textDocuments.find((doc) => doc.uri.fsPath === included);
    return open?.getText();
  };
  const parsed = parse(text, { origin: `${detected}.`, path: document.uri.fsPath, readFile, pathOperations: path });
  const diagnostics = lint(parsed, { settings: readSettings().lint, text, origin: `${detected}.` });
  return {
    uri: document.uri,
    text,
    zoneName: detected,
    parsed,
    errors: diagnostics.filter((diagnostic) => diagnostic.severity === 'error'),
    warnings: diagnostics.filter((diagnostic) => diagnostic.severity === 'warning'),
  };
}

/** `line 3: cname-conflict …` lines for a message. */
export function describeDiagnostics(diagnostics: readonly ZoneDiagnostic[], limit = 5): string {
  const lines = diagnostics
    .slice(0, limit)
    .map((diagnostic) => `line ${diagnostic.range.start.line + 1}: ${diagnostic.code}: ${diagnostic.message}`);
  if (diagnostics.length > limit) lines.push(`… and ${diagnostics.length - limit} more`);
  return lines.join('\n');
}
