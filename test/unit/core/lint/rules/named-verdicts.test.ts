import { strict as assert } from 'node:assert';
import { applyEdits, at, lintText, only, rangesOf, zone } from './helpers';

describe('rules: what named refuses beyond the RFCs', () => {
  it('multiple-dnames: reports a second, different DNAME at a name, not an identical copy', () => {
    const text = zone('d IN DNAME a.example.net.', 'd IN DNAME b.example.net.', 'e IN DNAME a.example.net.');
    const found = only('multiple-dnames', lintText(text, { profile: 'bind' }));
    assert.deepEqual(
      found.map((d) => [at(d.range), d.severity]),
      [['6:0-6:25', 'error']],
    );
    assert.deepEqual(
      found[0]?.related?.map((r) => at(r.range)),
      ['5:0-5:25'],
    );
    const copies = lintText(zone('d IN DNAME a.example.net.', 'd IN DNAME A.example.net.'), { profile: 'bind' });
    assert.deepEqual(only('multiple-dnames', copies), []);
    assert.equal(only('duplicate-record', copies).length, 1);
  });

  it('multiple-cnames: an identical CNAME is one record (duplicate-record), not a second CNAME', () => {
    const copies = lintText(zone('a IN CNAME x.example.net.', 'a IN CNAME x.example.net.'), { profile: 'bind' });
    assert.deepEqual(only('multiple-cnames', copies), []);
    assert.equal(only('duplicate-record', copies).length, 1);
  });

  it('directive-at-end: a last $TTL, $ORIGIN or $GENERATE line without a newline, with a fix', () => {
    for (const last of ['$TTL 300', '$ORIGIN example.com. ; c', '$GENERATE 1-2 h$ A 192.0.2.$']) {
      const text = `${zone()}${last}`;
      const found = only('directive-at-end', lintText(text, { profile: 'bind' }));
      assert.equal(found.length, 1, last);
      assert.equal(found[0]?.severity, 'error');
      const fixed = applyEdits(text, found[0]?.fixes?.[0]?.edits ?? []);
      assert.equal(fixed, `${text}\n`);
      assert.deepEqual(only('directive-at-end', lintText(fixed, { profile: 'bind' })), []);
    }
    assert.deepEqual(only('directive-at-end', lintText(`${zone()}x IN A 192.0.2.1`, { profile: 'bind' })), []);
    assert.deepEqual(only('directive-at-end', lintText(`${zone()}$TTL 300`)), [], 'not a Cloudflare check');
  });

  it('meta-range-type: a TYPEnnn in 128-255 is an error for BIND, others are not', () => {
    const text = zone('x IN TYPE200 \\# 1 00', 'y IN TYPE127 \\# 1 00', 'z IN TYPE256 \\# 1 00');
    assert.deepEqual(rangesOf('meta-range-type', lintText(text, { profile: 'bind' })), ['5:0-5:20']);
  });
});
