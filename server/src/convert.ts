import {
  DiagnosticSeverity,
  type Position as LspPosition,
  type Range as LspRange,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import type { Position, Range, Severity, TextEdit } from '../../core/src/index';

/** The core's positions are already LSP positions (0-based line, UTF-16 character); this drops the offset. */
export function toLspPosition(position: Position, lineShift = 0): LspPosition {
  return { line: position.line + lineShift, character: position.character };
}

export function toLspRange(range: Range, lineShift = 0): LspRange {
  return { start: toLspPosition(range.start, lineShift), end: toLspPosition(range.end, lineShift) };
}

export function toLspEdit(edit: TextEdit, lineShift = 0): LspTextEdit {
  return { range: toLspRange(edit.range, lineShift), newText: edit.newText };
}

const severities: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspSeverity(severity: Severity): DiagnosticSeverity {
  return severities[severity];
}

/** True when `position` lies inside `range` (both ends included, as an editor cursor touching a token counts). */
export function rangeContains(range: LspRange, position: LspPosition): boolean {
  if (position.line < range.start.line || position.line > range.end.line) return false;
  if (position.line === range.start.line && position.character < range.start.character) return false;
  if (position.line === range.end.line && position.character > range.end.character) return false;
  return true;
}

/** True when two ranges share at least one position. */
export function rangesOverlap(a: LspRange, b: LspRange): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}

export function comparePositions(a: LspPosition, b: LspPosition): number {
  return a.line === b.line ? a.character - b.character : a.line - b.line;
}
