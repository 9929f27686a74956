/** Binary fields written as base64, hex or base32hex, possibly split over several tokens. */
import type { Severity, Token } from '../types';
import type { RdataReader } from './reader';
import { spanRange, subRange } from './reader';

const BASE64_CHARS = /[^A-Za-z0-9+/=]/;
const HEX_CHARS = /[^0-9A-Fa-f]/;
// NSEC3 writes base32hex without padding (RFC 5155 section 3.3).
const BASE32HEX_CHARS = /[^0-9A-Va-v]/;

/** The number of octets a valid base64 text decodes to, or undefined when it is not valid base64. */
export function base64Length(text: string): number | undefined {
  return BASE64_CHARS.test(text) ? undefined : base64LengthOfChecked(text);
}

/** `base64Length` for a text already known to hold only base64 characters. */
function base64LengthOfChecked(text: string): number | undefined {
  if (text.length % 4 !== 0) return undefined;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  if (text.slice(0, text.length - padding).includes('=')) return undefined;
  return (text.length / 4) * 3 - padding;
}

function reportBadChar(
  reader: RdataReader,
  tokens: readonly Token[],
  pattern: RegExp,
  code: 'bad-base64' | 'bad-hex' | 'bad-base32',
  what: string,
  fieldName: string,
): boolean {
  for (const token of tokens) {
    const match = pattern.exec(token.text);
    if (token.kind !== 'word' || match) {
      const at = match?.index ?? 0;
      reader.report(
        code,
        `${reader.type} ${fieldName.replaceAll('_', ' ')} must be ${what}; "${match?.[0] ?? token.text}" is not allowed.`,
        token.kind === 'word' ? subRange(token, at, at + 1) : token.range,
      );
      return true;
    }
  }
  return false;
}

/** Reads the remaining tokens as one base64 field; returns its decoded length when valid. */
export function readBase64(
  reader: RdataReader,
  fieldName: string,
  options: { allowEmpty?: boolean } = {},
): number | undefined {
  const tokens = reader.takeRest();
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (!first || !last) {
    if (!options.allowEmpty) reader.missing(fieldName);
    return options.allowEmpty ? 0 : undefined;
  }
  // One token (a key or signature on one line) is the common case: its text as is, its range only if reported.
  const text = first === last ? first.text : tokens.map((token) => token.text).join('');
  if (first === last) reader.tokenField(fieldName, text, first);
  else reader.field(fieldName, text, spanRange(first, last));
  if (reportBadChar(reader, tokens, BASE64_CHARS, 'bad-base64', 'base64', fieldName)) return undefined;
  const length = base64LengthOfChecked(text);
  if (length === undefined) {
    reader.report(
      'bad-base64',
      `${reader.type} ${fieldName.replaceAll('_', ' ')} is not valid base64: its length (${text.length}) is not a multiple of 4 or "=" padding is misplaced.`,
      spanRange(first, last),
    );
  }
  return length;
}

/** Reads the remaining tokens (or just one when `single`) as hex; returns the octet count when valid. */
export function readHex(
  reader: RdataReader,
  fieldName: string,
  options: { single?: boolean; allowDash?: boolean } = {},
): number | undefined {
  const tokens = options.single ? [reader.take(fieldName)].filter((token) => token !== undefined) : reader.takeRest();
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (!first || !last) {
    if (!options.single) reader.missing(fieldName);
    return undefined;
  }
  const text = tokens.map((token) => token.text).join('');
  const range = spanRange(first, last);
  reader.field(fieldName, text, range);
  if (options.allowDash && text === '-') return 0;
  if (reportBadChar(reader, tokens, HEX_CHARS, 'bad-hex', 'hexadecimal', fieldName)) return undefined;
  if (text.length % 2 !== 0) {
    reader.report(
      'bad-hex',
      `${reader.type} ${fieldName.replaceAll('_', ' ')} has an odd number of hex digits (${text.length}).`,
      range,
    );
    return undefined;
  }
  return text.length / 2;
}

/** Reads one token as base32hex without padding (NSEC3 next hashed owner name). */
export function readBase32Hex(reader: RdataReader, fieldName: string): number | undefined {
  const token = reader.take(fieldName);
  if (!token) return undefined;
  reader.tokenField(fieldName, token.text, token);
  if (reportBadChar(reader, [token], BASE32HEX_CHARS, 'bad-base32', 'base32hex', fieldName)) return undefined;
  // Only these lengths (mod 8) end on a whole octet: 1, 3 and 6 leftover characters cannot occur.
  if ([1, 3, 6].includes(token.text.length % 8)) {
    reader.report(
      'bad-base32',
      `${reader.type} ${fieldName.replaceAll('_', ' ')} has an impossible base32hex length (${token.text.length}).`,
      token.range,
    );
    return undefined;
  }
  return Math.floor((token.text.length * 5) / 8);
}

/** Reports a length mismatch for a digest or fingerprint whose algorithm fixes its size. */
export function checkDigestLength(
  reader: RdataReader,
  fieldName: string,
  actual: number | undefined,
  expected: number | undefined,
  algorithmText: string,
  severity: Severity = 'error',
): void {
  if (actual === undefined || expected === undefined || actual === expected) return;
  const field = reader.result().fields.find((candidate) => candidate.name === fieldName);
  if (!field) return;
  reader.report(
    'bad-digest-length',
    `${reader.type} ${fieldName.replaceAll('_', ' ')} is ${actual} octets, but ${algorithmText} produces ${expected}.`,
    field.range,
    severity,
  );
}
