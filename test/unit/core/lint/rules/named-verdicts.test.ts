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

describe('rules: more of what named refuses', () => {
  it('obsolete-md-mf: MD and MF are errors for BIND, MB is not', () => {
    const text = zone('x IN MD mail.example.net.', 'y IN MF mail.example.net.', 'z IN MB mail.example.net.');
    assert.deepEqual(rangesOf('obsolete-md-mf', lintText(text, { profile: 'bind' })), ['5:0-5:25', '6:0-6:25']);
  });

  it("rrsig-labels: a Labels field below the signer name's label count", () => {
    const sig = (labels: number, signer: string): string =>
      `x.y IN RRSIG A 13 ${labels} 3600 20260403000000 20260325000000 48001 ${signer} AAAA`;
    const text = zone(sig(1, 'example.com.'), sig(2, 'example.com.'), sig(3, 'a.b.c.d.'));
    assert.deepEqual(
      only('rrsig-labels', lintText(text, { profile: 'bind' })).map((d) => d.range.start.line),
      [5, 7],
    );
  });

  it('wildcard-ns: NS at a wildcard owner (error for BIND, warning for Cloudflare)', () => {
    const text = zone('*.w IN NS ns.example.net.', 'w IN NS ns.example.net.');
    assert.deepEqual(
      only('wildcard-ns', lintText(text, { profile: 'bind' })).map((d) => [d.range.start.line, d.severity]),
      [[5, 'error']],
    );
    assert.equal(only('wildcard-ns', lintText(text))[0]?.severity, 'warning');
  });

  it('multiple-resinfo: a second, different RESINFO at a name', () => {
    const text = zone('r IN RESINFO "qnamemin"', 'r IN RESINFO "qnamemin" "x"', 'r IN RESINFO "qnamemin"');
    assert.deepEqual(rangesOf('multiple-resinfo', lintText(text, { profile: 'bind' })), ['6:0-6:27']);
  });

  it('ns-target-without-address: an apex server below an apex DNAME, even with an address', () => {
    const text = zone('@ IN DNAME example.org.');
    assert.equal(only('ns-target-without-address', lintText(text, { profile: 'bind' })).length, 1);
  });

  it('nsec3-owner-not-hash: spare bits of the last digit that are not zero', () => {
    const nsec3 = (owner: string): string => `${owner} IN NSEC3 1 0 0 - 9se3luerbjir7jtb8djp7iqrggk0j0qb A`;
    const found = lintText(zone(nsec3('tr'), nsec3('01234567'), nsec3('0g')), { profile: 'bind' });
    assert.deepEqual(
      only('nsec3-owner-not-hash', found).map((d) => d.range.start.line),
      [5],
    );
  });
});
