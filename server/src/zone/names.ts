/**
 * Domain names in zone-file presentation form: resolving against an origin, escapes (`\.`, `\DDD`), the
 * lower-cased comparison key, RFC 1035 length limits, and IDNA (UTS 46 non-transitional, through tr46).
 */
import { toASCII, toUnicode, type Tr46Options } from 'tr46';

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

/** A name resolved against an origin. */
export interface ResolvedName {
  /** Absolute presentation form with a trailing dot, escapes kept. */
  readonly name: string;
  /** Lower-cased canonical comparison key. */
  readonly key: string;
  /** Set when the name is malformed (the name is still the best-effort reading). */
  readonly error?: NameError;
}

/** One label of a name in presentation form, with its position in the text it was read from. */
export interface LabelSpan {
  /** The label as written (escapes kept). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

interface ScannedName {
  readonly labels: LabelSpan[];
  /** Canonical key of each label. */
  readonly keys: string[];
  /** Octets of each label on the wire. */
  readonly octets: number[];
  readonly absolute: boolean;
  readonly error?: NameError;
}

const MAX_LABEL = 63;
const MAX_NAME = 255;
const PLAIN_NAME = /^[A-Za-z0-9_*/+=:-]+(?:\.[A-Za-z0-9_*/+=:-]+)*\.?$/;
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
function scanName(text: string, base = 0): ScannedName {
  const labels: LabelSpan[] = [];
  const keys: string[] = [];
  const octets: number[] = [];
  let error: NameError | undefined;
  const fail = (code: NameErrorCode, message: string, start: number, end: number): void => {
    error ??= { code, message, start: base + start, end: base + end };
  };
  if (text === '.' || text === '') return { labels, keys, octets, absolute: text === '.' };
  if (PLAIN_NAME.test(text)) return scanPlainName(text, base);

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

function wireLengthOf(octets: readonly number[]): number {
  let total = 1;
  for (const n of octets) total += n + 1;
  return total;
}

let cachedOrigin = '';
let cachedOriginScan: ScannedName = scanName('.');

function scanOrigin(origin: string): ScannedName {
  if (origin !== cachedOrigin) {
    cachedOrigin = origin;
    cachedOriginScan = scanName(origin);
  }
  return cachedOriginScan;
}

function keyFromLabels(keys: readonly string[]): string {
  return keys.length === 0 ? '.' : `${keys.join('.')}.`;
}

/**
 * Resolves `@`, relative and absolute names against `origin` (absolute, with trailing dot). Offsets in the error
 * are relative to `text`. Never throws.
 */
export function resolveName(text: string, origin: string): ResolvedName {
  const absoluteOrigin = origin.endsWith('.') ? origin : `${origin}.`;
  const originScan = scanOrigin(absoluteOrigin);
  if (text !== '@' && !originScan.error && PLAIN_NAME.test(text)) return resolvePlain(text, absoluteOrigin);
  if (text === '@') {
    return withLength({ name: absoluteOrigin, scan: originScan, error: originScan.error }, text);
  }
  const own = scanName(text);
  if (own.absolute || text === '.') {
    return withLength({ name: text, scan: own, error: own.error }, text);
  }
  const name = absoluteOrigin === '.' ? `${text}.` : `${text}.${absoluteOrigin}`;
  const combined: ScannedName = {
    labels: own.labels,
    keys: [...own.keys, ...originScan.keys],
    octets: [...own.octets, ...originScan.octets],
    absolute: true,
  };
  return withLength({ name, scan: combined, error: own.error }, text);
}

let cachedOriginKey = '.';
let cachedOriginWire = 1;
let cachedOriginFor = '.';

/** The fast path for the common case: letters, digits, `-`, `_` ... and dots, no escapes. */
function resolvePlain(text: string, absoluteOrigin: string): ResolvedName {
  let labelStart = 0;
  const end = text.endsWith('.') ? text.length - 1 : text.length;
  while (labelStart <= end) {
    let dot = text.indexOf('.', labelStart);
    if (dot < 0 || dot > end) dot = end;
    if (dot - labelStart > MAX_LABEL) {
      const label = text.slice(labelStart, dot);
      return {
        name: text.endsWith('.') ? text : joinOrigin(text, absoluteOrigin),
        key: nameKey(text.endsWith('.') ? text : joinOrigin(text, absoluteOrigin)),
        error: {
          code: 'label-too-long',
          message: `The label "${label}" is ${label.length} octets long; a label is at most 63.`,
          start: labelStart,
          end: dot,
        },
      };
    }
    labelStart = dot + 1;
  }
  if (cachedOriginFor !== absoluteOrigin) {
    cachedOriginFor = absoluteOrigin;
    cachedOriginKey = keyFromLabels(scanOrigin(absoluteOrigin).keys);
    cachedOriginWire = wireLengthOf(scanOrigin(absoluteOrigin).octets);
  }
  const absolute = text.endsWith('.');
  // Each label costs its length plus one length octet: the dots and the root account for exactly that.
  const wire = absolute ? text.length + 1 : text.length + 1 + cachedOriginWire;
  const name = absolute ? text : joinOrigin(text, absoluteOrigin);
  const key = absolute ? text.toLowerCase() : joinOrigin(text.toLowerCase(), cachedOriginKey);
  if (wire <= MAX_NAME) return { name, key };
  return {
    name,
    key,
    error: {
      code: 'name-too-long',
      message: `The name is ${wire} octets long in wire form; a name is at most 255.`,
      start: 0,
      end: text.length,
    },
  };
}

function joinOrigin(relative: string, absoluteOrigin: string): string {
  return absoluteOrigin === '.' ? `${relative}.` : `${relative}.${absoluteOrigin}`;
}

function withLength(
  parts: { name: string; scan: ScannedName; error: NameError | undefined },
  text: string,
): ResolvedName {
  const key = keyFromLabels(parts.scan.keys);
  let error = parts.error;
  if (!error) {
    const length = wireLengthOf(parts.scan.octets);
    if (length > MAX_NAME) {
      error = {
        code: 'name-too-long',
        message: `The name is ${length} octets long in wire form; a name is at most 255.`,
        start: 0,
        end: text.length,
      };
    }
  }
  return error ? { name: parts.name, key, error } : { name: parts.name, key };
}

/** The comparison key of an absolute name: ASCII letters lower-cased, escapes in one canonical form. */
export function nameKey(name: string): string {
  if (name === '.') return name;
  if (PLAIN_NAME.test(name)) return name.endsWith('.') ? name.toLowerCase() : `${name.toLowerCase()}.`;
  return keyFromLabels(scanName(name).keys);
}

/** Checks a name on its own (labels, escapes, length), without resolving it. */
export function checkName(name: string): NameError | undefined {
  const scan = scanName(name);
  if (scan.error) return scan.error;
  const length = wireLengthOf(scan.octets);
  if (length > MAX_NAME) {
    return {
      code: 'name-too-long',
      message: `The name is ${length} octets long in wire form; a name is at most 255.`,
      start: 0,
      end: name.length,
    };
  }
  return undefined;
}

/** The length of an absolute name in wire form (octets, including the root label). */
export function wireLength(name: string): number {
  return wireLengthOf(scanName(name).octets);
}

/** The labels of a name as written (escapes kept), leftmost first, without the empty root label. */
export function labelsOf(name: string): string[] {
  return scanName(name).labels.map((label) => label.text);
}

/** The labels of a name with their offsets in `name`. */
export function labelSpans(name: string): readonly LabelSpan[] {
  return scanName(name).labels;
}

function keyLabels(key: string): string[] {
  if (key === '.') return [];
  if (!key.includes('\\')) return key.slice(0, -1).split('.');
  return scanName(key).keys;
}

/** True when `name` is `zone` or below it (both absolute; compared case-insensitively, label by label). */
export function isSubdomainOf(name: string, zone: string): boolean {
  const nameKeyText = nameKey(name);
  const zoneKeyText = nameKey(zone);
  if (zoneKeyText === '.' || nameKeyText === zoneKeyText) return true;
  if (!nameKeyText.includes('\\') && !zoneKeyText.includes('\\')) return nameKeyText.endsWith(`.${zoneKeyText}`);
  const nameLabels = keyLabels(nameKeyText);
  const zoneLabels = keyLabels(zoneKeyText);
  if (zoneLabels.length > nameLabels.length) return false;
  const offset = nameLabels.length - zoneLabels.length;
  return zoneLabels.every((label, index) => nameLabels[offset + index] === label);
}

/**
 * Writes `name` relative to `origin`: `@` for the origin itself, the leading labels for a name below it, and the
 * absolute name (with its trailing dot) otherwise.
 */
export function relativize(name: string, origin: string): string {
  if (!isSubdomainOf(name, origin)) return name;
  const labels = labelsOf(name);
  const keep = labels.length - keyLabels(nameKey(origin)).length;
  return keep <= 0 ? '@' : labels.slice(0, keep).join('.');
}

/** True when the name is absolute: it ends with an unescaped dot (or is the root `.`). */
export function isAbsoluteName(text: string): boolean {
  return text === '.' || scanName(text).absolute;
}

// UTS 46 non-transitional; STD3 rules off because DNS names carry underscores (`_dmarc`, `_sip._tcp`).
const idnaOptions: Tr46Options = {
  checkBidi: true,
  checkHyphens: false,
  checkJoiners: true,
  useSTD3ASCIIRules: false,
  transitionalProcessing: false,
  verifyDNSLength: false,
};

const NON_ASCII = /[^\p{ASCII}]/u;

/** True when some label has characters outside ASCII (it needs Punycode to be served). */
export function hasNonAsciiLabel(name: string): boolean {
  return NON_ASCII.test(name);
}

/**
 * The name with every non-ASCII label converted to Punycode (UTS 46 non-transitional), ASCII labels unchanged.
 * Undefined when a label cannot be converted (disallowed characters, escapes mixed with Unicode, over 63 octets).
 */
export function toAsciiName(name: string): string | undefined {
  if (!hasNonAsciiLabel(name)) return name;
  const scan = scanName(name);
  const out: string[] = [];
  for (const label of scan.labels) {
    if (!NON_ASCII.test(label.text)) {
      out.push(label.text);
      continue;
    }
    if (label.text.includes('\\')) return undefined;
    const ascii = toASCII(label.text, idnaOptions);
    if (
      ascii === null ||
      ascii === '' ||
      ascii.split('.').some((part) => part.length === 0 || part.length > MAX_LABEL)
    ) {
      return undefined;
    }
    out.push(ascii);
  }
  return `${out.join('.')}${scan.absolute ? '.' : ''}`;
}

const ACE_PREFIX = /^xn--/i;

/** The name with each valid `xn--` label shown in Unicode (for hover); other labels unchanged. */
export function toUnicodeName(name: string): string {
  if (!name.toLowerCase().includes('xn--')) return name;
  const scan = scanName(name);
  const out = scan.labels.map((label) => {
    if (!ACE_PREFIX.test(label.text)) return label.text;
    const result = toUnicode(label.text, idnaOptions);
    return result.error ? label.text : result.domain;
  });
  return `${out.join('.')}${scan.absolute ? '.' : ''}`;
}

/** An `xn--` label that is not valid Punycode under UTS 46, with its offsets in the name. */
export interface PunycodeProblem {
  readonly label: string;
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

/** Finds the `xn--` labels that do not decode, or decode to something UTS 46 does not allow or would not produce. */
export function checkPunycodeLabels(name: string): PunycodeProblem[] {
  if (!name.toLowerCase().includes('xn--')) return [];
  const problems: PunycodeProblem[] = [];
  for (const label of scanName(name).labels) {
    if (!ACE_PREFIX.test(label.text)) continue;
    const decoded = toUnicode(label.text, idnaOptions);
    if (decoded.error) {
      problems.push({ ...label, label: label.text, message: `"${label.text}" is not valid Punycode (IDNA/UTS 46).` });
      continue;
    }
    const reencoded = toASCII(decoded.domain, idnaOptions);
    if (reencoded !== label.text.toLowerCase()) {
      problems.push({
        ...label,
        label: label.text,
        message: `"${label.text}" decodes to "${decoded.domain}", which encodes back as "${reencoded ?? '(invalid)'}".`,
      });
    }
  }
  return problems;
}
