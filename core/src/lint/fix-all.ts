import type { TextEdit, ZoneDiagnostic } from '../types';

/** The text after applying the fixes, and how many findings they fixed. */
export interface FixedText {
  readonly text: string;
  readonly fixed: number;
}

function conflicts(accepted: readonly TextEdit[], edit: TextEdit): boolean {
  const start = edit.range.start.offset;
  const end = edit.range.end.offset;
  return accepted.some((other) => {
    const otherStart = other.range.start.offset;
    const otherEnd = other.range.end.offset;
    if (start < otherEnd && otherStart < end) return true;
    // Edits that touch are only safe when neither is an insertion: two insertions at one place have no order.
    const touching = start === otherEnd || end === otherStart;
    return touching && (start === end || otherStart === otherEnd);
  });
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
    const edits = finding.fixes?.[0]?.edits ?? [];
    if (edits.some((edit) => edit.range.end.offset > text.length || conflicts(accepted, edit))) continue;
    accepted.push(...edits);
    fixed++;
  }
  accepted.sort((a, b) => b.range.start.offset - a.range.start.offset);
  let result = text;
  for (const edit of accepted) {
    result = result.slice(0, edit.range.start.offset) + edit.newText + result.slice(edit.range.end.offset);
  }
  return { text: result, fixed };
}
