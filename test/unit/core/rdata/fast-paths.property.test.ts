import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { decodeCharacterString } from '../../../../core/src/rdata';
import { codes, parse } from './helpers';

// The rdata layer reads some fields with hand-written scans instead of regular expressions (they run on every
// record of a large zone); these properties hold each scan to the regular-expression reading it replaced.

/** The reading of an RRSIG time before the fast path: 14 digits a calendar time, else 1 to 10 digits of epoch. */
function referenceTimeIsValid(text: string): boolean {
  const parts = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (parts) {
    const [, , month, day, hour, minute, second] = parts.map(Number);
    return (
      month !== undefined &&
      month >= 1 &&
      month <= 12 &&
      (day ?? 0) >= 1 &&
      (day ?? 0) <= 31 &&
      (hour ?? 0) < 24 &&
      (minute ?? 0) < 60 &&
      (second ?? 0) < 61
    );
  }
  return /^\d{1,10}$/.test(text) && Number(text) <= 0xffffffff;
}

const digitString = (min: number, max: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '9'), minLength: min, maxLength: max });

const timeText = fc.oneof(
  digitString(1, 16),
  fc
    .tuple(digitString(4, 4), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), digitString(6, 6))
    .map(
      ([year, month, day, rest]) => `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${rest}`,
    ),
  fc.string({ unit: fc.constantFrom('0', '1', '9', 'a', '-', '+', '.', ' '), minLength: 1, maxLength: 15 }),
  fc.constantFrom('4294967295', '4294967296', '0', '20261301000000', '20260230235960', '99999999999999'),
);

describe('rdata fast paths agree with the readings they replaced', () => {
  it('RRSIG expiration and inception: bad-time exactly where the regular expressions said so', () => {
    fc.assert(
      fc.property(timeText, timeText, (expiration, inception) => {
        fc.pre(!/\s/.test(expiration) && !/\s/.test(inception));
        const rdata = `A 13 3 3600 ${expiration} ${inception} 40000 example.com. AAAA`;
        const badTimes = codes(parse('RRSIG', rdata)).filter((code) => code === 'bad-time').length;
        const expected = [expiration, inception].filter((text) => !referenceTimeIsValid(text)).length;
        assert.equal(badTimes, expected, rdata);
      }),
      { numRuns: 2000 },
    );
  });

  it('a character-string without escapes: its length is the UTF-8 length of its octets', () => {
    const unit = fc.constantFrom('a', ' ', '"', '\u00e9', '\u4e2d', '\ud83d', '\ude00', '\u007f', '\u0080');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 20 }), fc.boolean(), (inner, quoted) => {
        const decoded = decodeCharacterString(quoted ? `"${inner}"` : inner);
        assert.equal(decoded.length, decoded.octets.length);
      }),
      { numRuns: 3000 },
    );
  });
});
