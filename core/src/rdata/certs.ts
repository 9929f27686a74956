/** Certificate and key material: CERT, TLSA, SMIMEA, SSHFP, OPENPGPKEY, DHCID. */
import { algorithmNumber } from './dnssec';
import { checkDigestLength, readBase64, readHex } from './encodings';
import { RdataReader } from './reader';
import type { RdataParser } from './types';

/** CERT certificate type mnemonics (RFC 4398 section 2.1). */
const CERT_TYPES: Readonly<Record<string, number>> = {
  PKIX: 1,
  SPKI: 2,
  PGP: 3,
  IPKIX: 4,
  ISPKI: 5,
  IPGP: 6,
  ACPKIX: 7,
  IACPKIX: 8,
  URI: 253,
  OID: 254,
};

export const parseCert: RdataParser = (tokens, context) => {
  const reader = new RdataReader(tokens, context, 'CERT');
  const typeToken = reader.take('type');
  if (typeToken) {
    const mnemonic = CERT_TYPES[typeToken.text.toUpperCase()];
    if (mnemonic !== undefined) reader.field('type', String(mnemonic), typeToken.range);
    else if (/^\d+$/.test(typeToken.text)) reader.integerFrom(typeToken, 'type', 0xffff);
    else {
      reader.field('type', typeToken.text, typeToken.range);
      reader.report(
        'bad-algorithm',
        `CERT type "${typeToken.text}" is neither a number nor one of ${Object.keys(CERT_TYPES).join(', ')}.`,
        typeToken.range,
      );
    }
  }
  reader.integer('key_tag', 0xffff);
  const algorithmToken = reader.take('algorithm');
  if (algorithmToken) algorithmNumber(reader, algorithmToken);
  readBase64(reader, 'certificate');
  return reader.result();
};

/** Digest sizes of TLSA/SMIMEA matching types (RFC 6698 section 2.1.3). */
const MATCHING_LENGTH: Readonly<Record<number, number>> = { 1: 32, 2: 64 };

function tlsaLike(type: string): RdataParser {
  return (tokens, context) => {
    const reader = new RdataReader(tokens, context, type);
    reader.integer('usage', 255);
    reader.integer('selector', 255);
    const matching = reader.integer('matching_type', 255);
    const length = readHex(reader, 'certificate');
    if (matching !== undefined) {
      checkDigestLength(
        reader,
        'certificate',
        length,
        MATCHING_LENGTH[matching],
        `matching type ${matching} (SHA-${matching === 1 ? 256 : 512})`,
        // BIND loads such records; they simply never match a certificate.
        'warning',
      );
    }
    return reader.result();
  };
}

export const parseTlsa = tlsaLike('TLSA');
export const parseSmimea = tlsaLike('SMIMEA');

/** SSHFP fingerprint sizes by fingerprint type (RFC 4255, RFC 6594). */
const SSHFP_LENGTH: Readonly<Record<number, number>> = { 1: 20, 2: 32 };

export const parseSshfp: RdataParser = (tokens, context) => {
  const reader = new RdataReader(tokens, context, 'SSHFP');
  reader.integer('algorithm', 255);
  const type = reader.integer('type', 255);
  const length = readHex(reader, 'fingerprint');
  if (type !== undefined) {
    checkDigestLength(
      reader,
      'fingerprint',
      length,
      SSHFP_LENGTH[type],
      `fingerprint type ${type} (SHA-${type === 1 ? 1 : 256})`,
    );
  }
  return reader.result();
};

export const parseOpenpgpkey: RdataParser = (tokens, context) => {
  const reader = new RdataReader(tokens, context, 'OPENPGPKEY');
  readBase64(reader, 'public_key');
  return reader.result();
};

export const parseDhcid: RdataParser = (tokens, context) => {
  const reader = new RdataReader(tokens, context, 'DHCID');
  readBase64(reader, 'digest');
  return reader.result();
};

/** HHIT and BRID (RFC 9886): opaque data written as base64, possibly over several tokens. */
export function parseBase64Data(type: string): RdataParser {
  return (tokens, context) => {
    const reader = new RdataReader(tokens, context, type);
    readBase64(reader, 'data');
    return reader.result();
  };
}
