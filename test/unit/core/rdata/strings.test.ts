import { strict as assert } from 'node:assert';
import { decodeCharacterString, encodeCharacterString, splitOctets } from '../../../../core/src/rdata';
import { codes, covered, fields, parse } from './helpers';

describe('rdata: TXT and other character-string types', () => {
  it('parses several quoted and unquoted strings', () => {
    const result = parse('TXT', '"v=spf1 -all" second "a\\"b" "x\\092y"');
    assert.deepEqual(codes(result), []);
    assert.deepEqual(fields(result), ['text=v=spf1 -all', 'text=second', 'text=a"b', 'text=x\\y']);
  });

  it('counts octets after unescaping: 255 fits, 256 does not', () => {
    assert.deepEqual(codes(parse('TXT', `"${'a'.repeat(255)}"`)), []);
    assert.deepEqual(codes(parse('TXT', `"${'\\065'.repeat(255)}"`)), [], '255 escaped octets fit');
    const rdata = `"ok" "${'a'.repeat(256)}"`;
    const result = parse('TXT', rdata);
    assert.deepEqual(codes(result), ['txt-string-too-long']);
    assert.equal(covered(rdata, result), `"${'a'.repeat(256)}"`);
    assert.deepEqual(codes(parse('TXT', `"${'é'.repeat(128)}"`)), ['txt-string-too-long'], '256 UTF-8 octets');
  });

  it('leaves bad escapes to the lexer and reads the string best-effort', () => {
    const result = parse('TXT', '"abc\\25x"');
    assert.deepEqual(codes(result), []);
    assert.equal(result.fields.length, 1);
    assert.deepEqual(codes(parse('TXT', '"\\300"')), []);
  });

  it('refuses rdata that cannot fit in a DNS message (over 65512 octets)', () => {
    const strings = Array.from({ length: 258 }, () => `"${'x'.repeat(254)}"`).join(' ');
    assert.deepEqual(codes(parse('TXT', strings)), ['bad-rdata'], '258 x 255 octets');
    const fits = Array.from({ length: 257 }, () => `"${'x'.repeat(253)}"`).join(' ');
    assert.deepEqual(codes(parse('TXT', fits)), [], '257 x 254 = 65278 octets');
    // 256 strings of 255 octets and one of 232 (1 + 231): 65280 + 232 = 65512, the largest sendable rdata.
    const full = Array.from({ length: 256 }, () => `"${'x'.repeat(254)}"`);
    assert.deepEqual(codes(parse('TXT', [...full, `"${'x'.repeat(231)}"`].join(' '))), [], '65512 octets fit');
    assert.deepEqual(codes(parse('TXT', [...full, `"${'x'.repeat(232)}"`].join(' '))), ['bad-rdata'], '65513 do not');
  });

  it('needs at least one string', () => {
    assert.deepEqual(codes(parse('TXT', '')), ['missing-rdata']);
    assert.deepEqual(codes(parse('SPF', '"v=spf1 -all"')), []);
  });

  it('parses HINFO as two strings', () => {
    assert.deepEqual(fields(parse('HINFO', '"RFC8482" ""')), ['cpu=RFC8482', 'os=']);
    assert.deepEqual(codes(parse('HINFO', '"x"')), ['missing-rdata']);
    assert.deepEqual(codes(parse('HINFO', 'a b c')), ['extra-rdata']);
  });

  it('parses URI and checks the target', () => {
    assert.deepEqual(fields(parse('URI', '10 1 "ftp://ftp1.example.com/public"')), [
      'priority=10',
      'weight=1',
      'target=ftp://ftp1.example.com/public',
    ]);
    assert.deepEqual(codes(parse('URI', '10 1 ""')), ['bad-uri']);
    assert.equal(parse('URI', '10 1 ""').diagnostics[0]?.severity, 'warning', 'named loads it');
    assert.deepEqual(codes(parse('URI', '10 1 "no scheme"')), ['bad-uri']);
    assert.deepEqual(codes(parse('URI', '10 "x:y"')), ['bad-number', 'missing-rdata']);
  });

  it('parses NAPTR and checks its flags', () => {
    const result = parse('NAPTR', '100 10 "U" "E2U+sip" "!^.*$!sip:info@example.com!" .');
    assert.deepEqual(codes(result), []);
    assert.deepEqual(fields(result), [
      'order=100',
      'preference=10',
      'flags=U',
      'service=E2U+sip',
      'regex=!^.*$!sip:info@example.com!',
      'replacement=.',
    ]);
    assert.deepEqual(codes(parse('NAPTR', '100 10 "U-" "E2U+sip" "" .')), ['bad-naptr']);
    assert.deepEqual(codes(parse('NAPTR', '100 10 "U" "E2U+sip" ""')), ['missing-rdata']);
  });

  it('decodes and encodes character-strings canonically', () => {
    assert.deepEqual(Array.from(decodeCharacterString('"a\\065\\""').octets), [97, 65, 34]);
    assert.equal(encodeCharacterString(decodeCharacterString('"a\\065\\"\\\\"').octets), '"aA\\"\\\\"');
    assert.equal(encodeCharacterString(decodeCharacterString('"tab\\009"').octets), '"tab\\009"');
    assert.equal(
      encodeCharacterString(decodeCharacterString('"\\195\\169"').octets),
      '"é"',
      'valid UTF-8 stays a character',
    );
    assert.equal(
      encodeCharacterString(decodeCharacterString('"\\255"').octets),
      '"\\255"',
      'invalid UTF-8 stays escaped',
    );
  });

  it('splits long text without cutting a UTF-8 character', () => {
    const octets = new TextEncoder().encode(`${'a'.repeat(254)}é`);
    const parts = splitOctets(octets, 255);
    assert.deepEqual(
      parts.map((part) => part.length),
      [254, 2],
    );
    assert.deepEqual(
      splitOctets(new Uint8Array(600)).map((part) => part.length),
      [255, 255, 90],
    );
  });
});
