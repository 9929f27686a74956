import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, formatZone } from '../../../core/src/index';
import { parse } from '../../../core/src/parse/parser';
import type { ZoneRecord } from '../../../core/src/types';

function format(text: string): string {
  return applyEdits(text, formatZone(text, parse(text, { origin: 'example.com.' })));
}

function meaning(record: ZoneRecord): unknown {
  return {
    ownerKey: record.ownerKey,
    ttl: record.ttl,
    class: record.class,
    type: record.type,
    rdata: record.rdata.map((token) => token.text),
    fields: record.fields.map((field) => [field.name, field.value]),
    comment: record.comment?.text.trimEnd(),
  };
}

function sameRecords(before: string, after: string): void {
  const a = parse(before, { origin: 'example.com.' });
  const b = parse(after, { origin: 'example.com.' });
  assert.deepEqual(b.records.map(meaning), a.records.map(meaning), after);
  assert.deepEqual(
    b.directives.map((d) => [d.name, d.arguments.map((t) => t.text)]),
    a.directives.map((d) => [d.name, d.arguments.map((t) => t.text)]),
  );
  assert.deepEqual(
    b.diagnostics.map((d) => d.code),
    a.diagnostics.map((d) => d.code),
    after,
  );
}

describe('formatter', () => {
  const messy = [
    '$ORIGIN   example.com.   ; the zone',
    '$TTL 3600',
    '@   IN SOA ns1 hostmaster (',
    '        2024010101 ; serial',
    '   7200 3600 1209600 300 )',
    '@ IN    NS ns1',
    '      IN MX   10    mail',
    'www\t300 IN A 192.0.2.1   ',
    '; a comment line stays as written',
    'a-much-longer-owner-name IN TXT "x  y"  "z"',
    'ns1 IN 60 A 192.0.2.53',
    '',
  ].join('\n');

  it('aligns owner, TTL, class, type and rdata columns', () => {
    assert.equal(
      format(messy),
      [
        '$ORIGIN example.com. ; the zone',
        '$TTL 3600',
        '@                            IN SOA ns1 hostmaster (',
        '                                    2024010101 ; serial',
        '                                    7200 3600 1209600 300 )',
        '@                            IN NS  ns1',
        '                             IN MX  10 mail',
        'www                      300 IN A   192.0.2.1',
        '; a comment line stays as written',
        'a-much-longer-owner-name     IN TXT "x  y" "z"',
        'ns1                      60  IN A   192.0.2.53',
        '',
      ].join('\n'),
    );
  });

  it('changes nothing the parser reads', () => {
    sameRecords(messy, format(messy));
  });

  it('is idempotent: formatted text gives no edits', () => {
    const once = format(messy);
    assert.deepEqual(formatZone(once, parse(once)), []);
  });

  it('leaves lines it cannot classify as written', () => {
    const broken = 'www IN A 192.0.2.1\nthis is ( not a record\n   x )\nmail   IN A 192.0.2.2\n';
    const formatted = format(broken);
    assert.ok(formatted.includes('this is ( not a record\n   x )\n'), formatted);
    sameRecords(broken, formatted);
  });

  it('keeps tokens that touch together', () => {
    const text = 'txt IN TXT "a""b"\n';
    assert.equal(format(text), 'txt IN TXT "a""b"\n');
  });

  it('keeps the meaning and is idempotent on random zone text (property)', () => {
    const space = fc.constantFrom(' ', '  ', '\t', ' \t ');
    const word = fc.constantFrom(
      'www',
      '@',
      'mail',
      'IN',
      '300',
      '1h',
      'A',
      'MX',
      'TXT',
      'CNAME',
      '10',
      '192.0.2.1',
      'ns1.example.net.',
      '"a b"',
      '"x;y"',
      '(',
      ')',
      '; note',
      '$TTL',
      '$ORIGIN',
      'sub',
      '\\# 1 00',
    );
    const line = fc
      .tuple(fc.boolean(), fc.array(fc.tuple(word, space), { maxLength: 7 }))
      .map(([indent, parts]) => (indent ? ' ' : '') + parts.map(([w, s]) => w + s).join(''));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 10 }), fc.boolean(), (lines, crlf) => {
        const text = lines.join(crlf ? '\r\n' : '\n');
        const formatted = format(text);
        sameRecords(text, formatted);
        assert.deepEqual(formatZone(formatted, parse(formatted, { origin: 'example.com.' })), [], formatted);
      }),
      { numRuns: 400 },
    );
  });
});
