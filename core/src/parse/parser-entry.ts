import { TokenCode, tokenKinds } from './lexer';
import { SourceToken, type SourceText } from './source';
import type { TokenKind, TokenRole } from '../types';

/**
 * The words and quoted strings of the entry being read, kept as offsets in typed arrays reused from entry to
 * entry: a lint run reads a million records without a token object for every owner, TTL, class and type.
 * `token(i)` makes a word's `SourceToken` (once per entry) for what keeps it: rdata, directive arguments.
 * When the caller wants the token list, the lexed objects are handed in and reused, so roles land on them.
 */
export class EntryWords {
  /** Number of words in the entry. */
  length = 0;
  private codes = new Uint8Array(64);
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  // Written at every index on push, never truncated (truncating a JS array is a slow path in V8).
  private readonly roles: (TokenRole | undefined)[] = [];
  private readonly objects: (SourceToken | undefined)[] = [];

  constructor(private readonly source: SourceText) {}

  /** Starts a new entry. */
  clear(): void {
    this.length = 0;
  }

  /** Appends a word or string token; `object` is its token when one was already made. */
  push(code: number, start: number, end: number, object: SourceToken | undefined): void {
    const index = this.length;
    if (index === this.codes.length) this.grow();
    this.codes[index] = code;
    this.starts[index] = start;
    this.ends[index] = end;
    this.roles[index] = undefined;
    this.objects[index] = object;
    this.length = index + 1;
  }

  /** True when the word at `index` is unquoted (not a `"string"`). */
  isWord(index: number): boolean {
    return this.codes[index] === TokenCode.word;
  }

  kind(index: number): TokenKind {
    return tokenKinds[this.codes[index] ?? TokenCode.word];
  }

  start(index: number): number {
    return this.starts[index] ?? 0;
  }

  end(index: number): number {
    return this.ends[index] ?? 0;
  }

  text(index: number): string {
    return this.source.text.slice(this.starts[index], this.ends[index]);
  }

  setRole(index: number, role: TokenRole): void {
    this.roles[index] = role;
    const object = this.objects[index];
    if (object !== undefined) object.role = role;
  }

  /** The token of the word at `index` (the same object each time within the entry), with its role. */
  token(index: number): SourceToken {
    let object = this.objects[index];
    if (object === undefined) {
      object = new SourceToken(this.kind(index), this.start(index), this.end(index), this.source);
      object.role = this.roles[index];
      this.objects[index] = object;
    }
    return object;
  }

  /** The tokens of the words from `from` to the end of the entry. */
  tokensFrom(from: number): SourceToken[] {
    // Exact size: records keep their rdata for as long as a document is open.
    const tokens = new Array<SourceToken>(Math.max(0, this.length - from));
    for (let index = from; index < this.length; index++) tokens[index - from] = this.token(index);
    return tokens;
  }

  private grow(): void {
    const size = this.codes.length * 2;
    const codes = new Uint8Array(size);
    codes.set(this.codes);
    this.codes = codes;
    const starts = new Int32Array(size);
    starts.set(this.starts);
    this.starts = starts;
    const ends = new Int32Array(size);
    ends.set(this.ends);
    this.ends = ends;
  }
}
