import { SourceToken, type SourceText } from './source';
import type { TokenKind } from '../types';

/** Receives the lexer's findings; `start`/`end` are offsets into the source text. */
export type LexReport = (code: string, message: string, start: number, end: number) => void;

const TAB = 9;
const LF = 10;
const VT = 11;
const FF = 12;
const CR = 13;
const SPACE = 32;
const QUOTE = 34;
const OPEN = 40;
const CLOSE = 41;
const SEMICOLON = 59;
const BACKSLASH = 92;
const ZERO = 48;
const NINE = 57;
const BOM = 0xfeff;

// Character classes for the ASCII range: what ends an unquoted word (RFC 1035 §5.1 plus BIND's specials).
const WORD = 0;
const BLANK = 1;
const BREAK = 2;
const SPECIAL = 3;
const charClass = new Uint8Array(128);
charClass[TAB] = BLANK;
charClass[SPACE] = BLANK;
charClass[VT] = BLANK;
charClass[FF] = BLANK;
charClass[LF] = BREAK;
charClass[CR] = BREAK;
charClass[QUOTE] = SPECIAL;
charClass[OPEN] = SPECIAL;
charClass[CLOSE] = SPECIAL;
charClass[SEMICOLON] = SPECIAL;

/** A run of word characters (backslash excluded: an escape is read by `Lexer.escape`), matched from `lastIndex`. */
const wordRun = /[^\t\n\v\f\r "();\\]*/y;
/** Word characters read one by one before `wordRun` takes over: a call into the regular expression costs more. */
const longWord = 16;

/** Token kinds as `Lexer.scan` returns them (numbers, so that scanning allocates nothing). */
export const TokenCode = { word: 0, string: 1, open: 2, close: 3, comment: 4, newline: 5, end: -1 } as const;

/** The `TokenKind` of each `TokenCode` (indexed by code). */
export const tokenKinds: readonly TokenKind[] = ['word', 'string', 'open', 'close', 'comment', 'newline'];

/** True when `offset` is the first character of a line (so a word there is an owner or a directive). */
export function startsLine(text: string, offset: number): boolean {
  if (offset === 0) return true;
  const previous = text.charCodeAt(offset - 1);
  return previous === LF || previous === CR || (offset === 1 && previous === BOM);
}

/**
 * A hand-written lexer over char codes. It yields `word`, `string`, `open`, `close`, `comment` and `newline`
 * tokens; line breaks inside parentheses are whitespace. It never throws: unterminated strings, bad escapes and
 * unbalanced parentheses are reported and lexing goes on. `scan` is the allocation-free form (a cursor: kind
 * returned, offsets in `tokenStart`/`tokenEnd`); `next` wraps it in a `SourceToken`.
 */
export class Lexer {
  /** Offset of the next character to read. */
  position: number;
  /** Offsets of the token `scan` returned last. */
  tokenStart = 0;
  tokenEnd = 0;
  private depth = 0;
  /** Offset of the outermost '(' not closed yet; -1 when none is open. */
  private outermostOpen = -1;
  private readonly text: string;
  /** Offsets of the `\DDD` escapes reported since `forgetEscapes`, so that a names check can skip them. */
  private readonly badEscapes: number[] = [];
  // The next backslash, LF and CR at or after some offset already passed (Infinity: none up to the end): found with
  // indexOf, which reads a long string far faster than a loop, and found again only once the lexer is past them.
  private nextBackslash = -1;
  private nextLf = -1;
  private nextCr = -1;

  constructor(
    private readonly source: SourceText,
    start: number,
    private readonly end: number,
    private readonly report: LexReport,
    /**
     * Finds the end of a quoted string with indexOf and of a long word with a regular expression (false: one
     * character at a time, as a reference in tests).
     */
    private readonly indexedStrings = true,
  ) {
    this.text = source.text;
    this.position = start;
  }

  /** True when a bad `\DDD` escape in [start, end) was reported since the last `forgetEscapes`. */
  reportedEscapeIn(start: number, end: number): boolean {
    return this.badEscapes.some((offset) => offset >= start && offset < end);
  }

  /** Clears the escapes remembered for `reportedEscapeIn` (the parser calls it at each record). */
  forgetEscapes(): void {
    if (this.badEscapes.length > 0) this.badEscapes.length = 0;
  }

  /** Parenthesis nesting at the current position (0 at the start of every record). */
  get parenthesisDepth(): number {
    return this.depth;
  }

  /** The next token, or undefined at the end (after reporting any parenthesis left open). */
  next(): SourceToken | undefined {
    const code = this.scan();
    return code === TokenCode.end
      ? undefined
      : new SourceToken(tokenKinds[code], this.tokenStart, this.tokenEnd, this.source);
  }

  /**
   * Reads the next token and returns its `TokenCode` (its offsets are then in `tokenStart` and `tokenEnd`), or
   * `TokenCode.end` at the end, after reporting any parenthesis left open.
   */
  scan(): number {
    const text = this.text;
    const end = this.end;
    let position = this.position;
    while (position < end) {
      const code = text.charCodeAt(position);
      const kind = code < 128 ? charClass[code] : WORD;
      if (kind === BLANK) {
        position++;
        continue;
      }
      if (kind === BREAK) {
        const breakEnd = code === CR && text.charCodeAt(position + 1) === LF ? position + 2 : position + 1;
        this.source.addLineStart(breakEnd);
        if (this.depth > 0) {
          position = breakEnd;
          continue;
        }
        return this.token(TokenCode.newline, position, breakEnd);
      }
      if (kind === SPECIAL) return this.special(code, position);
      // A byte-order mark opening the text is not part of the first owner name.
      if (code === BOM && position === 0) {
        position++;
        continue;
      }
      return this.word(position);
    }
    this.position = position;
    this.closeAtEnd();
    return TokenCode.end;
  }

  private token(code: number, start: number, end: number): number {
    this.tokenStart = start;
    this.tokenEnd = end;
    this.position = end;
    return code;
  }

  private special(code: number, start: number): number {
    if (code === SEMICOLON) return this.comment(start);
    if (code === QUOTE) return this.quoted(start);
    if (code === OPEN) {
      if (this.depth === 0) this.outermostOpen = start;
      this.depth++;
      return this.token(TokenCode.open, start, start + 1);
    }
    if (this.depth === 0) {
      this.report('unbalanced-parentheses', "')' without a matching '(': remove it or add the '('", start, start + 1);
    } else {
      this.depth--;
      if (this.depth === 0) this.outermostOpen = -1;
    }
    return this.token(TokenCode.close, start, start + 1);
  }

  private comment(start: number): number {
    const text = this.text;
    const end = this.end;
    let position = start + 1;
    while (position < end) {
      const code = text.charCodeAt(position);
      if (code === LF || code === CR) break;
      position++;
    }
    return this.token(TokenCode.comment, start, position);
  }

  private quoted(start: number): number {
    if (this.indexedStrings) {
      // Most strings hold no escape: then the closing quote ends them unless a line break comes first.
      const close = this.text.indexOf('"', start + 1);
      if (close >= 0 && close < this.end && close < this.firstStop(start + 1)) {
        return this.token(TokenCode.string, start, close + 1);
      }
    }
    const text = this.text;
    const end = this.end;
    let position = start + 1;
    while (position < end) {
      const code = text.charCodeAt(position);
      if (code === QUOTE) return this.token(TokenCode.string, start, position + 1);
      if (code === LF || code === CR) break;
      if (code === BACKSLASH) {
        position = this.escape(position);
        continue;
      }
      position++;
    }
    this.report(
      'unterminated-string',
      "quoted string is not closed on this line: add the closing '\"'",
      start,
      position,
    );
    return this.token(TokenCode.string, start, position);
  }

  /** The offset of the first backslash, LF or CR at or after `from` (Infinity when there is none). */
  private firstStop(from: number): number {
    const text = this.text;
    if (this.nextBackslash < from) this.nextBackslash = indexOrInfinity(text, '\\', from);
    if (this.nextLf < from) this.nextLf = indexOrInfinity(text, '\n', from);
    if (this.nextCr < from) this.nextCr = indexOrInfinity(text, '\r', from);
    return Math.min(this.nextBackslash, this.nextLf, this.nextCr);
  }

  private word(start: number): number {
    const text = this.text;
    const end = this.end;
    let position = start;
    let counted = 0;
    while (position < end) {
      if (++counted === longWord && this.indexedStrings) {
        // A long word (a key, a signature, a hash): the native matcher reads the rest of its plain run.
        wordRun.lastIndex = position;
        wordRun.test(text);
        if (wordRun.lastIndex >= end) return this.token(TokenCode.word, start, end);
        position = wordRun.lastIndex;
        continue;
      }
      const code = text.charCodeAt(position);
      if (code < 128) {
        if (charClass[code] !== WORD) break;
        if (code === BACKSLASH) {
          position = this.escape(position);
          continue;
        }
      }
      position++;
    }
    return this.token(TokenCode.word, start, position);
  }

  /** Checks the escape starting at the backslash at `at`; returns the offset after it. */
  private escape(at: number): number {
    const text = this.text;
    const next = at + 1;
    if (next >= this.end) {
      this.report('bad-escape', "'\\' at the end of the text escapes nothing: remove it or write '\\\\'", at, next);
      return next;
    }
    const code = text.charCodeAt(next);
    if (code === LF || code === CR) {
      this.report('bad-escape', "'\\' at the end of a line escapes nothing: remove it or write '\\\\'", at, next);
      return next;
    }
    if (code < ZERO || code > NINE) return next + 1;
    let value = 0;
    let position = next;
    while (position < next + 3 && position < this.end) {
      const digit = text.charCodeAt(position);
      if (digit < ZERO || digit > NINE) break;
      value = value * 10 + (digit - ZERO);
      position++;
    }
    if (position - next < 3 || value > 255) this.badEscapes.push(at);
    if (position - next < 3) {
      this.report('bad-escape', "a '\\DDD' escape needs exactly three decimal digits (e.g. '\\032')", at, position);
    } else if (value > 255) {
      this.report('bad-escape', `'\\${value}' is not a byte: a '\\DDD' escape must be 000 to 255`, at, position);
    }
    return position;
  }

  // Only the outermost unclosed '(' is reported: the others are inside it, and a file of stray '(' must not
  // become as many findings.
  private closeAtEnd(): void {
    const outermost = this.outermostOpen;
    if (outermost >= 0) {
      this.report(
        'unbalanced-parentheses',
        "'(' is never closed: add the matching ')' at the end of the record",
        outermost,
        outermost + 1,
      );
    }
    this.outermostOpen = -1;
    this.depth = 0;
  }
}

function indexOrInfinity(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at < 0 ? Number.POSITIVE_INFINITY : at;
}
