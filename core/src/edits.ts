import type { TextEdit } from './types';

/**
 * Applies non-overlapping edits to text: formatting, all fixes at once (fix-all.ts), callers without an editor. The text
 * is cut once, in order, so that a formatted 1 MB zone (an edit on most lines) takes linear time.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.range.start.offset - b.range.start.offset);
  const parts: string[] = [];
  let done = 0;
  for (const edit of sorted) {
    parts.push(text.slice(done, edit.range.start.offset), edit.newText);
    done = edit.range.end.offset;
  }
  parts.push(text.slice(done));
  return parts.join('');
}
