import { strict as assert } from 'node:assert';
import { lintText, only, rangesOf, zone } from './helpers';

describe('rules: target-without-address', () => {
  it('reports an in-zone MX or SRV target without A or AAAA records, on the target', () => {
    const text = zone('@ IN MX 10 mail', '_sip._tcp IN SRV 0 5 5060 sip.example.com.', 'sip IN TXT "no address here"');
    const findings = only('target-without-address', lintText(text));
    assert.deepEqual(rangesOf('target-without-address', findings), ['5:11-5:15', '6:26-6:42']);
    assert.deepEqual(
      findings.map((finding) => finding.severity),
      ['warning', 'warning'],
    );
    assert.match(findings[0]?.message ?? '', /MX target mail\.example\.com\. .* no A or AAAA record/);
  });

  it('accepts addresses written later, AAAA only, a wildcard with addresses, and targets outside the zone', () => {
    const text = zone(
      '@ IN MX 10 mail',
      '@ IN MX 20 mx.example.net.',
      '_sip._tcp IN SRV 0 5 5060 sip',
      '@ IN MX 30 any.pool',
      'mail IN A 192.0.2.25',
      'sip IN AAAA 2001:db8::5',
      '*.pool IN A 192.0.2.80',
    );
    assert.deepEqual(only('target-without-address', lintText(text, { profile: 'bind' })), []);
  });

  it('does not apply a wildcard past a name that exists, nor one without addresses', () => {
    const text = zone(
      '@ IN MX 10 a.b.pool',
      'b.pool IN TXT "x"',
      '*.pool IN A 192.0.2.80',
      '@ IN MX 20 x.txt',
      '*.txt IN TXT "y"',
    );
    assert.deepEqual(rangesOf('target-without-address', lintText(text)), ['5:11-5:19', '8:11-8:16']);
  });

  it('leaves null MX and SRV, CNAME targets (target-is-cname), delegated and DNAME-redirected names alone', () => {
    const text = zone(
      '@ IN MX 0 .',
      '_x._tcp IN SRV 0 0 0 .',
      '@ IN MX 10 alias',
      'alias IN CNAME mail.example.net.',
      '@ IN MX 20 sub',
      '@ IN MX 30 host.sub',
      'sub IN NS ns.example.net.',
      '@ IN MX 40 host.moved',
      'moved IN DNAME example.org.',
    );
    const findings = lintText(text);
    assert.deepEqual(only('target-without-address', findings), []);
    assert.deepEqual(rangesOf('target-is-cname', findings), ['7:11-7:16'], 'the shared targets serve both rules');
  });

  it('runs when target-is-cname is off, and target-is-cname when it is off', () => {
    const text = zone('@ IN MX 10 mail', '@ IN MX 20 alias', 'alias IN CNAME mail.example.net.');
    const withoutCname = lintText(text, { rules: { 'target-is-cname': 'off' } });
    assert.deepEqual(rangesOf('target-without-address', withoutCname), ['5:11-5:15']);
    const withoutAddress = lintText(text, { rules: { 'target-without-address': 'off' } });
    assert.deepEqual(rangesOf('target-is-cname', withoutAddress), ['6:11-6:16']);
  });
});
