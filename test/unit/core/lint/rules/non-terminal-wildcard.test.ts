import { strict as assert } from 'node:assert';
import { lintText, only, rangesOf, zone } from './helpers';

describe('rules: non-terminal-wildcard', () => {
  it('reports an owner with a "*" label that is not the leftmost, on the owner, in both profiles', () => {
    const text = zone('sub.*.wildcard IN A 192.0.2.1', '*.*.wildcard IN A 192.0.2.2', '  IN AAAA 2001:db8::2');
    for (const profile of ['cloudflare', 'bind'] as const) {
      const findings = only('non-terminal-wildcard', lintText(text, { profile }));
      assert.deepEqual(rangesOf('non-terminal-wildcard', findings), ['5:0-5:14', '6:0-6:12', '7:2-7:21'], profile);
      assert.equal(findings[0]?.severity, 'warning');
    }
  });

  it('leaves leftmost wildcards, escaped stars and stars inside a label alone', () => {
    const text = zone('*.web IN A 192.0.2.1', '* IN A 192.0.2.1', 'a.\\*.web IN A 192.0.2.1', 'a.b*c IN A 192.0.2.1');
    assert.deepEqual(only('non-terminal-wildcard', lintText(text)), []);
  });

  it('sees a "*" that comes from the origin, and absolute owners', () => {
    const text = zone('$ORIGIN *.example.com.', 'www IN A 192.0.2.1', 'x.*.example.com. IN A 192.0.2.1');
    assert.deepEqual(
      only('non-terminal-wildcard', lintText(text)).map((finding) => finding.message.split(' ')[0]),
      ['www.*.example.com.', 'x.*.example.com.'],
    );
  });
});

describe('non-terminal-wildcard on large documents (past the point where it scans the text once)', () => {
  const filler = Array.from({ length: 5000 }, (_, i) => `h${i} IN A 192.0.2.1`).join('\n');
  const bigZone = (tail: string): string => `$ORIGIN example.com.\n$TTL 300\n${filler}\n${tail}\n`;

  it('still reports an owner written late in the document, those of an included file, and under a starred origin', () => {
    const late = lintText(bigZone('a.*.b IN A 192.0.2.2'));
    assert.deepEqual(
      only('non-terminal-wildcard', late).map((d) => d.range.start.line),
      [5002],
    );
    const included = lintText(bigZone('$INCLUDE sub.zone'), {
      path: '/zones/main.zone',
      readFile: () => 'a.*.b IN A 192.0.2.2\n',
    });
    assert.deepEqual(
      only('non-terminal-wildcard', included).map((d) => [d.file, d.range.start.line]),
      [['/zones/sub.zone', 0]],
    );
    const starred = lintText(`$TTL 300\n${filler}\nlate IN A 192.0.2.2\n`, { origin: 'x.*.example.com.' });
    assert.equal(only('non-terminal-wildcard', starred).length, 5001);
  });
});
