/** A and AAAA: IPv4 and IPv6 addresses, also used by SVCB hints and by rules that spot IP-shaped targets. */
import type { RdataParser } from './types';
import { RdataReader } from './reader';

const IPV4 = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** True for an IPv4 address in dotted-quad form (four decimal octets, no leading zeros, as inet_pton). */
export function isIpv4(text: string): boolean {
  return IPV4.test(text);
}

const COLON = 0x3a;
const DOT = 0x2e;

/** The value of a hex digit, or -1. */
function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}

/**
 * The eight 16-bit groups of an IPv6 address, or undefined when the text is not one (RFC 4291 section 2.2).
 * One pass over the characters: AAAA records are a large share of big zones, and splitting allocated per group.
 */
export function parseIpv6(text: string): number[] | undefined {
  const groups: number[] = [];
  return scanIpv6(text, groups) ? groups : undefined;
}

/** True for any IPv6 text form. */
export function isIpv6(text: string): boolean {
  return scanIpv6(text, undefined);
}

/** Whether `text` is an IPv6 address; its eight groups go into `groups` when one is given (none is allocated). */
function scanIpv6(text: string, groups: number[] | undefined): boolean {
  const length = text.length;
  if (length < 2 || length > 45) return false;
  let count = 0;
  // Where `::` stands among the groups (-1 when there is none).
  let gap = -1;
  let at = 0;
  if (text.charCodeAt(0) === COLON) {
    if (text.charCodeAt(1) !== COLON) return false;
    gap = 0;
    at = 2;
  }
  while (at < length) {
    let end = at;
    let value = 0;
    let dotted = false;
    for (; end < length; end++) {
      const code = text.charCodeAt(end);
      if (code === COLON) break;
      if (code === DOT) {
        dotted = true;
        continue;
      }
      const digit = hexValue(code);
      if (digit < 0) return false;
      value = value * 16 + digit;
    }
    if (dotted) {
      // An embedded IPv4 address is only allowed as the very last group pair.
      if (end !== length || !isIpv4(text.slice(at))) return false;
      if (groups !== undefined) {
        const octets = text.slice(at).split('.').map(Number);
        groups.push(((octets[0] ?? 0) << 8) | (octets[1] ?? 0), ((octets[2] ?? 0) << 8) | (octets[3] ?? 0));
      }
      count += 2;
      break;
    }
    if (end === at || end - at > 4) return false;
    groups?.push(value);
    count++;
    if (end === length) break;
    // A colon: `::` marks the gap (once), a single one separates two groups and must be followed by one.
    if (text.charCodeAt(end + 1) === COLON) {
      if (gap >= 0) return false;
      gap = count;
      at = end + 2;
    } else {
      if (end + 1 === length) return false;
      at = end + 1;
    }
  }
  if (gap < 0) return count === 8;
  const missing = 8 - count;
  if (missing < 1) return false;
  groups?.splice(gap, 0, ...new Array<number>(missing).fill(0));
  return true;
}

/** The RFC 5952 form of an IPv6 address (lower case, longest zero run compressed), or undefined. */
export function canonicalIpv6(text: string): string | undefined {
  const groups = parseIpv6(text);
  if (!groups) return undefined;
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j += 1;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

export const parseA: RdataParser = (tokens, context) => {
  const reader = new RdataReader(tokens, context, 'A');
  const token = reader.take('address');
  if (token) {
    const text = token.text;
    reader.tokenField('address', text, token);
    if (token.kind !== 'word' || !isIpv4(text)) {
      const hint = isIpv6(text) ? ' It is an IPv6 address: use an AAAA record.' : '';
      reader.report(
        'bad-ipv4',
        `"${text}" is not an IPv4 address (four numbers 0-255 separated by dots).${hint}`,
        token.range,
      );
    }
  }
  reader.end();
  return reader.result();
};

export const parseAaaa: RdataParser = (tokens, context) => {
  const reader = new RdataReader(tokens, context, 'AAAA');
  const token = reader.take('address');
  if (token) {
    const text = token.text;
    reader.tokenField('address', text, token);
    if (token.kind !== 'word' || !isIpv6(text)) {
      const hint = isIpv4(text) ? ' It is an IPv4 address: use an A record.' : '';
      reader.report('bad-ipv6', `"${text}" is not an IPv6 address.${hint}`, token.range);
    }
  }
  reader.end();
  return reader.result();
};

const EUI_BYTE = '[0-9A-Fa-f]{2}';
const EUI48 = new RegExp(`^${EUI_BYTE}(?:-${EUI_BYTE}){5}$`);
const EUI64 = new RegExp(`^${EUI_BYTE}(?:-${EUI_BYTE}){7}$`);

function euiParser(type: 'EUI48' | 'EUI64', pattern: RegExp, groups: number): RdataParser {
  return (tokens, context) => {
    const reader = new RdataReader(tokens, context, type);
    const token = reader.take('address');
    if (token) {
      reader.tokenField('address', token.text, token);
      if (token.kind !== 'word' || !pattern.test(token.text)) {
        reader.report(
          'bad-rdata',
          `${type} address must be ${groups} hex pairs joined by "-" (RFC 7043), not "${token.text}".`,
          token.range,
        );
      }
    }
    reader.end();
    return reader.result();
  };
}

export const parseEui48 = euiParser('EUI48', EUI48, 6);
export const parseEui64 = euiParser('EUI64', EUI64, 8);

/** NSAP (RFC 1706): `0x` then an even number of hex digits, dots allowed between them for readability. */
export const parseNsap: RdataParser = (tokens, context) => {
  const reader = new RdataReader(tokens, context, 'NSAP');
  const token = reader.take('address');
  if (token) {
    reader.tokenField('address', token.text, token);
    const digits = token.text.replace(/^0x/i, '').replaceAll('.', '');
    const valid = /^0x/i.test(token.text) && /^[0-9A-Fa-f]+$/.test(digits) && digits.length % 2 === 0;
    if (!valid) {
      reader.report(
        'bad-hex',
        `NSAP address must be 0x followed by an even number of hex digits, not "${token.text}".`,
        token.range,
      );
    }
  }
  reader.end();
  return reader.result();
};
