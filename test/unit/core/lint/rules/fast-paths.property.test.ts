import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { containsAcePrefix } from '../../../../../core/src/lint/rules/bad-punycode';
import { RdataHasher } from '../../../../../core/src/lint/rules/utils/rdata-hash';

// The lint rules' fast paths, each held to the plain reading it replaced on generated inputs.

/** Characters that make the cases worth testing: case, NUL, non-ASCII, a surrogate half, separators. */
const unit = fc.constantFrom('a', 'A', 'z', 'Z', '0', ' ', '.', '\u0000', '\u00e9', '\u00c9', '\u4e2d', '\ud83d', '-');
const asciiUnit = fc.constantFrom('a', 'A', 'z', 'Z', '0', ' ', '.', '\u0000', '-');
// Lengths on both sides of the length where the ASCII fast path starts, ASCII and not.
const text = fc.oneof(
  fc.string({ unit, maxLength: 12 }),
  fc.string({ unit: asciiUnit, minLength: 28, maxLength: 48 }),
  fc.string({ unit, minLength: 28, maxLength: 48 }),
);
const values = fc.array(text, { maxLength: 4 });

function hashOf(list: readonly string[], foldCase: boolean, charsOnly: boolean): string {
  const hasher = new RdataHasher();
  hasher.reset(0x811c9dc5 | 0, 0x12345678);
  for (const value of list) {
    if (charsOnly) hasher.mixChars(value, foldCase);
    else hasher.mix(value, foldCase);
  }
  return `${hasher.a} ${hasher.b}`;
}

const fold = (value: string): string => value.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
const sameValues = (a: readonly string[], b: readonly string[], foldCase: boolean): boolean =>
  a.length === b.length && a.every((value, i) => (foldCase ? fold(value) === fold(b[i] ?? '') : value === b[i]));

describe('lint rule fast paths agree with the readings they replaced', () => {
  it('rdata hashes are equal exactly when the values are (ASCII fast path and character path alike)', () => {
    // Pairs that are often equal: the second list is the first with its case changed, or another list.
    const pair = fc.oneof(
      fc.tuple(values, values),
      values.map((list) => [list, list.map((value) => value.toUpperCase())] as const),
      values.map((list) => [list, list.slice()] as const),
    );
    fc.assert(
      fc.property(pair, fc.boolean(), ([a, b], foldCase) => {
        const expected = sameValues(a, b, foldCase);
        assert.equal(hashOf(a, foldCase, false) === hashOf(b, foldCase, false), expected, 'fast path');
        assert.equal(hashOf(a, foldCase, true) === hashOf(b, foldCase, true), expected, 'character path');
      }),
      { numRuns: 3000 },
    );
  });

  it('the hash of a long value needs a larger buffer and still tells values apart', () => {
    const long = 'x'.repeat(5000);
    assert.equal(hashOf([long], false, false), hashOf([long], false, false));
    assert.notEqual(hashOf([long], false, false), hashOf([`${long}y`], false, false));
    assert.notEqual(hashOf(['ab', 'c'], false, false), hashOf(['a', 'bc'], false, false));
    const ascii = 'y'.repeat(40);
    assert.notEqual(hashOf([ascii], false, false), hashOf([`${ascii}\u0000`], false, false), 'a trailing NUL counts');
  });

  it('containsAcePrefix is /xn--/i.test', () => {
    const aceUnit = fc.constantFrom('x', 'X', 'n', 'N', '-', '-', 'a', '.', ' ', '\n', '\u00e9');
    fc.assert(
      fc.property(fc.string({ unit: aceUnit, maxLength: 30 }), (document) => {
        assert.equal(containsAcePrefix(document), /xn--/i.test(document), JSON.stringify(document));
      }),
      { numRuns: 5000 },
    );
  });
});
