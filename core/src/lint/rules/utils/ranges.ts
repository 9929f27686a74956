import type { Position, Range } from '../../../types';

/** A range inside a one-line token, from character offsets relative to the token's start. */
export function subRange(token: Range, start: number, end: number): Range {
  const length = token.end.offset - token.start.offset;
  if (token.start.line !== token.end.line || start < 0 || end > length || start > end) return token;
  return { start: shift(token.start, start), end: shift(token.start, end) };
}

function shift(position: Position, by: number): Position {
  return { line: position.line, character: position.character + by, offset: position.offset + by };
}

/** An empty range at the start of a document. */
export const documentStart: Range = {
  start: { line: 0, character: 0, offset: 0 },
  end: { line: 0, character: 0, offset: 0 },
};
