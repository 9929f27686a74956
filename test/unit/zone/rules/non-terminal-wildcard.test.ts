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
