import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { ZoneView } from '../view';

/**
 * Folding: records whose parentheses span lines, each `$ORIGIN` block (to the line before the next `$ORIGIN` or
 * the last record), and runs of two or more comment lines.
 */
export function foldingRanges(view: ZoneView, lineCount: number, lineText: (line: number) => string): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  let lastRecordLine = -1;
  for (const { item: record, lineShift } of view.records()) {
    const start = record.range.start.line + lineShift;
    const end = record.range.end.line + lineShift;
    if (end > start) ranges.push({ startLine: start, endLine: end });
    lastRecordLine = Math.max(lastRecordLine, end);
  }
  const origins: number[] = [];
  for (const { item: directive, lineShift } of view.directives()) {
    if (directive.name === '$ORIGIN' && directive.file === undefined)
      origins.push(directive.range.start.line + lineShift);
  }
  origins.sort((a, b) => a - b);
  for (let index = 0; index < origins.length; index++) {
    const start = origins[index];
    const next = origins[index + 1];
    let end = next === undefined ? Math.max(lastRecordLine, start) : next - 1;
    while (end > start && lineText(end).trim() === '') end--;
    if (end > start) ranges.push({ startLine: start, endLine: end, kind: FoldingRangeKind.Region });
  }
  ranges.push(...commentBlocks(lineCount, lineText));
  return ranges;
}

function commentBlocks(lineCount: number, lineText: (line: number) => string): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  let blockStart = -1;
  for (let line = 0; line <= lineCount; line++) {
    const isComment = line < lineCount && lineText(line).trimStart().startsWith(';');
    if (isComment && blockStart < 0) blockStart = line;
    if (!isComment && blockStart >= 0) {
      if (line - 1 > blockStart)
        ranges.push({ startLine: blockStart, endLine: line - 1, kind: FoldingRangeKind.Comment });
      blockStart = -1;
    }
  }
  return ranges;
}
