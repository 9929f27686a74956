import { strict as assert } from 'node:assert';
import { at, lintText, only, rangesOf } from './helpers';

const soa = '@ IN SOA ns1.example.com. hostmaster.example.com. 1 7200 3600 1209600 300';

describe('rules: SOA', () => {
  it('soa-missing: reports a zone without SOA in the bind profile only', () => {
    const text = '$TTL 300\nwww IN A 192.0.2.1\n';
    const found = only('soa-missing', lintText(text, { profile: 'bind' }));
    assert.deepEqual(
      found.map((d) => [at(d.range), d.severity]),
      [['1:0-1:18', 'error']],
    );
    assert.deepEqual(only('soa-missing', lintText(text)), []);
    assert.deepEqual(only('soa-missing', lintText(`$TTL 300\n${soa}\n`, { profile: 'bind' })), []);
  });

  it('ns-missing: reports an apex without NS in the bind profile (an error: named refuses it), on the SOA', () => {
    const text = `$TTL 300\n${soa}\nwww IN A 192.0.2.1\nsub IN NS ns1.example.net.\n`;
    const found = only('ns-missing', lintText(text, { profile: 'bind' }));
    assert.deepEqual(
      found.map((d) => [at(d.range), d.severity]),
      [['1:0-1:73', 'error']],
    );
    assert.deepEqual(only('ns-missing', lintText(text)), [], 'Cloudflare serves its own name servers');
    const withNs = `$TTL 300\n${soa}\n@ IN NS ns1.example.net.\n`;
    assert.deepEqual(only('ns-missing', lintText(withNs, { profile: 'bind' })), []);
    const withoutSoa = '$TTL 300\nwww IN A 192.0.2.1\n';
    assert.deepEqual(only('ns-missing', lintText(withoutSoa, { profile: 'bind' })), [], 'soa-missing speaks there');
    const part = lintText(text, { profile: 'bind', rules: { 'ns-missing': 'warning' } });
    assert.equal(only('ns-missing', part)[0]?.severity, 'warning', 'a part of a zone turns it down');
  });

  it('soa-not-at-apex: reports an SOA below the apex', () => {
    const text = `$TTL 300\n${soa}\nsub IN SOA ns1.example.com. h.example.com. 1 2 3 4 5\n`;
    assert.deepEqual(rangesOf('soa-not-at-apex', lintText(text)), ['2:0-2:3']);
  });

  it('multiple-soa: reports every SOA after the first that differs from it, with the first as related', () => {
    const text = `$TTL 300\n${soa}\n${soa.replace(' 1 ', ' 2 ')}\n`;
    const found = only('multiple-soa', lintText(text));
    assert.deepEqual(
      found.map((d) => at(d.range)),
      ['2:0-2:73'],
    );
    assert.deepEqual(
      found[0]?.related?.map((r) => at(r.range)),
      ['1:0-1:73'],
    );
  });

  it('multiple-soa: an identical SOA is one record to named (duplicate-record warns), not a second SOA', () => {
    const found = lintText(
      `$TTL 300\n${soa}\n${soa.replace('example.com.', 'EXAMPLE.com.')}\n@ IN NS ns1.example.net.\n`,
      {
        profile: 'bind',
      },
    );
    assert.deepEqual(only('multiple-soa', found), []);
    assert.deepEqual(
      only('duplicate-record', found).map((d) => d.severity),
      ['warning'],
    );
  });
});
