import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import { rangesOverlap } from '../convert';
import { diagnosticSource, fixesOf } from '../diagnostics';
import { disableMarker, scanLineComment } from '../../../core/src/index';

/**
 * Quick fixes for the diagnostics in the request: one code action per fix the core attached to a finding
 * (Punycode rewrite, remove duplicate, nearest allowed TTL, ...). `current` are the diagnostics last published
 * for the document; they are preferred over the client's copy, whose data some clients drop.
 */
export function codeActions(
  params: CodeActionParams,
  current: readonly Diagnostic[],
  lineText: (line: number) => string,
): CodeAction[] {
  const only = params.context.only;
  if (only !== undefined && !only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return [];
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  for (const requested of params.context.diagnostics) {
    const diagnostic = current.find((candidate) => sameDiagnostic(candidate, requested)) ?? requested;
    const fixes = fixesOf(diagnostic);
    for (const fix of fixes) {
      const key = `${fix.title}\u0000${JSON.stringify(fix.edits)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [requested],
        isPreferred: fixes.length === 1,
        edit: { changes: { [params.textDocument.uri]: [...fix.edits] } },
      });
    }
  }
  for (const requested of params.context.diagnostics) {
    const action = disableAction(params.textDocument.uri, requested, lineText);
    if (action !== undefined && !seen.has(action.title)) {
      seen.add(action.title);
      actions.push(action);
    }
  }
  if (params.context.diagnostics.length === 0) {
    // Lightbulb requests without diagnostics (a cursor move): offer the fixes of what lies under the cursor.
    for (const diagnostic of current) {
      if (!rangesOverlap(diagnostic.range, params.range)) continue;
      for (const fix of fixesOf(diagnostic)) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: { changes: { [params.textDocument.uri]: [...fix.edits] } },
        });
      }
    }
  }
  return actions;
}

/**
 * "Disable CODE on this line": adds `; zone-records-disable-line CODE` at the end of the finding's line, or the
 * marker to the comment already there, which the linter honours for that line.
 */
function disableAction(
  uri: string,
  diagnostic: Diagnostic,
  lineText: (line: number) => string,
): CodeAction | undefined {
  if (diagnostic.source !== diagnosticSource || typeof diagnostic.code !== 'string') return undefined;
  const line = diagnostic.range.start.line;
  const text = lineText(line).replace(/\r?\n$/, '');
  const commentAt = scanLineComment(text).commentStart;
  if (commentAt >= 0 && text.slice(commentAt).includes(disableMarker)) return undefined;
  const trimmed = text.trimEnd();
  const newText = commentAt >= 0 ? ` ${disableMarker} ${diagnostic.code}` : ` ; ${disableMarker} ${diagnostic.code}`;
  const at = { line, character: trimmed.length };
  return {
    title: `Disable ${diagnostic.code} on this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [uri]: [{ range: { start: at, end: { line, character: text.length } }, newText }] } },
  };
}

function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return (
    a.code === b.code &&
    a.message === b.message &&
    a.range.start.line === b.range.start.line &&
    a.range.start.character === b.range.start.character &&
    a.range.end.line === b.range.end.line &&
    a.range.end.character === b.range.end.character
  );
}
