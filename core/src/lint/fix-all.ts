import { applyEdits } from '../edits';
import type { TextEdit, ZoneDiagnostic } from '../types';

/** The text after applying the fixes, and how many findings they fixed. */
export interface FixedText {
  readonly text: string;
  readonly fixed: number;
}

function clash(edit: TextEdit, other: TextEdit | undefined): boolean {
  if (other === undefined) return false;
  const start = edit.range.start.offset;
  const end = edit.range.end.offset;
  const otherStart = other.range.start.offset;
  const otherEnd = other.range.end.offset;
  if (start < otherEnd && otherStart < end) return true;
  // Edits that touch are only safe when neither is an insertion: two insertions at one place have no order.
  const touching = start === otherEnd || end === otherStart;
  return touching && (start === end || otherStart === otherEnd);
}

/** Index of the first accepted edit that starts at or after `offset` (the accepted edits are sorted by start). */
function lowerBound(accepted: readonly TextEdit[], offset: number): number {
  let low = 0;
  let high = accepted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (accepted[middle].range.start.offset < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Index of the first accepted edit that starts after `offset`. */
function upperBound(accepted: readonly TextEdit[], offset: number): number {
  let low = 0;
  let high = accepted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (accepted[middle].range.start.offset <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Whether `edit` clashes with an accepted edit. These do not overlap one another, so only the one starting before
 * `edit` and the two starting at or after it can: a lint of 100k fixable findings takes linear time, not quadratic.
 */
function conflicts(accepted: readonly TextEdit[], edit: TextEdit): boolean {
  const at = lowerBound(accepted, edit.range.start.offset);
  return clash(edit, accepted[at - 1]) || clash(edit, accepted[at]) || clash(edit, accepted[at + 1]);
}

function insideText(edit: TextEdit, length: number): boolean {
  const { start, end } = edit.range;
  return start.offset >= 0 && start.offset <= end.offset && end.offset <= length;
}

/**
 * Applies the first fix of each finding in the document itself (findings in included files are left), in document
 * order. A fix whose edits touch those of a fix already taken is left for another pass: lint again and call this
 * again until it fixes nothing.
 */
export function applyFixes(text: string, findings: readonly ZoneDiagnostic[]): FixedText {
  const accepted: TextEdit[] = [];
  let fixed = 0;
  const fixable = findings
    .filter((finding) => finding.file === undefined && (finding.fixes?.length ?? 0) > 0)
    .sort((a, b) => a.range.start.offset - b.range.start.offset);
  for (const finding of fixable) {
    const edits = [...(finding.fixes?.[0]?.edits ?? [])].sort((a, b) => a.range.start.offset - b.range.start.offset);
    // A fix's own edits may touch (LSP orders them as given) but not overlap.
    const ownClash = edits.some(
      (edit, index) => index > 0 && edit.range.start.offset < edits[index - 1].range.end.offset,
    );
    if (ownClash || edits.some((edit) => !insideText(edit, text.length) || conflicts(accepted, edit))) continue;
    // After the accepted edits that start at the same place, so that a fix's own edits keep their order.
    for (const edit of edits) accepted.splice(upperBound(accepted, edit.range.start.offset), 0, edit);
    fixed++;
  }
  return { text: applyEdits(text, accepted), fixed };
}
