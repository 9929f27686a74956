import { strict as assert } from 'node:assert';
import { codes, fields, parse } from './helpers';

describe('rdata: IPSECKEY (RFC 4025)', () => {
  const key = 'AQNRU3mG7TVTO2BkR47usntb102uFJtugbo6BSGvgqt4AQ==';

  it('parses each gateway type with its key', () => {
    assert.deepEqual(fields(parse('IPSECKEY', `10 3 2 gw ${key}`)), [
      'precedence=10',
      'gateway_type=3',
      'algorithm=2',
      'gateway=gw.example.com.',
      `public_key=${key}`,
    ]);
    assert.deepEqual(codes(parse('IPSECKEY', `10 0 2 . ${key}`)), []);
    assert.deepEqual(codes(parse('IPSECKEY', `10 1 2 192.0.2.38 ${key}`)), []);
    assert.deepEqual(codes(parse('IPSECKEY', `10 2 2 2001:db8::1 ${key}`)), []);
  });

  it('needs no public key when the algorithm is 0 (section 2.4), and needs one otherwise', () => {
    assert.deepEqual(codes(parse('IPSECKEY', '10 0 0 .')), []);
    assert.deepEqual(codes(parse('IPSECKEY', '10 1 0 192.0.2.38')), []);
    assert.deepEqual(codes(parse('IPSECKEY', '10 1 2 192.0.2.38')), ['missing-rdata']);
    assert.deepEqual(codes(parse('IPSECKEY', '10 1')), ['missing-rdata'], 'reported once');
  });

  it('checks the gateway against its type and the type range', () => {
    assert.deepEqual(codes(parse('IPSECKEY', `10 1 2 2001:db8::1 ${key}`)), ['bad-rdata']);
    assert.deepEqual(codes(parse('IPSECKEY', `10 0 2 gw ${key}`)), ['bad-rdata']);
    assert.deepEqual(codes(parse('IPSECKEY', `10 4 2 gw ${key}`)), ['bad-rdata']);
    assert.deepEqual(codes(parse('IPSECKEY', `256 0 2 . ${key}`)), ['bad-number']);
    assert.deepEqual(codes(parse('IPSECKEY', '10 0 0 . ****')), ['bad-base64']);
  });
});
