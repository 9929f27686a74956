/** A cursor over one record's rdata tokens that collects fields and diagnostics for the per-type parsers. */
import { resolveName } from '../names';
import type { Fix, Range, RdataField, Severity, Token, ZoneDiagnostic } from '../types';
import type { RdataCode } from './codes';
import { decodeCharacterString, type DecodedString } from './text';
import type { RdataContext, RdataResult } from './types';

const ZERO_RANGE: Range = {
  start: { line: 0, character: 0, offset: 0 },
  end: { line: 0, character: 0, offset: 0 },
};

/** The part [start, end) of a token's text as a range; the whole token when the text spans lines. */
export function subRange(token: Token, start: number, end: number): Range {
  if (token.text.includes('\n') || token.range.end.offset - token.range.start.offset !== token.text.length) {
    return token.range;
  }
  const from = Math.max(0, Math.min(start, token.text.length));
  const to = Math.max(from, Math.min(end, token.text.length));
  const { line, character, offset } = token.range.start;
  return {
    start: { line, character: character + from, offset: offset + from },
    end: { line, character: character + to, offset: offset + to },
  };
}

/** The range from the start of `first` to the end of `last`. */
export function spanRange(first: Token, last: Token): Range {
  return { start: first.range.start, end: last.range.end };
}

const DECIMAL = /^\d+$/;

/** The value of a string of decimal digits (as Number would read it), or NaN when it is empty or has another character. */
export function decimalValue(text: string): number {
  // Up to 15 digits the sum is exact, so a loop gives Number's answer without a regular expression test first.
  if (text.length === 0 || text.length > 15) return DECIMAL.test(text) ? Number(text) : Number.NaN;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * A field that covers one whole token: its range is the token's, computed when read. The record keeps its rdata
 * tokens anyway, so a held document pays one small object per field instead of a range and two positions.
 */
class TokenField implements RdataField {
  readonly #token: Token;

  constructor(
    readonly name: string,
    readonly value: string,
    token: Token,
  ) {
    this.#token = token;
  }

  get range(): Range {
    return this.#token.range;
  }

  toJSON(): RdataField {
    return { name: this.name, value: this.value, range: this.range };
  }
}

export class RdataReader {
  private index = 0;
  // Sized for one field per token, what most types have: a record keeps its fields for as long as the document
  // is open, and a pushed-to array would keep spare room (17 slots after the first push) or need a copy.
  private readonly fieldList: RdataField[];
  private fieldCount = 0;
  private readonly diagnosticList: ZoneDiagnostic[] = [];

  constructor(
    readonly tokens: readonly Token[],
    readonly context: RdataContext,
    readonly type: string,
  ) {
    this.fieldList = new Array<RdataField>(tokens.length);
  }

  get remaining(): number {
    return this.tokens.length - this.index;
  }

  get hasErrors(): boolean {
    return this.diagnosticList.some((diagnostic) => diagnostic.severity === 'error');
  }

  peek(): Token | undefined {
    return this.tokens[this.index];
  }

  /** The next token, or undefined after reporting `missing-rdata` for `fieldName`. */
  take(fieldName: string): Token | undefined {
    const token = this.tokens[this.index];
    if (!token) {
      this.missing(fieldName);
      return undefined;
    }
    this.index += 1;
    return token;
  }

  /** Every token not read yet (consumes them). */
  takeRest(): Token[] {
    const rest = this.tokens.slice(this.index);
    this.index = this.tokens.length;
    return rest;
  }

  missing(fieldName: string): void {
    const last = this.tokens[this.tokens.length - 1];
    const range = last ? last.range : (this.context.typeRange ?? ZERO_RANGE);
    this.report('missing-rdata', `${this.type} record is missing its ${fieldName.replaceAll('_', ' ')} field.`, range);
  }

  report(code: RdataCode, message: string, range: Range, severity: Severity = 'error', fixes?: readonly Fix[]): void {
    const diagnostic: ZoneDiagnostic =
      this.context.file === undefined
        ? { code, severity, message, range }
        : { code, severity, message, range, file: this.context.file };
    this.diagnosticList.push(fixes === undefined ? diagnostic : { ...diagnostic, fixes });
  }

  field(name: string, value: string, range: Range): void {
    this.fieldList[this.fieldCount++] = { name, value, range };
  }

  /** Adds a field that spans the whole of `token` (its range is computed only when read). */
  tokenField(name: string, value: string, token: Token): void {
    this.fieldList[this.fieldCount++] = new TokenField(name, value, token);
  }

  /** Reads a decimal integer in [min, max] as field `name`. */
  integer(name: string, max: number, min = 0): number | undefined {
    const token = this.take(name);
    if (!token) return undefined;
    return this.integerFrom(token, name, max, min);
  }

  integerFrom(token: Token, name: string, max: number, min = 0): number | undefined {
    const text = token.text;
    this.tokenField(name, text, token);
    const value = decimalValue(text);
    if (token.kind !== 'word' || Number.isNaN(value) || value < min || value > max) {
      this.report(
        'bad-number',
        `${this.type} ${name.replaceAll('_', ' ')} must be an integer from ${min} to ${max}, not "${text}".`,
        token.range,
      );
      return undefined;
    }
    return value;
  }

  /** Reads a domain name relative to the origin as field `name`; returns the absolute name. */
  name(name: string): string | undefined {
    const token = this.take(name);
    if (!token) return undefined;
    return this.nameFrom(token, name);
  }

  nameFrom(token: Token, name: string): string | undefined {
    if (token.kind !== 'word') {
      this.tokenField(name, token.text, token);
      this.report('bad-name', `${this.type} ${name} must be a domain name, not a quoted string.`, token.range);
      return undefined;
    }
    const resolved = resolveName(token.text, this.context.origin);
    this.tokenField(name, resolved.name, token);
    // Bad escapes are the lexer's to report (it sees every token); the name is read best-effort here.
    if (resolved.error && resolved.error.code !== 'bad-escape') {
      const range =
        resolved.error.start === undefined
          ? token.range
          : subRange(token, resolved.error.start, resolved.error.end ?? 0);
      this.report(resolved.error.code, `${this.type} ${name}: ${resolved.error.message}`, range);
      return undefined;
    }
    return resolved.name;
  }

  /** Reads one character-string (quoted or not) as field `name`, checking the 255-octet limit (escapes: see nameFrom). */
  characterString(name: string, limit = 255): DecodedString | undefined {
    const token = this.take(name);
    if (!token) return undefined;
    return this.characterStringFrom(token, name, limit);
  }

  characterStringFrom(token: Token, name: string, limit = 255): DecodedString {
    const decoded = decodeCharacterString(token.text);
    this.tokenField(name, decoded.value, token);
    if (decoded.length > limit) {
      this.report(
        'txt-string-too-long',
        `This character-string is ${decoded.length} octets long; each string is at most ${limit} ` +
          `(split it into several quoted strings).`,
        token.range,
      );
    }
    return decoded;
  }

  /** Reports `extra-rdata` on the tokens left over. */
  end(): void {
    const first = this.tokens[this.index];
    const last = this.tokens[this.tokens.length - 1];
    if (!first || !last) return;
    const count = this.tokens.length - this.index;
    this.report(
      'extra-rdata',
      `${this.type} record has ${count} unexpected extra field${count === 1 ? '' : 's'}: "${first.text}"${count > 1 ? ' ...' : ''}.`,
      spanRange(first, last),
    );
    this.index = this.tokens.length;
  }

  result(): RdataResult {
    const fields = this.fieldList;
    return {
      fields: this.fieldCount === fields.length ? fields : fields.slice(0, this.fieldCount),
      diagnostics: this.diagnosticList,
    };
  }
}
