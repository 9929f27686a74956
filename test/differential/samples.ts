// Presentation-form rdata for every record type the generator writes: mostly valid, sometimes broken on purpose
// (a field out of range, a bad encoding), so that both verdicts get exercised. Each maker gets the names it may
// point at (in-zone hosts and out-of-zone ones).
import type { Rng } from './rng';

export interface SampleContext {
  readonly rng: Rng;
  /** A host name to point at: in the zone or out of it, relative or absolute. */
  readonly host: () => string;
  /** True when this sample should be broken. */
  readonly broken: boolean;
}

type Maker = (context: SampleContext) => string;

const b32hexDigits = '0123456789abcdefghijklmnopqrstuv';

function base32hex(rng: Rng, octets: number): string {
  let out = '';
  for (let i = 0; i < Math.ceil((octets * 8) / 5); i++) out += rng.pick([...b32hexDigits]);
  return out;
}

function ipv4({ rng, broken }: SampleContext): string {
  const octets = [rng.int(0, 255), rng.int(0, 255), rng.int(0, 255), rng.int(0, 255)];
  if (broken) octets[rng.int(0, 3)] = rng.pick([256, 300, 999]);
  return octets.join('.');
}

function ipv6({ rng, broken }: SampleContext): string {
  const groups = Array.from({ length: 8 }, () => rng.int(0, 0xffff).toString(16));
  if (broken) return rng.pick([`${groups.join(':')}:1`, `2001:db8::${groups[0]}::1`, `2001:db8::g1`]);
  return rng.chance(0.5) ? groups.join(':') : `2001:db8::${groups[0]}`;
}

function text({ rng, broken }: SampleContext): string {
  const count = rng.int(1, 3);
  const strings = Array.from({ length: count }, () => `"${rng.label(rng.int(1, 40))} ${rng.label(8)}"`);
  if (broken) strings.push(`"${'x'.repeat(256)}"`);
  return strings.join(' ');
}

function u8(context: SampleContext): number {
  return context.broken && context.rng.chance(0.5) ? 256 : context.rng.int(0, 255);
}

function u16(context: SampleContext): number {
  return context.broken && context.rng.chance(0.5) ? 65536 : context.rng.int(0, 65535);
}

function digest({ rng, broken }: SampleContext, octets: number): string {
  return broken && rng.chance(0.5) ? rng.hex(octets - 1) : rng.hex(octets).toUpperCase();
}

function key({ rng, broken }: SampleContext): string {
  const base = rng.base64(rng.pick([32, 64, 132]));
  return broken && rng.chance(0.5) ? `${base.slice(0, -2)}!!` : base;
}

const svcParams = ['alpn=h2,h3', 'port=8443', 'ipv4hint=192.0.2.1', 'ipv6hint=2001:db8::1', 'no-default-alpn'];

function svcb(context: SampleContext): string {
  const { rng, broken } = context;
  if (rng.chance(0.3)) return `0 ${context.host()}`;
  const params = svcParams.filter(() => rng.chance(0.4));
  if (params.includes('no-default-alpn') && !params.some((param) => param.startsWith('alpn')))
    params.unshift('alpn=h2');
  if (broken) params.push(rng.pick(['port=70000', 'alpn=', 'key65536=1', 'port=1 port=2']));
  return `${rng.int(1, 10)} ${context.host()} ${params.join(' ')}`.trim();
}

function time({ rng }: SampleContext): string {
  return `2026${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}000000`;
}

function rrsig(context: SampleContext): string {
  const { rng } = context;
  const covered = rng.pick(['A', 'AAAA', 'NS', 'SOA', 'TXT', 'MX', 'DNSKEY']);
  return `${covered} 13 ${rng.int(1, 4)} 3600 ${time(context)} ${time(context)} ${u16({ ...context, broken: false })} example.invalid. ${key(context)}`;
}

function typeList({ rng, broken }: SampleContext): string {
  const types = ['A', 'AAAA', 'NS', 'SOA', 'MX', 'TXT', 'RRSIG', 'NSEC', 'DNSKEY', 'TYPE65000'].filter(() =>
    rng.chance(0.4),
  );
  if (broken) types.push('NOTATYPE');
  return types.join(' ');
}

/** The makers by type. Every type here is one the core parses in presentation form. */
export const samples: Readonly<Record<string, Maker>> = {
  A: ipv4,
  AAAA: ipv6,
  NS: (c) => c.host(),
  CNAME: (c) => c.host(),
  DNAME: (c) => c.host(),
  PTR: (c) => c.host(),
  MB: (c) => c.host(),
  MG: (c) => c.host(),
  MR: (c) => c.host(),
  MD: (c) => c.host(),
  MF: (c) => c.host(),
  MX: (c) => `${u16(c)} ${c.host()}`,
  KX: (c) => `${u16(c)} ${c.host()}`,
  RT: (c) => `${u16(c)} ${c.host()}`,
  AFSDB: (c) => `${c.rng.int(1, 2)} ${c.host()}`,
  MINFO: (c) => `${c.host()} ${c.host()}`,
  RP: (c) => `${c.host()} ${c.host()}`,
  TXT: text,
  SPF: (c) => `"v=spf1 ip4:${ipv4({ ...c, broken: false })} -all"${c.broken ? ` "${'y'.repeat(300)}"` : ''}`,
  HINFO: (c) => `"${c.rng.label()}" "${c.rng.label()}"${c.broken ? ' "extra"' : ''}`,
  SRV: (c) => `${u16(c)} ${c.rng.int(0, 65535)} ${c.rng.int(0, 65535)} ${c.host()}`,
  NAPTR: (c) => `${u16(c)} ${c.rng.int(0, 100)} "${c.broken ? 'U!' : 'U'}" "E2U+sip" "!^.*$!sip:info@example.net!" .`,
  CAA: (c) =>
    `${c.broken ? 256 : c.rng.pick([0, 128])} ${c.rng.pick(['issue', 'issuewild', 'iodef'])} "${c.rng.pick(['ca.example.net', 'mailto:sec@example.net', ';'])}"`,
  DS: (c) => `${u16(c)} ${c.rng.pick([8, 13, 15])} 2 ${digest(c, 32)}`,
  CDS: (c) => `${u16(c)} ${c.rng.pick([8, 13, 15])} 2 ${digest(c, 32)}`,
  DNSKEY: (c) => `${c.rng.pick([256, 257])} 3 ${c.rng.pick([8, 13, 15])} ${key(c)}`,
  CDNSKEY: (c) => `${c.rng.pick([256, 257])} 3 ${c.rng.pick([8, 13, 15])} ${key(c)}`,
  RRSIG: rrsig,
  NSEC: (c) => `${c.host()} ${typeList(c)}`,
  NSEC3: (c) =>
    `1 ${c.rng.int(0, 1)} ${c.rng.int(0, 10)} ${c.rng.chance(0.5) ? '-' : c.rng.hex(4)} ${base32hex(c.rng, c.broken ? 3 : 20)} ${typeList({ ...c, broken: false })}`,
  NSEC3PARAM: (c) => `1 0 ${u16(c)} ${c.rng.chance(0.5) ? '-' : c.rng.hex(8)}`,
  SSHFP: (c) => `${c.rng.int(1, 4)} ${c.rng.int(1, 2)} ${digest(c, 32)}`,
  TLSA: (c) => `${u8(c)} ${c.rng.int(0, 1)} ${c.rng.int(0, 2)} ${digest(c, 32)}`,
  SMIMEA: (c) => `${c.rng.int(0, 3)} ${c.rng.int(0, 1)} 1 ${digest(c, 32)}`,
  OPENPGPKEY: key,
  CERT: (c) => `${c.rng.pick(['PGP', 'PKIX', '1'])} ${u16(c)} ${c.rng.int(0, 15)} ${key(c)}`,
  URI: (c) => `${u16(c)} ${c.rng.int(0, 100)} "${c.broken ? '' : 'https://example.net/'}"`,
  SVCB: svcb,
  HTTPS: svcb,
  LOC: (c) =>
    `${c.broken ? 91 : c.rng.int(0, 89)} ${c.rng.int(0, 59)} ${c.rng.int(0, 59)}.${c.rng.int(0, 999)} ${c.rng.pick(['N', 'S'])} ${c.rng.int(0, 179)} ${c.rng.int(0, 59)} 0 ${c.rng.pick(['E', 'W'])} ${c.rng.int(-100, 5000)}m`,
  EUI48: (c) => Array.from({ length: c.broken ? 5 : 6 }, () => c.rng.hex(1)).join('-'),
  EUI64: (c) => Array.from({ length: c.broken ? 7 : 8 }, () => c.rng.hex(1)).join('-'),
  NID: (c) => `${u16(c)} 0014:4fff:ff20:ee64`,
  L32: (c) => `${u16(c)} ${ipv4(c)}`,
  L64: (c) => `${u16(c)} 2001:0db8:1140:1000`,
  LP: (c) => `${u16(c)} ${c.host()}`,
  ZONEMD: (c) => `${c.rng.int(1, 100)} 1 ${c.rng.int(1, 2)} ${digest(c, 48)}`,
  CSYNC: (c) => `${c.rng.int(1, 100)} ${c.rng.int(0, 3)} ${typeList(c)}`,
  DHCID: (c) => c.rng.base64(35),
  HIP: (c) => `2 200100107B1A74DF365639CC39F1D578 ${c.rng.base64(64)}`,
  IPSECKEY: (c) => `10 1 2 ${ipv4({ ...c, broken: false })} ${c.rng.base64(64)}`,
  APL: (c) => `1:${ipv4({ ...c, broken: false })}/32 !2:2001:db8::/${c.broken ? 129 : 32}`,
  X25: (c) => `"${c.rng.int(100000, 999999)}"`,
  ISDN: (c) => `"${c.rng.int(100000, 999999)}"`,
  PX: (c) => `${u16(c)} ${c.host()} ${c.host()}`,
  GPOS: (c) => `"${c.rng.int(-90, 90)}.5" "${c.rng.int(-180, 180)}.25" "${c.rng.int(0, 100)}"`,
  NSAP: (c) => `0x47.0005.80.005a00.0000.0001.e133.${c.rng.hex(6)}.00`,
  TALINK: (c) => `${c.host()} ${c.host()}`,
  KEY: (c) => `256 3 ${c.rng.pick([8, 13])} ${key(c)}`,
  AMTRELAY: (c) => `${c.rng.int(0, 255)} 0 1 ${ipv4({ ...c, broken: false })}`,
  RESINFO: (c) => `"qnamemin" "exterr=15-17"${c.broken ? ' "x"' : ''}`,
  WALLET: (c) => `"BTC" "${c.rng.hex(8)}"`,
};

/** The types the generator draws records of. */
export const sampleTypes: readonly string[] = Object.keys(samples);
