import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { isIP } from 'node:net';
import { canonicalIpv6, isIpv4, isIpv6 } from '../../../../core/src/rdata';
import { codes, covered, fields, parse } from './helpers';

describe('rdata: A and AAAA', () => {
  it('accepts dotted-quad IPv4 and reports the address field', () => {
    const result = parse('A', '192.0.2.1');
    assert.deepEqual(codes(result), []);
    assert.deepEqual(fields(result), ['address=192.0.2.1']);
    assert.deepEqual(result.fields[0]?.range.start, { line: 0, character: 0, offset: 0 });
  });

  for (const bad of ['1.2.3', '256.1.1.1', '01.2.3.4', '1.2.3.4.5', 'a.b.c.d', '1.2.3.-1', '']) {
    it(`rejects IPv4 "${bad}"`, () => assert.ok(!isIpv4(bad)));
  }

  it('points bad-ipv4 at the token and suggests AAAA for an IPv6 address', () => {
    const rdata = '2001:db8::1';
    const result = parse('A', rdata);
    assert.deepEqual(codes(result), ['bad-ipv4']);
    assert.equal(covered(rdata, result), rdata);
    assert.match(result.diagnostics[0]?.message ?? '', /AAAA/);
  });

  it('reports missing and extra rdata', () => {
    assert.deepEqual(codes(parse('A', '')), ['missing-rdata']);
    const rdata = '192.0.2.1 192.0.2.2 x';
    const result = parse('A', rdata);
    assert.deepEqual(codes(result), ['extra-rdata']);
    assert.equal(covered(rdata, result), '192.0.2.2 x');
  });

  it('uses the type range for missing rdata when there are no tokens', () => {
    const typeRange = { start: { line: 3, character: 10, offset: 50 }, end: { line: 3, character: 11, offset: 51 } };
    const result = parse('A', '');
    assert.equal(result.diagnostics[0]?.range.start.line, 0);
    // with a type range, that is where the finding goes
    const withRange = parseWithTypeRange(typeRange);
    assert.deepEqual(withRange.diagnostics[0]?.range, typeRange);
  });

  for (const good of [
    '::',
    '::1',
    '2001:db8::1',
    '2001:DB8:0:0:8:800:200C:417A',
    'fe80::1:2:3:4:5',
    '::ffff:192.0.2.1',
    '1:2:3:4:5:6:7:8',
    '1::8',
  ]) {
    it(`accepts IPv6 "${good}"`, () => {
      assert.ok(isIpv6(good));
      assert.deepEqual(codes(parse('AAAA', good)), []);
    });
  }

  for (const bad of [
    '1:2:3:4:5:6:7',
    '1:2:3:4:5:6:7:8:9',
    '1::2::3',
    '12345::',
    'g::1',
    '1.2.3.4',
    ':1:2:3:4:5:6:7',
    '::1.2.3.4:5',
    '1:2:3:4:5:6:7::8',
  ]) {
    it(`rejects IPv6 "${bad}"`, () => {
      assert.ok(!isIpv6(bad));
      assert.deepEqual(codes(parse('AAAA', bad)), ['bad-ipv6']);
    });
  }

  it('suggests an A record for an IPv4 address in AAAA', () => {
    assert.match(parse('AAAA', '192.0.2.1').diagnostics[0]?.message ?? '', /use an A record/);
  });

  it('checks EUI48, EUI64 and NSAP addresses', () => {
    assert.deepEqual(codes(parse('EUI48', '00-00-5e-00-53-2a')), []);
    assert.deepEqual(codes(parse('EUI48', '01-23-45-67-89')), ['bad-rdata']);
    assert.deepEqual(codes(parse('EUI64', '00-00-5e-ef-10-00-00-2a')), []);
    assert.deepEqual(codes(parse('EUI64', '01-23-45-67-89-ab-cd-efgarbage')), ['bad-rdata']);
    assert.deepEqual(codes(parse('NSAP', '0x47.0005.80.005a00.0000.0001.e133.ffffff.000161.00')), []);
    assert.deepEqual(codes(parse('NSAP', '0x')), ['bad-hex']);
    assert.deepEqual(
      codes(parse('NSAP', '0x47000580005a0000000001e133ffffff000161000')),
      ['bad-hex'],
      'odd nibble count',
    );
  });

  it('writes IPv6 in RFC 5952 form', () => {
    assert.equal(canonicalIpv6('2001:DB8:0:0:0:0:0:1'), '2001:db8::1');
    assert.equal(canonicalIpv6('2001:db8:0:1:0:0:0:1'), '2001:db8:0:1::1');
    assert.equal(canonicalIpv6('2001:db8:0:0:1:0:0:1'), '2001:db8::1:0:0:1', 'the first of equal runs');
    assert.equal(
      canonicalIpv6('2001:db8:1:1:1:1:0:1'),
      '2001:db8:1:1:1:1:0:1',
      'a single zero group is not compressed',
    );
    assert.equal(canonicalIpv6('::'), '::');
    assert.equal(canonicalIpv6('0:0:0:0:0:0:0:1'), '::1');
    assert.equal(canonicalIpv6('x'), undefined);
  });
});

import { parseRdata } from '../../../../core/src/rdata';
import type { Range } from '../../../../core/src/types';

function parseWithTypeRange(typeRange: Range) {
  return parseRdata('A', [], { origin: 'example.com.', file: 'inc.zone', typeRange });
}

describe('isIpv6 against Node', () => {
  it("agrees with node:net's isIP on strings of hex digits, colons and dots", () => {
    const unit = fc.constantFrom('0', '1', 'a', 'F', 'f', ':', ':', ':', '.', '2', '5', '9');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 24 }), (text) => {
        assert.equal(isIpv6(text), isIP(text) === 6, text);
        assert.equal(canonicalIpv6(text) !== undefined, isIP(text) === 6, text);
      }),
      { numRuns: 20000 },
    );
  });
});
