import assert from 'node:assert/strict';
import { Lexer, startsLine } from '../../../core/src/parse/lexer';
import { SourceText } from '../../../core/src/parse/source';
import { covered, span, type Span } from './parser-helpers';

interface Lexed {
  tokens: [string, string, Span][];
  reports: [string, number, number][];
}

function lex(text: string): Lexed {
  const reports: [string, number, number][] = [];
  const source = new SourceText(text);
  const lexer = new Lexer(source, 0, text.length, (code, _message, start, end) => reports.push([code, start, end]));
  const tokens: [string, string, Span][] = [];
  for (let token = lexer.next(); token !== undefined; token = lexer.next()) {
    assert.equal(covered(text, token.range), token.text);
    tokens.push([token.kind, token.text, span(token.range)!]);
  }
  return { tokens, reports };
}

describe('lexer', () => {
  it('splits a record into words with exact ranges and ends it with a newline token', () => {
    const { tokens, reports } = lex('www  300 IN A 192.0.2.1\n');
    assert.deepEqual(tokens, [
      ['word', 'www', [0, 0, 0, 3]],
      ['word', '300', [0, 5, 0, 8]],
      ['word', 'IN', [0, 9, 0, 11]],
      ['word', 'A', [0, 12, 0, 13]],
      ['word', '192.0.2.1', [0, 14, 0, 23]],
      ['newline', '\n', [0, 23, 1, 0]],
    ]);
    assert.deepEqual(reports, []);
  });

  it('treats line breaks inside parentheses as blanks and keeps the parentheses as tokens', () => {
    const { tokens } = lex('@ SOA a b (\n 1 ; serial\n 2 )\nx');
    assert.deepEqual(tokens, [
      ['word', '@', [0, 0, 0, 1]],
      ['word', 'SOA', [0, 2, 0, 5]],
      ['word', 'a', [0, 6, 0, 7]],
      ['word', 'b', [0, 8, 0, 9]],
      ['open', '(', [0, 10, 0, 11]],
      ['word', '1', [1, 1, 1, 2]],
      ['comment', '; serial', [1, 3, 1, 11]],
      ['word', '2', [2, 1, 2, 2]],
      ['close', ')', [2, 3, 2, 4]],
      ['newline', '\n', [2, 4, 3, 0]],
      ['word', 'x', [3, 0, 3, 1]],
    ]);
  });

  it('ends words at parentheses, quotes and semicolons without blanks between', () => {
    const { tokens } = lex('a(b)"c";d');
    assert.deepEqual(
      tokens.map(([kind, text]) => `${kind}:${text}`),
      ['word:a', 'open:(', 'word:b', 'close:)', 'string:"c"', 'comment:;d'],
    );
  });

  it('keeps escapes inside words, including an escaped blank, semicolon and parenthesis', () => {
    const { tokens, reports } = lex('a\\ b\\;c\\(d \\065\\255');
    assert.deepEqual(
      tokens.map(([kind, text]) => `${kind}:${text}`),
      ['word:a\\ b\\;c\\(d', 'word:\\065\\255'],
    );
    assert.deepEqual(reports, []);
  });

  it('reads quoted strings with escaped quotes and backslashes', () => {
    const { tokens, reports } = lex('"a \\"q\\" \\\\ ;(x)" next');
    assert.deepEqual(tokens[0], ['string', '"a \\"q\\" \\\\ ;(x)"', [0, 0, 0, 17]]);
    assert.deepEqual(tokens[1], ['word', 'next', [0, 18, 0, 22]]);
    assert.deepEqual(reports, []);
  });

  it('reports a string left open at the end of its line and goes on with the next line', () => {
    const { tokens, reports } = lex('t TXT "abc\nnext A 1');
    assert.deepEqual(tokens[2], ['string', '"abc', [0, 6, 0, 10]]);
    assert.deepEqual(tokens[3], ['newline', '\n', [0, 10, 1, 0]]);
    assert.deepEqual(tokens[4], ['word', 'next', [1, 0, 1, 4]]);
    assert.deepEqual(reports, [['unterminated-string', 6, 10]]);
  });

  it('reports bad \\DDD escapes and a backslash before the end of a line', () => {
    assert.deepEqual(lex('\\256').reports, [['bad-escape', 0, 4]]);
    assert.deepEqual(lex('a\\12 b').reports, [['bad-escape', 1, 4]]);
    assert.deepEqual(lex('a\\\nb').reports, [['bad-escape', 1, 2]]);
    assert.deepEqual(lex('"x\\').reports, [
      ['bad-escape', 2, 3],
      ['unterminated-string', 0, 3],
    ]);
  });

  it('reports a closing parenthesis without an opening one, and one never closed', () => {
    assert.deepEqual(lex('a ) b').reports, [['unbalanced-parentheses', 2, 3]]);
    const open = lex('a ( b\nc\n');
    assert.deepEqual(open.reports, [['unbalanced-parentheses', 2, 3]]);
    assert.equal(
      open.tokens.some(([kind]) => kind === 'newline'),
      false,
    );
    assert.deepEqual(lex('a ( b ( c ( d').reports, [['unbalanced-parentheses', 2, 3]]);
    assert.deepEqual(lex('a ( b ) ( c').reports, [['unbalanced-parentheses', 8, 9]]);
  });

  it('counts CRLF and lone CR as one line break each, as LSP does', () => {
    const { tokens } = lex('a\r\nb\rc\n\nd');
    assert.deepEqual(tokens, [
      ['word', 'a', [0, 0, 0, 1]],
      ['newline', '\r\n', [0, 1, 1, 0]],
      ['word', 'b', [1, 0, 1, 1]],
      ['newline', '\r', [1, 1, 2, 0]],
      ['word', 'c', [2, 0, 2, 1]],
      ['newline', '\n', [2, 1, 3, 0]],
      ['newline', '\n', [3, 0, 4, 0]],
      ['word', 'd', [4, 0, 4, 1]],
    ]);
  });

  it('counts characters in UTF-16 code units', () => {
    const { tokens } = lex('bücher.example 😀x A');
    assert.deepEqual(tokens[0], ['word', 'bücher.example', [0, 0, 0, 14]]);
    assert.deepEqual(tokens[1], ['word', '😀x', [0, 15, 0, 18]]);
    assert.deepEqual(tokens[2], ['word', 'A', [0, 19, 0, 20]]);
  });

  it('skips a byte-order mark and still sees the first word at the start of the line', () => {
    const text = '\ufeffwww A 1';
    const { tokens } = lex(text);
    assert.deepEqual(tokens[0], ['word', 'www', [0, 1, 0, 4]]);
    assert.equal(startsLine(text, 1), true);
    assert.equal(startsLine(' www', 1), false);
  });

  it('lexes nothing from empty or blank text', () => {
    assert.deepEqual(lex('').tokens, []);
    assert.deepEqual(lex('  \t ').tokens, []);
  });
});
