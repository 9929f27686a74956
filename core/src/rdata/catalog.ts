/** The IANA resource record type registry as data: codes, rdata field names, a summary and a reference per type. */

import type { RecordTypeInfo } from './types';

/** A catalogue entry: what the core knows of a type but its parser, which `index.ts` attaches. */
export type TypeDescription = Omit<RecordTypeInfo, 'parse'>;

type Row = [
  name: string,
  code: number,
  fields: string,
  summary: string,
  reference: string,
  flags?: 'cf' | 'meta' | 'obsolete',
];

// Field names of the Cloudflare types match the keys of Cloudflare's `data` object where it has one. A field written
// `name:name` holds a domain name (completion offers in-zone names there; the name rules check it).
const rows: readonly Row[] = [
  ['A', 1, 'address', 'Maps a name to an IPv4 address.', 'RFC 1035', 'cf'],
  ['NS', 2, 'nameserver:name', 'Delegates the name to an authoritative name server.', 'RFC 1035', 'cf'],
  ['MD', 3, 'madname:name', 'Mail destination (obsolete; use MX).', 'RFC 1035', 'obsolete'],
  ['MF', 4, 'madname:name', 'Mail forwarder (obsolete; use MX).', 'RFC 1035', 'obsolete'],
  [
    'CNAME',
    5,
    'target:name',
    'Makes the name an alias of another (canonical) name; no other data may share the name.',
    'RFC 1035',
    'cf',
  ],
  [
    'SOA',
    6,
    'mname:name rname:name serial refresh retry expire minimum',
    'Start of authority: primary server, contact mailbox, serial and timers of the zone.',
    'RFC 1035',
  ],
  ['MB', 7, 'madname:name', 'Mailbox domain name (experimental).', 'RFC 1035', 'obsolete'],
  ['MG', 8, 'mgmname:name', 'Mail group member (experimental).', 'RFC 1035', 'obsolete'],
  ['MR', 9, 'newname:name', 'Mail rename domain name (experimental).', 'RFC 1035', 'obsolete'],
  ['NULL', 10, 'data', 'Opaque data (experimental; only in RFC 3597 generic form).', 'RFC 1035', 'obsolete'],
  ['WKS', 11, 'address protocol services', 'Well-known services of a host (obsolete).', 'RFC 1035', 'obsolete'],
  [
    'PTR',
    12,
    'target:name',
    'Points to another name, typically for reverse (address-to-name) lookups.',
    'RFC 1035',
    'cf',
  ],
  [
    'HINFO',
    13,
    'cpu os',
    'Host information: CPU and operating system (also used for RFC 8482 minimal ANY answers).',
    'RFC 1035',
  ],
  [
    'MINFO',
    14,
    'responsible_mailbox:name error_mailbox:name',
    'Mailbox or mail list information (experimental).',
    'RFC 1035',
    'obsolete',
  ],
  [
    'MX',
    15,
    'priority target:name',
    'Mail exchanger for the name, with a priority (lower is preferred).',
    'RFC 1035',
    'cf',
  ],
  ['TXT', 16, 'text', 'Free-form text strings (SPF, DKIM, DMARC, domain verification ...).', 'RFC 1035', 'cf'],
  [
    'RP',
    17,
    'mailbox:name text_domain:name',
    'Responsible person: a mailbox and a name holding TXT details.',
    'RFC 1183',
  ],
  ['AFSDB', 18, 'subtype hostname:name', 'AFS database location.', 'RFC 1183'],
  ['X25', 19, 'psdn_address', 'X.25 PSDN address (obsolete).', 'RFC 1183', 'obsolete'],
  ['ISDN', 20, 'isdn_address subaddress', 'ISDN address (obsolete).', 'RFC 1183', 'obsolete'],
  ['RT', 21, 'preference host:name', 'Route through an intermediate host (obsolete).', 'RFC 1183', 'obsolete'],
  ['NSAP', 22, 'address', 'OSI network service access point address (obsolete).', 'RFC 1706', 'obsolete'],
  ['NSAP-PTR', 23, 'target', 'Reverse mapping for NSAP (obsolete).', 'RFC 1706', 'obsolete'],
  [
    'SIG',
    24,
    'type_covered algorithm labels original_ttl expiration inception key_tag signer signature',
    'Signature (obsolete in DNSSEC; used by SIG(0)).',
    'RFC 2535',
    'obsolete',
  ],
  [
    'KEY',
    25,
    'flags protocol algorithm public_key',
    'Public key (obsolete in DNSSEC; used by SIG(0) and TKEY).',
    'RFC 2535',
  ],
  ['PX', 26, 'preference map822 mapx400', 'X.400 mail mapping (obsolete).', 'RFC 2163', 'obsolete'],
  ['GPOS', 27, 'longitude latitude altitude', 'Geographical position (obsolete; use LOC).', 'RFC 1712', 'obsolete'],
  ['AAAA', 28, 'address', 'Maps a name to an IPv6 address.', 'RFC 3596', 'cf'],
  [
    'LOC',
    29,
    'lat_degrees lat_minutes lat_seconds lat_direction long_degrees long_minutes long_seconds long_direction altitude size precision_horz precision_vert',
    'Geographical location: latitude, longitude, altitude and precision.',
    'RFC 1876',
    'cf',
  ],
  ['NXT', 30, 'next types', 'Next domain (obsolete; replaced by NSEC).', 'RFC 2535', 'obsolete'],
  ['EID', 31, 'endpoint_identifier', 'Nimrod endpoint identifier (obsolete).', 'IETF draft', 'obsolete'],
  ['NIMLOC', 32, 'locator', 'Nimrod locator (obsolete).', 'IETF draft', 'obsolete'],
  [
    'SRV',
    33,
    'priority weight port target:name',
    'Location of a service: priority, weight, port and target host.',
    'RFC 2782',
    'cf',
  ],
  ['ATMA', 34, 'address', 'ATM address (obsolete).', 'ATM Forum', 'obsolete'],
  [
    'NAPTR',
    35,
    'order preference flags service regex replacement:name',
    'Naming authority pointer: rewrite rules (ENUM, SIP).',
    'RFC 3403',
    'cf',
  ],
  ['KX', 36, 'preference exchanger:name', 'Key exchanger for the name.', 'RFC 2230'],
  [
    'CERT',
    37,
    'type key_tag algorithm certificate',
    'Stores a certificate or a certificate revocation list.',
    'RFC 4398',
    'cf',
  ],
  [
    'A6',
    38,
    'prefix_length address prefix_name',
    'IPv6 address in pieces (historic; use AAAA).',
    'RFC 6563',
    'obsolete',
  ],
  ['DNAME', 39, 'target:name', 'Redirects the whole subtree below the name to another name.', 'RFC 6672'],
  ['SINK', 40, 'coding subcoding data', 'Kitchen sink (never standardised).', 'IETF draft', 'obsolete'],
  ['OPT', 41, 'options', 'EDNS pseudo-record: only in messages, never in a zone.', 'RFC 6891', 'meta'],
  ['APL', 42, 'prefixes', 'Lists of address prefixes (experimental).', 'RFC 3123'],
  [
    'DS',
    43,
    'key_tag algorithm digest_type digest',
    'Delegation signer: the digest of a child zone key, placed in the parent.',
    'RFC 4034',
    'cf',
  ],
  ['SSHFP', 44, 'algorithm type fingerprint', 'Fingerprint of an SSH host key.', 'RFC 4255', 'cf'],
  ['IPSECKEY', 45, 'precedence gateway_type algorithm gateway public_key', 'IPsec keying material.', 'RFC 4025'],
  [
    'RRSIG',
    46,
    'type_covered algorithm labels original_ttl expiration inception key_tag signer signature',
    'DNSSEC signature over one RRset.',
    'RFC 4034',
  ],
  ['NSEC', 47, 'next:name types', 'DNSSEC authenticated denial: the next name and the types present here.', 'RFC 4034'],
  ['DNSKEY', 48, 'flags protocol algorithm public_key', 'A DNSSEC public key of the zone.', 'RFC 4034', 'cf'],
  ['DHCID', 49, 'digest', 'DHCP client identifier digest.', 'RFC 4701'],
  [
    'NSEC3',
    50,
    'hash_algorithm flags iterations salt next_hashed_owner types',
    'DNSSEC hashed authenticated denial.',
    'RFC 5155',
  ],
  [
    'NSEC3PARAM',
    51,
    'hash_algorithm flags iterations salt',
    'Parameters a signer uses to build NSEC3 records.',
    'RFC 5155',
  ],
  [
    'TLSA',
    52,
    'usage selector matching_type certificate',
    'DANE: the TLS certificate or key a service uses.',
    'RFC 6698',
    'cf',
  ],
  [
    'SMIMEA',
    53,
    'usage selector matching_type certificate',
    'DANE for S/MIME: the certificate of an email address.',
    'RFC 8162',
    'cf',
  ],
  [
    'HIP',
    55,
    'algorithm hit public_key rendezvous_servers',
    'Host Identity Protocol identity and rendezvous servers.',
    'RFC 8005',
  ],
  ['NINFO', 56, 'text', 'Zone status information (never standardised).', 'IETF draft', 'obsolete'],
  [
    'RKEY',
    57,
    'flags protocol algorithm public_key',
    'Resource record key (never standardised).',
    'IETF draft',
    'obsolete',
  ],
  ['TALINK', 58, 'previous next', 'Trust anchor link (never standardised).', 'IETF draft', 'obsolete'],
  ['CDS', 59, 'key_tag algorithm digest_type digest', 'Child copy of DS, for the parent to pick up.', 'RFC 7344'],
  [
    'CDNSKEY',
    60,
    'flags protocol algorithm public_key',
    'Child copy of DNSKEY, for the parent to pick up.',
    'RFC 7344',
  ],
  ['OPENPGPKEY', 61, 'public_key', 'An OpenPGP public key for an email address.', 'RFC 7929', 'cf'],
  ['CSYNC', 62, 'serial flags types', 'Child-to-parent synchronisation of NS and glue.', 'RFC 7477'],
  ['ZONEMD', 63, 'serial scheme hash_algorithm digest', 'Message digest of the whole zone.', 'RFC 8976'],
  [
    'SVCB',
    64,
    'priority target:name value',
    'Service binding: where and how to reach a service (priority, target, parameters).',
    'RFC 9460',
    'cf',
  ],
  [
    'HTTPS',
    65,
    'priority target:name value',
    'Service binding for HTTPS: alternative endpoints, ALPN, ECH and address hints.',
    'RFC 9460',
    'cf',
  ],
  ['DSYNC', 66, 'rrtype scheme port target', 'Where a child zone notifies its parent of DS changes.', 'RFC 9859'],
  ['HHIT', 67, 'data', 'Hierarchical host identity tag of a drone (DRIP), as base64 data.', 'RFC 9886'],
  ['BRID', 68, 'data', 'Broadcast remote identification of a drone (DRIP), as base64 data.', 'RFC 9886'],
  ['SPF', 99, 'text', 'SPF policy as its own type (obsolete: publish SPF in TXT).', 'RFC 7208', 'obsolete'],
  ['UINFO', 100, 'data', 'Reserved (never standardised).', 'IANA', 'obsolete'],
  ['UID', 101, 'data', 'Reserved (never standardised).', 'IANA', 'obsolete'],
  ['GID', 102, 'data', 'Reserved (never standardised).', 'IANA', 'obsolete'],
  ['UNSPEC', 103, 'data', 'Reserved (never standardised).', 'IANA', 'obsolete'],
  ['NID', 104, 'preference node_id', 'ILNP node identifier.', 'RFC 6742'],
  ['L32', 105, 'preference locator32', 'ILNP 32-bit locator.', 'RFC 6742'],
  ['L64', 106, 'preference locator64', 'ILNP 64-bit locator.', 'RFC 6742'],
  ['LP', 107, 'preference fqdn', 'ILNP locator pointer.', 'RFC 6742'],
  ['EUI48', 108, 'address', 'A 48-bit MAC address.', 'RFC 7043'],
  ['EUI64', 109, 'address', 'A 64-bit extended unique identifier.', 'RFC 7043'],
  ['NXNAME', 128, 'data', 'Meta type for compact denial of existence: only in responses.', 'RFC 9824', 'meta'],
  [
    'TKEY',
    249,
    'algorithm inception expiration mode error key other',
    'Transaction key establishment: only in messages.',
    'RFC 2930',
    'meta',
  ],
  [
    'TSIG',
    250,
    'algorithm time_signed fudge mac original_id error other',
    'Transaction signature: only in messages.',
    'RFC 8945',
    'meta',
  ],
  ['IXFR', 251, '', 'Incremental zone transfer query type.', 'RFC 1995', 'meta'],
  ['AXFR', 252, '', 'Full zone transfer query type.', 'RFC 1035', 'meta'],
  ['MAILB', 253, '', 'Query type for mailbox records.', 'RFC 1035', 'meta'],
  ['MAILA', 254, '', 'Query type for mail agent records (obsolete).', 'RFC 1035', 'meta'],
  ['ANY', 255, '', 'Query type for all records.', 'RFC 1035', 'meta'],
  ['URI', 256, 'priority weight target', 'Maps a name to a URI, with priority and weight.', 'RFC 7553', 'cf'],
  [
    'CAA',
    257,
    'flags tag value',
    'Which certificate authorities may issue certificates for the name.',
    'RFC 8659',
    'cf',
  ],
  ['AVC', 258, 'text', 'Application visibility and control (vendor-defined TXT-like data).', 'IANA'],
  ['DOA', 259, 'enterprise type location media_type data', 'Digital object architecture.', 'IETF draft'],
  [
    'AMTRELAY',
    260,
    'precedence discovery_optional relay_type relay',
    'Automatic multicast tunneling relay.',
    'RFC 8777',
  ],
  ['RESINFO', 261, 'text', 'Resolver information as key-value pairs.', 'RFC 9606'],
  ['WALLET', 262, 'text', 'Public wallet address.', 'IANA'],
  ['CLA', 263, 'text', 'BP convergence layer adapter.', 'IANA'],
  ['IPN', 264, 'node', 'BP node number.', 'IANA'],
  [
    'TA',
    32768,
    'key_tag algorithm digest_type digest',
    'DNSSEC trust authority (never standardised).',
    'IANA',
    'obsolete',
  ],
  [
    'DLV',
    32769,
    'key_tag algorithm digest_type digest',
    'DNSSEC lookaside validation (historic).',
    'RFC 8749',
    'obsolete',
  ],
];

/** Every type IANA registers, in code order. */
export const typeCatalog: readonly TypeDescription[] = rows.map(([name, code, fields, summary, reference, flag]) => ({
  name,
  code,
  ...fieldsOf(fields),
  summary,
  reference,
  cloudflare: flag === 'cf',
  ...(flag === 'meta' ? { meta: true } : {}),
  ...(flag === 'obsolete' ? { obsolete: true } : {}),
}));

const codeByName = new Map(typeCatalog.map((entry) => [entry.name, entry.code]));

/** The type code of a mnemonic (any case) or of `TYPEnnn` (0..65535); undefined for unknown names. */
function fieldsOf(written: string): Pick<TypeDescription, 'fields' | 'nameFields'> {
  const words = written === '' ? [] : written.split(' ');
  const nameFields = words.flatMap((word, index) => (word.endsWith(':name') ? [index] : []));
  return { fields: words.map((word) => word.replace(/:name$/, '')), nameFields };
}

export function typeCodeOf(text: string): number | undefined {
  // The parser hands over canonical mnemonics: they need no upper-casing (the rdata layer asks once per record).
  const exact = codeByName.get(text);
  if (exact !== undefined) return exact;
  const upper = text.toUpperCase();
  const known = codeByName.get(upper);
  if (known !== undefined) return known;
  const generic = /^TYPE(\d{1,5})$/.exec(upper);
  if (!generic) return undefined;
  const code = Number(generic[1]);
  return code <= 0xffff ? code : undefined;
}
