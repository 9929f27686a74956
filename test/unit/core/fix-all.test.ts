import { strict as assert } from 'node:assert';
import { applyFixes } from '../../../core/src/lint/fix-all';
import type { Range, ZoneDiagnostic } from '../../../core/src/types';

const text = 'abcdefghij';
const range = (start: number, end: number): Range => ({
  start: { line: 0, character: start, offset: start },
  end: { line: 0, character: end, offset: end },
});
const finding = (edits: [number, number, string][], file?: string): ZoneDiagnostic => ({
  code: 'x',
  severity: 'warning',
  message: 'x',
  range: range(edits[0]?.[0] ?? 0, edits[0]?.[1] ?? 0),
  ...(file === undefined ? {} : { file }),
  fixes: [{ title: 'fix', edits: edits.map(([start, end, newText]) => ({ range: range(start, end), newText })) }],
});

describe('applyFixes', () => {
  it('applies the first fix of each finding, all edits of a fix together', () => {
    const result = applyFixes(text, [
      finding([[0, 1, 'A']]),
      finding([
        [3, 4, 'D'],
        [8, 8, '+'],
      ]),
    ]);
    assert.deepEqual(result, { text: 'AbcDefgh+ij', fixed: 2 });
  });

  it('leaves a fix that overlaps or shares an insertion point with one taken, and findings in included files', () => {
    const result = applyFixes(text, [
      finding([[2, 5, '']]),
      finding([[4, 6, 'X']]), // overlaps the first
      finding([[5, 5, '!']]), // an insertion where the first ends
      finding([[7, 8, 'H']], 'other.zone'),
      finding([[8, 9, 'I']]), // touches nothing taken
    ]);
    assert.deepEqual(result, { text: 'abfghIj', fixed: 2 });
  });

  it('changes nothing without fixes', () => {
    assert.deepEqual(applyFixes(text, [{ code: 'x', severity: 'error', message: 'x', range: range(0, 1) }]), {
      text,
      fixed: 0,
    });
  });
});
