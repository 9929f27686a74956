import { strict as assert } from 'node:assert';
import { lintText, only, rangesOf, zone } from './helpers';

describe('rules: owner-not-hostname', () => {
  const bind = { profile: 'bind' as const };

  it('reports an address record whose owner is not a host name, on the owner', () => {
    const text = zone('my_host IN A 192.0.2.1', 'ok-host IN AAAA 2001:db8::1', '-bad IN A 192.0.2.2');
    const findings = only('owner-not-hostname', lintText(text, bind));
    assert.deepEqual(rangesOf('owner-not-hostname', findings), ['5:0-5:7', '7:0-7:4']);
    assert.deepEqual(
      findings.map((finding) => finding.severity),
      ['warning', 'warning'],
    );
  });

  it('allows a leading wildcard label and leaves other types alone', () => {
    const text = zone(
      '* IN A 192.0.2.1',
      '*.web IN A 192.0.2.1',
      '_dmarc IN TXT "v=DMARC1; p=none"',
      '_sip._tcp IN SRV 0 5 5060 ns1',
      'web.* IN A 192.0.2.1',
    );
    assert.deepEqual(rangesOf('owner-not-hostname', lintText(text, bind)), ['9:0-9:5']);
  });

  it('checks the whole name (an origin that is not a host name, absolute and inherited owners), not Unicode ones', () => {
    const text = zone(
      '$ORIGIN _svc.example.com.',
      'node IN A 192.0.2.1',
      '$ORIGIN example.com.',
      'x_y.example.com. IN A 192.0.2.1',
      '  IN AAAA 2001:db8::1',
      'Host-1 IN A 192.0.2.1',
      'café IN A 192.0.2.1',
    );
    const findings = only('owner-not-hostname', lintText(text, bind));
    assert.deepEqual(
      findings.map((finding) => finding.message.split(' ')[0]),
      ['node._svc.example.com.', 'x_y.example.com.', 'x_y.example.com.'],
    );
  });

  it("makes BIND's exceptions: the Active Directory global catalog and SPF exists: macro names", () => {
    const text = zone(
      'gc._msdcs IN A 192.0.2.1',
      '2.0.0.192._spf IN A 127.0.0.2',
      'a._SPF_rate IN A 127.0.0.2',
      'a._spf_verify.mail IN A 127.0.0.2',
      'gc._msdcs.x_y IN A 192.0.2.1',
      '_spf IN A 127.0.0.2',
      'b_c._spf IN A 127.0.0.2',
    );
    assert.deepEqual(rangesOf('owner-not-hostname', lintText(text, bind)), ['9:0-9:13', '10:0-10:4', '11:0-11:8']);
  });

  it('runs in the bind profile only: Cloudflare creates address records at any name', () => {
    assert.deepEqual(only('owner-not-hostname', lintText(zone('my_host IN A 192.0.2.1'))), []);
  });
});
