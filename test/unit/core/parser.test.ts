import assert from 'node:assert/strict';
import { parse, syntaxCodes } from '../../../core/src/parse/parser';
import type { ParseOptions, ZoneRecord } from '../../../core/src/types';
import { codes, covered, span } from './parser-helpers';

const origin: ParseOptions = { origin: 'example.com' };

function only(text: string, options: ParseOptions = origin): ZoneRecord {
  const result = parse(text, options);
  assert.equal(result.records.length, 1, `one record from ${JSON.stringify(text)}`);
  return result.records[0];
}

function syntaxErrors(text: string, options: ParseOptions = origin): string[] {
  return codes(parse(text, options).diagnostics.filter((d) => d.code in syntaxCodes));
}

describe('parser: records', () => {
  it('reads owner, TTL, class, type and rdata with exact ranges', () => {
    const text = '$TTL 60\nwww 300 IN A 192.0.2.1 ; web server\n';
    const record = only(text);
    assert.equal(record.owner, 'www.example.com.');
    assert.equal(record.ownerKey, 'www.example.com.');
    assert.equal(record.ttl, 300);
    assert.equal(record.class, 'IN');
    assert.equal(record.type, 'A');
    assert.deepEqual(
      record.rdata.map((t) => t.text),
      ['192.0.2.1'],
    );
    assert.deepEqual(span(record.ownerRange), [1, 0, 1, 3]);
    assert.deepEqual(span(record.ttlRange), [1, 4, 1, 7]);
    assert.deepEqual(span(record.classRange), [1, 8, 1, 10]);
    assert.deepEqual(span(record.typeRange), [1, 11, 1, 12]);
    assert.deepEqual(span(record.range), [1, 0, 1, 22]);
    assert.equal(covered(text, record.range), 'www 300 IN A 192.0.2.1');
    assert.equal(record.comment?.text, '; web server');
    assert.deepEqual(span(record.comment?.range), [1, 23, 1, 35]);
    assert.equal(record.file, undefined);
    assert.equal(record.generated, false);
    assert.equal(record.generic, false);
  });

  it('accepts class and TTL in either order, and either alone', () => {
    const text = '$TTL 60\na IN 300 A 192.0.2.1\nb 300 IN A 192.0.2.1\nc IN A 192.0.2.1\nd 5m A 192.0.2.1\n';
    const records = parse(text, origin).records;
    assert.deepEqual(
      records.map((r) => [r.owner, r.ttl, r.class, r.ttlRange === undefined, r.classRange === undefined]),
      [
        ['a.example.com.', 300, 'IN', false, false],
        ['b.example.com.', 300, 'IN', false, false],
        ['c.example.com.', 60, 'IN', true, false],
        ['d.example.com.', 300, 'IN', false, true],
      ],
    );
  });

  it('resolves @, relative and absolute owners against the origin', () => {
    const records = parse('$TTL 1\n@ A 192.0.2.1\nwww A 192.0.2.1\nother.org. A 192.0.2.1\n', origin).records;
    assert.deepEqual(
      records.map((r) => r.owner),
      ['example.com.', 'www.example.com.', 'other.org.'],
    );
  });

  it('repeats the previous owner for a line that starts with a blank', () => {
    const text = '$TTL 1\nmail A 192.0.2.1\n  AAAA 2001:db8::1\n\tTXT "x"\n';
    const records = parse(text, origin).records;
    assert.deepEqual(
      records.map((r) => [r.owner, r.type, r.ownerRange === undefined]),
      [
        ['mail.example.com.', 'A', false],
        ['mail.example.com.', 'AAAA', true],
        ['mail.example.com.', 'TXT', true],
      ],
    );
    assert.deepEqual(span(records[1].range), [2, 2, 2, 18]);
  });

  it('reports a blank owner with no previous owner as missing-owner and goes on', () => {
    const result = parse('$TTL 1\n  A 192.0.2.1\nwww A 192.0.2.2\n', origin);
    assert.deepEqual(codes(result.diagnostics), ['missing-owner@1:2-1:3']);
    assert.deepEqual(
      result.records.map((r) => r.owner),
      ['www.example.com.'],
    );
  });

  it('keeps a record that spans lines in parentheses, with comments inside, as one record', () => {
    const text = [
      '$TTL 1h',
      '@ IN SOA ns1 hostmaster (',
      '    2024010101 ; serial',
      '    7200       ; refresh',
      '    3600 1209600',
      '    300 )      ; minimum',
      'www A 192.0.2.1',
    ].join('\n');
    const result = parse(text, origin);
    assert.deepEqual(syntaxErrors(text), []);
    const soa = result.records[0];
    assert.equal(soa.type, 'SOA');
    assert.deepEqual(
      soa.rdata.map((t) => t.text),
      ['ns1', 'hostmaster', '2024010101', '7200', '3600', '1209600', '300'],
    );
    assert.deepEqual(span(soa.range), [1, 0, 5, 9]);
    assert.equal(soa.comment?.text, '; minimum');
    assert.equal(result.records[1].owner, 'www.example.com.');
    assert.deepEqual(span(result.records[1].range), [6, 0, 6, 15]);
  });

  it('does not take a comment on an inner line of a record as its trailing comment', () => {
    const record = only('$TTL 1\n@ SOA a b ( 1 ; serial\n 2 3 4 5 )\n');
    assert.equal(record.comment, undefined);
  });

  it('keeps quoted strings as one token each, with their quotes and escapes', () => {
    const record = only('$TTL 1\ntxt TXT "v=spf1 -all" "a \\"b\\" \\059 c" plain\n');
    assert.deepEqual(
      record.rdata.map((t) => [t.kind, t.text]),
      [
        ['string', '"v=spf1 -all"'],
        ['string', '"a \\"b\\" \\059 c"'],
        ['word', 'plain'],
      ],
    );
  });

  it('reads TYPEnnn and CLASSnnn, normalising numbers that have a mnemonic', () => {
    const records = parse('$TTL 1\na CLASS1 TYPE1 192.0.2.1\nb TYPE65280 \\# 1 00\nc type16 "x"\n', origin).records;
    assert.deepEqual(
      records.map((r) => [r.class, r.type, r.generic]),
      [
        ['IN', 'A', false],
        ['IN', 'TYPE65280', true],
        ['IN', 'TXT', false],
      ],
    );
  });

  it('reads type and class mnemonics in any case', () => {
    const record = only('$TTL 1\nwww in aaaa 2001:db8::1\n');
    assert.deepEqual([record.class, record.type], ['IN', 'AAAA']);
  });

  it('reports an unknown type at the type word and recovers at the next line', () => {
    const text = '$TTL 1\nwww IN AAA 192.0.2.1\nok A 192.0.2.1\n';
    const result = parse(text, origin);
    assert.deepEqual(codes(result.diagnostics), ['unknown-type@1:7-1:10']);
    assert.deepEqual(
      result.records.map((r) => r.owner),
      ['ok.example.com.'],
    );
  });

  it('reports query types written as record types', () => {
    assert.deepEqual(syntaxErrors('$TTL 1\nx ANY 1\ny TYPE255 1\n'), ['meta-type@1:2-1:5', 'meta-type@2:2-2:9']);
  });

  it('reports a malformed CLASSnnn as unknown-class', () => {
    assert.deepEqual(syntaxErrors('$TTL 1\nx CLASS70000 A 192.0.2.1\n'), ['unknown-class@1:2-1:12']);
  });

  it('reports a record without type as missing-type, after the last word of its head', () => {
    assert.deepEqual(syntaxErrors('$TTL 1\nwww 300 IN\n'), ['missing-type@1:8-1:10']);
    assert.deepEqual(syntaxErrors('$TTL 1\nwww\n'), ['missing-type@1:0-1:3']);
    assert.deepEqual(syntaxErrors('$TTL 1\nwww 300 "A"\n'), ['missing-type@1:8-1:11']);
  });

  it('reports a bad TTL and a second TTL or class', () => {
    assert.deepEqual(syntaxErrors('$TTL 1\nwww 1x A 192.0.2.1\n'), ['bad-ttl@1:4-1:6']);
    assert.deepEqual(syntaxErrors('$TTL 1\nwww 1 2 A 192.0.2.1\n'), ['syntax@1:6-1:7']);
    assert.deepEqual(syntaxErrors('$TTL 1\nwww IN IN A 192.0.2.1\n'), ['syntax@1:7-1:9']);
  });

  it('reports a class other than the zone class as class-mismatch, and honours the zoneClass option', () => {
    assert.deepEqual(syntaxErrors('$TTL 1\n@ IN SOA a b 1 2 3 4 5\nx CH TXT "a"\n'), ['class-mismatch@2:2-2:4']);
    assert.deepEqual(syntaxErrors('$TTL 1\n@ SOA a b 1 2 3 4 5\nx CH TXT "a"\n'), ['class-mismatch@2:2-2:4']);
    const chaos = parse('$TTL 1\n@ SOA a b 1 2 3 4 5\nx CH TXT "a"\n', { ...origin, zoneClass: 'ch' });
    assert.deepEqual(
      chaos.records.map((r) => r.class),
      ['CH', 'CH'],
    );
    assert.deepEqual(codes(chaos.diagnostics.filter((d) => d.code === 'class-mismatch')), []);
  });

  it('reports a line that starts with a quoted string or parenthesis as a syntax error', () => {
    assert.deepEqual(syntaxErrors('$TTL 1\n"www" A 192.0.2.1\n'), ['syntax@1:0-1:5']);
    assert.deepEqual(syntaxErrors('$TTL 1\n( www A 192.0.2.1 )\n'), ['syntax@1:0-1:1']);
    assert.deepEqual(syntaxErrors('$TTL 1\n ( )\n'), ['syntax@1:1-1:4']);
  });

  it('hands lexical errors through and still reads the record', () => {
    const result = parse('$TTL 1\nt TXT "open\nok A 192.0.2.1\n', origin);
    assert.deepEqual(codes(result.diagnostics.filter((d) => d.code in syntaxCodes)), ['unterminated-string@1:6-1:11']);
    assert.deepEqual(
      result.records.map((r) => r.type),
      ['TXT', 'A'],
    );
  });

  it('reports an unclosed parenthesis at the parenthesis', () => {
    assert.deepEqual(syntaxErrors('$TTL 1\n@ SOA a b ( 1 2 3 4 5\nwww A 192.0.2.1\n'), [
      'unbalanced-parentheses@1:10-1:11',
    ]);
    assert.deepEqual(syntaxErrors('$TTL 1\nwww A 192.0.2.1 )\n'), ['unbalanced-parentheses@1:16-1:17']);
  });

  it('puts the rdata layer fields on the record and its findings in the result', () => {
    const result = parse('$TTL 1\nwww A 192.0.2.1\nbad A 999.0.0.1\n', origin);
    assert.ok(result.records[0].fields.length > 0, 'fields of a good A record');
    assert.ok(
      result.diagnostics.some((d) => d.severity === 'error' && d.range.start.line === 2 && !(d.code in syntaxCodes)),
      'an rdata error on line 3',
    );
  });

  it('reports an owner name the names layer rejects, at the owner', () => {
    const label = 'a'.repeat(64);
    const result = parse(`$TTL 1\n${label} A 192.0.2.1\n`, origin);
    const found = result.diagnostics.filter((d) => d.range.start.line === 1);
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'error');
    assert.ok(found[0].range.start.character >= 0 && found[0].range.end.character <= 64);
    assert.equal(result.records.length, 1, 'the record is kept with its best-effort name');
  });

  it('lists every token of the document in order with its role', () => {
    const text = '$ORIGIN example.com.\nwww 60 IN TXT ( "a" ) ; c\n';
    const tokens = parse(text).tokens;
    assert.deepEqual(
      tokens.map((t) => [t.kind, t.text, t.role]),
      [
        ['word', '$ORIGIN', 'directive'],
        ['word', 'example.com.', 'directive-argument'],
        ['newline', '\n', undefined],
        ['word', 'www', 'owner'],
        ['word', '60', 'ttl'],
        ['word', 'IN', 'class'],
        ['word', 'TXT', 'type'],
        ['open', '(', undefined],
        ['string', '"a"', 'rdata'],
        ['close', ')', undefined],
        ['comment', '; c', 'comment'],
        ['newline', '\n', undefined],
      ],
    );
    for (const token of tokens) assert.equal(covered(text, token.range), token.text);
  });

  it('gives plain JSON for records and tokens', () => {
    const result = parse('$TTL 1\nwww A 192.0.2.1\n', origin);
    const json = JSON.parse(JSON.stringify(result.records[0])) as Record<string, unknown>;
    assert.equal(json.owner, 'www.example.com.');
    assert.deepEqual(json.typeRange, {
      start: { line: 1, character: 4, offset: 11 },
      end: { line: 1, character: 5, offset: 12 },
    });
    assert.deepEqual(JSON.parse(JSON.stringify(result.tokens[3])), {
      kind: 'word',
      text: 'www',
      role: 'owner',
      range: { start: { line: 1, character: 0, offset: 7 }, end: { line: 1, character: 3, offset: 10 } },
    });
  });

  it('returns the absolute origin and the root when none is given', () => {
    assert.equal(parse('', { origin: 'example.com' }).origin, 'example.com.');
    assert.equal(parse('', { origin: 'example.com.' }).origin, 'example.com.');
    assert.equal(parse('').origin, '.');
    assert.equal(parse('$TTL 1\nwww A 192.0.2.1\n').records[0].owner, 'www.');
  });

  it('parses empty, blank and comment-only text to nothing', () => {
    for (const text of ['', '\n\n', '   \n\t\n', '; only a comment\n;another', '\r\n']) {
      const result = parse(text, origin);
      assert.deepEqual([result.records.length, result.diagnostics.length], [0, 0], JSON.stringify(text));
    }
  });

  it('handles CRLF line ends like LF', () => {
    const result = parse('$TTL 1\r\nwww A 192.0.2.1\r\n  TXT "x"\r\n', origin);
    assert.deepEqual(codes(result.diagnostics), []);
    assert.deepEqual(
      result.records.map((r) => [r.owner, r.type, span(r.range)]),
      [
        ['www.example.com.', 'A', [1, 0, 1, 15]],
        ['www.example.com.', 'TXT', [2, 2, 2, 9]],
      ],
    );
  });

  it('documents every code it emits', () => {
    for (const [code, description] of Object.entries(syntaxCodes)) {
      assert.match(code, /^[a-z]+(-[a-z]+)*$/);
      assert.ok(description.length > 10, code);
    }
  });
});

describe('parser: recovery and positions', () => {
  it('skips a bad multi-line record as a whole and reads the next one', () => {
    const text = '$TTL 1\nbad IN BOGUS (\n  1 2\n  3 )\nok A 192.0.2.1\n';
    const result = parse(text, origin);
    assert.deepEqual(codes(result.diagnostics), ['unknown-type@1:7-1:12']);
    assert.deepEqual(
      result.records.map((r) => [r.owner, span(r.range)]),
      [['ok.example.com.', [4, 0, 4, 14]]],
    );
  });

  it('reads the first owner of a file that starts with a byte-order mark', () => {
    const record = only('\ufeffwww 60 A 192.0.2.1\n');
    assert.equal(record.owner, 'www.example.com.');
    assert.deepEqual(span(record.ownerRange), [0, 1, 0, 4]);
  });

  it('counts lines ended by a lone CR', () => {
    const result = parse('$TTL 1\ra A 192.0.2.1\rb A 192.0.2.2', origin);
    assert.deepEqual(
      result.records.map((r) => span(r.range)),
      [
        [1, 0, 1, 13],
        [2, 0, 2, 13],
      ],
    );
  });

  it('measures characters after non-ASCII owners in UTF-16 code units', () => {
    const text = '$TTL 1\nbücher😀 A 192.0.2.1\n';
    const record = only(text);
    assert.deepEqual(span(record.typeRange), [1, 9, 1, 10]);
    assert.equal(covered(text, record.rdata[0].range), '192.0.2.1');
  });

  it('reports a document that includes itself through options.path', () => {
    const result = parse('$INCLUDE db.self\n', { path: '/z/db.self', readFile: () => '$TTL 1\n' });
    assert.deepEqual(codes(result.diagnostics), ['include-loop@0:9-0:16']);
  });

  it('resolves a repeated owner again after $ORIGIN changes, and reports a bad repeated owner on each line', () => {
    const records = parse('$TTL 1\nwww A 192.0.2.1\n$ORIGIN other.test.\nwww A 192.0.2.2\n', origin).records;
    assert.deepEqual(
      records.map((r) => r.owner),
      ['www.example.com.', 'www.other.test.'],
    );
    const label = 'b'.repeat(64);
    const result = parse(`$TTL 1\n${label} A 192.0.2.1\n${label} A 192.0.2.2\n`, origin);
    assert.deepEqual(
      result.diagnostics.map((d) => d.range.start.line),
      [1, 2],
    );
  });

  it('reports a bad \\DDD escape once, in names and in strings', () => {
    const owner = parse('$TTL 1\na\\256 A 192.0.2.1\n', origin);
    assert.equal(owner.diagnostics.length, 1, JSON.stringify(owner.diagnostics));
    assert.equal(owner.diagnostics[0].range.start.line, 1);
    assert.equal(owner.diagnostics[0].code, 'bad-escape');
    assert.deepEqual(span(owner.diagnostics[0].range), [1, 1, 1, 5]);
    const text = parse('$TTL 1\nt TXT "a\\999"\n', origin);
    assert.deepEqual(codes(text.diagnostics), ['bad-escape@1:8-1:12']);
  });

  it('keeps going after many errors, one finding per bad line', () => {
    const bad = Array.from({ length: 50 }, (_, i) => `x${i} BOGUS 1`).join('\n');
    const result = parse(`$TTL 1\n${bad}\nok A 192.0.2.1\n`, origin);
    assert.equal(result.diagnostics.length, 50);
    assert.deepEqual(
      result.records.map((r) => r.owner),
      ['ok.example.com.'],
    );
  });
});
