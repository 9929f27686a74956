import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { IntMap } from '../../../../../core/src/lint/index/columns';

describe('IntMap', () => {
  it('answers as a Map does after any sets, through its growth', () => {
    const key = fc.oneof(fc.integer({ min: -5, max: 5000 }), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.nat()), { maxLength: 3000 }), fc.array(key), (sets, probes) => {
        const map = new IntMap();
        const reference = new Map<number, number>();
        for (const [k, v] of sets) {
          map.set(k, v);
          reference.set(k, v);
        }
        for (const k of [...reference.keys(), ...probes]) assert.equal(map.get(k), reference.get(k) ?? -1);
      }),
      // The largest value once overflowed its stored form (value + 1).
      { numRuns: 50, examples: [[[[0, 2 ** 31 - 1]], []]] },
    );
  });
});
