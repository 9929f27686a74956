/** RFC 1035 character-strings: decoding `\X` and `\DDD` escapes, and writing them back in one canonical form. */

/** A decoded character-string. `error` offsets are relative to the token text (quotes included). */
export interface DecodedString {
  readonly octets: Uint8Array;
  /** `octets.length`, known without building the octets. */
  readonly length: number;
  /** The text for display: octets read as UTF-8. */
  readonly value: string;
  readonly error?: { readonly message: string; readonly start: number; readonly end: number };
}

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: false });
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/** A string without escapes: its octets are its UTF-8, built only when asked for. */
class PlainString implements DecodedString {
  constructor(
    readonly value: string,
    readonly length: number,
  ) {}

  get octets(): Uint8Array {
    return utf8Encoder.encode(this.value);
  }
}

/** Decodes a quoted (`"..."`) or unquoted character-string as written in a zone file. Never throws. */
export function decodeCharacterString(text: string): DecodedString {
  const quoted = text.length >= 2 && text.startsWith('"') && text.endsWith('"');
  const start = quoted ? 1 : 0;
  const end = quoted ? text.length - 1 : text.length;
  const inner = text.slice(start, end);
  if (!inner.includes('\\')) {
    // The common case: no escapes. The octets are only built when someone asks (the linter needs the length only).
    return new PlainString(inner, utf8Length(inner));
  }
  const bytes: number[] = [];
  let error: DecodedString['error'];
  let i = start;
  while (i < end) {
    const char = text[i] ?? '';
    if (char !== '\\') {
      const codePoint = text.codePointAt(i) ?? 0;
      const width = codePoint > 0xffff ? 2 : 1;
      for (const byte of utf8Encoder.encode(text.slice(i, i + width))) bytes.push(byte);
      i += width;
      continue;
    }
    if (i + 1 >= end) {
      error ??= { message: 'The string ends with a lone backslash.', start: i, end: i + 1 };
      i += 1;
      continue;
    }
    const digits = text.slice(i + 1, i + 4);
    if (/^\d/.test(digits)) {
      if (!/^\d{3}$/.test(digits) || i + 4 > end) {
        error ??= { message: 'A `\\DDD` escape needs exactly three digits.', start: i, end: Math.min(i + 4, end) };
        i += 2;
        continue;
      }
      const value = Number(digits);
      if (value > 255) error ??= { message: `The escape \\${digits} is above 255.`, start: i, end: i + 4 };
      bytes.push(value & 0xff);
      i += 4;
      continue;
    }
    const codePoint = text.codePointAt(i + 1) ?? 0;
    const width = codePoint > 0xffff ? 2 : 1;
    for (const byte of utf8Encoder.encode(text.slice(i + 1, i + 1 + width))) bytes.push(byte);
    i += 1 + width;
  }
  const octets = Uint8Array.from(bytes);
  const value = utf8Decoder.decode(octets);
  return error ? { octets, length: octets.length, value, error } : { octets, length: octets.length, value };
}

// Native scans (indexOf, a one-class regular expression) read a long string several times faster than a loop of
// charCodeAt: every TXT string of a zone goes through here.
const nonAscii = /[\u0080-\uffff]/;

/** The UTF-8 length of `text`, read without a loop when it is ASCII (most TXT data). */
function utf8Length(text: string): number {
  return nonAscii.test(text) ? utf8ByteLength(text) : text.length;
}

/** The UTF-8 length of a string (lone surrogates count 3, as TextEncoder writes U+FFFD for them). */
function utf8ByteLength(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) length += 1;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        // A surrogate pair: 2 UTF-16 units, 4 octets.
        length += 2;
        i += 1;
      } else length += 2;
    } else length += 2;
  }
  return length;
}

function escapeChar(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (char === '"' || char === '\\') return `\\${char}`;
  if (code < 0x20 || code === 0x7f) return `\\${code.toString().padStart(3, '0')}`;
  return char;
}

/**
 * Writes octets as one quoted character-string: `"` and `\` escaped, control octets as `\DDD`, valid UTF-8 kept
 * as characters and invalid sequences as `\DDD`. Equal octets always give equal text.
 */
export function encodeCharacterString(octets: Uint8Array): string {
  let text: string;
  try {
    text = Array.from(strictDecoder.decode(octets), escapeChar).join('');
  } catch {
    text = Array.from(octets, (byte) =>
      byte >= 0x80 ? `\\${byte.toString().padStart(3, '0')}` : escapeChar(String.fromCharCode(byte)),
    ).join('');
  }
  return `"${text}"`;
}

/** Quotes a plain string as a character-string (UTF-8). */
export function quoteString(value: string): string {
  return encodeCharacterString(utf8Encoder.encode(value));
}

/** Splits a long text into character-strings of at most `limit` octets (never inside a UTF-8 sequence). */
export function splitOctets(octets: Uint8Array, limit = 255): Uint8Array[] {
  if (octets.length <= limit) return [octets];
  const parts: Uint8Array[] = [];
  let start = 0;
  while (start < octets.length) {
    let end = Math.min(start + limit, octets.length);
    // Step back over UTF-8 continuation octets so a character is never cut in two.
    while (end < octets.length && end > start + 1 && ((octets[end] ?? 0) & 0xc0) === 0x80) end -= 1;
    parts.push(octets.slice(start, end));
    start = end;
  }
  return parts;
}
