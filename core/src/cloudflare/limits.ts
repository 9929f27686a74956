/**
 * Cloudflare's size limits on a record, in one place for the lint rule, the sync's pre-flight and the emulator:
 * "Each DNS record has a maximum wire format size of 4,096 bytes", and "if you have multiple records with the same
 * name and type, their combined content length must not exceed 8,192 characters" (Cloudflare's "DNS record types",
 * semantics.md §7).
 */
import { utf8ByteLength } from '../utf8';
import { canonicalContent, type CloudflareApiRecord } from './line';

export const cloudflareRecordWireLimit = 4096;
export const cloudflareRrsetContentLimit = 8192;

/** What the wire size is computed from: an API record (or request body) in Cloudflare's shape. */
export type SizedRecord = Pick<CloudflareApiRecord, 'name' | 'type' | 'content' | 'data'>;

/**
 * The record's size in DNS wire format (RFC 1035 section 3.2.1: owner, type, class, TTL, RDLENGTH, rdata). Names are
 * Punycode without the trailing dot, so a name takes its length plus two octets.
 */
export function cloudflareWireOctets(record: SizedRecord): number {
  return nameOctets(record.name) + 10 + rdataOctets(record);
}

/** Characters as Cloudflare counts them in `content` (code points; a guess, the docs only say "characters"). */
export function cloudflareContentLength(content: string): number {
  let length = 0;
  for (let i = 0; i < content.length; i++) {
    const code = content.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) i++;
    length++;
  }
  return length;
}

function rdataOctets(record: SizedRecord): number {
  const type = record.type.toUpperCase();
  const content = record.content ?? '';
  const data = (record.data ?? {}) as Readonly<Record<string, unknown>>;
  const text = (field: string): string => {
    const value = data[field];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  };
  const utf8 = (field: string): number => utf8ByteLength(text(field));
  switch (type) {
    case 'A':
      return 4;
    case 'AAAA':
      return 16;
    case 'CNAME':
    case 'NS':
    case 'PTR':
      return nameOctets(content);
    case 'MX':
      return 2 + nameOctets(content);
    case 'TXT':
      return txtOctets(canonicalContent({ type, name: record.name, ttl: 1, content }));
    case 'OPENPGPKEY':
      return base64Octets(content);
    case 'CAA':
      return 2 + utf8('tag') + utf8('value');
    case 'CERT':
      return 5 + base64Octets(text('certificate'));
    case 'DNSKEY':
      return 4 + base64Octets(text('public_key'));
    case 'DS':
      return 4 + hexOctets(text('digest'));
    case 'HTTPS':
    case 'SVCB':
      // SvcParams in presentation form: close to (and for long values at least) their wire length.
      return 2 + nameOctets(text('target')) + utf8('value');
    case 'LOC':
      return 16;
    case 'NAPTR':
      return 7 + utf8('flags') + utf8('service') + utf8('regex') + nameOctets(text('replacement'));
    case 'SMIMEA':
    case 'TLSA':
      return 3 + hexOctets(text('certificate'));
    case 'SRV':
      return 6 + nameOctets(text('target'));
    case 'SSHFP':
      return 2 + hexOctets(text('fingerprint'));
    case 'URI':
      return 4 + utf8('target');
    default:
      return utf8ByteLength(content);
  }
}

/** Octets of canonical TXT content (`"..." "..."`): each string's length octet and its text. */
function txtOctets(canonical: string): number {
  const strings = canonical.match(/"(?:[^"\\]|\\.)*"/g) ?? [];
  return strings.reduce((total, quoted) => total + 1 + escapedOctets(quoted.slice(1, -1)), 0);
}

/** The octets of a character-string's presentation text: `\DDD` and `\X` are one octet each, the rest UTF-8. */
function escapedOctets(text: string): number {
  let octets = 0;
  let plainFrom = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '\\') continue;
    const decimal = /^\d{3}/.test(text.slice(i + 1, i + 4));
    octets += utf8ByteLength(text.slice(plainFrom, i)) + (decimal ? 1 : utf8ByteLength(text[i + 1] ?? ''));
    i += decimal ? 3 : 1;
    plainFrom = i + 1;
  }
  return octets + utf8ByteLength(text.slice(plainFrom));
}

/** A name (`www.example.com`, or `.` / empty for the root) in wire format: labels with length octets. */
function nameOctets(name: string): number {
  const plain = name.endsWith('.') ? name.slice(0, -1) : name;
  return plain === '' ? 1 : plain.length + 2;
}

function base64Octets(text: string): number {
  const compact = text.replace(/\s+/g, '');
  const padding = compact.endsWith('==') ? 2 : compact.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((compact.length * 3) / 4) - padding);
}

function hexOctets(text: string): number {
  return Math.ceil(text.replace(/\s+/g, '').length / 2);
}
