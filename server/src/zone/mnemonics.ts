// The IANA registries of RR types and classes, so the parser can tell a known mnemonic from a typo even for
// types the rdata layer has no parser for. Source: IANA "Domain Name System (DNS) Parameters".

const typeCodes: ReadonlyMap<string, number> = new Map([
  ['A', 1], ['NS', 2], ['MD', 3], ['MF', 4], ['CNAME', 5], ['SOA', 6], ['MB', 7], ['MG', 8], ['MR', 9],
  ['NULL', 10], ['WKS', 11], ['PTR', 12], ['HINFO', 13], ['MINFO', 14], ['MX', 15], ['TXT', 16], ['RP', 17],
  ['AFSDB', 18], ['X25', 19], ['ISDN', 20], ['RT', 21], ['NSAP', 22], ['NSAP-PTR', 23], ['SIG', 24], ['KEY', 25],
  ['PX', 26], ['GPOS', 27], ['AAAA', 28], ['LOC', 29], ['NXT', 30], ['EID', 31], ['NIMLOC', 32], ['SRV', 33],
  ['ATMA', 34], ['NAPTR', 35], ['KX', 36], ['CERT', 37], ['A6', 38], ['DNAME', 39], ['SINK', 40], ['OPT', 41],
  ['APL', 42], ['DS', 43], ['SSHFP', 44], ['IPSECKEY', 45], ['RRSIG', 46], ['NSEC', 47], ['DNSKEY', 48],
  ['DHCID', 49], ['NSEC3', 50], ['NSEC3PARAM', 51], ['TLSA', 52], ['SMIMEA', 53], ['HIP', 55], ['NINFO', 56],
  ['RKEY', 57], ['TALINK', 58], ['CDS', 59], ['CDNSKEY', 60], ['OPENPGPKEY', 61], ['CSYNC', 62], ['ZONEMD', 63],
  ['SVCB', 64], ['HTTPS', 65], ['DSYNC', 66], ['SPF', 99], ['UINFO', 100], ['UID', 101], ['GID', 102],
  ['UNSPEC', 103], ['NID', 104], ['L32', 105], ['L64', 106], ['LP', 107], ['EUI48', 108], ['EUI64', 109],
  ['NXNAME', 128], ['TKEY', 249], ['TSIG', 250], ['IXFR', 251], ['AXFR', 252], ['MAILB', 253], ['MAILA', 254],
  ['ANY', 255], ['URI', 256], ['CAA', 257], ['AVC', 258], ['DOA', 259], ['AMTRELAY', 260], ['RESINFO', 261],
  ['WALLET', 262], ['CLA', 263], ['IPN', 264], ['TA', 32768], ['DLV', 32769],
]); // prettier-ignore

const typeNames: ReadonlyMap<number, string> = new Map([...typeCodes].map(([name, code]) => [code, name]));

/** Types that only exist in queries or transport (RFC 6895 §3.1): never valid in a zone file. */
const metaTypes: ReadonlySet<string> = new Set([
  'OPT',
  'NXNAME',
  'TKEY',
  'TSIG',
  'IXFR',
  'AXFR',
  'MAILB',
  'MAILA',
  'ANY',
]);

const classCodes: ReadonlyMap<string, number> = new Map([
  ['IN', 1],
  ['CS', 2],
  ['CH', 3],
  ['CHAOS', 3],
  ['HS', 4],
  ['HESIOD', 4],
]);
const classNames: ReadonlyMap<number, string> = new Map([
  [1, 'IN'],
  [2, 'CS'],
  [3, 'CH'],
  [4, 'HS'],
]);

/** What a word in type position turned out to be. */
export type TypeLookup =
  | { readonly kind: 'type'; readonly name: string; readonly code: number }
  | { readonly kind: 'meta'; readonly name: string }
  | { readonly kind: 'unknown' };

const unknown: TypeLookup = { kind: 'unknown' };
const typeCache = new Map<string, TypeLookup>();

/** The IANA code of an upper-case type mnemonic, if registered. */
export function typeCode(name: string): number | undefined {
  return typeCodes.get(name);
}

/**
 * Reads a type word (any case): a registered mnemonic, or `TYPEnnn` (RFC 3597), normalised to the mnemonic when
 * the number has one. `extraKnown` lets types the rdata layer defines count as known.
 */
export function lookupType(word: string, extraKnown?: (upper: string) => boolean): TypeLookup {
  const cached = typeCache.get(word);
  if (cached !== undefined) return cached;
  const result = computeType(word, extraKnown);
  if (typeCache.size < 4096) typeCache.set(word, result);
  return result;
}

function computeType(word: string, extraKnown?: (upper: string) => boolean): TypeLookup {
  const upper = word.toUpperCase();
  if (metaTypes.has(upper)) return { kind: 'meta', name: upper };
  const code = typeCodes.get(upper);
  if (code !== undefined) return { kind: 'type', name: upper, code };
  const number = numberAfter(upper, 'TYPE');
  if (number !== undefined) {
    const name = typeNames.get(number) ?? `TYPE${number}`;
    if (metaTypes.has(name)) return { kind: 'meta', name };
    return { kind: 'type', name, code: number };
  }
  if (extraKnown?.(upper) === true) return { kind: 'type', name: upper, code: -1 };
  return unknown;
}

/** Reads a class word (any case): IN, CH, HS, CS, their long forms, or `CLASSnnn`; the canonical name or undefined. */
export function lookupClass(word: string): string | undefined {
  const upper = word.length <= 6 ? word.toUpperCase() : word;
  const code = classCodes.get(upper);
  if (code !== undefined) return classNames.get(code);
  const number = numberAfter(word.toUpperCase(), 'CLASS');
  if (number === undefined) return undefined;
  return classNames.get(number) ?? `CLASS${number}`;
}

/** True when the word looks like an attempt at `CLASSnnn` (so a bad one is reported as a class, not a type). */
export function looksLikeClass(word: string): boolean {
  return word.length > 5 && word.slice(0, 5).toUpperCase() === 'CLASS';
}

function numberAfter(upper: string, prefix: string): number | undefined {
  if (!upper.startsWith(prefix) || upper.length === prefix.length || upper.length > prefix.length + 5) return undefined;
  let value = 0;
  for (let index = prefix.length; index < upper.length; index++) {
    const code = upper.charCodeAt(index);
    if (code < 48 || code > 57) return undefined;
    value = value * 10 + (code - 48);
  }
  return value <= 65535 ? value : undefined;
}
