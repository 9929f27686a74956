// The zone shapes the lint benchmark runs on: each a generator of a valid zone of a given record count (valid for
// zone-records, kzonecheck, nsd-checkzone and named-checkzone alike, so that each does its full work and none stops
// early). Records are deterministic in their position, so every run lints the same bytes.
import { createHash } from 'node:crypto';
import { generateLintZone, lintBenchApex as apex, lintBenchOrigin, zoneOf } from './common';

export interface ZoneShape {
  readonly name: string;
  /** One sentence for BENCHMARKS.md: what the zone holds. */
  readonly description: string;
  readonly generate: (records: number) => string;
}

function ipv4(i: number): string {
  return `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
}

/** The issue's shape: A with its own TTL, AAAA, CNAME to an in-zone name, MX to an outside host, TXT of two strings. */
function issueRecord(i: number): string {
  switch (i % 5) {
    case 0:
      return `host${i} ${300 + (i % 7) * 600} IN A ${ipv4(i)}`;
    case 1:
      return `v6-${i} IN AAAA 2001:db8:${(i >> 16).toString(16)}::${(i & 0xffff).toString(16)}`;
    case 2:
      return `alias${i} IN CNAME host${i - 2}`;
    case 3:
      return `mx${i} IN MX ${10 * (i % 4)} mail${i % 1000}.provider${i % 97}.net.`;
    default:
      return `txt${i} IN TXT "v=spf1 ip4:${ipv4(i)} include:_spf.example.net ~all" "id=${i}"`;
  }
}

/** Bytes that depend only on `seed` and `index` (xorshift32): stand-ins for keys, signatures and hashes. */
function pseudoBytes(seed: number, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = (seed * 2654435761 + 0x9e3779b9) >>> 0 || 1;
  for (let index = 0; index < length; index++) {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    bytes[index] = state & 255;
  }
  return bytes;
}

const base32hexDigits = '0123456789abcdefghijklmnopqrstuv';

/** RFC 4648 base32hex without padding, as NSEC3 owner labels are written. */
function base32hex(bytes: Buffer): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += base32hexDigits[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  return bits > 0 ? out + base32hexDigits[(buffer << (5 - bits)) & 31] : out;
}

/** The NSEC3 hash (SHA-1, no salt, no extra iterations: RFC 9276) of an absolute lower-case `name`, base32hex. */
function nsec3Hash(name: string): string {
  const labels = name.split('.').filter((label) => label !== '');
  const wire = Buffer.concat([
    ...labels.map((label) => Buffer.from([label.length, ...Buffer.from(label)])),
    Buffer.from([0]),
  ]);
  return base32hex(createHash('sha1').update(wire).digest());
}

/** A valid NSEC3 chain over `names`: each name's hashed owner and the next hash in order (the last wraps). */
function nsec3Chain(names: readonly string[]): Map<string, { owner: string; next: string }> {
  const hashes = names.map((name) => ({ name, hash: nsec3Hash(name) }));
  const sorted = hashes.slice().sort((a, b) => (a.hash < b.hash ? -1 : 1));
  const chain = new Map<string, { owner: string; next: string }>();
  sorted.forEach(({ name, hash }, index) => {
    chain.set(name, { owner: hash, next: (sorted[(index + 1) % sorted.length] ?? sorted[0]).hash.toUpperCase() });
  });
  return chain;
}

/** An ECDSA P-256 (algorithm 13) RRSIG over `type` at an owner of `labels` labels. */
function rrsig(type: string, labels: number, seed: number): string {
  const signature = pseudoBytes(seed, 64).toString('base64');
  return `RRSIG ${type} 13 ${labels} 3600 20270101000000 20261201000000 40000 ${lintBenchOrigin}. ${signature}`;
}

const origin = `${lintBenchOrigin}.`;
const namesPerSignedGroup = 4;

/**
 * A signed zone: the apex and the glue signed, then per name an A, its RRSIG, the name's NSEC3 at its hashed owner
 * and that NSEC3's RRSIG. The NSEC3 chain is real (kzonecheck and named check it); the signatures are random bytes.
 */
function signedZone(records: number): string {
  const head = 20;
  const count = Math.max(0, Math.ceil((records - head) / namesPerSignedGroup));
  const hosts = Array.from({ length: count }, (_, name) => `host${name}.${origin}`);
  const chain = nsec3Chain([origin, `ns1.${origin}`, `ns2.${origin}`, ...hosts]);
  const nsec3 = (name: string, types: string, labels: number, seed: number): string[] => {
    const link = chain.get(name)!;
    return [
      `${link.owner} 300 IN NSEC3 1 0 0 - ${link.next} ${types}`,
      `${link.owner} 300 ${rrsig('NSEC3', labels, seed)}`,
    ];
  };
  const lines = [
    ...apex.slice(0, 3),
    `  ${rrsig('SOA', 2, 1)}`,
    ...apex.slice(3, 5),
    `  ${rrsig('NS', 2, 2)}`,
    `  IN DNSKEY 257 3 13 ${pseudoBytes(3, 64).toString('base64')}`,
    `  IN DNSKEY 256 3 13 ${pseudoBytes(4, 64).toString('base64')}`,
    `  ${rrsig('DNSKEY', 2, 5)}`,
    '  0 IN NSEC3PARAM 1 0 0 -',
    `  0 ${rrsig('NSEC3PARAM', 2, 6)}`,
    ...nsec3(origin, 'NS SOA RRSIG DNSKEY NSEC3PARAM', 2, 7),
    apex[5],
    `ns1 ${rrsig('A', 3, 8)}`,
    ...nsec3(`ns1.${origin}`, 'A RRSIG', 3, 9),
    apex[6],
    `ns2 ${rrsig('A', 3, 10)}`,
    ...nsec3(`ns2.${origin}`, 'A RRSIG', 3, 11),
  ];
  for (let name = 0; name < count; name++) {
    lines.push(`host${name} IN A ${ipv4(name)}`, `host${name} ${rrsig('A', 3, name * 2 + 12)}`);
    lines.push(...nsec3(hosts[name], 'A RRSIG', 3, name * 2 + 13));
  }
  return `${lines.join('\n')}\n`;
}

/** `count` strings of 255 characters each, varied by `i`. */
function longStrings(i: number, count: number): string {
  const strings: string[] = [];
  for (let part = 0; part < count; part++) {
    const head = `k${part}=${i}:`;
    strings.push(`"${head}${'abcdefghijklmnopqrstuvwxyz0123456789'.repeat(8).slice(0, 255 - head.length)}"`);
  }
  return strings.join(' ');
}

/** A host with an address, long TXT (three or four 255-octet strings), HTTPS and SVCB with parameters. */
function longTxtSvcbRecord(i: number): string {
  switch (i % 4) {
    case 0:
      return `host${i} IN A ${ipv4(i)}`;
    case 1:
      return `txt${i} IN TXT ${longStrings(i, 3 + (i % 2))}`;
    case 2:
      return `host${i - 2} IN HTTPS 1 . alpn="h3,h2" ipv4hint=${ipv4(i - 2)} ipv6hint=2001:db8::${(i & 0xffff).toString(16)}`;
    default:
      return `_${8000 + (i % 1000)}._svc${i} IN SVCB 1 host${i - 3} mandatory=alpn,port alpn=h2 port=${8000 + (i % 1000)}`;
  }
}

export const zoneShapes: readonly ZoneShape[] = [
  {
    name: 'mixed',
    description:
      'SOA, NS with glue, then A, AAAA at the same owner, CNAME with a TTL, MX, TXT with a comment, SRV and CAA in turn',
    generate: generateLintZone,
  },
  {
    name: 'issue',
    description:
      "issue 14's shape: A with a per-record TTL, AAAA, CNAME to an in-zone name, MX to an out-of-zone host, TXT " +
      'of two strings, in turn',
    generate: (records) => zoneOf(records, apex, issueRecord),
  },
  {
    name: 'signed',
    description:
      'a signed zone: DNSKEY, NSEC3PARAM and RRSIGs at the apex, then per name an A, its RRSIG (ECDSA P-256, base64), ' +
      'an NSEC3 at the hashed owner (base32hex) and its RRSIG; the signatures are random bytes and do not verify',
    generate: signedZone,
  },
  {
    name: 'long-txt-svcb',
    description:
      'A, TXT of three or four 255-octet strings, HTTPS (alpn, ipv4hint, ipv6hint) and SVCB (mandatory, alpn, port) ' +
      'in turn',
    generate: (records) => zoneOf(records, apex, longTxtSvcbRecord),
  },
];

export function shapeNamed(name: string): ZoneShape {
  const shape = zoneShapes.find((candidate) => candidate.name === name);
  if (shape === undefined) {
    throw new Error(`no bench shape "${name}": use one of ${zoneShapes.map((known) => known.name).join(', ')}`);
  }
  return shape;
}
