import { strict as assert } from 'node:assert';
import {
  canonicalContent,
  toCloudflareRecord,
  toZoneLine,
  type CloudflareApiRecord,
  type CloudflareRecordBody,
  type ToCloudflareOptions,
} from '../../../core/src/cloudflare/records';
import { resolveName } from '../../../core/src/names';
import { parse } from '../../../core/src/parse/parser';
import { parseRdata, parseTtlText } from '../../../core/src/rdata';
import type { Token, ZoneRecord } from '../../../core/src/types';
import { tokenize } from './rdata/helpers';

/** Builds a ZoneRecord from `owner ttl IN type rdata ; comment` the way the parser would (a stand-in for it). */
function zoneRecord(line: string, origin = 'example.com.'): ZoneRecord {
  const tokens = tokenize(line);
  const commentIndex = tokens.findIndex((token) => token.kind === 'word' && token.text.startsWith(';'));
  const commentStart = commentIndex < 0 ? -1 : tokens[commentIndex].range.start.offset;
  const words = commentIndex < 0 ? tokens : tokens.slice(0, commentIndex);
  const [owner, ttl, klass, type, ...rdata] = words as [Token, Token, Token, Token, ...Token[]];
  const resolved = resolveName(owner.text, origin);
  const parsed = parseRdata(type.text, rdata, { origin, file: undefined });
  const comment: Token | undefined =
    commentStart < 0
      ? undefined
      : {
          kind: 'comment',
          text: line.slice(commentStart),
          range: { start: tokens[commentIndex].range.start, end: tokens[tokens.length - 1].range.end },
        };
  return {
    owner: resolved.name,
    ownerKey: resolved.key,
    ownerRange: owner.range,
    ttl: parseTtlText(ttl.text) ?? 0,
    ttlRange: ttl.range,
    class: klass.text,
    classRange: klass.range,
    type: type.text.toUpperCase(),
    typeRange: type.range,
    rdata,
    fields: parsed.fields,
    generic: parsed.generic === true,
    range: { start: owner.range.start, end: (rdata[rdata.length - 1] ?? type).range.end },
    comment,
    file: undefined,
    generated: false,
  };
}

function convert(line: string, options?: ToCloudflareOptions): CloudflareRecordBody {
  const result = toCloudflareRecord(zoneRecord(line), options);
  if ('reason' in result) assert.fail(`expected a body for "${line}", got: ${result.reason}`);
  return result.body;
}

function reason(line: string, options?: ToCloudflareOptions): string {
  const result = toCloudflareRecord(zoneRecord(line), options);
  if (!('reason' in result)) assert.fail(`expected a reason for "${line}"`);
  return result.code;
}

const SHA256 = 'a1'.repeat(32);

/** Every Cloudflare type: the zone line, the API body, and the line written back from the API record. */
const cases: { line: string; body: CloudflareRecordBody; back: string }[] = [
  {
    line: 'www 300 IN A 192.0.2.1',
    body: { type: 'A', name: 'www.example.com', ttl: 300, content: '192.0.2.1', proxied: false },
    back: 'www.example.com. 300 IN A 192.0.2.1 ; cf_tags=cf-proxied:false',
  },
  {
    line: 'www 300 IN AAAA 2001:DB8:0:0::1',
    body: { type: 'AAAA', name: 'www.example.com', ttl: 300, content: '2001:db8::1', proxied: false },
    back: 'www.example.com. 300 IN AAAA 2001:db8::1 ; cf_tags=cf-proxied:false',
  },
  {
    line: '@ 3600 IN CAA 0 issue "letsencrypt.org"',
    body: { type: 'CAA', name: 'example.com', ttl: 3600, data: { flags: 0, tag: 'issue', value: 'letsencrypt.org' } },
    back: 'example.com. 3600 IN CAA 0 issue "letsencrypt.org"',
  },
  {
    line: 'c 3600 IN CERT PGP 1 8 AwEAAQ==',
    body: {
      type: 'CERT',
      name: 'c.example.com',
      ttl: 3600,
      data: { type: 3, key_tag: 1, algorithm: 8, certificate: 'AwEAAQ==' },
    },
    back: 'c.example.com. 3600 IN CERT 3 1 8 AwEAAQ==',
  },
  {
    line: 'Blog 3600 IN CNAME Web.Example.NET. ; main blog cf_tags=owner:web,cf-proxied:true',
    body: {
      type: 'CNAME',
      name: 'blog.example.com',
      ttl: 1,
      content: 'web.example.net',
      proxied: true,
      comment: 'main blog',
      tags: ['owner:web'],
    },
    back: 'blog.example.com. 1 IN CNAME web.example.net. ; main blog cf_tags=owner:web,cf-proxied:true',
  },
  {
    line: '@ 3600 IN DNSKEY 257 3 13 mdsswUyr3DPW 132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ==',
    body: {
      type: 'DNSKEY',
      name: 'example.com',
      ttl: 3600,
      data: {
        flags: 257,
        protocol: 3,
        algorithm: 13,
        public_key: 'mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ==',
      },
    },
    back: 'example.com. 3600 IN DNSKEY 257 3 13 mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ==',
  },
  {
    line: 'sub 3600 IN DS 2371 13 2 ' + SHA256,
    body: {
      type: 'DS',
      name: 'sub.example.com',
      ttl: 3600,
      data: { key_tag: 2371, algorithm: 13, digest_type: 2, digest: SHA256 },
    },
    back: `sub.example.com. 3600 IN DS 2371 13 2 ${SHA256}`,
  },
  {
    line: '@ 300 IN HTTPS 1 . alpn="h3,h2" ipv4hint=192.0.2.1',
    body: {
      type: 'HTTPS',
      name: 'example.com',
      ttl: 300,
      data: { priority: 1, target: '.', value: 'alpn="h3,h2" ipv4hint="192.0.2.1"' },
    },
    back: 'example.com. 300 IN HTTPS 1 . alpn="h3,h2" ipv4hint="192.0.2.1"',
  },
  {
    line: 'office 3600 IN LOC 52 22 23.5 N 4 53 32 E -2m',
    body: {
      type: 'LOC',
      name: 'office.example.com',
      ttl: 3600,
      data: {
        lat_degrees: 52,
        lat_minutes: 22,
        lat_seconds: 23.5,
        lat_direction: 'N',
        long_degrees: 4,
        long_minutes: 53,
        long_seconds: 32,
        long_direction: 'E',
        altitude: -2,
        size: 1,
        precision_horz: 10000,
        precision_vert: 10,
      },
    },
    back: 'office.example.com. 3600 IN LOC 52 22 23.5 N 4 53 32 E -2m 1m 10000m 10m',
  },
  {
    line: '@ 3600 IN MX 10 mail',
    body: { type: 'MX', name: 'example.com', ttl: 3600, content: 'mail.example.com', priority: 10 },
    back: 'example.com. 3600 IN MX 10 mail.example.com.',
  },
  {
    line: 'sip 3600 IN NAPTR 100 10 "U" "E2U+sip" "!^.*$!sip:info@example.com!" .',
    body: {
      type: 'NAPTR',
      name: 'sip.example.com',
      ttl: 3600,
      data: {
        order: 100,
        preference: 10,
        flags: 'U',
        service: 'E2U+sip',
        regex: '!^.*$!sip:info@example.com!',
        replacement: '.',
      },
    },
    back: 'sip.example.com. 3600 IN NAPTR 100 10 "U" "E2U+sip" "!^.*$!sip:info@example.com!" .',
  },
  {
    line: 'sub 86400 IN NS ns1.sub',
    body: { type: 'NS', name: 'sub.example.com', ttl: 86400, content: 'ns1.sub.example.com' },
    back: 'sub.example.com. 86400 IN NS ns1.sub.example.com.',
  },
  {
    line: 'k._openpgpkey 3600 IN OPENPGPKEY mQINBFq6 Zw==',
    body: { type: 'OPENPGPKEY', name: 'k._openpgpkey.example.com', ttl: 3600, content: 'mQINBFq6Zw==' },
    back: 'k._openpgpkey.example.com. 3600 IN OPENPGPKEY mQINBFq6Zw==',
  },
  {
    line: '1 3600 IN PTR host.example.com.',
    body: { type: 'PTR', name: '1.example.com', ttl: 3600, content: 'host.example.com' },
    back: '1.example.com. 3600 IN PTR host.example.com.',
  },
  {
    line: 'x._smimecert 3600 IN SMIMEA 3 0 1 ' + SHA256,
    body: {
      type: 'SMIMEA',
      name: 'x._smimecert.example.com',
      ttl: 3600,
      data: { usage: 3, selector: 0, matching_type: 1, certificate: SHA256 },
    },
    back: `x._smimecert.example.com. 3600 IN SMIMEA 3 0 1 ${SHA256}`,
  },
  {
    line: '_sip._tcp 3600 IN SRV 10 60 5060 sip',
    body: {
      type: 'SRV',
      name: '_sip._tcp.example.com',
      ttl: 3600,
      data: { priority: 10, weight: 60, port: 5060, target: 'sip.example.com' },
    },
    back: '_sip._tcp.example.com. 3600 IN SRV 10 60 5060 sip.example.com.',
  },
  {
    line: 'host 3600 IN SSHFP 4 2 ' + SHA256,
    body: { type: 'SSHFP', name: 'host.example.com', ttl: 3600, data: { algorithm: 4, type: 2, fingerprint: SHA256 } },
    back: `host.example.com. 3600 IN SSHFP 4 2 ${SHA256}`,
  },
  {
    line: '_dns 300 IN SVCB 1 dns alpn=dot port=853',
    body: {
      type: 'SVCB',
      name: '_dns.example.com',
      ttl: 300,
      data: { priority: 1, target: 'dns.example.com', value: 'alpn="dot" port="853"' },
    },
    back: '_dns.example.com. 300 IN SVCB 1 dns.example.com. alpn="dot" port="853"',
  },
  {
    line: '_443._tcp 3600 IN TLSA 3 1 1 ' + SHA256,
    body: {
      type: 'TLSA',
      name: '_443._tcp.example.com',
      ttl: 3600,
      data: { usage: 3, selector: 1, matching_type: 1, certificate: SHA256 },
    },
    back: `_443._tcp.example.com. 3600 IN TLSA 3 1 1 ${SHA256}`,
  },
  {
    line: '@ 300 IN TXT "v=spf1 -all" two "q\\"\\065"',
    body: { type: 'TXT', name: 'example.com', ttl: 300, content: '"v=spf1 -all" "two" "q\\"A"' },
    back: 'example.com. 300 IN TXT "v=spf1 -all" "two" "q\\"A"',
  },
  {
    line: '_ftp._tcp 3600 IN URI 10 1 "ftp://ftp.example.com/public"',
    body: {
      type: 'URI',
      name: '_ftp._tcp.example.com',
      ttl: 3600,
      data: { weight: 1, target: 'ftp://ftp.example.com/public' },
      priority: 10,
    },
    back: '_ftp._tcp.example.com. 3600 IN URI 10 1 "ftp://ftp.example.com/public"',
  },
];

describe('cloudflare: zone record to API body', () => {
  it('covers every Cloudflare type', () => {
    assert.equal(new Set(cases.map((c) => c.body.type)).size, 21);
  });

  for (const { line, body } of cases) {
    it(`${body.type}: ${line}`, () => assert.deepEqual(convert(line), body));
  }

  it('converts Unicode owner and target names to Punycode', () => {
    const body = convert('bücher 300 IN CNAME straße.de.');
    assert.equal(body.name, 'xn--bcher-kva.example.com');
    assert.equal(body.content, 'xn--strae-oqa.de');
  });

  it('applies the proxied default to proxiable types only, and cf-proxied wins', () => {
    assert.equal(convert('a 300 IN A 192.0.2.1', { proxiedDefault: true }).proxied, true);
    assert.equal(
      convert('a 300 IN A 192.0.2.1', { proxiedDefault: true }).ttl,
      1,
      'proxied records have automatic TTL',
    );
    assert.equal(convert('a 300 IN A 192.0.2.1 ; cf_tags=cf-proxied:false', { proxiedDefault: true }).proxied, false);
    assert.equal(convert('@ 300 IN MX 10 mail', { proxiedDefault: true }).proxied, undefined);
  });

  it('keeps the linter directive out of the Cloudflare comment', () => {
    assert.equal(convert('a 300 IN A 192.0.2.1 ; zone-records-disable-line ttl-range').comment, undefined);
    assert.equal(
      convert('a 300 IN A 192.0.2.1 ; legacy zone-records-disable-line a-b, c-d cf_tags=x:1').comment,
      'legacy',
    );
    assert.deepEqual(convert('a 300 IN A 192.0.2.1 ; legacy zone-records-disable-line a-b, c-d cf_tags=x:1').tags, [
      'x:1',
    ]);
  });

  it('maps cf-flatten-cname to settings', () => {
    assert.deepEqual(convert('w 300 IN CNAME x.example.net. ; cf_tags=cf-flatten-cname:true').settings, {
      flatten_cname: true,
    });
  });

  it('checks and clamps TTLs', () => {
    assert.equal(reason('a 30 IN A 192.0.2.1'), 'ttl-out-of-range');
    assert.equal(convert('a 30 IN A 192.0.2.1', { minTtl: 30 }).ttl, 30, 'Enterprise minimum');
    assert.equal(reason('a 1w IN A 192.0.2.1'), 'ttl-out-of-range');
    assert.equal(convert('a 1w IN A 192.0.2.1', { clampTtl: true }).ttl, 86400);
    assert.equal(convert('a 5 IN A 192.0.2.1', { clampTtl: true }).ttl, 60);
    assert.equal(convert('a 1 IN A 192.0.2.1').ttl, 1);
  });

  it('says why a record cannot be served', () => {
    assert.equal(reason('@ 3600 IN SOA ns1 host 1 2 3 4 5'), 'soa-managed');
    assert.equal(reason('a 3600 IN HINFO "x" "y"'), 'unsupported-type');
    assert.equal(reason('a 3600 IN A \\# 4 C0000201'), 'generic-rdata');
    assert.equal(reason('a 3600 IN A 999.0.0.1'), 'bad-rdata');
    assert.equal(reason('a 3600 IN MX 10 mail ; cf_tags=cf-proxied:true'), 'not-proxiable');
    assert.equal(reason('a 3600 IN A 192.0.2.1 ; cf_tags=cf-flatten-cname:true'), 'bad-cf-tags');
    assert.equal(reason('a 3600 IN A 192.0.2.1 ; cf_tags=bad name:x'), 'bad-cf-tags');
    assert.equal(reason('a\\.b 3600 IN A 192.0.2.1'), 'bad-name');
    assert.equal(reason('a 3600 CH A 192.0.2.1'), 'unsupported-class');
    assert.equal(reason('Loop 3600 IN CNAME loop.example.com.'), 'cname-loop');
    const message = toCloudflareRecord(zoneRecord('a 3600 IN A 999.0.0.1'));
    assert.ok('reason' in message && /IPv4/.test(message.reason));
  });

  it('gives a display form equal to the canonical content', () => {
    const result = toCloudflareRecord(zoneRecord('@ 3600 IN MX 10 Mail'));
    assert.ok(!('reason' in result));
    assert.equal(result.display, '10 mail.example.com');
  });
});

describe('cloudflare: API record to zone line', () => {
  for (const { body, back } of cases) {
    it(`${body.type}: ${back}`, () => assert.equal(toZoneLine({ ...body, proxied: body.proxied ?? false }), back));
  }

  it('round-trips every type: line -> body -> line -> body', () => {
    for (const { body } of cases) {
      const written = toZoneLine(body);
      assert.deepEqual(convert(written), body, written);
    }
  });

  it('writes owners relative to an origin when asked', () => {
    assert.equal(
      toZoneLine(
        { type: 'A', name: 'example.com', ttl: 1, content: '192.0.2.1', proxied: true },
        { origin: 'example.com' },
      ),
      '@ 1 IN A 192.0.2.1 ; cf_tags=cf-proxied:true',
    );
    assert.equal(
      toZoneLine({ type: 'TXT', name: 'a.b.example.com', ttl: 300, content: '"x"' }, { origin: 'example.com.' }),
      'a.b 300 IN TXT "x"',
    );
  });

  it('quotes unquoted TXT content and splits it at 255 octets', () => {
    const long = 'x'.repeat(300);
    assert.equal(
      toZoneLine({ type: 'TXT', name: 't.example.com', ttl: 300, content: long }),
      `t.example.com. 300 IN TXT "${'x'.repeat(255)}" "${'x'.repeat(45)}"`,
    );
    assert.equal(
      toZoneLine({ type: 'TXT', name: 't.example.com', ttl: 300, content: 'say "hi"' }),
      't.example.com. 300 IN TXT "say \\"hi\\""',
    );
    const txt = (content: string): string => toZoneLine({ type: 'TXT', name: 't.example.com', ttl: 300, content });
    assert.equal(txt('"'), 't.example.com. 300 IN TXT "\\""', 'a lone quote is text');
    assert.equal(txt('"abc'), 't.example.com. 300 IN TXT "\\"abc"');
    assert.equal(txt('"a" b'), 't.example.com. 300 IN TXT "\\"a\\" b"');
    assert.equal(txt(''), 't.example.com. 300 IN TXT ""');
    assert.equal(txt('"a"  "b"'), 't.example.com. 300 IN TXT "a" "b"');
  });

  it('writes comments and tags in the cf_tags convention', () => {
    const record: CloudflareApiRecord = {
      type: 'MX',
      name: 'example.com',
      ttl: 300,
      content: 'mx.example.net',
      priority: 5,
      comment: 'mail, primary',
      tags: ['team:a b', 'x:"y"'],
    };
    assert.equal(
      toZoneLine(record),
      'example.com. 300 IN MX 5 mx.example.net. ; mail, primary cf_tags=team:a b,x:"\\"y\\""',
    );
  });

  it('writes @ for an apex request body and reads numbers given as strings', () => {
    assert.equal(
      toZoneLine({ type: 'NS', name: '@', ttl: 300, content: 'ns1.example.net' }),
      '@ 300 IN NS ns1.example.net.',
    );
    const data = { flags: '0', tag: 'ISSUE', value: 'ca.example' };
    assert.equal(
      toZoneLine({ type: 'CAA', name: 'example.com', ttl: 300, data }),
      'example.com. 300 IN CAA 0 issue "ca.example"',
    );
  });

  it('falls back to the formatted content when data is missing', () => {
    assert.equal(
      toZoneLine({ type: 'CAA', name: 'example.com', ttl: 300, content: '0 issue "ca.example"' }),
      'example.com. 300 IN CAA 0 issue "ca.example"',
    );
  });
});

describe('cloudflare: canonical content', () => {
  it('gives a local body and the live record the same content', () => {
    const pairs: [CloudflareApiRecord, CloudflareApiRecord][] = [
      [
        { type: 'CNAME', name: 'a', ttl: 1, content: 'Target.Example.com.' },
        { type: 'CNAME', name: 'a', ttl: 1, content: 'target.example.com' },
      ],
      [
        { type: 'AAAA', name: 'a', ttl: 1, content: '2001:DB8::0:1' },
        { type: 'AAAA', name: 'a', ttl: 1, content: '2001:db8::1' },
      ],
      [
        { type: 'TXT', name: 'a', ttl: 1, content: '"a\\065"' },
        { type: 'TXT', name: 'a', ttl: 1, content: '"aA"' },
      ],
      [
        { type: 'TXT', name: 'a', ttl: 1, content: 'plain text' },
        { type: 'TXT', name: 'a', ttl: 1, content: '"plain text"' },
      ],
      [
        { type: 'MX', name: 'a', ttl: 1, content: 'mx.example.com.', priority: 10 },
        { type: 'MX', name: 'a', ttl: 1, content: 'MX.example.com', priority: 10 },
      ],
      [
        {
          type: 'DS',
          name: 'a',
          ttl: 1,
          data: { key_tag: 1, algorithm: 13, digest_type: 2, digest: SHA256.toUpperCase() },
        },
        { type: 'DS', name: 'a', ttl: 1, data: { key_tag: '1', algorithm: 13, digest_type: 2, digest: SHA256 } },
      ],
      [
        { type: 'SRV', name: 'a', ttl: 1, data: { priority: 1, weight: 2, port: 3, target: 'T.example.com.' } },
        { type: 'SRV', name: 'a', ttl: 1, priority: 1, data: { weight: 2, port: 3, target: 't.example.com' } },
      ],
      [
        { type: 'HTTPS', name: 'a', ttl: 1, data: { priority: 1, target: '.', value: 'ipv4hint=192.0.2.1 alpn=h2' } },
        {
          type: 'HTTPS',
          name: 'a',
          ttl: 1,
          data: { priority: 1, target: '.', value: 'alpn="h2" ipv4hint="192.0.2.1"' },
        },
      ],
    ];
    for (const [local, live] of pairs)
      assert.equal(canonicalContent(local), canonicalContent(live), JSON.stringify(local));
  });

  it('tells different records apart', () => {
    assert.notEqual(
      canonicalContent({ type: 'MX', name: 'a', ttl: 1, content: 'mx.example.com', priority: 10 }),
      canonicalContent({ type: 'MX', name: 'a', ttl: 1, content: 'mx.example.com', priority: 20 }),
    );
    assert.notEqual(
      canonicalContent({ type: 'TXT', name: 'a', ttl: 1, content: '"a" "b"' }),
      canonicalContent({ type: 'TXT', name: 'a', ttl: 1, content: '"a b"' }),
    );
    assert.notEqual(
      canonicalContent({ type: 'CAA', name: 'a', ttl: 1, data: { flags: 0, tag: 'issue', value: 'a' } }),
      canonicalContent({ type: 'CAA', name: 'a', ttl: 1, data: { flags: 0, tag: 'issue', value: 'b' } }),
    );
  });
});

describe('cloudflare: through the zone parser', () => {
  it('maps a parsed zone with every Cloudflare type and reads the written lines back to the same bodies', () => {
    const text = ['$ORIGIN example.com.', '$TTL 300', ...cases.map((c) => c.line)].join('\n') + '\n';
    const parsed = parse(text, { origin: 'example.com.' });
    assert.deepEqual(
      parsed.diagnostics
        .filter((diagnostic) => diagnostic.severity === 'error')
        .map((diagnostic) => diagnostic.message),
      [],
    );
    const bodies = parsed.records.map((record) => {
      const result = toCloudflareRecord(record, { origin: 'example.com.' });
      if ('reason' in result) assert.fail(result.reason);
      return result.body;
    });
    assert.deepEqual(
      bodies,
      cases.map((c) => c.body),
    );
    const exported = bodies.map((body) => toZoneLine(body)).join('\n') + '\n';
    const reparsed = parse(exported, { origin: 'example.com.' });
    const again = reparsed.records.map((record) => {
      const result = toCloudflareRecord(record);
      if ('reason' in result) assert.fail(result.reason);
      return result.body;
    });
    assert.deepEqual(again, bodies);
  });
});
