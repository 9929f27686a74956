// The five kinds of fuzz input: random bytes, random UTF-16, grammar-generated zones, and mutations and splices
// of the real zone files. Each input is made from its own seed (see `inputSeed`), so it can be regenerated alone.
import type { CorpusFile } from './corpus';
import type { Random } from './random';

export const inputKinds = ['bytes', 'utf16', 'grammar', 'mutation', 'splice'] as const;
export type InputKind = (typeof inputKinds)[number];

/** The kinds that need ../shared/zones. */
export const corpusKinds: readonly InputKind[] = ['mutation', 'splice'];

export interface FuzzInput {
  readonly kind: InputKind;
  readonly text: string;
  readonly origin: string;
  /** What the input was made from, for the failure report. */
  readonly from: string;
}

/** Characters that mean something to the lexer, weighted in so that random text reaches past the first word. */
const specials = [
  '(',
  ')',
  '"',
  ';',
  '\\',
  '\n',
  '\r\n',
  '\r',
  '\t',
  ' ',
  '$',
  '@',
  '.',
  '*',
  '\\#',
  '\u00a0',
  '\ufeff',
];

const owners = [
  '@',
  '',
  'www',
  '*',
  '*.w',
  'a.b',
  'x.example.com.',
  'bücher',
  'xn--bcher-kva',
  'a\\.b',
  'a..b',
  '.',
  '\\065',
  '_dmarc',
  'sub',
  'x'.repeat(64),
  'ns1',
];
const ttls = ['', '', '0', '60', '3600', '1h', '1w2d', '1H30m', '4294967295', '4294967296', '-1', '1x', '1s1m1m'];
const classes = ['', '', 'IN', 'in', 'CH', 'HS', 'CLASS1', 'CLASS255', 'XX'];
const rdataByType: Readonly<Record<string, readonly string[]>> = {
  A: ['192.0.2.1', '300.1.1.1', '1.2.3', '::1'],
  AAAA: ['2001:db8::1', '::ffff:1.2.3.4', '1.2.3.4', '::1::'],
  NS: ['ns1', 'ns1.example.com.', '@', '.', '192.0.2.1'],
  CNAME: ['www', 'a.example.net.', '@', '*.w'],
  DNAME: ['other.example.', '@'],
  MX: ['10 mail', '0 .', '65536 x', 'mail'],
  TXT: ['"v=spf1 -all"', 'word', '"a" "b"', `"${'y'.repeat(300)}"`, '"\\"esc"', '"unterminated'],
  SOA: ['ns1 hostmaster 1 7200 3600 1209600 300', 'ns1 host@mail ( 1 2 3 4 5 )', 'ns1 h 1 1h 1h 1w', 'a b 1 2 3 4 5 6'],
  SRV: ['0 5 5060 sip', '1 2 3 .', '70000 1 1 x'],
  CAA: ['0 issue "ca.example"', '128 iodef "mailto:x@y"', '0 Bad! "x"', '0 issue ca'],
  PTR: ['host.example.'],
  HTTPS: ['1 . alpn=h2,h3 port=443', '0 svc.example.', '1 . mandatory=alpn', '1 . key65535="x"', '1 . alpn'],
  SVCB: ['1 svc ipv4hint=192.0.2.1', '0 . port=1'],
  DS: ['12345 8 2 ' + 'ab'.repeat(32), '1 1 1 00'],
  DNSKEY: ['257 3 8 AwEAAa==', '256 3 5 AA=='],
  SSHFP: ['1 1 ' + '0'.repeat(40), '4 2 ab'],
  TLSA: ['3 1 1 ' + 'c'.repeat(64), '9 9 9 zz'],
  LOC: ['52 22 23.000 N 4 53 32.000 E -2.00m 0.00m 10000m 10m', '91 0 0 N 0 0 0 E 0m'],
  NAPTR: ['100 10 "U" "E2U+sip" "!^.*$!sip:x@y!" .', '1 1 "!" "" "" .'],
  URI: ['10 1 "https://example.com/"', '1 1 ""'],
  SPF: ['"v=spf1 -all"'],
  HINFO: ['"cpu" "os"', 'one'],
  RRSIG: ['A 8 2 3600 20300101000000 20200101000000 1 example.com. AAAA', 'BOGUS 1 1 1 1 1 1 x. A'],
  NSEC: ['next.example. A NS SOA', 'x. TYPE1234 BOGUS'],
  NSEC3: ['1 0 10 AABB 2T7B4G4VSA5SMI47K61MV5BV1A22BOJR A'],
  CERT: ['PKIX 1 8 AA==', '999 1 1 AA=='],
  OPENPGPKEY: ['AA=='],
  TYPE65534: ['\\# 2 0a0b', '\\# 3 0a', '\\# 0'],
  WKS: ['192.0.2.1 TCP smtp'],
  BOGUS: ['x'],
  ANY: ['x'],
};
const typeNames = Object.keys(rdataByType);
const rdataPieces = [
  '0',
  '1',
  '65535',
  '-1',
  '1.2.3.4',
  '::1',
  'example.com.',
  '@',
  '.',
  '\\#',
  '\\1',
  '\\065',
  '"q"',
  '"',
  '(',
  ')',
  ';c',
  'x'.repeat(70),
];

function word(random: Random, list: readonly string[]): string {
  return random.pick(list);
}

function randomRdata(random: Random, type: string): string {
  const known = rdataByType[type] ?? ['x'];
  if (random.chance(0.75)) return random.pick(known);
  const parts: string[] = [];
  for (let i = 0, n = 1 + random.int(6); i < n; i++) parts.push(random.pick(rdataPieces));
  return parts.join(' ');
}

/** One record line (maybe spanning lines through parentheses), with its fields in random valid or invalid shapes. */
function recordLine(random: Random): string {
  const type = random.chance(0.95) ? random.pick(typeNames) : random.pick(['TYPE1', 'type28', 'A6', 'AXFR', '']);
  const head = [word(random, owners)];
  const ttl = word(random, ttls);
  const recordClass = word(random, classes);
  if (random.chance(0.5)) head.push(ttl, recordClass);
  else head.push(recordClass, ttl);
  head.push(random.chance(0.1) ? type.toLowerCase() : type);
  let rdata = randomRdata(random, type);
  if (random.chance(0.15)) rdata = `( ${rdata.split(' ').join(random.chance(0.5) ? '\n\t' : ' ; c\n ')} )`;
  const comment = random.chance(0.2)
    ? random.pick([
        ' ; note',
        ' ; cf_tags=a:b',
        ' ; zone-records-disable-line',
        ' ; zone-records-disable-line duplicate-record bogus',
      ])
    : '';
  const separator = random.chance(0.3) ? '\t' : ' ';
  return head.filter((part, index) => index === 0 || part !== '').join(separator) + ` ${rdata}${comment}`;
}

function directiveLine(random: Random): string {
  return random.pick([
    `$ORIGIN ${random.pick(['example.com.', 'sub', 'sub.example.com.', '.', 'bücher.example.', ''])}`,
    `$TTL ${random.pick(ttls)}`,
    `$INCLUDE ${random.pick(['other.zone', '"sp ace.zone"', '/etc/x', ''])}`,
    `$GENERATE ${random.pick(['1-5', '1-3/2', '5-1', '0-70000', 'x'])} ${random.pick(['h$', 'h${1,3,d}', '$$', 'h${-1}'])} ${random.pick(['A 192.0.2.$', 'CNAME x$', 'PTR h$.', 'TXT "$"'])}`,
    '$BOGUS x',
    ' $TTL 60',
  ]);
}

/** A zone made of records and directives, most well formed, with the shapes the parser has to handle. */
export function grammarZone(random: Random): string {
  const lines: string[] = [];
  if (random.chance(0.7)) lines.push('$TTL 3600');
  if (random.chance(0.6)) lines.push('@ IN SOA ns1 hostmaster ( 1 7200 3600 1209600 300 )');
  for (let i = 0, n = random.length(120) + 1; i < n; i++) {
    const roll = random.next();
    if (roll < 0.12) lines.push(directiveLine(random));
    else if (roll < 0.18) lines.push(random.pick(['', '; comment', '\t', '( )', ')', '(']));
    else lines.push(recordLine(random));
  }
  const newline = random.chance(0.15) ? '\r\n' : '\n';
  return lines.join(newline) + (random.chance(0.8) ? newline : '');
}

export function randomBytes(random: Random): string {
  const length = random.length(4096);
  let text = '';
  for (let i = 0; i < length; i++) {
    text += random.chance(0.2) ? random.pick(specials) : String.fromCharCode(random.int(256));
  }
  return text;
}

/** Random UTF-16 code units: lone surrogates, pairs, non-ASCII letters and the specials. */
export function randomUtf16(random: Random): string {
  const length = random.length(4096);
  let text = '';
  for (let i = 0; i < length; i++) {
    const roll = random.next();
    if (roll < 0.2) text += random.pick(specials);
    else if (roll < 0.5) text += String.fromCharCode(32 + random.int(95));
    else if (roll < 0.55) text += String.fromCodePoint(0x10000 + random.int(0x100000));
    else text += String.fromCharCode(random.int(0x10000));
  }
  return text;
}

/** Applies a few random edits: deletions, repeats (some long, as large mutants are what find slow paths), inserts. */
export function mutate(random: Random, text: string, donor: string): string {
  let result = text;
  for (let i = 0, n = 1 + random.int(6); i < n; i++) {
    const at = random.int(result.length + 1);
    const span = 1 + random.length(80);
    switch (random.int(7)) {
      case 0:
        result = result.slice(0, at) + result.slice(at + span);
        break;
      case 1: {
        const times = random.chance(0.05) ? 100 + random.int(4000) : 1 + random.int(8);
        result = result.slice(0, at) + result.slice(at, at + span).repeat(times) + result.slice(at);
        break;
      }
      case 2:
        result = result.slice(0, at) + random.pick(specials) + result.slice(at);
        break;
      case 3:
        result = result.slice(0, at) + String.fromCharCode(random.int(128)) + result.slice(at + 1);
        break;
      case 4: {
        const from = random.int(donor.length + 1);
        result = result.slice(0, at) + donor.slice(from, from + span * 4) + result.slice(at);
        break;
      }
      case 5:
        result = result.slice(0, at) + recordLine(random) + '\n' + result.slice(at);
        break;
      default: {
        // A line moved elsewhere: records meet other $ORIGIN/$TTL contexts and owners.
        const lineStart = result.lastIndexOf('\n', at) + 1;
        const lineEnd = result.indexOf('\n', at);
        const line = result.slice(lineStart, lineEnd < 0 ? result.length : lineEnd + 1);
        const to = random.int(result.length + 1);
        result = result.slice(0, to) + line + result.slice(to);
      }
    }
  }
  return result;
}

/** The head of one file and the tail of another, or their lines interleaved. */
export function splice(random: Random, first: string, second: string): string {
  if (random.chance(0.5))
    return first.slice(0, random.int(first.length + 1)) + second.slice(random.int(second.length + 1));
  const a = first.split('\n');
  const b = second.split('\n');
  const lines: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i < a.length) lines.push(a[i]);
    if (i < b.length && random.chance(0.5)) lines.push(b[i]);
  }
  return lines.join('\n');
}

const origins = ['example.com.', 'example.com', '.', 'bücher.example.', 'sub.example.com.'];

/** Makes one input of `kind`; the corpus kinds need `corpus`. */
export function makeInput(kind: InputKind, random: Random, corpus: readonly CorpusFile[] | undefined): FuzzInput {
  switch (kind) {
    case 'bytes':
      return { kind, text: randomBytes(random), origin: random.pick(origins), from: 'random bytes' };
    case 'utf16':
      return { kind, text: randomUtf16(random), origin: random.pick(origins), from: 'random UTF-16' };
    case 'grammar':
      return { kind, text: grammarZone(random), origin: random.pick(origins), from: 'grammar' };
    case 'mutation': {
      const parent = random.pick(corpus ?? []);
      const donor = random.pick(corpus ?? []);
      return {
        kind,
        text: mutate(random, parent.text, donor.text),
        origin: parent.origin,
        from: `mutant of ${parent.name}`,
      };
    }
    case 'splice': {
      const first = random.pick(corpus ?? []);
      const second = random.pick(corpus ?? []);
      const text = splice(random, first.text, second.text);
      return { kind, text, origin: first.origin, from: `splice of ${first.name} and ${second.name}` };
    }
  }
}
