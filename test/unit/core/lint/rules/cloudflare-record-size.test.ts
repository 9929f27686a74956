import assert from 'node:assert/strict';
import fc from 'fast-check';
import { at, lintText, only } from './helpers';

const zone = (body: string): string => `$ORIGIN example.com.\n$TTL 300\n${body}\n`;
const code = 'cloudflare-record-size';
/** `t` TXT with strings of these lengths: each string is 1 + n octets, the record 15 (owner t.example.com.) + 10 more. */
const txt = (...lengths: number[]): string => `t TXT ${lengths.map((n) => `"${'x'.repeat(n)}"`).join(' ')}`;

describe('rules: cloudflare-record-size', () => {
  it('reports a TXT record over 4,096 octets of wire data, not one at the limit', () => {
    // 15 + 10 + 16 strings: 15 × 256 + 1 + n = 4096 at n = 230.
    const strings = (last: number): number[] => [...Array<number>(15).fill(255), last];
    assert.deepEqual(only(code, lintText(zone(txt(...strings(230))))), []);
    const found = only(code, lintText(zone(txt(...strings(231)))));
    assert.equal(found.length, 1);
    assert.equal(found[0]?.severity, 'error');
    assert.match(found[0]?.message ?? '', /4097 octets on the wire; Cloudflare stores at most 4096/);
  });

  it('counts escapes as the octets they stand for', () => {
    const escaped = `t TXT ${Array.from({ length: 16 }, () => `"${'\\065'.repeat(255)}"`).join(' ')}`;
    const wire = only(code, lintText(zone(escaped))).filter((diagnostic) => /on the wire/.test(diagnostic.message));
    assert.match(wire[0]?.message ?? '', /4121 octets/);
  });

  it('reports a large key written in base64', () => {
    const key = 'A'.repeat(5500);
    assert.equal(only(code, lintText(zone(`_k OPENPGPKEY ${key}`))).length, 1);
    assert.deepEqual(only(code, lintText(zone(`_k OPENPGPKEY ${'A'.repeat(4000)}`))), []);
  });

  it('reports the record that takes an RRset past 8,192 characters, once', () => {
    const record = `t TXT "${'x'.repeat(2000)}"`;
    const found = only(
      code,
      lintText(
        zone(
          [
            record,
            record.replace('x"', 'y"'),
            record.replace('x"', 'z"'),
            record.replace('x"', 'w"'),
            record.replace('x"', 'v"'),
          ].join('\n'),
        ),
      ),
    );
    assert.deepEqual(
      found.map((diagnostic) => at(diagnostic.range)),
      ['6:0-6:2008'],
    );
    assert.match(found[0]?.message ?? '', /10010 characters of content with this one; Cloudflare allows 8192/);
  });

  it('is quiet on records that stay within both limits', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 15 }), (lengths) => {
        assert.deepEqual(only(code, lintText(zone(txt(...lengths)))), []);
      }),
      { numRuns: 50 },
    );
  });

  it('runs in the cloudflare profile only', () => {
    assert.deepEqual(only(code, lintText(zone(txt(...Array<number>(17).fill(255))), { profile: 'bind' })), []);
  });
});
