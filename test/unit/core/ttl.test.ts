import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatTtlWords, parseTtl } from '../../../core/src/parse/ttl';

describe('parseTtl', () => {
  it('reads plain seconds', () => {
    assert.equal(parseTtl('0'), 0);
    assert.equal(parseTtl('3600'), 3600);
    assert.equal(parseTtl('4294967295'), 4294967295);
  });

  it('reads unit groups in any case and order', () => {
    assert.equal(parseTtl('1w2d3h4m5s'), 604800 + 2 * 86400 + 3 * 3600 + 4 * 60 + 5);
    assert.equal(parseTtl('1H30M'), 5400);
    assert.equal(parseTtl('30m1h'), 5400);
    assert.equal(parseTtl('2D'), 172800);
    assert.equal(parseTtl('90s'), 90);
  });

  it('refuses anything else', () => {
    for (const bad of [
      '',
      'h',
      '1x',
      '1h30',
      '-1',
      '+5',
      '1.5h',
      ' 1',
      '1 ',
      '4294967296',
      '99999999999',
      '1hh',
      '0x10',
    ]) {
      assert.equal(parseTtl(bad), undefined, bad);
    }
  });

  it('refuses unit sums above 2^32-1', () => {
    assert.equal(parseTtl('7102w'), undefined);
    assert.equal(parseTtl('7101w'), 7101 * 604800);
  });

  it('agrees with a plain reading of any number of unit groups', () => {
    const unit = fc.constantFrom(['s', 1], ['m', 60], ['h', 3600], ['d', 86400], ['w', 604800], ['W', 604800]);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 500 }), unit), { minLength: 1, maxLength: 5 }),
        (groups) => {
          const text = groups.map(([n, [u]]) => `${n}${u}`).join('');
          const expected = groups.reduce((sum, [n, [, size]]) => sum + n * size, 0);
          assert.equal(parseTtl(text), expected);
        },
      ),
    );
  });
});

describe('formatTtlWords', () => {
  it('spells TTLs out for hover', () => {
    assert.equal(formatTtlWords(5400), '1 hour 30 minutes');
    assert.equal(formatTtlWords(3600), '1 hour');
    assert.equal(formatTtlWords(1), '1 second');
    assert.equal(formatTtlWords(0), '0 seconds');
    assert.equal(formatTtlWords(86400 * 9 + 61), '1 week 2 days 1 minute 1 second');
  });

  it('round-trips through parseTtl', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seconds) => {
        const units = formatTtlWords(seconds)
          .split(' ')
          .reduce<string[]>((out, word, i, words) => (i % 2 === 0 ? [...out, `${word}${words[i + 1][0]}`] : out), [])
          .join('');
        assert.equal(parseTtl(units), seconds);
      }),
    );
  });
});
