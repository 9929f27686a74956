/**
 * Domain names in zone-file presentation form: resolving against an origin, escapes (`\.`, `\DDD`), the
 * lower-cased comparison key, RFC 1035 length limits; IDNA (in idna.ts) is exported from here too.
 */
import {
  keyFromLabels,
  MAX_LABEL,
  MAX_NAME,
  PLAIN_LONG_LABEL,
  PLAIN_UPPER,
  plainShape,
  scanName,
  wireLengthOf,
  type LabelSpan,
  type NameError,
  type ScannedName,
} from './name-syntax';

export { nameErrorCodes, type LabelSpan, type NameError, type NameErrorCode } from './name-syntax';
export { checkPunycodeLabels, hasNonAsciiLabel, toAsciiName, toUnicodeName, type PunycodeProblem } from './idna';

/** A name resolved against an origin. */
export interface ResolvedName {
  /** Absolute presentation form with a trailing dot, escapes kept. */
  readonly name: string;
  /** Lower-cased canonical comparison key. */
  readonly key: string;
  /** Set when the name is malformed (the name is still the best-effort reading). */
  readonly error?: NameError;
}

/** What resolving names against one origin needs to know of it, worked out once per origin. */
export interface OriginFacts {
  /** The origin as the caller passed it (the cache key: compared by identity first, which is what makes it cheap). */
  readonly given: string;
  /** With its trailing dot. */
  readonly absolute: string;
  readonly scan: ScannedName;
  readonly key: string;
  /** Octets in wire form. */
  readonly wire: number;
  /** True when the origin is its own key (already lower case, no escapes to canonicalise). */
  readonly isKey: boolean;
}

function originFacts(origin: string): OriginFacts {
  const absolute = withTrailingDot(origin);
  const scan = scanName(absolute);
  const key = keyFromLabels(scan.keys);
  return { given: origin, absolute, scan, key, wire: wireLengthOf(scan.octets), isKey: key === absolute };
}

// The parser resolves every name against the same origin object: remembering the last one's facts spares a scan
// of it, and comparisons of it (a string built by concatenation is compared character by character in V8's
// runtime) on each name.
let lastOrigin: OriginFacts = originFacts('.');

/**
 * Resolves `@`, relative and absolute names against `origin` (absolute, with trailing dot). Offsets in the error
 * are relative to `text`. Never throws.
 */
export function resolveName(text: string, origin: string): ResolvedName {
  if (origin !== lastOrigin.given) lastOrigin = originFacts(origin);
  const facts = lastOrigin;
  const absoluteOrigin = facts.absolute;
  const originScan = facts.scan;
  if (text !== '@' && !originScan.error) {
    const shape = plainShape(text);
    if (shape >= 0) return resolvePlain(text, facts, shape);
  }
  if (text === '') {
    const key = keyFromLabels(originScan.keys);
    return {
      name: absoluteOrigin,
      key,
      error: { code: 'empty-label', message: 'The name is empty.', start: 0, end: 0 },
    };
  }
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

/**
 * A plain name (see plainShape) written relative to an origin. Its absolute form and key are joined to the origin
 * only when first read: the linter indexes owners from `relativeKey` and `originKey`, and most records of a large
 * zone never need the joined strings.
 */
export class RelativeName implements ResolvedName {
  private joinedName: string | undefined = undefined;
  private joinedKey: string | undefined = undefined;

  constructor(
    /** The name as written, without a trailing dot. */
    readonly relative: string,
    private readonly origin: OriginFacts,
    private readonly upper: boolean,
  ) {}

  /** The origin's comparison key: `key` is `relativeKey`, a dot and this (or `relativeKey` and a dot at the root). */
  get originKey(): string {
    return this.origin.key;
  }

  /** The written name lower-cased: what comes before the origin in `key`. */
  get relativeKey(): string {
    return this.upper ? this.relative.toLowerCase() : this.relative;
  }

  get name(): string {
    return (this.joinedName ??= joinOrigin(this.relative, this.origin.absolute));
  }

  get key(): string {
    if (this.joinedKey === undefined) {
      const origin = this.origin;
      this.joinedKey = !this.upper && origin.isKey ? this.name : joinOrigin(this.relativeKey, origin.key);
    }
    return this.joinedKey;
  }
}

/** The fast path for the common case: letters, digits, `-`, `_` ... and dots, no escapes (see plainShape). */
function resolvePlain(text: string, origin: OriginFacts, shape: number): ResolvedName {
  if ((shape & PLAIN_LONG_LABEL) !== 0) return longLabel(text, origin);
  const absolute = text.charCodeAt(text.length - 1) === 46; /* . */
  // Each label costs its length plus one length octet: the dots and the root account for exactly that.
  const wire = absolute ? text.length + 1 : text.length + 1 + origin.wire;
  if (!absolute && wire <= MAX_NAME) return new RelativeName(text, origin, (shape & PLAIN_UPPER) !== 0);
  const name = absolute ? text : joinOrigin(text, origin.absolute);
  // A name already in lower case is its own key: one string instead of two equal ones, which the linter then
  // flattens once (a joined name is a rope until first read character by character).
  const key =
    (shape & PLAIN_UPPER) === 0
      ? absolute || origin.isKey
        ? name
        : joinOrigin(text, origin.key)
      : absolute
        ? text.toLowerCase()
        : joinOrigin(text.toLowerCase(), origin.key);
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

/** A plain name with a label over 63 octets: the error names the first such label. */
function longLabel(text: string, origin: OriginFacts): ResolvedName {
  const absolute = text.endsWith('.');
  const end = absolute ? text.length - 1 : text.length;
  let labelStart = 0;
  while (labelStart <= end) {
    let dot = text.indexOf('.', labelStart);
    if (dot < 0 || dot > end) dot = end;
    if (dot - labelStart > MAX_LABEL) {
      const label = text.slice(labelStart, dot);
      const name = absolute ? text : joinOrigin(text, origin.absolute);
      return {
        name,
        key: nameKey(name),
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
  return resolvePlain(text, origin, 0);
}

function joinOrigin(relative: string, absoluteOrigin: string): string {
  // join makes one flat string where `+` makes a rope: every name is then read character by character (hashed,
  // compared, checked) by the linter, which is slower on a rope.
  return absoluteOrigin === '.' ? `${relative}.` : [relative, absoluteOrigin].join('.');
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

/**
 * A name written with its trailing dot (`example.com` gives `example.com.`; the empty name is the root). The text
 * is not resolved or checked: for names already known to be absolute, such as an origin or an API name.
 */
export function withTrailingDot(name: string): string {
  if (name === '') return '.';
  return name.endsWith('.') ? name : `${name}.`;
}

/** A name as Cloudflare's API writes zones and records: lower case, without the trailing dot (`Example.COM.`). */
export function plainName(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') && lower !== '.' ? lower.slice(0, -1) : lower;
}

/** The comparison key of an absolute name: ASCII letters lower-cased, escapes in one canonical form. */
export function nameKey(name: string): string {
  if (name === '.') return name;
  const shape = plainShape(name);
  if (shape >= 0) {
    const lower = (shape & PLAIN_UPPER) === 0 ? name : name.toLowerCase();
    return name.endsWith('.') ? lower : `${lower}.`;
  }
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

/**
 * The wire form (RFC 1035 3.1) of a comparison key from `nameKey`: length-prefixed labels ending with the root.
 * Keys are lower-cased, so this is also the canonical form DNSSEC digests use (RFC 4034 6.2).
 */
export function keyToWire(key: string): Uint8Array {
  if (key === '.') return Uint8Array.of(0);
  const out: number[] = [];
  let label: number[] = [];
  const endLabel = (): void => {
    out.push(label.length, ...label);
    label = [];
  };
  for (let i = 0; i < key.length; i += 1) {
    const char = key[i] ?? '';
    if (char === '.') endLabel();
    else if (char === '\\' && /^\d{3}$/.test(key.slice(i + 1, i + 4))) {
      label.push(Number(key.slice(i + 1, i + 4)) & 0xff);
      i += 3;
    } else if (char === '\\' && i + 1 < key.length) {
      label.push(key.charCodeAt(i + 1) & 0xff);
      i += 1;
    } else label.push(key.charCodeAt(i) & 0xff);
  }
  if (label.length > 0) endLabel();
  out.push(0);
  return Uint8Array.from(out);
}
