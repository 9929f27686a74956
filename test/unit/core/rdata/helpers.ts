import { parseRdata, type RdataResult } from '../../../../core/src/rdata';
import type { Position, Token } from '../../../../core/src/types';

/** Splits one line of rdata into `word` and `string` tokens with exact ranges on line 0 (a stand-in for the lexer). */
export function tokenize(text: string, line = 0): Token[] {
  const tokens: Token[] = [];
  const at = (offset: number): Position => ({ line, character: offset, offset });
  let i = 0;
  while (i < text.length) {
    const char = text[i] ?? '';
    if (char === ' ' || char === '\t' || char === '(' || char === ')') {
      i += 1;
      continue;
    }
    const start = i;
    if (char === '"') {
      i += 1;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i = Math.min(i + 1, text.length);
      tokens.push({ kind: 'string', text: text.slice(start, i), range: { start: at(start), end: at(i) } });
      continue;
    }
    while (i < text.length && !' \t()"'.includes(text[i] ?? ' ')) i += text[i] === '\\' ? 2 : 1;
    i = Math.min(i, text.length);
    tokens.push({ kind: 'word', text: text.slice(start, i), range: { start: at(start), end: at(i) } });
  }
  return tokens;
}

/** Parses `rdata` as the rdata of a `type` record at origin `example.com.`. */
export function parse(type: string, rdata: string, origin = 'example.com.'): RdataResult {
  return parseRdata(type, tokenize(rdata), { origin, file: undefined });
}

/** The diagnostic codes of a result, in order. */
export function codes(result: RdataResult): string[] {
  return result.diagnostics.map((diagnostic) => diagnostic.code);
}

/** The error codes only (warnings left out). */
export function errors(result: RdataResult): string[] {
  return result.diagnostics
    .filter((diagnostic) => diagnostic.severity === 'error')
    .map((diagnostic) => diagnostic.code);
}

/** The fields as `name=value` strings. */
export function fields(result: RdataResult): string[] {
  return result.fields.map((field) => `${field.name}=${field.value}`);
}

/** The text a diagnostic's range covers in `rdata`. */
export function covered(rdata: string, result: RdataResult, index = 0): string {
  const range = result.diagnostics[index]?.range;
  return range ? rdata.slice(range.start.offset, range.end.offset) : '(no diagnostic)';
}
