import { strict as assert } from 'node:assert';
import { codes, fields, parse } from './helpers';

describe('rdata: CERT, TLSA, SMIMEA, SSHFP, OPENPGPKEY', () => {
  it('parses CERT with mnemonic or numeric type and algorithm', () => {
    assert.deepEqual(fields(parse('CERT', 'PGP 0 0 AwEAAQ==')), [
      'type=3',
      'key_tag=0',
      'algorithm=0',
      'certificate=AwEAAQ==',
    ]);
    assert.deepEqual(codes(parse('CERT', '1 65535 RSASHA256 AwEAAQ==')), []);
    assert.deepEqual(codes(parse('CERT', 'NOPE 0 0 AwEAAQ==')), ['bad-algorithm']);
    assert.deepEqual(codes(parse('CERT', '1 65536 0 AwEAAQ==')), ['bad-number']);
    assert.deepEqual(codes(parse('CERT', '1 1 0 ***')), ['bad-base64']);
  });

  it('parses TLSA and SMIMEA and checks digest lengths', () => {
    const sha256 = 'ab'.repeat(32);
    assert.deepEqual(fields(parse('TLSA', `3 1 1 ${sha256}`)), [
      'usage=3',
      'selector=1',
      'matching_type=1',
      `certificate=${sha256}`,
    ]);
    const short = parse('TLSA', `3 1 2 ${sha256}`);
    assert.deepEqual(codes(short), ['bad-digest-length']);
    assert.equal(short.diagnostics[0]?.severity, 'warning', 'BIND loads it; it just never matches');
    assert.deepEqual(codes(parse('TLSA', '3 1 0 308201')), [], 'full certificate: any length');
    assert.deepEqual(codes(parse('SMIMEA', `3 0 1 ${sha256}`)), []);
    assert.deepEqual(codes(parse('TLSA', `256 1 1 ${sha256}`)), ['bad-number']);
  });

  it('parses SSHFP and checks fingerprint lengths', () => {
    assert.deepEqual(codes(parse('SSHFP', `4 2 ${'0f'.repeat(32)}`)), []);
    assert.deepEqual(codes(parse('SSHFP', `1 1 ${'0f'.repeat(20)}`)), []);
    assert.deepEqual(codes(parse('SSHFP', `1 1 ${'0f'.repeat(32)}`)), ['bad-digest-length']);
    assert.deepEqual(codes(parse('SSHFP', '1 1 xyz')), ['bad-hex']);
  });

  it('parses OPENPGPKEY as base64 over several tokens', () => {
    assert.deepEqual(fields(parse('OPENPGPKEY', 'mQIN BFq6 Zw==')), ['public_key=mQINBFq6Zw==']);
    assert.deepEqual(codes(parse('OPENPGPKEY', '')), ['missing-rdata']);
  });

  it('parses HHIT and BRID (RFC 9886, types 67 and 68) as base64 data', () => {
    assert.deepEqual(fields(parse('HHIT', 'gxJp M2Zm OCAw MDBh')), ['data=gxJpM2ZmOCAwMDBh']);
    assert.deepEqual(fields(parse('BRID', 'owAAAYIE')), ['data=owAAAYIE']);
    assert.deepEqual(codes(parse('TYPE67', 'owAAAYIE')), [], 'TYPE67 is HHIT');
    assert.deepEqual(codes(parse('BRID', '')), ['missing-rdata']);
    assert.deepEqual(codes(parse('HHIT', 'not*base64')), ['bad-base64']);
  });
});
