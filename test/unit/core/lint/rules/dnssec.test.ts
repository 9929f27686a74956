import { strict as assert } from 'node:assert';
import { at, lintText, only, zone } from './helpers';

// The DNSKEY and its DS digests from RFC 4034 section 5.4 (SHA-1) and RFC 4509 section 2.3 (SHA-256).
const DNSKEY =
  '@ IN DNSKEY 256 3 5 ( AQOeiiR0GOMYkDshWoSKz9XzfwJr1AYtsmx3TGkJaNXVbfi/ 2pHm822aJ5iI9BMzNXxeYCmZDRD99WYwYqUSdjMmmAphXdvx' +
  ' egXd/M5+X7OrzKBaMbCVdFLUUh6DhweJBjEVv5f2wwjM9XzcnOf+EPbtG9DMBmADjFDc2w/rljwvFw== )';
const KEY = DNSKEY.slice(DNSKEY.indexOf('256'));
const SHA1 = '2BB183AF5F22588179A53B0A98631FAD1A292118';
const SHA256 = 'D4B7D520E7BB5F0F67674A0CCEB1E3E0614B93C4F9E99B8383F6A1E4469DA50A';

// The vectors' owner is dskey.example.com., so that is the zone here and the records sit at its apex.
const origin = 'dskey.example.com.';

function cdsFindings(...lines: string[]): string[] {
  return only('cds-without-dnskey', lintText(zone(...lines), { profile: 'bind', origin })).map((d) => at(d.range));
}

function mismatches(...lines: string[]): string[] {
  return only('cds-key-mismatch', lintText(zone(...lines), { profile: 'bind', origin })).map((d) => at(d.range));
}

describe('rules: cds-without-dnskey and cds-key-mismatch', () => {
  it('accepts CDS records whose key tag and digest match a DNSKEY (RFC test vectors)', () => {
    assert.deepEqual(cdsFindings(DNSKEY, `@ IN CDS 60485 5 1 ${SHA1}`, `@ IN CDS 60485 5 2 ${SHA256}`), []);
    assert.deepEqual(
      cdsFindings(DNSKEY, `dskey.EXAMPLE.com. IN CDS 60485 RSASHA1 2 ${SHA256.toLowerCase()}`),
      [],
      'case',
    );
  });

  it('reports a CDS or CDNSKEY whose algorithm no DNSKEY has, as named does', () => {
    assert.deepEqual(cdsFindings(DNSKEY, `@ IN CDS 60485 8 1 ${SHA1}`).length, 1, 'CDS');
    assert.deepEqual(cdsFindings(DNSKEY, `@ IN CDNSKEY ${KEY.replace('256 3 5', '256 3 8')}`).length, 1, 'CDNSKEY');
  });

  it('leaves a CDS whose digest or key tag differs to cds-key-mismatch (named loads it)', () => {
    const wrongDigest = `@ IN CDS 60485 5 2 ${SHA256.replace('D4', 'D5')}`;
    assert.deepEqual(cdsFindings(DNSKEY, wrongDigest), []);
    assert.deepEqual(mismatches(DNSKEY, wrongDigest), [`6:0-6:${wrongDigest.length}`]);
    assert.deepEqual(mismatches(DNSKEY, `@ IN CDS 60486 5 1 ${SHA1}`).length, 1, 'key tag');
    assert.deepEqual(mismatches(DNSKEY, `@ IN CDS 60485 8 1 ${SHA1}`), [], 'another algorithm: cds-without-dnskey');
  });

  it('reports a CDS or CDNSKEY at an apex without DNSKEY records, not one below the apex', () => {
    assert.deepEqual(cdsFindings(`@ IN CDS 60485 5 1 ${SHA1}`).length, 1);
    assert.deepEqual(cdsFindings(`@ IN CDNSKEY ${KEY}`).length, 1);
    assert.deepEqual(cdsFindings(`sub IN CDS 60485 5 1 ${SHA1}`), [], 'below the apex: no key set to compare with');
  });

  it('accepts a CDNSKEY equal to a DNSKEY; one that differs is a cds-key-mismatch', () => {
    assert.deepEqual(cdsFindings(DNSKEY, `@ IN CDNSKEY ${KEY}`), []);
    assert.deepEqual(mismatches(DNSKEY, `@ IN CDNSKEY ${KEY}`), []);
    assert.deepEqual(cdsFindings(DNSKEY, `@ IN CDNSKEY ${KEY.replace('256 3 5', '257 3 5')}`), [], 'flags');
    assert.deepEqual(mismatches(DNSKEY, `@ IN CDNSKEY ${KEY.replace('256 3 5', '257 3 5')}`).length, 1, 'flags');
    assert.deepEqual(mismatches(DNSKEY, `@ IN CDNSKEY ${KEY.replace('AQOe', 'AQOf')}`).length, 1, 'key');
  });

  it('accepts the RFC 8078 delete requests alone and leaves unreadable keys alone', () => {
    assert.deepEqual(cdsFindings('@ IN CDS 0 0 0 00', '@ IN CDNSKEY 0 3 0 AA=='), []);
    assert.deepEqual(cdsFindings('@ IN DNSKEY \\# 4 01010305', `@ IN CDS 60485 5 1 ${SHA1}`), []);
  });

  it('reports a delete request beside other records of its type (named refuses it)', () => {
    assert.deepEqual(cdsFindings(DNSKEY, `@ IN CDS 60485 5 1 ${SHA1}`, '@ IN CDS 0 0 0 00'), ['7:0-7:17']);
  });

  it('is an error in both profiles', () => {
    const found = only('cds-without-dnskey', lintText(zone(`@ IN CDS 60485 5 1 ${SHA1}`)));
    assert.deepEqual(
      found.map((d) => d.severity),
      ['error'],
    );
  });
});

describe('rules: nsec3-owner-not-hash', () => {
  const nsec3 = (owner: string): string[] =>
    only('nsec3-owner-not-hash', lintText(zone(`${owner} IN NSEC3 1 0 0 - CPNMU A`), { profile: 'bind' })).map((d) =>
      at(d.range),
    );

  it('accepts an unpadded base32hex first label in either case', () => {
    assert.deepEqual(nsec3('c07pdjfet1d3er9g9e0dodg2ctojkv5g'), []);
    assert.deepEqual(nsec3('C07PDJFET1D3ER9G9E0DODG2CTOJKV5G'), []);
    assert.deepEqual(nsec3('CPNMU'), [], '5 digits are 3 whole octets');
  });

  it('reports a padded label, characters outside base32hex and impossible lengths, on the owner', () => {
    assert.deepEqual(nsec3('CPNMU==='), ['5:0-5:8']);
    assert.deepEqual(nsec3('wxyzwxyzwxyzwxyzwxyzwxyzwxyzwxyz'), ['5:0-5:32']);
    assert.deepEqual(nsec3('abc'), ['5:0-5:3'], '3 digits end no octet');
  });

  it('is an error', () => {
    const found = only('nsec3-owner-not-hash', lintText(zone('CPNMU=== IN NSEC3 1 0 0 - CPNMU A')));
    assert.deepEqual(
      found.map((d) => d.severity),
      ['error'],
    );
  });
});

describe('rules: deprecated-dnssec-algorithm', () => {
  const sha1 = '0123456789abcdef0123456789abcdef01234567';
  const sha256 = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

  it('reports retired algorithms and DS digests on their fields, in both profiles', () => {
    const text = zone(
      'sub IN NS ns1.example.net.',
      `sub IN DS 12345 RSASHA1 1 ${sha1}`,
      `sub IN DS 12345 8 2 ${sha256}`,
      '@ IN DNSKEY 257 3 7 AwEAAag=',
      '@ IN RRSIG A 1 2 300 20300101000000 20200101000000 1234 example.com. AwEAAag=',
      `@ IN CDS 12345 13 3 ${sha256}`,
      '@ IN CDS 0 0 0 00',
    );
    for (const profile of ['cloudflare', 'bind'] as const) {
      const found = only('deprecated-dnssec-algorithm', lintText(text, { profile }));
      assert.deepEqual(
        found.map((finding) => [at(finding.range), finding.message.split(' (')[0]]),
        [
          ['6:16-6:23', 'DNSSEC algorithm 5'],
          ['6:24-6:25', 'DS digest type 1'],
          ['8:18-8:19', 'DNSSEC algorithm 7'],
          ['9:13-9:14', 'DNSSEC algorithm 1'],
          ['10:18-10:19', 'DS digest type 3'],
        ],
        profile,
      );
      assert.match(found[0]?.message ?? '', /RSASHA1\) is not recommended/);
      assert.match(found[3]?.message ?? '', /RSAMD5\) must not be used/);
    }
  });

  it('leaves current algorithms, the CDS delete form and generic rdata alone', () => {
    const text = zone(
      'sub IN NS ns1.example.net.',
      `sub IN DS 12345 13 2 ${sha256}`,
      '@ IN DNSKEY 257 3 15 AwEAAag=',
      '@ IN CDS 0 0 0 00',
      `sub IN DS \\# 24 3039050100112233445566778899aabbccddeeff0011`,
    );
    assert.deepEqual(only('deprecated-dnssec-algorithm', lintText(text, { profile: 'bind' })), []);
  });
});
