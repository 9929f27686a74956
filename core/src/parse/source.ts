import type { Position, Range, Token, TokenKind, TokenRole } from '../types';

/**
 * The text being parsed plus the offsets where its lines start. Tokens and records keep only offsets and compute
 * line/character on demand from this shared table, which keeps a 100k-record document small in memory.
 * The lexer appends line starts as it goes, so positions are only asked for text already lexed.
 */
export class SourceText {
  private readonly lineStarts: number[];
  /** The index in lineStarts of the line `position` found last. */
  private lastLine = 0;

  /**
   * @param text the whole document (offsets are indexes into it)
   * @param firstLine the line number of the line starting at `firstLineStart` (non-zero when parsing resumes mid-document)
   * @param firstLineStart the offset where `firstLine` starts
   */
  constructor(
    readonly text: string,
    private readonly firstLine = 0,
    firstLineStart = 0,
  ) {
    this.lineStarts = [firstLineStart];
  }

  /** Records that a line starts at `offset` (called by the lexer after each line break, in increasing order). */
  addLineStart(offset: number): void {
    this.lineStarts.push(offset);
  }

  /** The line number of the last line the lexer has reached. */
  get currentLine(): number {
    return this.firstLine + this.lineStarts.length - 1;
  }

  position(offset: number): Position {
    const starts = this.lineStarts;
    const lastStart = starts[starts.length - 1];
    // The common case while parsing: a position on the line the lexer is on.
    if (offset >= lastStart) return { line: this.firstLine + starts.length - 1, character: offset - lastStart, offset };
    // Next most common: a record's own line, which the lexer has just left by reading its line break.
    const previousStart = starts[starts.length - 2] ?? 0;
    if (starts.length >= 2 && offset >= previousStart) {
      return { line: this.firstLine + starts.length - 2, character: offset - previousStart, offset };
    }
    // After the parse, findings are mostly asked for in file order: the line of the last answer, or the next one.
    let low = this.lastLine;
    if (!(starts[low] <= offset && offset < starts[low + 1])) {
      low = starts[low + 1] <= offset && offset < starts[low + 2] ? low + 1 : this.lineIndexOf(offset);
    }
    this.lastLine = low;
    return { line: this.firstLine + low, character: offset - starts[low], offset };
  }

  /** The index in lineStarts of the line holding `offset`, by binary search. */
  private lineIndexOf(offset: number): number {
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }
}

/** The plain-data view of a token, for JSON and deep equality in tests. */
export interface TokenData {
  readonly kind: TokenKind;
  readonly text: string;
  readonly range: Range;
  readonly role?: TokenRole;
}

/**
 * A token that points into its source: `text` and `range` are computed when read. Use the properties (spreading
 * the object does not copy them); `toJSON` gives the plain form.
 */
export class SourceToken implements Token {
  /** Set by the parser once it knows what the token means in its record. */
  role: TokenRole | undefined = undefined;

  constructor(
    readonly kind: TokenKind,
    /** Offset of the first character. */
    readonly start: number,
    /** Offset after the last character. */
    readonly end: number,
    readonly source: SourceText,
  ) {}

  get text(): string {
    return this.source.text.slice(this.start, this.end);
  }

  get range(): Range {
    return this.source.range(this.start, this.end);
  }

  toJSON(): TokenData {
    const data = { kind: this.kind, text: this.text, range: this.range };
    return this.role === undefined ? data : { ...data, role: this.role };
  }
}

/**
 * `text` as a string of its own. V8 makes a slice of 13 or more characters a view into the string it was cut from,
 * which then stays in memory as long as the slice does: a name that can outlive its document (an origin, which
 * names.ts keeps between calls) must not be such a view.
 */
export function detachedFromSource(text: string): string {
  return text.length < 13 ? text : text.split('').join('');
}

/**
 * True for the `\#` that opens RFC 3597 generic rdata. A source token of another length is ruled out without
 * slicing its text, which the rdata layer and the parser would otherwise do for every record.
 */
export function isGenericMarker(token: Token | undefined): boolean {
  if (token === undefined) return false;
  if (token instanceof SourceToken && token.end - token.start !== 2) return false;
  return token.text === '\\#';
}

/** A `$GENERATE` rdata token: its text is the expansion for one iteration, its range the template's. */
export class ExpandedToken implements Token {
  constructor(
    readonly text: string,
    private readonly template: SourceToken,
  ) {}

  get kind(): TokenKind {
    return this.template.kind;
  }

  get start(): number {
    return this.template.start;
  }

  get end(): number {
    return this.template.end;
  }

  get range(): Range {
    return this.template.range;
  }

  toJSON(): TokenData {
    return { kind: this.kind, text: this.text, range: this.range };
  }
}
