/** DNSSEC types: DS, CDS, DNSKEY, CDNSKEY, KEY, RRSIG, SIG, NSEC, NSEC3, NSEC3PARAM, ZONEMD, CSYNC. */
import type { Token } from '../types';
import { typeCodeOf } from './catalog';
import { checkDigestLength, readBase32Hex, readBase64, readHex } from './encodings';
import { RdataReader } from './reader';
import type { RdataParser } from './types';

/** DNSSEC algorithm mnemonics (IANA "DNS Security Algorithm Numbers"). */
export const dnssecAlgorithms: Readonly<Record<string, number>> = {
  RSAMD5: 1,
  DH: 2,
  DSA: 3,
  ECC: 4,
  RSASHA1: 5,
  'DSA-NSEC3-SHA1': 6,
  'RSASHA1-NSEC3-SHA1': 7,
  RSASHA256: 8,
  RSASHA512: 10,
  'ECC-GOST': 12,
  ECDSAP256SHA256: 13,
  ECDSAP384SHA384: 14,
  ED25519: 15,
  ED448: 16,
  INDIRECT: 252,
  PRIVATEDNS: 253,
  PRIVATEOID: 254,
};

/** Reads an algorithm field written as a number (0..255) or a mnemonic such as RSASHA256. */
export function algorithmNumber(reader: RdataReader, token: Token): number | undefined {
  const mnemonic = dnssecAlgorithms[token.text.toUpperCase()];
  if (mnemonic !== undefined) {
    reader.tokenField('algorithm', String(mnemonic), token);
    return mnemonic;
  }
  if (/^\d+$/.test(token.text)) return reader.integerFrom(token, 'algorithm', 255);
  reader.tokenField('algorithm', token.text, token);
  reader.report(
    'bad-algorithm',
    `${reader.type} algorithm "${token.text}" is neither a number from 0 to 255 nor a known mnemonic such as RSASHA256.`,
    token.range,
  );
  return undefined;
}

function readAlgorithm(reader: RdataReader): number | undefined {
  const token = reader.take('algorithm');
  return token ? algorithmNumber(reader, token) : undefined;
}

/** Digest sizes by DS digest type (RFC 4034, RFC 4509, RFC 5933, RFC 6605). */
const DS_DIGEST_LENGTH: Readonly<Record<number, number>> = { 1: 20, 2: 32, 3: 32, 4: 48 };

function dsLike(type: string): RdataParser {
  return (tokens, context) => {
    const reader = new RdataReader(tokens, context, type);
    reader.integer('key_tag', 0xffff);
    readAlgorithm(reader);
    const digestType = reader.integer('digest_type', 255);
    const length = readHex(reader, 'digest');
    if (digestType !== undefined)
      checkDigestLength(reader, 'digest', length, DS_DIGEST_LENGTH[digestType], `digest type ${digestType}`);
    return reader.result();
  };
}

export const parseDs = dsLike('DS');
export const parseCds = dsLike('CDS');

const FLAG_MNEMONICS = /^(?=[^|]*[A-Za-z])[A-Za-z0-9]+(?:\|[A-Za-z0-9]+)*$/;

function dnskeyLike(type: string): RdataParser {
  return (tokens, context) => {
    const reader = new RdataReader(tokens, context, type);
    const flagsToken = reader.peek();
    // BIND also reads KEY flags as mnemonics joined by "|" (FLAG2|SIG15 ...).
    if (flagsToken && FLAG_MNEMONICS.test(flagsToken.text)) {
      reader.take('flags');
      reader.field('flags', flagsToken.text, flagsToken.range);
    } else reader.integer('flags', 0xffff);
    const protocolToken = reader.peek();
    const protocol = reader.integer('protocol', 255);
    if (protocolToken && protocol !== undefined && protocol !== 3 && type !== 'KEY') {
      reader.report(
        'bad-rdata',
        `${type} protocol should be 3 (RFC 4034 section 2.1.2), not ${protocol}; validators ignore such keys.`,
        protocolToken.range,
        'warning',
      );
    }
    readAlgorithm(reader);
    readBase64(reader, 'public_key', { allowEmpty: type === 'KEY' });
    return reader.result();
  };
}

export const parseDnskey = dnskeyLike('DNSKEY');
export const parseCdnskey = dnskeyLike('CDNSKEY');
export const parseKey = dnskeyLike('KEY');

function readTypeName(reader: RdataReader, token: Token, fieldName: string): void {
  reader.tokenField(fieldName, token.text.toUpperCase(), token);
  if (token.kind !== 'word' || typeCodeOf(token.text) === undefined) {
    reader.report(
      'bad-type-list',
      `${reader.type} ${fieldName.replaceAll('_', ' ')} "${token.text}" is not a known record type.`,
      token.range,
    );
  }
}

function readTypeList(reader: RdataReader): void {
  for (const token of reader.takeRest()) readTypeName(reader, token, 'types');
}

/** The value of the `count` decimal digits of `text` from `at`, or -1 if one is not a digit. */
function digitsAt(text: string, at: number, count: number): number {
  let value = 0;
  for (let index = at; index < at + count; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** YYYYMMDDHHmmSS with a month, day, hour, minute and second in range (a leap second allowed). */
function isCalendarTime(text: string): boolean {
  if (text.length !== 14 || digitsAt(text, 0, 4) < 0) return false;
  const month = digitsAt(text, 4, 2);
  const day = digitsAt(text, 6, 2);
  const hour = digitsAt(text, 8, 2);
  const minute = digitsAt(text, 10, 2);
  const second = digitsAt(text, 12, 2);
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= 31 &&
    hour >= 0 &&
    hour < 24 &&
    minute >= 0 &&
    minute < 60 &&
    second >= 0 &&
    second < 61
  );
}

/** Seconds since 1970 in 32 bits, written as 1 to 10 digits. */
function isEpochTime(text: string): boolean {
  return text.length >= 1 && text.length <= 10 && digitsAt(text, 0, text.length) >= 0 && Number(text) <= 0xffffffff;
}

/**
 * An RRSIG expiration or inception as named and Knot read it: 14 digits are a calendar time (even when out of
 * range), 1 to 10 digits seconds since 1970. Every RRSIG has two: digit arithmetic, no regular expression.
 */
export function isSignatureTime(text: string): boolean {
  return text.length === 14 && digitsAt(text, 0, 14) >= 0 ? isCalendarTime(text) : isEpochTime(text);
}

function readTime(reader: RdataReader, fieldName: string): void {
  const token = reader.take(fieldName);
  if (!token) return;
  const text = token.text;
  reader.tokenField(fieldName, text, token);
  if (isSignatureTime(text)) return;
  reader.report(
    'bad-time',
    `${reader.type} ${fieldName} "${text}" must be YYYYMMDDHHmmSS or seconds since 1970.`,
    token.range,
  );
}

function rrsigLike(type: string): RdataParser {
  return (tokens, context) => {
    const reader = new RdataReader(tokens, context, type);
    const covered = reader.take('type_covered');
    if (covered) readTypeName(reader, covered, 'type_covered');
    readAlgorithm(reader);
    reader.integer('labels', 255);
    reader.integer('original_ttl', 0xffffffff);
    readTime(reader, 'expiration');
    readTime(reader, 'inception');
    reader.integer('key_tag', 0xffff);
    reader.name('signer');
    readBase64(reader, 'signature');
    return reader.result();
  };
}

export const parseRrsig = rrsigLike('RRSIG');
export const parseSig = rrsigLike('SIG');

export const parseNsec: RdataParser = (tokens, context) => {
  const reader = new RdataReader(tokens, context, 'NSEC');
  const next = reader.peek();
  reader.name('next');
  const types = reader.takeRest();
  for (const token of types) readTypeName(reader, token, 'types');
  // The NSEC and the RRSIG over it are always at its owner (RFC 4034 section 4.1.2); named refuses an empty list.
  if (next !== undefined && types.length === 0) {
    reader.report(
      'nsec-empty-types',
      'This NSEC record lists no types, but its owner has at least NSEC and RRSIG (RFC 4034 section 4.1.2): list the types at the owner.',
      next.range,
    );
  }
  return reader.result();
};

function readNsec3Parameters(reader: RdataReader): number | undefined {
  const algorithm = reader.integer('hash_algorithm', 255);
  reader.integer('flags', 255);
  reader.integer('iterations', 0xffff);
  readHex(reader, 'salt', { single: true, allowDash: true });
  return algorithm;
}

export const parseNsec3: RdataParser = (tokens, context) => {
  const reader = new RdataReader(tokens, context, 'NSEC3');
  const algorithm = readNsec3Parameters(reader);
  const length = readBase32Hex(reader, 'next_hashed_owner');
  // Hash algorithm 1 is SHA-1, the only one defined: every hashed owner name is 20 octets.
  if (algorithm === 1) checkDigestLength(reader, 'next_hashed_owner', length, 20, 'SHA-1 (hash algorithm 1)');
  readTypeList(reader);
  return reader.result();
};

export const parseNsec3param: RdataParser = (tokens, context) => {
  const reader = new RdataReader(tokens, context, 'NSEC3PARAM');
  readNsec3Parameters(reader);
  reader.end();
  return reader.result();
};

/** ZONEMD digest sizes by hash algorithm (RFC 8976 section 5.3). */
const ZONEMD_LENGTH: Readonly<Record<number, number>> = { 1: 48, 2: 64 };

export const parseZonemd: RdataParser = (tokens, context) => {
  const reader = new RdataReader(tokens, context, 'ZONEMD');
  reader.integer('serial', 0xffffffff);
  reader.integer('scheme', 255);
  const algorithm = reader.integer('hash_algorithm', 255);
  const length = readHex(reader, 'digest');
  if (algorithm !== undefined && length !== undefined && length < 12) {
    const field = reader.result().fields.find((candidate) => candidate.name === 'digest');
    if (field)
      reader.report('bad-digest-length', `ZONEMD digest is ${length} octets; it must be at least 12.`, field.range);
  } else if (algorithm !== undefined) {
    checkDigestLength(reader, 'digest', length, ZONEMD_LENGTH[algorithm], `hash algorithm ${algorithm}`);
  }
  return reader.result();
};

export const parseCsync: RdataParser = (tokens, context) => {
  const reader = new RdataReader(tokens, context, 'CSYNC');
  reader.integer('serial', 0xffffffff);
  reader.integer('flags', 0xffff);
  readTypeList(reader);
  return reader.result();
};
