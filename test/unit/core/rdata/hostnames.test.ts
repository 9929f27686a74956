import { strict as assert } from 'node:assert';
import { decimalValue } from '../../../../core/src/rdata/reader';
import fc from 'fast-check';
import { isHostname } from '../../../../core/src/rdata';
import { parse as parseZone } from '../../../../core/src/parse/parser';
import { codes, covered, errors, fields, parse } from './helpers';

describe('rdata: name types (CNAME, NS, PTR, DNAME, MX, SRV, KX, RP ...)', () => {
  it('resolves relative names against the origin and keeps absolute ones', () => {
    assert.deepEqual(fields(parse('CNAME', 'www')), ['target=www.example.com.']);
    assert.deepEqual(fields(parse('CNAME', '@')), ['target=example.com.']);
    assert.deepEqual(fields(parse('NS', 'ns1.other.net.')), ['nameserver=ns1.other.net.']);
    assert.deepEqual(fields(parse('PTR', 'host.example.org.')), ['target=host.example.org.']);
    assert.deepEqual(fields(parse('DNAME', 'example.net.')), ['target=example.net.']);
  });

  it('parses MX as priority and target', () => {
    const result = parse('MX', '10 mail');
    assert.deepEqual(codes(result), []);
    assert.deepEqual(fields(result), ['priority=10', 'target=mail.example.com.']);
    assert.deepEqual(codes(parse('MX', '0 .')), [], 'null MX (RFC 7505)');
  });

  it('checks 16-bit numbers', () => {
    assert.deepEqual(codes(parse('MX', '65535 mail')), []);
    const rdata = '65536 mail';
    const result = parse('MX', rdata);
    assert.deepEqual(codes(result), ['bad-number']);
    assert.equal(covered(rdata, result), '65536');
    assert.deepEqual(codes(parse('MX', '-1 mail')), ['bad-number']);
    assert.deepEqual(codes(parse('MX', '1.5 mail')), ['bad-number']);
  });

  it('parses SRV priority, weight, port and target', () => {
    const result = parse('SRV', '10 60 5060 sip.example.com.');
    assert.deepEqual(codes(result), []);
    assert.deepEqual(fields(result), ['priority=10', 'weight=60', 'port=5060', 'target=sip.example.com.']);
    assert.deepEqual(codes(parse('SRV', '10 60 5060')), ['missing-rdata']);
    assert.deepEqual(codes(parse('SRV', '10 60 70000 x.')), ['bad-number']);
  });

  it('reports name errors with their own codes on the right part of the token', () => {
    const rdata = 'a..b.example.';
    const result = parse('CNAME', rdata);
    assert.deepEqual(codes(result), ['empty-label']);
    assert.equal(covered(rdata, result), '.');
    const long = `${'x'.repeat(64)}.example.`;
    const longResult = parse('NS', long);
    assert.deepEqual(codes(longResult), ['label-too-long']);
    assert.equal(covered(long, longResult), 'x'.repeat(64));
  });

  it('rejects a quoted string where a name belongs', () => {
    assert.deepEqual(codes(parse('CNAME', '"www.example.com."')), ['bad-name']);
  });

  it('warns when an NS, MX or SRV target is not a host name', () => {
    const result = parse('MX', '10 mail_server');
    assert.deepEqual(codes(result), ['bad-hostname']);
    assert.deepEqual(errors(result), []);
    assert.deepEqual(codes(parse('NS', 'ns_1.example.')), ['bad-hostname']);
    assert.deepEqual(codes(parse('CNAME', '_acme.example.')), [], 'CNAME targets may have underscores');
  });

  it('warns when a PTR target in a reverse zone is not a host name, except at DNS-SD browse names', () => {
    const lintCodes = (owner: string): string[] =>
      parseZone(`${owner} 300 IN PTR host_1.example.\n`, { origin: 'example.' }).diagnostics.map(
        (diagnostic) => diagnostic.code,
      );
    assert.deepEqual(lintCodes('4.2.0.192.in-addr.arpa.'), ['bad-hostname']);
    assert.deepEqual(lintCodes('1.0.0.0.0.8.b.d.0.1.0.0.2.IP6.ARPA.'), ['bad-hostname'], 'any case');
    assert.deepEqual(lintCodes('svc.example.'), [], 'outside reverse zones a PTR names anything (DNS-SD)');
    assert.deepEqual(lintCodes('lb._dns-sd._udp.0.0.0.0.in-addr.arpa.'), [], 'RFC 6763 section 11');
    assert.deepEqual(lintCodes('b._dns-sd._udp.0.0.0.0.in-addr.arpa.'), []);
    assert.deepEqual(lintCodes('lb._dns-sd._tcp.0.0.0.0.in-addr.arpa.'), ['bad-hostname'], 'only _udp');
    assert.deepEqual(lintCodes('x._dns-sd._udp.0.0.0.0.in-addr.arpa.'), ['bad-hostname']);
    assert.deepEqual(codes(parse('PTR', 'host_1.example.')), [], 'without an owner, no check');
  });

  it('isHostname follows RFC 1123 labels', () => {
    assert.ok(isHostname('mail.example.com.'));
    assert.ok(isHostname('1mail.example.com.'));
    assert.ok(isHostname('.'));
    assert.ok(!isHostname('-mail.example.com.'));
    assert.ok(!isHostname('mail-.example.com.'));
    assert.ok(!isHostname('*.example.com.'));
  });

  it('parses RP, KX, AFSDB, MINFO and the obsolete single-name types', () => {
    assert.deepEqual(fields(parse('RP', 'admin.example.com. info')), [
      'mailbox=admin.example.com.',
      'text_domain=info.example.com.',
    ]);
    assert.deepEqual(fields(parse('KX', '5 kx')), ['preference=5', 'exchanger=kx.example.com.']);
    assert.deepEqual(fields(parse('AFSDB', '1 afs')), ['subtype=1', 'hostname=afs.example.com.']);
    assert.deepEqual(codes(parse('MINFO', 'a.')), ['missing-rdata']);
    assert.deepEqual(fields(parse('MB', 'mbox')), ['madname=mbox.example.com.']);
  });
});

describe('isHostname and decimalValue against the patterns they replace', () => {
  const hostname = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.?$/;
  const hostChar = fc.constantFrom('a', 'Z', '0', '9', '-', '.', '.', '_', '*', ' ', 'é', '@');

  it('isHostname agrees with the host name pattern on names without escapes', () => {
    fc.assert(
      fc.property(fc.string({ unit: hostChar, maxLength: 14 }), (name) => {
        assert.equal(isHostname(name), name === '.' || hostname.test(name), name);
      }),
      { numRuns: 5000 },
    );
  });

  it('decimalValue reads what Number reads from digits, and NaN from anything else', () => {
    const digitChar = fc.constantFrom('0', '1', '7', '9', '9', ' ', '-', 'a', '.', '+');
    fc.assert(
      fc.property(fc.string({ unit: digitChar, maxLength: 22 }), (text) => {
        const expected = /^\d+$/.test(text) ? Number(text) : Number.NaN;
        assert.ok(Object.is(decimalValue(text), expected), text);
      }),
      { numRuns: 5000 },
    );
  });
});
