import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { applyEdits, at, lintText, only, rangesOf, zone } from './helpers';

describe('rules: records', () => {
  describe('duplicate-record', () => {
    it('reports the second copy with the first as related, and the fix removes its line', () => {
      const text = zone('www IN A 192.0.2.1', 'www IN A 192.0.2.2', 'www IN A 192.0.2.1 ; again', 'z IN A 192.0.2.9');
      const found = only('duplicate-record', lintText(text));
      assert.equal(found.length, 1);
      assert.equal(at(found[0].range), '7:0-7:18');
      assert.deepEqual(
        found[0].related?.map((r) => at(r.range)),
        ['5:0-5:18'],
      );
      const fixed = applyEdits(text, found[0].fixes![0].edits);
      assert.equal(fixed, zone('www IN A 192.0.2.1', 'www IN A 192.0.2.2', 'z IN A 192.0.2.9'));
    });

    // Past 32 records an owner's copies are found through a table of hashes instead of a walk: both ways must name
    // the same first copy as a plain comparison of the written records.
    it('names the first copy of each duplicate, at owners of few records and of many', () => {
      const record = fc.record({
        owner: fc.constantFrom('a', 'b'),
        type: fc.constantFrom('A', 'TXT'),
        value: fc.integer({ min: 1, max: 6 }),
      });
      fc.assert(
        fc.property(fc.array(record, { minLength: 1, maxLength: 90, size: 'max' }), (records) => {
          const lines = records.map(({ owner, type, value }) =>
            type === 'A' ? `${owner} IN A 192.0.2.${value}` : `${owner} IN TXT "t${value}"`,
          );
          const text = zone(...lines);
          const firstLine = zone('X').split('\n').indexOf('X');
          const expected: string[] = [];
          lines.forEach((line, index) => {
            const first = lines.indexOf(line);
            if (first < index) expected.push(`${firstLine + index} after ${firstLine + first}`);
          });
          const found = only('duplicate-record', lintText(text)).map(
            (finding) => `${finding.range.start.line} after ${finding.related?.[0]?.range.start.line}`,
          );
          assert.deepEqual(found, expected);
        }),
        { numRuns: 150 },
      );
    });

    it('keeps the meaning of a following record that inherits the owner', () => {
      const text = zone('a IN TXT "x"', 'a IN TXT "x"', '  IN A 192.0.2.4', 'b IN A 192.0.2.5');
      const found = only('duplicate-record', lintText(text));
      assert.equal(found.length, 1);
      const fixed = applyEdits(text, found[0].fixes![0].edits);
      assert.equal(fixed, zone('a IN TXT "x"', 'a  IN A 192.0.2.4', 'b IN A 192.0.2.5'));
      assert.deepEqual(only('duplicate-record', lintText(fixed)), []);
    });

    it('compares names in rdata case-insensitively and ignores the TTL', () => {
      const text = zone('c 300 IN CNAME Target.example.net.', 'c 600 IN CNAME target.EXAMPLE.net.');
      assert.deepEqual(rangesOf('duplicate-record', lintText(text)), ['6:0-6:34']);
    });

    it('finds duplicates at an owner with many records too (past the walk limit)', () => {
      const lines = Array.from({ length: 60 }, (_, i) => `big IN TXT "v${i}"`);
      lines.push('big IN TXT "v3"', 'big IN TXT "v45"', 'big IN TXT "v60"');
      const found = only('duplicate-record', lintText(zone(...lines)));
      assert.deepEqual(
        found.map((d) => [at(d.range), d.related?.map((r) => at(r.range))]),
        [
          ['65:0-65:15', ['8:0-8:15']],
          ['66:0-66:16', ['50:0-50:16']],
        ],
      );
    });

    it('is silent for TXT that differ in case', () => {
      assert.deepEqual(only('duplicate-record', lintText(zone('t IN TXT "A"', 't IN TXT "a"'))), []);
    });
  });

  describe('mixed-ttl-rrset', () => {
    it('reports records whose TTL differs from the first of their RRset', () => {
      const text = zone('m 300 IN A 192.0.2.1', 'm 600 IN A 192.0.2.2', 'm 300 IN A 192.0.2.3', 'm 900 IN TXT "x"');
      const found = only('mixed-ttl-rrset', lintText(text));
      assert.deepEqual(
        found.map((d) => [at(d.range), d.severity]),
        [['6:0-6:20', 'warning']],
      );
      assert.deepEqual(
        found[0]?.related?.map((r) => at(r.range)),
        ['5:0-5:20'],
      );
    });
  });

  describe('ttl-too-large', () => {
    it('reports a record TTL and a $TTL above 2^31-1', () => {
      const text = zone(
        'big 2147483648 IN A 192.0.2.1',
        'ok 2147483647 IN A 192.0.2.2',
        '$TTL 3000000000',
        'x IN A 192.0.2.3',
      );
      assert.deepEqual(rangesOf('ttl-too-large', lintText(text, { profile: 'bind' })), ['5:4-5:14', '7:5-7:15']);
    });
  });

  describe('target-is-address', () => {
    it('reports MX, NS and SRV targets written as IP addresses', () => {
      const text = zone(
        '@ IN MX 10 192.0.2.25',
        'sub IN NS 192.0.2.53.',
        '_sip._tcp IN SRV 10 5 5060 2001:db8::5',
        '@ IN MX 20 mail.example.com.',
      );
      assert.deepEqual(rangesOf('target-is-address', lintText(text)), ['5:11-5:21', '6:10-6:21', '7:27-7:38']);
    });
  });

  describe('target-is-cname', () => {
    it('reports an in-zone MX/NS/SRV target that has a CNAME, with the CNAME as related', () => {
      const text = zone(
        '@ IN MX 10 mail',
        'mail IN CNAME mx.example.net.',
        '_x._tcp IN SRV 0 0 80 www.example.com.',
        'www IN CNAME mail.example.com.',
        '@ IN MX 20 ns1',
      );
      const found = only('target-is-cname', lintText(text));
      assert.deepEqual(
        found.map((d) => at(d.range)),
        ['5:11-5:15', '7:22-7:38'],
      );
      assert.deepEqual(
        found[0]?.related?.map((r) => at(r.range)),
        ['6:0-6:29'],
      );
    });
  });
});

describe('rules: dns-svcb', () => {
  it('asks DNS server SVCB records for alpn, and for dohpath with HTTP protocols', () => {
    const text = zone(
      '_dns IN SVCB 1 ns1 dohpath=/{?dns}',
      '_dns IN SVCB 2 ns1 alpn=http/1.1',
      '_dns IN SVCB 3 ns1 alpn=h2,h3 dohpath=/dns-query{?dns}',
      '_853._dns IN SVCB 1 ns1 alpn=dot',
      '_dns IN SVCB 0 other.example.net.',
      'web IN SVCB 1 . port=8443',
    );
    assert.deepEqual(rangesOf('dns-svcb', lintText(text, { profile: 'bind' })), ['5:0-5:34', '6:0-6:32']);
  });
});

describe('rules: spf-type', () => {
  it('warns about SPF type records in the bind profile, saying whether a TXT record carries the policy', () => {
    const text = zone('@ IN SPF "v=spf1 -all"', '@ IN TXT "v=spf1 -all"', 'mail IN SPF "v=spf1 a -all"');
    const found = only('spf-type', lintText(text, { profile: 'bind' }));
    assert.deepEqual(
      found.map((finding) => at(finding.range)),
      ['5:5-5:8', '7:8-7:11'],
    );
    assert.match(found[0]?.message ?? '', /receivers read the TXT record at example\.com\.: remove this record/);
    assert.match(found[1]?.message ?? '', /mail\.example\.com\. has no TXT record, .* publish it as TXT/);
    assert.deepEqual(only('spf-type', lintText(text)), [], 'cloudflare-unsupported speaks for Cloudflare');
    assert.equal(found[0]?.fixes, undefined, 'a TXT record is there already');
    const fix = found[1]?.fixes?.[0];
    assert.equal(fix?.title, 'Publish it as TXT (change the type)');
    assert.match(applyEdits(text, fix?.edits ?? []), /\nmail IN TXT "v=spf1 a -all"\n/);
    const cloudflareFix = only('cloudflare-unsupported', lintText(text))[0]?.fixes?.[0];
    assert.match(applyEdits(text, cloudflareFix?.edits ?? []), /\n@ IN TXT "v=spf1 -all"\n/);
  });
});
