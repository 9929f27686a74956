import { nameErrorCodes, type NameErrorCode } from '../names';

/** Stable codes of rdata diagnostics. Tests and `zone-records-disable-line` use these; messages may change. */
export type RdataCode =
  | 'bad-rdata'
  | 'missing-rdata'
  | 'extra-rdata'
  | 'meta-type'
  | 'bad-generic-rdata'
  | 'bad-number'
  | 'bad-ipv4'
  | 'bad-ipv6'
  | 'bad-name'
  | 'bad-hostname'
  | 'bad-base64'
  | 'bad-hex'
  | 'bad-base32'
  | 'bad-digest-length'
  | 'txt-string-too-long'
  | 'bad-ttl-field'
  | 'bad-rname'
  | 'bad-caa'
  | 'caa-unknown-tag'
  | 'bad-svcb-param'
  | 'svcb-alias-params'
  | 'bad-loc'
  | 'bad-naptr'
  | 'bad-uri'
  | 'bad-type-list'
  | 'nsec-empty-types'
  | 'bad-time'
  | 'bad-algorithm'
  | NameErrorCode;

/** Every rdata diagnostic code with what it means. */
export const rdataCodes: Readonly<Record<RdataCode, string>> = {
  'bad-rdata': 'The rdata does not have the form the record type requires.',
  'missing-rdata': 'The record has fewer rdata fields than its type requires.',
  'extra-rdata': 'The record has more rdata fields than its type allows.',
  'meta-type': 'A query-only or meta type (AXFR, ANY, OPT, TSIG ...) cannot appear in a zone file.',
  'bad-generic-rdata': 'RFC 3597 generic rdata (`\\# length hex`) is malformed or its length does not match the data.',
  'bad-number': 'A numeric field is not a decimal integer within its range (8, 16 or 32 bits).',
  'bad-ipv4': 'Not an IPv4 address in dotted-quad form.',
  'bad-ipv6': 'Not an IPv6 address (RFC 4291 text form).',
  'bad-name': 'A field that must be a domain name is not one.',
  'bad-hostname':
    "A name BIND's check-names wants to be a host name (letters, digits and inner hyphens) is not one: an NS, MX or SRV target, an SVCB/HTTPS target in ServiceMode, a PTR target in a reverse zone, the SOA mname or the domain of its mailbox.",
  'bad-base64': 'Not valid base64 (RFC 4648).',
  'bad-hex': 'Not valid hexadecimal (an even number of hex digits).',
  'bad-base32': 'Not valid base32hex (RFC 4648, as NSEC3 uses it).',
  'bad-digest-length': 'The digest or fingerprint length does not match its algorithm.',
  'txt-string-too-long': 'A character-string is longer than 255 octets after unescaping (RFC 1035 section 3.3).',
  'bad-rname': 'The SOA mailbox contains "@"; it is written with a dot instead (hostmaster.example.com.).',
  'bad-ttl-field': 'A time field (SOA refresh, retry, expire, minimum) is not a number of seconds or a TTL with units.',
  'bad-caa': 'A CAA record breaks RFC 8659: reserved flag bits, or a tag that is not 1 to 15 letters and digits.',
  'caa-unknown-tag': 'The CAA tag is not one registered with IANA; certificate authorities ignore it.',
  'bad-svcb-param': 'An SVCB/HTTPS parameter is unknown, repeated, malformed, or breaks a rule of RFC 9460.',
  'svcb-alias-params': 'An SVCB/HTTPS record in AliasMode (priority 0) carries parameters, which clients ignore.',
  'bad-loc': 'A LOC field is missing or out of range (RFC 1876).',
  'bad-naptr': 'A NAPTR flags field has characters other than letters and digits.',
  'bad-uri': 'A URI record target is empty or not a URI; named, Knot and NSD load it.',
  'bad-type-list': 'A type in a type list (NSEC, NSEC3, CSYNC, RRSIG type covered) is unknown.',
  'nsec-empty-types':
    'An NSEC record lists no types; its owner has at least NSEC and RRSIG. named refuses it, kzonecheck loads it.',
  'bad-time': 'A signature time is not YYYYMMDDHHmmSS or a 32-bit number of seconds.',
  'bad-algorithm': 'A DNSSEC algorithm or certificate type mnemonic is unknown.',
  ...nameErrorCodes,
};
