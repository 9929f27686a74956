import { strict as assert } from 'node:assert';
import { applyEdits, at, lintText, only, rangesOf, zone } from './helpers';

describe('rules: names', () => {
  describe('non-punycode-name', () => {
    it('reports a Unicode owner with a fix that keeps it relative', () => {
      const text = zone('bücher IN A 192.0.2.1');
      const found = only('non-punycode-name', lintText(text));
      assert.equal(found.length, 1);
      assert.equal(at(found[0].range), '5:0-5:6');
      assert.equal(found[0].severity, 'warning');
      const fix = found[0].fixes?.[0];
      assert.ok(fix, 'a quick fix is offered');
      const fixed = applyEdits(text, fix.edits);
      assert.match(fixed, /^xn--bcher-kva IN A 192\.0\.2\.1$/m);
      assert.deepEqual(only('non-punycode-name', lintText(fixed)), []);
    });

    it('reports Unicode names in rdata (CNAME target, MX exchange) and fixes them', () => {
      const text = zone('www IN CNAME münchen.example.net.', '@ IN MX 10 mail.bücher.example.com.');
      const found = only('non-punycode-name', lintText(text));
      assert.deepEqual(
        found.map((d) => at(d.range)),
        ['5:13-5:33', '6:11-6:35'],
      );
      const fixed = applyEdits(
        text,
        found.flatMap((d) => d.fixes?.[0]?.edits ?? []),
      );
      assert.match(fixed, /CNAME xn--mnchen-3ya\.example\.net\./);
      assert.match(fixed, /MX 10 mail\.xn--bcher-kva\.example\.com\./);
    });

    it('reports a Unicode $ORIGIN with a fix, and an xn-- $ORIGIN that does not decode', () => {
      const text = zone('$ORIGIN bücher.example.com.', 'www IN A 192.0.2.1', '$ORIGIN xn--zz.example.com.');
      const found = only('non-punycode-name', lintText(text));
      assert.deepEqual(
        found.map((d) => at(d.range)),
        ['5:8-5:27'],
      );
      assert.match(applyEdits(text, found[0]?.fixes?.[0]?.edits ?? []), /^\$ORIGIN xn--bcher-kva\.example\.com\.$/m);
      assert.deepEqual(rangesOf('bad-punycode', lintText(text)), ['7:8-7:14']);
    });

    it('leaves ASCII names and Unicode text in TXT alone', () => {
      assert.deepEqual(only('non-punycode-name', lintText(zone('www IN TXT "grüße"', 'a IN A 192.0.2.1'))), []);
    });

    it('skips the records of an ASCII document from the first one, not those of its included files', () => {
      // An ASCII document's UTF-8 size equals its length: the rule knows it without a scan.
      const text = '$ORIGIN example.com.\nwww IN A 192.0.2.1\n$INCLUDE sub.zone\n';
      const found = only(
        'non-punycode-name',
        lintText(text, { path: '/zones/main.zone', readFile: () => 'bücher IN A 192.0.2.2\n' }),
      );
      assert.deepEqual(
        found.map((d) => [d.file, at(d.range)]),
        [['/zones/sub.zone', '0:0-0:6']],
      );
      // A document that is not ASCII is checked record by record, comments aside.
      const unicode = lintText(zone('; café', 'bücher IN A 192.0.2.1'));
      assert.deepEqual(rangesOf('non-punycode-name', unicode), ['6:0-6:6']);
    });
  });

  describe('bad-punycode', () => {
    it('reports an xn-- label that does not decode, on the label only', () => {
      const text = zone('a.xn--zz IN A 192.0.2.1');
      const found = only('bad-punycode', lintText(text));
      assert.deepEqual(
        found.map((d) => [at(d.range), d.severity]),
        [['5:2-5:8', 'error']],
      );
    });

    it('accepts valid Punycode and checks rdata names too', () => {
      const text = zone('xn--bcher-kva IN A 192.0.2.1', 'w IN CNAME xn--zz.example.net.');
      assert.deepEqual(rangesOf('bad-punycode', lintText(text)), ['6:11-6:17']);
    });
  });

  describe('out-of-zone', () => {
    it('reports an owner outside the origin (error for Cloudflare, warning for BIND)', () => {
      const text = zone(
        'host.example.org. IN A 192.0.2.1',
        'example.com.evil.net. IN A 192.0.2.2',
        'deep.example.com. IN A 192.0.2.3',
      );
      const cloudflare = only('out-of-zone', lintText(text));
      assert.deepEqual(
        cloudflare.map((d) => [at(d.range), d.severity]),
        [
          ['5:0-5:17', 'error'],
          ['6:0-6:21', 'error'],
        ],
      );
      assert.deepEqual(
        only('out-of-zone', lintText(text, { profile: 'bind' })).map((d) => d.severity),
        ['warning', 'warning'],
      );
    });

    it('judges names written relative to another $ORIGIN by the name, not by the origin', () => {
      const text = [
        '$ORIGIN example.com.',
        'www.a A 192.0.2.1',
        'www A 192.0.2.2',
        '$ORIGIN b.a.example.com.',
        'x A 192.0.2.3',
        '$ORIGIN notaexample.com.',
        'y A 192.0.2.4',
      ].join('\n');
      const found = only('out-of-zone', lintText(text, { origin: 'a.example.com.', profile: 'bind' }));
      assert.deepEqual(
        found.map((d) => d.range.start.line),
        [2, 6],
      );
    });

    it('does not take a name that only ends with the origin text for in-zone', () => {
      assert.deepEqual(rangesOf('out-of-zone', lintText(zone('notexample.com. IN A 192.0.2.1'))), ['5:0-5:15']);
    });
  });
});

describe('Punycode rules on large documents (past the point where they scan the text once)', () => {
  const filler = Array.from({ length: 5000 }, (_, i) => `h${i} IN A 192.0.2.1`).join('\n');
  const bigZone = (tail: string): string => `$ORIGIN example.com.\n$TTL 300\n${filler}\n${tail}\n`;

  it('still reports a name written late in the document, and those of an included ASCII-free file', () => {
    const late = lintText(bigZone('bücher IN A 192.0.2.2\nxn--zz IN A 192.0.2.3'), { profile: 'bind' });
    assert.deepEqual(
      only('non-punycode-name', late).map((d) => d.range.start.line),
      [5002],
    );
    assert.deepEqual(
      only('bad-punycode', late).map((d) => d.range.start.line),
      [5003],
    );
    const included = lintText(bigZone('$INCLUDE sub.zone'), {
      profile: 'bind',
      path: '/zones/main.zone',
      readFile: () => 'bücher IN A 192.0.2.2\nxn--zz IN A 192.0.2.3\n',
    });
    assert.deepEqual(
      only('non-punycode-name', included).map((d) => [d.file, d.range.start.line]),
      [['/zones/sub.zone', 0]],
    );
    assert.deepEqual(
      only('bad-punycode', included).map((d) => [d.file, d.range.start.line]),
      [['/zones/sub.zone', 1]],
    );
  });
});
