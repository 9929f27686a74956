import { strict as assert } from 'node:assert';
import { at, lintText, only, rangesOf, zone } from './helpers';

describe('rules: CNAME and NS coexistence', () => {
  describe('cname-and-other-data', () => {
    it('reports each other record at a CNAME name, with the CNAME as related location', () => {
      const text = zone('www IN CNAME host.example.net.', 'www IN TXT "hello"', 'www IN MX 10 mail.example.com.');
      const found = only('cname-and-other-data', lintText(text));
      assert.deepEqual(
        found.map((d) => at(d.range)),
        ['6:0-6:18', '7:0-7:30'],
      );
      assert.equal(found[0]?.severity, 'error');
      assert.deepEqual(
        found[0]?.related?.map((r) => at(r.range)),
        ['5:0-5:30'],
      );
    });

    it("uses Cloudflare's wording when the other record is A or AAAA", () => {
      const found = only('cname-and-other-data', lintText(zone('a IN A 192.0.2.1', 'a IN CNAME b.example.net.')));
      assert.equal(found.length, 1);
      assert.match(found[0].message, /A\/AAAA records cannot share a name with a CNAME/);
      assert.equal(at(found[0].range), '5:0-5:16');
    });

    it('allows DNSSEC records beside a CNAME and a lone CNAME', () => {
      const text = zone(
        'x IN CNAME y.example.net.',
        'x IN RRSIG CNAME 8 3 3600 20300101000000 20200101000000 12345 example.com. AAAA',
        'y IN CNAME z.example.net.',
      );
      assert.deepEqual(only('cname-and-other-data', lintText(text, { profile: 'bind' })), []);
    });

    it('treats the apex SOA and NS as Cloudflare-managed in the cloudflare profile only', () => {
      const text = zone('@ IN CNAME target.example.net.');
      assert.deepEqual(only('cname-and-other-data', lintText(text)), []);
      assert.deepEqual(rangesOf('cname-and-other-data', lintText(text, { profile: 'bind' })), [
        '1:0-1:73',
        '2:0-2:24',
        '3:0-3:24',
      ]);
    });

    it('compares names case-insensitively', () => {
      assert.equal(
        only('cname-and-other-data', lintText(zone('WWW IN CNAME a.example.net.', 'www IN TXT "x"'))).length,
        1,
      );
    });
  });

  describe('multiple-cnames', () => {
    it('reports the second and later CNAMEs at a name', () => {
      const text = zone('m IN CNAME a.example.net.', 'm IN CNAME b.example.net.', 'm IN CNAME c.example.net.');
      const found = only('multiple-cnames', lintText(text));
      assert.deepEqual(
        found.map((d) => at(d.range)),
        ['6:0-6:25', '7:0-7:25'],
      );
      assert.deepEqual(
        found.map((d) => d.related?.map((r) => at(r.range))),
        [['5:0-5:25'], ['5:0-5:25']],
      );
    });

    it('is silent for one CNAME per name', () => {
      assert.deepEqual(
        only('multiple-cnames', lintText(zone('a IN CNAME x.example.net.', 'b IN CNAME x.example.net.'))),
        [],
      );
    });
  });

  describe('ns-and-other-data', () => {
    it('reports other types beside a delegation as errors for Cloudflare', () => {
      const text = zone('sub IN NS ns.sub.example.com.', 'sub IN A 192.0.2.7', 'sub IN DS 1 8 2 ' + 'AB'.repeat(32));
      const found = only('ns-and-other-data', lintText(text));
      assert.deepEqual(
        found.map((d) => [at(d.range), d.severity]),
        [
          ['6:0-6:18', 'error'],
          ['7:0-7:80', 'error'],
        ],
      );
      assert.deepEqual(
        found[0]?.related?.map((r) => at(r.range)),
        ['5:0-5:29'],
      );
    });

    it('allows DS beside a delegation and warns about occluded data for BIND', () => {
      const text = zone('sub IN NS ns.sub.example.com.', 'sub IN A 192.0.2.7', 'sub IN DS 1 8 2 ' + 'AB'.repeat(32));
      const found = only('ns-and-other-data', lintText(text, { profile: 'bind' }));
      assert.deepEqual(
        found.map((d) => [at(d.range), d.severity]),
        [['6:0-6:18', 'warning']],
      );
    });

    it('never reports the apex', () => {
      assert.deepEqual(
        only('ns-and-other-data', lintText(zone('@ IN A 192.0.2.1', '@ IN MX 10 mail.example.com.'))),
        [],
      );
    });
  });

  describe('cname-at-apex', () => {
    it('is information in the cloudflare profile and absent for BIND', () => {
      const text = zone('@ IN CNAME target.example.net.');
      const found = only('cname-at-apex', lintText(text));
      assert.deepEqual(
        found.map((d) => [at(d.range), d.severity]),
        [['5:0-5:30', 'information']],
      );
      assert.deepEqual(only('cname-at-apex', lintText(text, { profile: 'bind' })), []);
    });
  });
});
