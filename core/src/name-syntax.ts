/** Reading names in presentation form: labels, escapes, canonical keys and octet counts. Internal to the core. */

/** Stable codes of the problems a name can have. */
export type NameErrorCode = 'label-too-long' | 'name-too-long' | 'empty-label' | 'bad-escape';

/** What each name problem code means (for documentation and settings). */
export const nameErrorCodes: Readonly<Record<NameErrorCode, string>> = {
  'label-too-long': 'A label is longer than 63 octets (RFC 1035 section 2.3.4).',
  'name-too-long': 'The absolute name is longer than 255 octets in wire form (RFC 1035 section 2.3.4).',
  'empty-label': 'The name has an empty label (two dots in a row, or a leading dot).',
  'bad-escape': 'A backslash escape is incomplete or `\\DDD` is above 255.',
};

/** A problem with a name; `start`/`end` are UTF-16 offsets into the text that was given, when known. */
export interface NameError {
  readonly code: NameErrorCode;
  readonly message: string;
  readonly start?: number;
  readonly end?: number;
}

/** One label of a name in presentation form, with its position in the text it was read from. */
export interface LabelSpan {
  /** The label as written (escapes kept). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface ScannedName {
  readonly labels: LabelSpan[];
  /** Canonical key of each label. */
  readonly keys: string[];
  /** Octets of each label on the wire. */
  readonly octets: number[];
  readonly absolute: boolean;
  readonly error?: NameError;
}

export const MAX_LABEL = 63;
export const MAX_NAME = 255;

// Character classes for plainShape: 1 a character of a plain label, 2 the same in upper case, 0 anything else.
const plainClass = new Uint8Array(128);
for (const char of 'abcdefghijklmnopqrstuvwxyz0123456789_*/+=:-') plainClass[char.charCodeAt(0)] = 1;
for (const char of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') plainClass[char.charCodeAt(0)] = 2;

/** plainShape: the name has an ASCII upper-case letter. */
export const PLAIN_UPPER = 1;
/** plainShape: a label is longer than 63 characters. */
export const PLAIN_LONG_LABEL = 2;

/**
 * One pass over a name that says whether it is plain, `^[A-Za-z0-9_*\/+=:-]+(\.[A-Za-z0-9_*\/+=:-]+)*\.?$` (-1 when
 * not), and when it is, which of PLAIN_UPPER and PLAIN_LONG_LABEL apply: the parser asks this of every name.
 */
export function plainShape(text: string): number {
  const length = text.length;
  let labelLength = 0;
  let shape = 0;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === 46 /* . */) {
      if (labelLength === 0) return -1;
      labelLength = 0;
      continue;
    }
    const kind = code < 128 ? (plainClass[code] ?? 0) : 0;
    if (kind === 0) return -1;
    if (kind === 2) shape |= PLAIN_UPPER;
    if (++labelLength > MAX_LABEL) shape |= PLAIN_LONG_LABEL;
  }
  return length === 0 ? -1 : shape;
}
// Characters that must stay escaped in a key so that it reads back as the same name.
const KEY_SPECIALS = new Set(['.', '\\', '"', ';', '(', ')', '@', '$']);

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

function keyOfOctet(byte: number): string {
  if (byte > 0x20 && byte < 0x7f) {
    const char = String.fromCharCode(byte);
    if (KEY_SPECIALS.has(char)) return `\\${char}`;
    return byte >= 65 && byte <= 90 ? String.fromCharCode(byte + 32) : char;
  }
  return `\\${byte.toString().padStart(3, '0')}`;
}

const utf8 = new TextEncoder();

function keyOfCodePoint(codePoint: number): string {
  if (codePoint < 0x80) return keyOfOctet(codePoint);
  return Array.from(utf8.encode(String.fromCodePoint(codePoint)), keyOfOctet).join('');
}

/** Splits a name into labels at unescaped dots, decoding escapes to build keys and count octets. Never throws. */
export function scanName(text: string, base = 0): ScannedName {
  const labels: LabelSpan[] = [];
  const keys: string[] = [];
  const octets: number[] = [];
  let error: NameError | undefined;
  const fail = (code: NameErrorCode, message: string, start: number, end: number): void => {
    error ??= { code, message, start: base + start, end: base + end };
  };
  if (text === '.' || text === '') return { labels, keys, octets, absolute: text === '.' };
  if (plainShape(text) >= 0) return scanPlainName(text, base);

  let labelStart = 0;
  let key = '';
  let count = 0;
  const closeLabel = (end: number): void => {
    const labelText = text.slice(labelStart, end);
    if (labelText === '')
      fail('empty-label', 'The name has an empty label (two dots in a row or a leading dot).', end, end + 1);
    labels.push({ text: labelText, start: base + labelStart, end: base + end });
    if (count > MAX_LABEL) {
      fail(
        'label-too-long',
        `The label "${labelText}" is ${count} octets long; a label is at most 63.`,
        labelStart,
        end,
      );
    }
    keys.push(key);
    octets.push(count);
    key = '';
    count = 0;
  };

  let i = 0;
  let absolute = false;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 46 /* . */) {
      closeLabel(i);
      i += 1;
      labelStart = i;
      if (i === text.length) absolute = true;
      continue;
    }
    if (code === 92 /* \ */) {
      if (i + 1 >= text.length) {
        fail('bad-escape', 'The name ends with a lone backslash.', i, i + 1);
        i += 1;
        continue;
      }
      if (isDigit(text.charCodeAt(i + 1))) {
        const digits = text.slice(i + 1, i + 4);
        if (!/^\d{3}$/.test(digits)) {
          fail('bad-escape', 'A `\\DDD` escape needs exactly three digits.', i, i + 1 + digits.length);
          i += 2;
          continue;
        }
        const value = Number(digits);
        if (value > 255) fail('bad-escape', `The escape \\${digits} is above 255.`, i, i + 4);
        key += keyOfOctet(value & 0xff);
        count += 1;
        i += 4;
        continue;
      }
      const codePoint = text.codePointAt(i + 1) ?? 0;
      key += keyOfCodePoint(codePoint);
      count += utf8Length(codePoint);
      i += codePoint > 0xffff ? 3 : 2;
      continue;
    }
    const codePoint = text.codePointAt(i) ?? 0;
    key += keyOfCodePoint(codePoint);
    count += utf8Length(codePoint);
    i += codePoint > 0xffff ? 2 : 1;
  }
  if (!absolute) closeLabel(text.length);
  return { labels, keys, octets, absolute, ...(error ? { error } : {}) };
}

function scanPlainName(text: string, base: number): ScannedName {
  const absolute = text.endsWith('.');
  const parts = (absolute ? text.slice(0, -1) : text).split('.');
  const labels: LabelSpan[] = [];
  const keys: string[] = [];
  const octets: number[] = [];
  let error: NameError | undefined;
  let start = 0;
  for (const part of parts) {
    labels.push({ text: part, start: base + start, end: base + start + part.length });
    keys.push(part.toLowerCase());
    octets.push(part.length);
    if (part.length > MAX_LABEL && !error) {
      error = {
        code: 'label-too-long',
        message: `The label "${part}" is ${part.length} octets long; a label is at most 63.`,
        start: base + start,
        end: base + start + part.length,
      };
    }
    start += part.length + 1;
  }
  return { labels, keys, octets, absolute, ...(error ? { error } : {}) };
}

export function wireLengthOf(octets: readonly number[]): number {
  let total = 1;
  for (const n of octets) total += n + 1;
  return total;
}

export function keyFromLabels(keys: readonly string[]): string {
  return keys.length === 0 ? '.' : `${keys.join('.')}.`;
}
