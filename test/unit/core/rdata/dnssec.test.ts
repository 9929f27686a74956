import { strict as assert } from 'node:assert';
import { codes, covered, fields, parse } from './helpers';

const SHA256 = '2BB183AF5F22588179A53B0A98631FAD1A292118A3C4E5D6F7A8B9C0D1E2F3A4';

describe('rdata: DNSSEC types', () => {
  it('parses DS with the digest split over tokens', () => {
    const result = parse('DS', `60485 5 2 ${SHA256.slice(0, 32)} ${SHA256.slice(32)}`);
    assert.deepEqual(codes(result), []);
    assert.deepEqual(fields(result), ['key_tag=60485', 'algorithm=5', 'digest_type=2', `digest=${SHA256}`]);
  });

  it('checks the digest length of known digest types', () => {
    const rdata = `60485 8 1 ${SHA256}`;
    const result = parse('DS', rdata);
    assert.deepEqual(codes(result), ['bad-digest-length']);
    assert.equal(result.diagnostics[0]?.severity, 'error', 'BIND refuses a DS digest of the wrong size');
    assert.equal(covered(rdata, result), SHA256);
    assert.deepEqual(codes(parse('DS', `1 8 99 ABCD`)), [], 'unknown digest types are not length-checked');
  });

  it('checks hex', () => {
    const rdata = '1 8 2 ABCG';
    const result = parse('DS', rdata);
    assert.deepEqual(codes(result), ['bad-hex']);
    assert.equal(covered(rdata, result), 'G');
    assert.deepEqual(codes(parse('DS', '1 8 99 ABC')), ['bad-hex'], 'odd number of digits');
    assert.deepEqual(codes(parse('CDS', '0 0 0 00')), [], 'CDS delete form');
  });

  it('parses DNSKEY with algorithm mnemonics and base64 over tokens', () => {
    const result = parse('DNSKEY', '257 3 RSASHA256 AwEAAag/ 4ej0dw==');
    assert.deepEqual(codes(result), []);
    assert.deepEqual(fields(result), ['flags=257', 'protocol=3', 'algorithm=8', 'public_key=AwEAAag/4ej0dw==']);
    const protocol = parse('DNSKEY', '257 2 8 AwEAAQ==');
    assert.deepEqual(codes(protocol), ['bad-rdata'], 'protocol should be 3');
    assert.equal(protocol.diagnostics[0]?.severity, 'warning');
    assert.deepEqual(codes(parse('KEY', 'FLAG2|FLAG4|SIG15 3 8 AwEAAQ==')), [], 'BIND flag mnemonics');
    assert.deepEqual(codes(parse('DNSKEY', 'flag2|ntyp3 3 8 AwEAAQ==')), []);
    assert.deepEqual(codes(parse('DNSKEY', '1|2 3 8 AwEAAQ==')), ['bad-number']);
    assert.deepEqual(codes(parse('DNSKEY', '257 3 NOPE AwEAAQ==')), ['bad-algorithm']);
  });

  it('checks base64', () => {
    assert.deepEqual(codes(parse('DNSKEY', '256 3 8 AwEAAQ=')), ['bad-base64'], 'length not a multiple of 4');
    const rdata = '256 3 8 AwE*AQ==';
    const result = parse('DNSKEY', rdata);
    assert.deepEqual(codes(result), ['bad-base64']);
    assert.equal(covered(rdata, result), '*');
    assert.deepEqual(codes(parse('DNSKEY', '256 3 8 A=EA')), ['bad-base64'], 'padding in the middle');
    assert.deepEqual(codes(parse('DNSKEY', '256 3 8')), ['missing-rdata']);
  });

  it('parses RRSIG', () => {
    const rdata = 'A 8 2 3600 20250101000000 20240101000000 12345 example.com. AwEAAQ==';
    assert.deepEqual(codes(parse('RRSIG', rdata)), []);
    assert.deepEqual(
      codes(parse('RRSIG', 'BOGUS 8 2 3600 20250101000000 20240101000000 12345 example.com. AwEAAQ==')),
      ['bad-type-list'],
    );
    assert.deepEqual(codes(parse('RRSIG', 'A 8 2 3600 20251301000000 20240101000000 12345 example.com. AwEAAQ==')), [
      'bad-time',
    ]);
    assert.deepEqual(
      codes(parse('RRSIG', 'A 8 2 3600 1735689600 1704067200 12345 example.com. AwEAAQ==')),
      [],
      'seconds form',
    );
  });

  it('parses NSEC, NSEC3 and NSEC3PARAM', () => {
    assert.deepEqual(fields(parse('NSEC', 'host A MX RRSIG NSEC TYPE1234')), [
      'next=host.example.com.',
      'types=A',
      'types=MX',
      'types=RRSIG',
      'types=NSEC',
      'types=TYPE1234',
    ]);
    assert.deepEqual(codes(parse('NSEC', 'host. A BOGUS')), ['bad-type-list']);
    assert.deepEqual(codes(parse('NSEC', 'host.')), ['nsec-empty-types'], 'named refuses an empty type list');
    assert.deepEqual(
      codes(parse('NSEC3', '1 1 12 AABBCCDD 2T7B4G4VSA5SMI47K61MV5BV1A22BOJR NS SOA MX RRSIG DNSKEY NSEC3PARAM')),
      [],
    );
    assert.deepEqual(codes(parse('NSEC3', '1 1 12 - 2T7B4G4VSA5SMI47K61MV5BV1A22BOJR A')), []);
    assert.deepEqual(codes(parse('NSEC3', '1 1 12 - 2T7B4G4VSA5SMI47K61MV5BV1A22BOJZ A')), ['bad-base32']);
    assert.deepEqual(codes(parse('NSEC3', '1 1 12 aabbccdd CPNMU=== MX')), ['bad-base32'], 'no padding in NSEC3');
    assert.deepEqual(
      codes(parse('NSEC3', '1 0 10 76931F IMQ912BREQP1POLAH3RMONG A')),
      ['bad-digest-length'],
      'SHA-1 names are 20 octets',
    );
    assert.deepEqual(
      codes(parse('NSEC3', '1 0 10 76931F IMQ912BREQP1POLAH3RMON A')),
      ['bad-base32'],
      'impossible length',
    );
    assert.deepEqual(codes(parse('NSEC3PARAM', '1 0 0 -')), []);
    assert.deepEqual(codes(parse('NSEC3PARAM', '1 0 70000 -')), ['bad-number']);
  });

  it('parses ZONEMD and CSYNC', () => {
    assert.deepEqual(codes(parse('ZONEMD', `2018031900 1 1 ${'AB'.repeat(48)}`)), []);
    assert.deepEqual(codes(parse('ZONEMD', `2018031900 1 1 ${'AB'.repeat(47)}`)), ['bad-digest-length']);
    assert.deepEqual(codes(parse('ZONEMD', '2018031900 1 240 ABCD')), ['bad-digest-length'], 'under 12 octets');
    assert.deepEqual(codes(parse('CSYNC', '66 3 A NS AAAA')), []);
  });
});
