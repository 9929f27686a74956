// Shared helpers of the lexer and parser tests: compact views of ranges so assertions stay readable.
import type { Range, ZoneDiagnostic } from '../../../core/src/types';

/** `[startLine, startCharacter, endLine, endCharacter]` of a range. */
export type Span = [number, number, number, number];

export function span(range: Range | undefined): Span | undefined {
  if (range === undefined) return undefined;
  return [range.start.line, range.start.character, range.end.line, range.end.character];
}

/** The offsets of a range, `[start, end]`. */
export function offsets(range: Range): [number, number] {
  return [range.start.offset, range.end.offset];
}

/** Each diagnostic as `code@line:character-line:character`, for order-sensitive comparison. */
export function codes(diagnostics: readonly ZoneDiagnostic[]): string[] {
  return diagnostics.map((d) => {
    const [sl, sc, el, ec] = span(d.range)!;
    return `${d.code}@${sl}:${sc}-${el}:${ec}`;
  });
}

/** The text the range covers in `text`, checked against line/character by recomputing offsets from lines. */
export function covered(text: string, range: Range): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) lineStarts.push(i + 1);
  }
  const start = lineStarts[range.start.line] + range.start.character;
  const end = lineStarts[range.end.line] + range.end.character;
  if (start !== range.start.offset || end !== range.end.offset) {
    throw new Error(`line/character disagree with offsets: ${JSON.stringify(range)}`);
  }
  return text.slice(start, end);
}
