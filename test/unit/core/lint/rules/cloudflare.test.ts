import { strict as assert } from 'node:assert';
import { applyEdits, at, lintText, only, rangesOf, zone } from './helpers';

describe('rules: cloudflare profile', () => {
  describe('cloudflare-ttl', () => {
    it('reports TTLs other than 1 and 60..86400, with a fix to the nearest allowed value', () => {
      const text = zone('a 30 IN A 192.0.2.1', 'b 1 IN A 192.0.2.2', 'c 60 IN A 192.0.2.3', 'd 604800 IN A 192.0.2.4');
      const found = only('cloudflare-ttl', lintText(text));
      assert.deepEqual(
        found.map((d) => [at(d.range), d.severity]),
        [
          ['5:2-5:4', 'error'],
          ['8:2-8:8', 'error'],
        ],
      );
      const fixed = applyEdits(
        text,
        found.flatMap((d) => d.fixes?.[0]?.edits ?? []),
      );
      assert.match(fixed, /^a 60 IN A/m);
      assert.match(fixed, /^d 86400 IN A/m);
      assert.deepEqual(only('cloudflare-ttl', lintText(fixed)), []);
      assert.deepEqual(only('cloudflare-ttl', lintText(text, { profile: 'bind' })), []);
    });

    it('reports a bad $TTL once at the directive, not at every record', () => {
      const text = '$TTL 10\n@ IN SOA ns1.example.com. h.example.com. 1 2 3 4 5\na IN A 192.0.2.1\nb IN A 192.0.2.2\n';
      assert.deepEqual(rangesOf('cloudflare-ttl', lintText(text)), ['0:5-0:7']);
    });
  });

  it('reports records that inherit a bad TTL once, at the first, with a fix that gives it a TTL', () => {
    const text =
      '@ 30 IN SOA ns1.example.com. h.example.com. 1 2 3 4 5\na 30 IN A 192.0.2.1\nb IN A 192.0.2.2\nc IN A 192.0.2.3\n';
    const found = only('cloudflare-ttl', lintText(text));
    assert.deepEqual(
      found.map((d) => at(d.range)),
      ['1:2-1:4', '2:5-2:6'],
    );
    assert.match(found[1].message, /inherits TTL 30 \(2 records inherit it\)/);
    assert.match(applyEdits(text, found[1].fixes![0].edits), /^b 60 IN A 192\.0\.2\.2$/m);
  });

  describe('cloudflare-include', () => {
    it('reports $INCLUDE as a warning', () => {
      const files: Record<string, string> = { '/z/part.zone': 'inc IN A 192.0.2.1\n' };
      const text = zone('$INCLUDE part.zone');
      const found = only(
        'cloudflare-include',
        lintText(text, { path: '/z/main.zone', readFile: (path) => files[path] }),
      );
      assert.deepEqual(
        found.map((d) => [at(d.range), d.severity]),
        [['5:0-5:18', 'warning']],
      );
      assert.deepEqual(only('cloudflare-include', lintText(text, { profile: 'bind' })), []);
    });
  });

  describe('cloudflare-unsupported', () => {
    it('reports types Cloudflare does not serve, other classes and generic rdata, where the problem is written', () => {
      const text = zone(
        '@ IN SPF "v=spf1 -all"',
        'host IN HINFO "PC" "Linux"',
        'txt CH TXT "chaos"',
        'gen IN A \\# 4 C0000201',
        'ok IN TXT "v=spf1 -all"',
      );
      const found = only('cloudflare-unsupported', lintText(text));
      assert.deepEqual(
        found.map((finding) => at(finding.range)),
        ['5:5-5:8', '6:8-6:13', '7:4-7:6', '8:0-8:22'],
      );
      assert.match(found[0]?.message ?? '', /does not serve SPF records .* as a TXT record .* leaves this record out/);
      assert.equal(found[0]?.severity, 'warning');
      assert.deepEqual(only('cloudflare-unsupported', lintText(text, { profile: 'bind' })), [], 'a Cloudflare limit');
    });

    it('leaves the SOA, which Cloudflare makes itself, and the types it serves alone', () => {
      const text = zone('@ IN SOA ns1 hostmaster 1 2 3 4 5', 'www IN CNAME @', '@ IN CAA 0 issue "letsencrypt.org"');
      assert.deepEqual(rangesOf('cloudflare-unsupported', lintText(text)), []);
    });
  });

  describe('cloudflare-file-size', () => {
    it('reports a document over 256 KiB and not one at the limit', () => {
      const line = 'x IN TXT "' + 'a'.repeat(100) + '"\n';
      const big = zone('') + line.repeat(Math.ceil(262145 / line.length));
      const found = only('cloudflare-file-size', lintText(big));
      assert.equal(found.length, 1);
      assert.equal(found[0].severity, 'warning');
      assert.deepEqual(only('cloudflare-file-size', lintText(zone(''))), []);
    });
  });
});

describe('rules: cf-tags', () => {
  it('reports cf_tags problems at their place in the comment', () => {
    const text = zone('a IN A 192.0.2.1 ; web cf_tags=ok:1,,bad name:x');
    const found = only('cf-tags', lintText(text));
    assert.deepEqual(
      found.map((d) => [at(d.range), /\((cf-[a-z-]+)\)$/.exec(d.message)?.[1]]),
      [
        ['5:36-5:37', 'cf-tag-empty'],
        ['5:37-5:45', 'cf-tag-bad-name'],
      ],
    );
  });

  it('accepts cf-proxied:true on A, AAAA and CNAME and refuses it elsewhere', () => {
    const text = zone(
      'a IN A 192.0.2.1 ; cf_tags=cf-proxied:true',
      'c IN CNAME a.example.com. ; cf_tags=cf-proxied:true,team:web',
      't IN TXT "x" ; cf_tags=cf-proxied:true',
      'm IN MX 10 a.example.com. ; cf_tags=cf-proxied:false',
    );
    assert.deepEqual(rangesOf('cf-tags', lintText(text)), ['7:15-7:38']);
    assert.deepEqual(only('cf-tags', lintText(text, { profile: 'bind' })), []);
  });
});
