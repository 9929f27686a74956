import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import { rangesOverlap } from './convert';
import { fixesOf } from './diagnostics';

/**
 * Quick fixes for the diagnostics in the request: one code action per fix the core attached to a finding
 * (Punycode rewrite, remove duplicate, nearest allowed TTL, ...). `current` are the diagnostics last published
 * for the document; they are preferred over the client's copy, whose data some clients drop.
 */
export function codeActions(params: CodeActionParams, current: readonly Diagnostic[]): CodeAction[] {
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
