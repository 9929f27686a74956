import type { StoredRecord } from './model';
import { txtWireOctets } from './zone-core';

/**
 * The size of a record in DNS wire format (RFC 1035 section 3.2.1: owner name, type, class, TTL, RDLENGTH, rdata),
 * which Cloudflare caps at 4,096 bytes ("DNS record types": "Each DNS record has a maximum wire format size of 4,096
 * bytes"). Names are stored in Punycode without the trailing dot, so a name takes its length plus two octets.
 */
export function recordWireOctets(record: StoredRecord): number {
  return nameOctets(record.name) + 10 + rdataOctets(record);
}

function rdataOctets(record: StoredRecord): number {
  const data = record.data ?? {};
  const text = (field: string): string => String(data[field] ?? '');
  const utf8 = (field: string): number => Buffer.byteLength(text(field), 'utf8');
  switch (record.type) {
    case 'A':
      return 4;
    case 'AAAA':
      return 16;
    case 'CNAME':
    case 'NS':
    case 'PTR':
      return nameOctets(record.content);
    case 'MX':
      return 2 + nameOctets(record.content);
    case 'TXT':
      return txtWireOctets(record.content);
    case 'OPENPGPKEY':
      return base64Octets(record.content);
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
      return Buffer.byteLength(record.content, 'utf8');
  }
}

/** A stored name (`www.example.com`, or `.` / empty for the root) in wire format: labels with length octets. */
function nameOctets(name: string): number {
  return name === '' || name === '.' ? 1 : name.length + 2;
}

function base64Octets(text: string): number {
  const compact = text.replace(/\s+/g, '');
  const padding = compact.endsWith('==') ? 2 : compact.endsWith('=') ? 1 : 0;
  return Math.floor((compact.length * 3) / 4) - padding;
}

function hexOctets(text: string): number {
  return Math.ceil(text.replace(/\s+/g, '').length / 2);
}
