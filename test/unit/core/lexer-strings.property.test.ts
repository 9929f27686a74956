import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Lexer } from '../../../core/src/parse/lexer';
import { SourceText } from '../../../core/src/parse/source';

/** Every token (kind and offsets), report and line start the lexer gives on text[start, end). */
function lexAll(text: string, start: number, end: number, indexedStrings: boolean): unknown {
  const reports: [string, number, number][] = [];
  const source = new SourceText(text);
  const lexer = new Lexer(
    source,
    start,
    end,
    (code, _message, from, to) => reports.push([code, from, to]),
    indexedStrings,
  );
  const tokens: [number, number, number][] = [];
  for (let code = lexer.scan(); code !== -1; code = lexer.scan()) tokens.push([code, lexer.tokenStart, lexer.tokenEnd]);
  const lines = [0, 1, 2, 3, 4, 5].map((line) => source.position(Math.min(end, line * 7)).line);
  return { tokens, reports, lines, depth: lexer.parenthesisDepth };
}

describe('lexer: quoted strings found with indexOf, long words with a regular expression', () => {
  it('lexes exactly as the character-by-character reading, whatever the quotes, escapes, line ends and bounds', () => {
    const unit = fc.constantFrom('"', '"', '\\', '\n', '\r', 'a', ' ', ';', '(', ')', '1', '2', '\u00e9');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), fc.nat(), fc.nat(), (text, a, b) => {
        const start = text.length === 0 ? 0 : a % (text.length + 1);
        const end = start + (text.length === start ? 0 : b % (text.length - start + 1));
        assert.deepEqual(lexAll(text, start, end, true), lexAll(text, start, end, false));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads long words exactly as the character-by-character reading', () => {
    // Mostly word characters, so that words run past the length where the regular expression takes over.
    const wordUnit = fc.constantFrom(
      'a',
      'B',
      '9',
      '+',
      '/',
      '=',
      '\u00e9',
      '\\',
      ' ',
      '\t',
      '\u000b',
      '\n',
      ';',
      '"',
      '(',
    );
    const wordText = fc
      .array(fc.tuple(fc.string({ unit: fc.constantFrom('a', 'B', '9', '+', '/', '='), maxLength: 40 }), wordUnit))
      .map((parts) => parts.map(([run, stop]) => run + stop).join(''));
    fc.assert(
      fc.property(wordText, fc.nat(), (text, cut) => {
        const end = text.length - (text.length === 0 ? 0 : cut % Math.min(text.length, 8));
        assert.deepEqual(lexAll(text, 0, end, true), lexAll(text, 0, end, false));
      }),
      { numRuns: 3000 },
    );
  });
});
