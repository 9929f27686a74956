import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from '../../../core/src/parse/parser';
import { printRecord, printZone, relativeName } from '../../../core/src/format/printer';
import type { ZoneRecord } from '../../../core/src/types';

/** What must survive a print/parse round trip: the record's meaning, not its layout. */
function meaning(record: ZoneRecord): unknown {
  return {
    ownerKey: record.ownerKey,
    ttl: record.ttl,
    class: record.class,
    type: record.type,
    fields: record.fields.map((field) => [field.name, field.value]),
    generic: record.generic,
    comment: record.comment?.text.trimEnd(),
  };
}

function roundTrip(text: string, origin: string): void {
  const first = parse(text, { origin });
  const printed = printZone(first.records, { origin });
  const second = parse(printed, { origin });
  assert.deepEqual(second.records.map(meaning), first.records.map(meaning), printed);
  assert.deepEqual(
    second.diagnostics.map((d) => d.code),
    first.diagnostics.map((d) => d.code),
    printed,
  );
}

describe('printer', () => {
  const zone = [
    '$TTL 3600',
    '@ IN SOA ns1 hostmaster ( 2024010101 7200 3600',
    '    1209600 300 ) ; serial etc.',
    '@ IN NS ns1',
    '  IN MX 10 mail',
    'www 300 IN A 192.0.2.1 ; cf_tags=env:prod,cf-proxied:true',
    'txt IN TXT "hello world" "a \\"quoted\\" \\059 semicolon"',
    'alias IN CNAME www.other.example.',
    '_sip._tcp IN SRV 10 60 5060 sip',
    'raw IN TYPE65534 \\# 3 abcdef',
    '',
  ].join('\n');

  it('prints one record per line, owners relative to the origin', () => {
    const { records } = parse(zone, { origin: 'example.com.' });
    const lines = records.map((record) => printRecord(record, { origin: 'example.com.' }));
    assert.equal(
      lines[0],
      '@ 3600 IN SOA ns1.example.com. hostmaster.example.com. 2024010101 7200 3600 1209600 300 ; serial etc.',
    );
    assert.equal(lines[2], '@ 3600 IN MX 10 mail.example.com.');
    assert.equal(lines[3], 'www 300 IN A 192.0.2.1 ; cf_tags=env:prod,cf-proxied:true');
    assert.equal(lines[5], 'alias 3600 IN CNAME www.other.example.');
  });

  it('prints absolute owners without an origin and can leave comments out', () => {
    const { records } = parse(zone, { origin: 'example.com.' });
    assert.equal(printRecord(records[3], { comments: false }), 'www.example.com. 300 IN A 192.0.2.1');
  });

  it('prints a zone that parses back to the same records', () => {
    roundTrip(zone, 'example.com.');
    const printed = printZone(parse(zone, { origin: 'example.com.' }).records, { origin: 'example.com.', ttl: 3600 });
    assert.match(printed, /^\$ORIGIN example\.com\.\n\$TTL 3600\n/);
  });

  it('keeps names that only look relative after an escaped dot absolute', () => {
    assert.equal(relativeName('a\\.example.com.', 'example.com.'), 'a\\.example.com.');
    assert.equal(relativeName('www.example.com.', 'example.com.'), 'www');
    assert.equal(relativeName('EXAMPLE.com.', 'example.COM.'), '@');
    assert.equal(relativeName('www.example.org.', 'example.com.'), 'www.example.org.');
  });

  it('round-trips generated zones (property)', () => {
    const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/);
    const record = fc.oneof(
      fc.tuple(label, fc.integer({ min: 0, max: 255 })).map(([name, octet]) => `${name} IN A 192.0.2.${octet}`),
      fc
        .tuple(label, fc.integer({ min: 1, max: 86400 }))
        .map(([name, ttl]) => `${name} ${ttl} IN AAAA 2001:db8::${ttl.toString(16)}`),
      fc
        .tuple(label, fc.integer({ min: 0, max: 65535 }), label)
        .map(([name, pref, target]) => `${name} IN MX ${pref} ${target}`),
      fc.tuple(label, label).map(([name, target]) => `${name} IN CNAME ${target}.example.net.`),
      fc
        .tuple(label, fc.string({ maxLength: 40 }))
        .map(([name, text]) => `${name} IN TXT "${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r]/g, ' ')}"`),
      fc.tuple(label, label).map(([name, tag]) => `${name} IN A 198.51.100.1 ; cf_tags=${tag}:x`),
    );
    fc.assert(
      fc.property(fc.array(record, { maxLength: 12 }), (lines) => {
        roundTrip(`$TTL 300\n${lines.join('\n')}\n`, 'example.com.');
      }),
      { numRuns: 150 },
    );
  });
});
