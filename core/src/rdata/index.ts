/** The record type registry and `parseRdata`, the entry point the parser calls for every record. */
import { isGenericMarker } from '../parse/source';
import type { Token } from '../types';
import { parseA, parseAaaa, parseEui48, parseEui64, parseNsap } from './address';
import { parseCaa } from './caa';
import { typeCatalog, typeCodeOf } from './catalog';
import { parseBase64Data, parseCert, parseDhcid, parseOpenpgpkey, parseSmimea, parseSshfp, parseTlsa } from './certs';
import {
  parseCdnskey,
  parseCds,
  parseCsync,
  parseDnskey,
  parseDs,
  parseKey,
  parseNsec,
  parseNsec3,
  parseNsec3param,
  parseRrsig,
  parseSig,
  parseZonemd,
} from './dnssec';
import { parseByFieldCount, parseGenericRdata } from './generic';
import {
  parseAfsdb,
  parseCname,
  parseDname,
  parseKx,
  parseMinfo,
  parseMx,
  parseNs,
  parsePtr,
  parsePx,
  parseRp,
  parseRt,
  parseSingleName,
  parseSrv,
} from './hostnames';
import { parseIpseckey } from './ipseckey';
import { parseLoc } from './loc';
import { RdataReader } from './reader';
import { parseHinfo, parseNaptr, parseSpf, parseTxt, parseUri, textStrings } from './strings';
import { parseSoa } from './soa';
import { parseHttps, parseSvcb } from './svcb';
import type { RdataContext, RdataParser, RdataResult, RecordTypeInfo } from './types';

export type { RdataContext, RdataParser, RdataResult, RecordTypeInfo } from './types';
export { rdataCodes, type RdataCode } from './codes';
export { typeCodeOf } from './catalog';
export { isIpv4, isIpv6, canonicalIpv6 } from './address';
export { isHostname } from './hostnames';
export { decodeCharacterString, encodeCharacterString, quoteString, splitOctets } from './text';
export { parseTtlText } from './soa';
export { svcParamKeys } from './svcb';
export { dnssecAlgorithms } from './dnssec';
export { caaRecordValueProblem, caaTags, caaValueProblem } from './caa';

const parsers: Readonly<Partial<Record<string, RdataParser>>> = {
  A: parseA,
  AAAA: parseAaaa,
  AFSDB: parseAfsdb,
  CAA: parseCaa,
  CDNSKEY: parseCdnskey,
  CDS: parseCds,
  CERT: parseCert,
  CNAME: parseCname,
  CSYNC: parseCsync,
  DHCID: parseDhcid,
  DLV: parseDs,
  DNAME: parseDname,
  DNSKEY: parseDnskey,
  DS: parseDs,
  EUI48: parseEui48,
  EUI64: parseEui64,
  HHIT: parseBase64Data('HHIT'),
  HINFO: parseHinfo,
  HTTPS: parseHttps,
  IPSECKEY: parseIpseckey,
  KEY: parseKey,
  KX: parseKx,
  LOC: parseLoc,
  MB: parseSingleName('MB', 'madname'),
  MD: parseSingleName('MD', 'madname'),
  MF: parseSingleName('MF', 'madname'),
  MG: parseSingleName('MG', 'mgmname'),
  MINFO: parseMinfo,
  MR: parseSingleName('MR', 'newname'),
  MX: parseMx,
  NAPTR: parseNaptr,
  NINFO: textStrings('NINFO'),
  NS: parseNs,
  NSAP: parseNsap,
  'NSAP-PTR': parseSingleName('NSAP-PTR', 'target'),
  NSEC: parseNsec,
  NSEC3: parseNsec3,
  NSEC3PARAM: parseNsec3param,
  OPENPGPKEY: parseOpenpgpkey,
  PTR: parsePtr,
  PX: parsePx,
  RESINFO: textStrings('RESINFO'),
  RP: parseRp,
  RRSIG: parseRrsig,
  RT: parseRt,
  SIG: parseSig,
  SMIMEA: parseSmimea,
  SOA: parseSoa,
  SPF: parseSpf,
  SRV: parseSrv,
  SSHFP: parseSshfp,
  SVCB: parseSvcb,
  TA: parseDs,
  TLSA: parseTlsa,
  TXT: parseTxt,
  URI: parseUri,
  AVC: textStrings('AVC'),
  BRID: parseBase64Data('BRID'),
  WALLET: textStrings('WALLET'),
  ZONEMD: parseZonemd,
};

/** Types that have no text form besides RFC 3597's `\# length hex`. */
const NO_PRESENTATION = new Set(['NULL', 'UNSPEC']);

const infos: RecordTypeInfo[] = typeCatalog.map((entry) => {
  const parse = parsers[entry.name];
  return parse ? { ...entry, parse } : entry;
});

/** Record types the core knows, by upper-case mnemonic (every IANA type). */
export const recordTypes: ReadonlyMap<string, RecordTypeInfo> = new Map(infos.map((info) => [info.name, info]));

/** Record types by IANA code. */
export const typeByCode: ReadonlyMap<number, RecordTypeInfo> = new Map(infos.map((info) => [info.code, info]));

/** The 21 types Cloudflare's DNS records API serves, in alphabetical order. */
export const cloudflareTypes: readonly string[] = infos
  .filter((info) => info.cloudflare)
  .map((info) => info.name)
  .sort();

/** What the core knows of a mnemonic (any case) or `TYPEnnn`; undefined for unknown names and unassigned codes. */
export function recordTypeInfo(type: string): RecordTypeInfo | undefined {
  const code = typeCodeOf(type);
  return code === undefined ? undefined : typeByCode.get(code);
}

function parseRdataUnsafe(type: string, tokens: readonly Token[], context: RdataContext): RdataResult {
  const code = typeCodeOf(type);
  // Unknown mnemonics are reported by the caller on the type token; nothing here can be checked.
  if (code === undefined) return { fields: [], diagnostics: [] };
  const info = typeByCode.get(code);
  const name = info?.name ?? `TYPE${code}`;
  // Unassigned codes in the meta range 128-255 are let through as NSD does (the corpus's expect); BIND refuses them.
  if (info?.meta) {
    const reader = new RdataReader(tokens, context, name);
    const range = context.typeRange ?? tokens[0]?.range;
    if (range) reader.report('meta-type', `${name} is a query or meta type and cannot appear in a zone file.`, range);
    return reader.result();
  }
  const first = tokens[0];
  // BIND reads `\#` as generic rdata only before a length; `TXT \# text` is the text "#" and "text".
  const generic = first?.kind === 'word' && isGenericMarker(first) && (!info || /^\d+$/.test(tokens[1]?.text ?? ''));
  if (generic) return parseGenericRdata(name)(tokens, context);
  // Without a presentation form of our own (unknown codes, NULL, UNSPEC, or TYPEnnn of a type we only know by
  // name), the only safe reading is RFC 3597's; BIND, Knot and NSD refuse anything else too.
  if (!info || NO_PRESENTATION.has(info.name) || (!info.parse && /^TYPE\d+$/i.test(type))) {
    const reader = new RdataReader(tokens, context, name);
    const range = first
      ? { start: first.range.start, end: (tokens[tokens.length - 1] ?? first).range.end }
      : context.typeRange;
    if (range) {
      reader.report(
        'bad-generic-rdata',
        `${name} has no known presentation form: write its rdata as \\# length hex (RFC 3597).`,
        range,
      );
    }
    return reader.result();
  }
  return (info.parse ?? parseByFieldCount(info))(tokens, context);
}

/**
 * Parses one record's rdata for `type` (a mnemonic or `TYPEnnn`), including RFC 3597 `\# len hex`.
 * Unknown mnemonics give an empty result: the caller reports them on the type token. Never throws.
 */
export function parseRdata(type: string, tokens: readonly Token[], context: RdataContext): RdataResult {
  try {
    return parseRdataUnsafe(type, tokens, context);
  } catch (error) {
    const range = tokens[0]?.range ?? context.typeRange;
    if (!range) return { fields: [], diagnostics: [] };
    const message = `Internal error while checking this ${type} rdata (${error instanceof Error ? error.message : String(error)}); please report it.`;
    return { fields: [], diagnostics: [{ code: 'bad-rdata', severity: 'error', message, range }] };
  }
}
