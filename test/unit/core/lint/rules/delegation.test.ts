import { strict as assert } from 'node:assert';
import { at, lintText, only, rangesOf, zone } from './helpers';

const ds = 'IN DS 12345 8 2 ' + 'AB'.repeat(32);

describe('rules: delegations, DS and DNAME', () => {
  it('ds-at-apex: reports a DS record at the apex', () => {
    const found = only('ds-at-apex', lintText(zone(`@ ${ds}`, `sub ${ds}`, 'sub IN NS ns.example.net.')));
    assert.deepEqual(
      found.map((d) => [at(d.range), d.severity]),
      [['5:0-5:82', 'error']],
    );
  });

  it('ds-not-at-delegation: reports a DS below the apex at a name without NS', () => {
    const text = zone(`lost ${ds}`, `sub ${ds}`, 'sub IN NS ns.example.net.');
    assert.deepEqual(rangesOf('ds-not-at-delegation', lintText(text, { profile: 'bind' })), ['5:0-5:85']);
  });

  it('dname-and-ns: warns about NS beside a DNAME below the apex, not at the apex', () => {
    const text = zone('foo IN DNAME bar.example.net.', 'foo IN NS ns.example.net.', '@ IN DNAME example.org.');
    const found = only('dname-and-ns', lintText(text, { profile: 'bind' }));
    assert.deepEqual(
      found.map((d) => [at(d.range), d.severity]),
      [['6:0-6:25', 'warning']],
    );
    assert.deepEqual(
      found[0]?.related?.map((r) => at(r.range)),
      ['5:0-5:29'],
    );
  });

  it('below-dname: reports records below a DNAME, with the DNAME as related', () => {
    const text = zone(
      'foo IN DNAME bar.example.net.',
      'x.foo IN A 192.0.2.1',
      'y.z.foo IN TXT "t"',
      'foox IN A 192.0.2.2',
    );
    const found = only('below-dname', lintText(text, { profile: 'bind' }));
    assert.deepEqual(
      found.map((d) => at(d.range)),
      ['6:0-6:20', '7:0-7:18'],
    );
    assert.deepEqual(
      found[0]?.related?.map((r) => at(r.range)),
      ['5:0-5:29'],
    );
  });

  describe('ns-target-without-address', () => {
    it('reports an apex name server in the zone with no A/AAAA (error for BIND, warning for Cloudflare)', () => {
      const text = zone('@ IN NS ns3', 'sub IN NS ns.sub', 'other IN NS ns.example.net.');
      assert.deepEqual(
        only('ns-target-without-address', lintText(text, { profile: 'bind' })).map((d) => [at(d.range), d.severity]),
        [['5:8-5:11', 'error']],
      );
      assert.deepEqual(
        only('ns-target-without-address', lintText(text)).map((d) => d.severity),
        ['warning'],
      );
    });

    it('reports an apex name server that is an alias or below a DNAME, as named does', () => {
      const text = zone('@ IN NS alias', 'alias IN CNAME ns1', '@ IN NS x.dn', 'dn IN DNAME example.org.');
      assert.deepEqual(rangesOf('ns-target-without-address', lintText(text, { profile: 'bind' })), [
        '5:8-5:13',
        '7:8-7:12',
      ]);
    });

    it('leaves an apex name server at or below a delegation to the child (named loads it)', () => {
      const text = zone('@ IN NS ns.sub', '@ IN NS sub', 'sub IN NS ns.sub');
      assert.deepEqual(only('ns-target-without-address', lintText(text, { profile: 'bind' })), []);
    });

    it('accepts glue, an AAAA only, and a wildcard with addresses', () => {
      const text = zone(
        'sub IN NS ns.sub',
        'ns.sub IN A 192.0.2.8',
        'v6 IN NS ns6',
        'ns6 IN AAAA 2001:db8::6',
        'w IN NS a.ns.w',
        '*.ns.w IN AAAA ::1',
      );
      assert.deepEqual(only('ns-target-without-address', lintText(text, { profile: 'bind' })), []);
    });

    it('ignores NS records hidden below a delegation or a DNAME', () => {
      const text = zone(
        'd IN NS ns.example.net.',
        'x.d IN NS nowhere.d',
        'n IN DNAME example.org.',
        'y.n IN NS nothing.n',
      );
      assert.deepEqual(only('ns-target-without-address', lintText(text, { profile: 'bind' })), []);
    });
  });

  describe('missing-glue', () => {
    it('warns about required glue, sibling glue and a plain address a delegation lacks (named loads them)', () => {
      const text = zone(
        'sub IN NS ns.sub',
        'sub IN NS ns.other',
        'other IN NS ns.other',
        'third IN NS ns.nowhere',
        'fine IN NS ns1.example.com.',
      );
      const found = only('missing-glue', lintText(text, { profile: 'bind' }));
      assert.deepEqual(
        found.map((d) => [at(d.range), d.severity]),
        [
          ['5:10-5:16', 'warning'],
          ['6:10-6:18', 'warning'],
          ['7:12-7:20', 'warning'],
          ['8:12-8:22', 'warning'],
        ],
      );
      assert.match(found[0]?.message ?? '', /no glue here/);
      assert.match(found[1]?.message ?? '', /sibling glue/);
      assert.match(found[3]?.message ?? '', /no address here/);
      assert.deepEqual(only('ns-target-without-address', lintText(text, { profile: 'bind' })), []);
    });

    it('accepts glue and ignores delegations hidden below another delegation or a DNAME', () => {
      const text = zone(
        'sub IN NS ns.sub',
        'ns.sub IN A 192.0.2.8',
        'x.sub IN NS ns.x.sub',
        'n IN DNAME example.org.',
        'y.n IN NS ns.y.n',
      );
      assert.deepEqual(only('missing-glue', lintText(text, { profile: 'bind' })), []);
    });
  });
});
