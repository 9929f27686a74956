import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Directive, includeTarget, resolveIncludePath, type ZoneDiagnostic } from '../../core/src/index';
import type { Diagnostic, DiagnosticRelatedInformation, Range as LspRange, TextEdit } from 'vscode-languageserver';
import { toLspEdit, toLspRange, toLspSeverity } from './convert';

export const diagnosticSource = 'zone-records';

/** A quick fix carried in `Diagnostic.data`, so that code actions need no second analysis. */
export interface FixData {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

export interface DiagnosticData {
  readonly fixes: readonly FixData[];
}

/** Where the document is, to place findings that belong to `$INCLUDE`d files. */
export interface DiagnosticContext {
  readonly uri: string;
  /** File system path of the document, when it has one. */
  readonly path: string | undefined;
  /** The document's `$INCLUDE` directives with their current lines. */
  readonly includes: readonly Directive[];
}

/**
 * Turns a core finding into an LSP diagnostic: code, source `zone-records`, related places, and the fixes as data.
 * A finding inside an `$INCLUDE`d file is shown on the `$INCLUDE` line that brings the file in, and points to
 * the exact place in the included file.
 */
export function toLspDiagnostic(finding: ZoneDiagnostic, context: DiagnosticContext): Diagnostic {
  const related: DiagnosticRelatedInformation[] = (finding.related ?? []).map((place) => ({
    location: { uri: uriOf(place.file, context), range: toLspRange(place.range) },
    message: place.message,
  }));
  let range: LspRange = toLspRange(finding.range);
  let message = finding.message;
  if (finding.file !== undefined) {
    const include = includeLine(finding.file, context);
    range = include === undefined ? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } : include;
    message = `${displayPath(finding.file, context)}:${finding.range.start.line + 1}: ${finding.message}`;
    related.unshift({ location: { uri: uriOf(finding.file, context), range: toLspRange(finding.range) }, message });
  }
  const diagnostic: Diagnostic = {
    range,
    severity: toLspSeverity(finding.severity),
    code: finding.code,
    source: diagnosticSource,
    message,
  };
  if (related.length > 0) diagnostic.relatedInformation = related;
  // Edits in another file cannot be applied as a fix to this one.
  if (finding.file === undefined && finding.fixes !== undefined && finding.fixes.length > 0) {
    const data: DiagnosticData = {
      fixes: finding.fixes.map((fix) => ({ title: fix.title, edits: fix.edits.map((edit) => toLspEdit(edit)) })),
    };
    diagnostic.data = data;
  }
  return diagnostic;
}

/** Reads the fixes back from a diagnostic that this server published (none for any other). */
export function fixesOf(diagnostic: Diagnostic): readonly FixData[] {
  if (diagnostic.source !== diagnosticSource) return [];
  const fixes = (diagnostic.data as Partial<DiagnosticData> | undefined)?.fixes;
  return Array.isArray(fixes) ? (fixes as readonly FixData[]) : [];
}

function uriOf(file: string | undefined, context: DiagnosticContext): string {
  return file === undefined ? context.uri : pathToFileURL(file).toString();
}

function displayPath(file: string, context: DiagnosticContext): string {
  return context.path === undefined ? file : path.relative(path.dirname(context.path), file) || file;
}

function includeLine(file: string, context: DiagnosticContext): LspRange | undefined {
  for (const directive of context.includes) {
    const target = directive.arguments[0]?.text;
    if (target === undefined) continue;
    if (resolveIncludePath(includeTarget(target), context.path, undefined, path) === file)
      return toLspRange(directive.range);
  }
  // A finding in a nested include: show it on the first `$INCLUDE`, which leads to it.
  const first = context.includes[0];
  return first === undefined ? undefined : toLspRange(first.range);
}
