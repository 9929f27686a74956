// The two-pass suite's table: groups of zone states, each state a zone file body below `$ORIGIN example.com.` and
// `$TTL 300`. Each state differs from the one before it, so its plan has changes; the runner applies it, then checks
// that a second plan and a plan of the exported zone are empty. Every group starts from an empty zone.

export interface StateGroup {
  readonly name: string;
  readonly states: readonly string[];
  /** Runs on the paid zone (tags, flattening); the Free zone otherwise. */
  readonly paid?: boolean;
  /** Records per list page when reading the zone (default: the sync's own page size). */
  readonly pageSize?: number;
}

const hosts = (count: number, ttl = 300): string =>
  Array.from({ length: count }, (_, index) => `h${index} ${ttl} IN A 10.0.${index >> 8}.${index & 255}`).join('\n');

const long = (length: number, char = 'x'): string => char.repeat(length);

export const stateGroups: readonly StateGroup[] = [
  // ---- create, update, delete per type ----
  { name: 'A', states: ['www A 192.0.2.1', 'www A 192.0.2.2', 'www A 192.0.2.2\nwww A 192.0.2.3', 'www A 192.0.2.3'] },
  {
    name: 'A many at one name',
    states: [hosts(1), Array.from({ length: 12 }, (_, i) => `h0 A 192.0.2.${i + 1}`).join('\n')],
  },
  {
    name: 'AAAA',
    states: ['v6 AAAA 2001:db8::1', 'v6 AAAA 2001:DB8:0:0:0:0:0:2', 'v6 AAAA 2001:db8::2\nv6 AAAA ::ffff:192.0.2.1'],
  },
  {
    name: 'CNAME',
    states: [
      'alias CNAME target.example.net.',
      'alias CNAME other.example.net.',
      'alias 3600 CNAME other.example.net.',
    ],
  },
  {
    name: 'CNAME relative target',
    states: ['a A 192.0.2.1\nb CNAME a', 'a A 192.0.2.1\nb CNAME a.example.com.\nc CNAME b'],
  },
  {
    name: 'MX',
    states: [
      '@ MX 10 mx1.example.net.',
      '@ MX 20 mx1.example.net.',
      '@ MX 20 mx1.example.net.\n@ MX 30 mx2.example.net.',
      '@ MX 30 mx2.example.net.',
    ],
  },
  {
    name: 'MX in zone',
    states: ['mail A 192.0.2.25\n@ MX 10 mail', 'mail A 192.0.2.25\n@ MX 10 mail\nsub MX 5 mail.example.com.'],
  },
  {
    name: 'NS delegation',
    states: ['sub NS ns1.example.net.', 'sub NS ns1.example.net.\nsub NS ns2.example.net.', 'sub NS ns2.example.net.'],
  },
  { name: 'PTR', states: ['1 PTR host.example.net.', '1 PTR other.example.net.'] },
  {
    name: 'CAA',
    states: [
      '@ CAA 0 issue "letsencrypt.org"',
      '@ CAA 0 issue "letsencrypt.org"\n@ CAA 0 issuewild ";"',
      '@ CAA 128 iodef "mailto:security@example.com"',
    ],
  },
  {
    name: 'CAA parameters',
    states: [
      '@ CAA 0 issue "ca.example.net; account=123"',
      '@ CAA 0 issue "ca.example.net; account=456; validationmethods=dns-01"',
    ],
  },
  {
    name: 'SRV',
    states: [
      '_sip._tcp SRV 10 60 5060 sip.example.net.',
      '_sip._tcp SRV 10 60 5061 sip.example.net.',
      '_sip._tcp SRV 10 60 5061 sip.example.net.\n_sip._tcp SRV 20 0 5061 backup.example.net.',
    ],
  },
  {
    name: 'SRV in zone target',
    states: ['sip A 192.0.2.5\n_sip._udp SRV 0 5 5060 sip', 'sip A 192.0.2.5\n_sip._udp SRV 1 5 5060 sip'],
  },
  {
    name: 'HTTPS',
    states: ['@ HTTPS 1 . alpn=h2,h3', '@ HTTPS 1 . alpn=h2,h3 ipv4hint=192.0.2.1', 'www HTTPS 0 example.com.'],
  },
  {
    name: 'SVCB',
    states: ['_dns SVCB 1 dns.example.net. alpn=dot port=853', '_dns SVCB 2 dns.example.net. alpn=dot port=8853'],
  },
  { name: 'TLSA', states: ['_443._tcp TLSA 3 1 1 ' + 'ab'.repeat(32), '_443._tcp TLSA 3 1 1 ' + 'CD'.repeat(32)] },
  {
    name: 'SSHFP',
    states: [
      'host SSHFP 4 2 ' + '12'.repeat(32),
      'host SSHFP 4 2 ' + '34'.repeat(32) + '\nhost SSHFP 1 1 ' + '56'.repeat(20),
    ],
  },
  {
    name: 'SPF in TXT',
    states: ['@ TXT "v=spf1 include:_spf.example.net -all"', '@ TXT "v=spf1 include:_spf.example.net ~all"'],
  },
  {
    name: 'NAPTR',
    states: [
      '@ NAPTR 100 10 "S" "SIP+D2U" "" _sip._udp.example.com.',
      '@ NAPTR 100 20 "S" "SIP+D2U" "" _sip._udp.example.com.',
    ],
  },
  {
    name: 'LOC',
    states: [
      '@ LOC 52 22 23.000 N 4 53 32.000 E -2.00m 0.00m 10000m 10m',
      '@ LOC 52 22 24.000 N 4 53 32.000 E 3.00m 1m 10000m 10m',
    ],
  },
  {
    name: 'URI',
    states: ['_http._tcp URI 10 1 "https://www.example.com/"', '_http._tcp URI 10 2 "https://www.example.com/path"'],
  },
  { name: 'CERT', states: ['@ CERT 1 0 0 AQID', '@ CERT 1 0 0 BAUG'] },
  {
    name: 'SMIMEA',
    states: ['_smimecert SMIMEA 3 1 1 ' + 'ab'.repeat(32), '_smimecert SMIMEA 3 0 1 ' + 'ab'.repeat(32)],
  },
  { name: 'OPENPGPKEY', states: ['_openpgpkey OPENPGPKEY AQIDBAUG', '_openpgpkey OPENPGPKEY BwgJCgsM'] },
  {
    name: 'DNSKEY',
    states: [
      '@ DNSKEY 257 3 13 AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=',
      '@ DNSKEY 256 3 13 AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=',
    ],
  },
  { name: 'delete everything', states: [hosts(5) + '\ntxt TXT "x"', ''] },

  // ---- TTL ----
  { name: 'TTL auto and back', states: ['www 1 A 192.0.2.1', 'www 300 A 192.0.2.1', 'www 1 A 192.0.2.1'] },
  {
    name: 'TTL bounds',
    states: ['lo 60 A 192.0.2.1\nhi 86400 A 192.0.2.2', 'lo 61 A 192.0.2.1\nhi 86399 A 192.0.2.2'],
  },
  { name: 'TTL units', states: ['www 1h A 192.0.2.1', 'www 1d A 192.0.2.1', 'www 1h30m A 192.0.2.1'] },
  { name: '$TTL changes', states: ['$TTL 600\nwww A 192.0.2.1', '$TTL 900\nwww A 192.0.2.1'] },

  // ---- names: case, IDN, apex, wildcard, underscores, long ----
  { name: 'owner case', states: ['WWW A 192.0.2.1', 'WWW A 192.0.2.1\nMail.Example.COM. A 192.0.2.2'] },
  {
    name: 'target case',
    states: ['alias CNAME Target.Example.NET.', 'alias CNAME TARGET.example.net.\n@ MX 10 MX.Example.Net.'],
  },
  {
    name: 'IDN owner',
    states: ['xn--bcher-kva A 192.0.2.1', 'xn--bcher-kva A 192.0.2.2\nxn--mnchen-3ya TXT "muenchen"'],
  },
  { name: 'IDN target', states: ['shop CNAME xn--bcher-kva.example.net.', 'shop CNAME xn--mnchen-3ya.example.net.'] },
  { name: 'apex A and AAAA', states: ['@ A 192.0.2.1', '@ A 192.0.2.1\n@ AAAA 2001:db8::1', '@ AAAA 2001:db8::1'] },
  {
    name: 'apex TXT and MX',
    states: ['@ TXT "v=spf1 -all"\n@ MX 10 mx.example.net.', '@ TXT "v=spf1 mx -all"\n@ MX 10 mx.example.net.'],
  },
  { name: 'apex CNAME (flattened)', states: ['@ CNAME target.example.net.', '@ CNAME other.example.net.'] },
  {
    name: 'wildcard',
    states: ['* A 192.0.2.1', '* A 192.0.2.1\n*.sub CNAME target.example.net.', '*.sub CNAME other.example.net.'],
  },
  {
    name: 'underscore names',
    states: ['_dmarc TXT "v=DMARC1; p=none"', '_dmarc TXT "v=DMARC1; p=reject"\n_acme-challenge TXT "token-1"'],
  },
  {
    name: 'long and deep names',
    states: [`${long(63, 'a')} A 192.0.2.1`, `${long(63, 'a')} A 192.0.2.1\na.b.c.d.e.f A 192.0.2.2`],
  },
  {
    name: '$ORIGIN below the apex',
    states: ['$ORIGIN sub.example.com.\nwww A 192.0.2.1', '$ORIGIN sub.example.com.\nwww A 192.0.2.1\n@ A 192.0.2.2'],
  },
  {
    name: 'many types at one name',
    states: [
      'www A 192.0.2.1\nwww AAAA 2001:db8::1',
      'www A 192.0.2.1\nwww AAAA 2001:db8::1\nwww MX 10 mx.example.net.\nwww TXT "hello"',
    ],
  },

  // ---- TXT ----
  { name: 'TXT simple', states: ['t TXT "hello"', 't TXT "hello world"', 't TXT "hello world"\nt TXT "second"'] },
  { name: 'TXT quoting', states: ['t TXT "say \\"hi\\""', 't TXT "back\\\\slash"', 't TXT "semi;colon"'] },
  { name: 'TXT escapes', states: ['t TXT "\\065\\066"', 't TXT "tab\\009here"'] },
  { name: 'TXT unquoted word', states: ['t TXT hello', 't TXT hello2'] },
  { name: 'TXT multiple strings', states: ['t TXT "a" "b"', 't TXT "a" "b" "c"', 't TXT "ab" "c"'] },
  {
    name: 'TXT long strings',
    states: [`t TXT "${long(255)}" "${long(100)}"`, `t TXT "${long(255)}" "${long(255)}" "${long(10, 'y')}"`],
  },
  {
    name: 'TXT DKIM',
    states: [
      `k._domainkey TXT "v=DKIM1; k=rsa; p=${long(200, 'A')}" "${long(150, 'B')}"`,
      `k._domainkey TXT "v=DKIM1; k=rsa; p=${long(200, 'C')}" "${long(150, 'B')}"`,
    ],
  },
  { name: 'TXT UTF-8', states: ['t TXT "caf\\195\\169"', 't TXT "na\\195\\175ve"'] },
  { name: 'TXT empty string', states: ['t TXT ""', 't TXT "" "x"'] },
  { name: 'TXT parentheses', states: ['t TXT ( "part one"\n  "part two" )', 't TXT ( "part one"\n  "part 2" )'] },

  // ---- type changes and swaps ----
  { name: 'A to CNAME', states: ['www A 192.0.2.1\nwww A 192.0.2.2', 'www CNAME target.example.net.'] },
  { name: 'CNAME to A', states: ['www CNAME target.example.net.', 'www A 192.0.2.1'] },
  { name: 'CNAME to AAAA and A', states: ['www CNAME target.example.net.', 'www A 192.0.2.1\nwww AAAA 2001:db8::1'] },
  { name: 'MX to A', states: ['mail MX 10 mx.example.net.', 'mail A 192.0.2.25'] },
  { name: 'TXT to NS', states: ['sub TXT "placeholder"', 'sub NS ns1.example.net.'] },
  { name: 'NS to A', states: ['sub NS ns1.example.net.\nsub NS ns2.example.net.', 'sub A 192.0.2.9'] },
  {
    name: 'CNAME and A swap names',
    states: ['a A 192.0.2.1\nb CNAME target.example.net.', 'a CNAME target.example.net.\nb A 192.0.2.1'],
  },
  {
    name: 'type change with many others',
    states: [
      hosts(30),
      `${hosts(30).replace('h7 300 IN A 10.0.0.7', 'h7 CNAME target.example.net.')}\nnew A 192.0.2.77`,
    ],
  },

  // ---- proxied, comments and tags ----
  {
    name: 'proxied on and off',
    states: [
      'www A 192.0.2.1',
      'www A 192.0.2.1 ; cf_tags=cf-proxied:true',
      'www A 192.0.2.1 ; cf_tags=cf-proxied:false',
    ],
  },
  {
    name: 'proxied CNAME and AAAA',
    states: [
      'www CNAME target.example.net. ; cf_tags=cf-proxied:true\nv6 AAAA 2001:db8::1 ; cf_tags=cf-proxied:true',
      'www CNAME target.example.net.\nv6 AAAA 2001:db8::1',
    ],
  },
  { name: 'proxied with a TTL', states: ['www 3600 A 192.0.2.1', 'www 1 A 192.0.2.1 ; cf_tags=cf-proxied:true'] },
  { name: 'comments', states: ['www A 192.0.2.1 ; web server', 'www A 192.0.2.1 ; the web server', 'www A 192.0.2.1'] },
  {
    name: 'tags',
    paid: true,
    states: [
      'www A 192.0.2.1 ; cf_tags=env:prod',
      'www A 192.0.2.1 ; cf_tags=env:prod,team:web',
      'www A 192.0.2.1 ; cf_tags=team:web',
      'www A 192.0.2.1',
    ],
  },
  {
    name: 'comments and tags',
    paid: true,
    states: [
      'www A 192.0.2.1 ; front cf_tags=env:prod,cf-proxied:true',
      'www A 192.0.2.1 ; back cf_tags=env:staging,cf-proxied:true',
    ],
  },
  {
    name: 'tag values with spaces',
    paid: true,
    states: ['www A 192.0.2.1 ; cf_tags=owner:"dns team"', 'www A 192.0.2.1 ; cf_tags=owner:"web team"'],
  },

  // ---- size ----
  {
    name: 'paging over 1,000 records',
    paid: true,
    pageSize: 500,
    states: [hosts(1200), hosts(1200, 600), hosts(1100, 600)],
  },
];

/**
 * Live zones written by tools that spell content differently from a zone file (unquoted TXT, strings back to back,
 * names in capitals with a dot, IPv6 expanded): the zone file below must plan empty against them.
 */
export interface EquivalentLive {
  readonly name: string;
  /** The zone file body. */
  readonly file: string;
  /** The records as the other tool created them through the API. */
  readonly live: readonly {
    readonly type: string;
    readonly name: string;
    readonly content: string;
    readonly priority?: number;
  }[];
}

export const equivalentLive: readonly EquivalentLive[] = [
  { name: 'TXT sent unquoted', file: 't TXT "abc"', live: [{ type: 'TXT', name: 't', content: 'abc' }] },
  {
    name: 'TXT with spaces sent unquoted',
    file: 't TXT "v=spf1 -all"',
    live: [{ type: 'TXT', name: 't', content: 'v=spf1 -all' }],
  },
  { name: 'TXT strings back to back', file: 't TXT "a" "b"', live: [{ type: 'TXT', name: 't', content: '"a""b"' }] },
  { name: 'TXT with extra blanks', file: 't TXT "a" "b"', live: [{ type: 'TXT', name: 't', content: ' "a"   "b" ' }] },
  {
    name: 'long TXT sent as one text',
    file: `t TXT "${long(255)}" "${long(45)}"`,
    live: [{ type: 'TXT', name: 't', content: long(300) }],
  },
  { name: 'TXT with octal escapes', file: 't TXT "AB"', live: [{ type: 'TXT', name: 't', content: '"\\065\\066"' }] },
  {
    name: 'CNAME in capitals with a dot',
    file: 'www CNAME target.example.net.',
    live: [{ type: 'CNAME', name: 'WWW', content: 'Target.Example.NET.' }],
  },
  {
    name: 'AAAA expanded',
    file: 'v6 AAAA 2001:db8::1',
    live: [{ type: 'AAAA', name: 'v6', content: '2001:0DB8:0000:0000:0000:0000:0000:0001' }],
  },
  {
    name: 'MX with a dot',
    file: '@ MX 10 mx.example.net.',
    live: [{ type: 'MX', name: '@', content: 'MX.example.net.', priority: 10 }],
  },
];
