/** A and AAAA: IPv4 and IPv6 addresses, also used by SVCB hints and by rules that spot IP-shaped targets. */
import type { RdataParser } from './types';
import { RdataReader } from './reader';

const IPV4 = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** True for an IPv4 address in dotted-quad form (four decimal octets, no leading zeros, as inet_pton). */
export function isIpv4(text: string): boolean {
  return IPV4.test(text);
}

/** The eight 16-bit groups of an IPv6 address, or undefined when the text is not one (RFC 4291 section 2.2). */
export function parseIpv6(text: string): number[] | undefined {
  if (text.length < 2 || text.length > 45 || !/^[0-9A-Fa-f:.]+$/.test(text)) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parseGroups = (part: string): number[] | undefined => {
    if (part === '') return [];
    const groups: number[] = [];
    const pieces = part.split(':');
    for (let i = 0; i < pieces.length; i += 1) {
      const piece = pieces[i] ?? '';
      if (i === pieces.length - 1 && piece.includes('.')) {
        if (!isIpv4(piece)) return undefined;
        const octets = piece.split('.').map(Number);
        groups.push(((octets[0] ?? 0) << 8) | (octets[1] ?? 0), ((octets[2] ?? 0) << 8) | (octets[3] ?? 0));
        continue;
      }
      if (!/^[0-9A-Fa-f]{1,4}$/.test(piece)) return undefined;
      groups.push(parseInt(piece, 16));
    }
    return groups;
  };
  const head = parseGroups(halves[0] ?? '');
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? '') : [];
  if (!head || !tail) return undefined;
  // An embedded IPv4 address is only allowed at the very end.
  if (halves.length === 2 && (halves[0] ?? '').includes('.')) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return undefined;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}

/** True for any IPv6 text form. */
export function isIpv6(text: string): boolean {
  return parseIpv6(text) !== undefined;
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
    reader.tokenField('address', token.text, token);
    if (token.kind !== 'word' || !isIpv4(token.text)) {
      const hint = isIpv6(token.text) ? ' It is an IPv6 address: use an AAAA record.' : '';
      reader.report(
        'bad-ipv4',
        `"${token.text}" is not an IPv4 address (four numbers 0-255 separated by dots).${hint}`,
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
    reader.tokenField('address', token.text, token);
    if (token.kind !== 'word' || !isIpv6(token.text)) {
      const hint = isIpv4(token.text) ? ' It is an IPv4 address: use an A record.' : '';
      reader.report('bad-ipv6', `"${token.text}" is not an IPv6 address.${hint}`, token.range);
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
