import { strict as assert } from 'node:assert';
import type { Profile } from '../../../../../core/src/types';
import { at, lintText, only, zone } from './helpers';

function found(rdata: string, profile: Profile = 'cloudflare'): string[] {
  return only('caa-value', lintText(zone(`@ IN CAA ${rdata}`), { profile })).map((d) => `${at(d.range)} ${d.severity}`);
}

describe('rules: caa-value', () => {
  it('accepts the issue, issuewild, issuemail and iodef forms of RFC 8659', () => {
    for (const rdata of [
      '0 issue ";"',
      '0 issue "letsencrypt.org; validationmethods=dns-01"',
      '0 issue "ca.example.net; account=230123; policy=ev"',
      '0 issue ""',
      '0 issue letsencrypt.org',
      '128 issuewild ";"',
      '0 issuemail "mail.example"',
      '0 iodef "mailto:security@example.com"',
      '0 iodef "https://iodef.example.com/"',
      '0 ISSUE "ca.example"',
      '0 policy "anything at all"',
    ]) {
      assert.deepEqual(found(rdata), [], rdata);
    }
  });

  it('reports a value that is not of its tag form, on the value', () => {
    const line = zone('@ IN CAA 0 issue "x"').split('\n').length - 2;
    assert.deepEqual(found('0 issue "not a domain"'), [`${line}:17-${line}:31 error`]);
    assert.equal(found('0 issue "ca.example; novalue"').length, 1);
    assert.equal(found('0 issuewild "-ca.example"').length, 1);
    assert.equal(found('0 iodef "ftp://example.com/"').length, 1);
    assert.equal(found('0 iodef "security@example.com"').length, 1);
    assert.equal(found('0 IODEF "xx"').length, 1, 'tags compare case-insensitively');
  });

  it('is an error for Cloudflare and a warning where named-checkzone and kzonecheck load the zone', () => {
    const rdata = '0 iodef "security@example.com"';
    assert.deepEqual(
      (['cloudflare', 'bind', 'knot'] as const).map((profile) => found(rdata, profile)[0]?.split(' ')[1]),
      ['error', 'warning', 'warning'],
    );
  });

  it('can be turned off by its code', () => {
    const text = zone('@ IN CAA 0 iodef "security@example.com"');
    assert.deepEqual(only('caa-value', lintText(text, { rules: { 'caa-value': 'off' } })), []);
  });
});
