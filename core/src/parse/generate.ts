// BIND's $GENERATE: `$GENERATE start-stop[/step] lhs [ttl] [class] type rhs`. In lhs and rhs, `$` is the
// iterator, `${offset[,width[,base]]}` formats it, `$$` is a literal `$`, and a backslash keeps the next
// character as written (so `\$` stays an escaped `$`, as BIND leaves it).

/** The most records one `$GENERATE` may produce; a larger range is refused rather than expanded. */
export const maxGeneratedRecords = 65536;

/** The most records all the `$GENERATE`s of one parse may produce together. */
export const maxGeneratedTotal = 1048576;

export interface GenerateRange {
  readonly start: number;
  readonly stop: number;
  readonly step: number;
  /** How many values the range yields. */
  readonly count: number;
}

/** One piece of a template: literal text, or the iterator formatted. */
type TemplatePart = string | { readonly offset: number; readonly width: number; readonly base: string };

/** A parsed lhs or rhs template, ready to expand for each value. */
export interface GenerateTemplate {
  readonly parts: readonly TemplatePart[];
  /** True when the template contains no iterator (expands to the same text every time). */
  readonly constant: boolean;
}

/** Parses `start-stop[/step]`; returns a message instead when it is malformed or too large. */
export function parseGenerateRange(text: string): GenerateRange | string {
  const match = /^(\d{1,10})-(\d{1,10})(?:\/(\d{1,10}))?$/.exec(text);
  if (match === null) return `'${text}' is not a range: write start-stop or start-stop/step, e.g. 1-100`;
  const start = Number(match[1]);
  const stop = Number(match[2]);
  const step = match[3] === undefined ? 1 : Number(match[3]);
  if (start > stop) return `the range ${text} is empty: start must not exceed stop`;
  if (step === 0) return 'the step of a $GENERATE range must be at least 1';
  if (stop > 0x7fffffff) return `${stop} is too large for a $GENERATE range (at most 2147483647)`;
  const count = Math.floor((stop - start) / step) + 1;
  if (count > maxGeneratedRecords) {
    return `the range ${text} would make ${count} records; at most ${maxGeneratedRecords} are expanded: split it`;
  }
  return { start, stop, step, count };
}

const DOLLAR = 36;
const BACKSLASH = 92;
const OPEN_BRACE = 123;

/** Parses a template; returns a message instead when a `${...}` modifier is malformed. */
export function parseGenerateTemplate(text: string): GenerateTemplate | string {
  const parts: TemplatePart[] = [];
  let literal = '';
  let literalStart = 0;
  let index = 0;
  let constant = true;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === BACKSLASH) {
      index += 2;
      continue;
    }
    if (code !== DOLLAR) {
      index++;
      continue;
    }
    literal += text.slice(literalStart, index);
    if (text.charCodeAt(index + 1) === DOLLAR) {
      literal += '$';
      index += 2;
      literalStart = index;
      continue;
    }
    if (literal !== '') parts.push(literal);
    literal = '';
    constant = false;
    if (text.charCodeAt(index + 1) !== OPEN_BRACE) {
      parts.push({ offset: 0, width: 0, base: 'd' });
      index++;
      literalStart = index;
      continue;
    }
    const close = text.indexOf('}', index + 2);
    if (close < 0) return `'${text}' has a '\${' without its '}'`;
    const modifier = parseModifier(text.slice(index + 2, close));
    if (typeof modifier === 'string') return modifier;
    parts.push(modifier);
    index = close + 1;
    literalStart = index;
  }
  literal += text.slice(literalStart, Math.min(index, text.length));
  if (literal !== '') parts.push(literal);
  return { parts, constant };
}

function parseModifier(inside: string): TemplatePart | string {
  const match = /^([+-]?\d{1,10})(?:,(\d{1,3})(?:,([doxXnN]))?)?$/.exec(inside);
  if (match === null) {
    return `'\${${inside}}' is not a $GENERATE modifier: write \${offset}, \${offset,width} or \${offset,width,base} with base d, o, x, X, n or N`;
  }
  return { offset: Number(match[1]), width: match[2] === undefined ? 0 : Number(match[2]), base: match[3] ?? 'd' };
}

/**
 * A message when some iterator value plus a modifier's offset leaves the signed 32-bit range, which BIND refuses
 * as "out of range"; undefined when the template is fine for the whole range.
 */
export function checkTemplateRange(template: GenerateTemplate, range: GenerateRange): string | undefined {
  for (const part of template.parts) {
    if (typeof part === 'string') continue;
    const low = range.start + part.offset;
    const high = range.stop + part.offset;
    if (low < -0x80000000 || high > 0x7fffffff) {
      return `\${${part.offset}} takes $ out of range (${low} to ${high}); values must stay within -2147483648..2147483647`;
    }
  }
  return undefined;
}

/** The template's text for one iterator value. */
export function expandGenerateTemplate(template: GenerateTemplate, value: number): string {
  let out = '';
  for (const part of template.parts) {
    out += typeof part === 'string' ? part : formatValue(value + part.offset, part.width, part.base);
  }
  return out;
}

function formatValue(value: number, width: number, base: string): string {
  if (base === 'n' || base === 'N') return nibbles(value, width, base === 'N');
  const radix = base === 'o' ? 8 : base === 'x' || base === 'X' ? 16 : 10;
  let digits = Math.abs(value).toString(radix);
  if (base === 'X') digits = digits.toUpperCase();
  const sign = value < 0 ? '-' : '';
  return sign + digits.padStart(Math.max(0, width - sign.length), '0');
}

// Nibble mode writes the value's hex digits least significant first, each followed by a dot while more digits
// or padding are due, until `width` characters (dots included) are written, as BIND does for ip6.arpa names.
// An even width therefore ends in a dot, as in BIND.
function nibbles(value: number, width: number, upper: boolean): string {
  let rest = value >>> 0;
  let remaining = width;
  let out = '';
  do {
    const digit = (rest & 15).toString(16);
    out += upper ? digit.toUpperCase() : digit;
    rest >>>= 4;
    if (remaining > 0) remaining--;
    if (remaining > 0 || rest !== 0) {
      out += '.';
      if (remaining > 0) remaining--;
    }
  } while (rest !== 0 || remaining > 0);
  return out;
}
