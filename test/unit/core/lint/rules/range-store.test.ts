import { strict as assert } from 'node:assert';
import { parse } from '../../../../../core/src/parse/parser';
import { RangeStore } from '../../../../../core/src/lint/index/range-store';
import type { ZoneRecord } from '../../../../../core/src/types';

describe('RangeStore', () => {
  const text = '$ORIGIN example.\n$TTL 60\n@ IN SOA ns h 1 2 3 4 5\nwww IN MX 10 mail\n$GENERATE 1-2 h$ A 10.0.0.$\n';
  const { records } = parse(text, { origin: 'example.' });

  it('gives back the range of a parsed record, and of a token in it, as the record itself does', () => {
    const store = new RangeStore();
    const ids = records.map((record) => store.add(record));
    const mx = records[1];
    assert.ok(mx !== undefined);
    const target = mx.rdata[1];
    assert.ok(target !== undefined);
    const targetId = store.add(mx, target);
    assert.deepEqual(
      ids.map((id) => store.range(id)),
      records.map((record) => record.range),
    );
    assert.deepEqual(store.range(targetId), target.range);
    // $GENERATE records and their expanded tokens point at the template.
    const generated = records[3];
    assert.ok(generated?.generated === true);
    const rdata = generated.rdata[0];
    assert.ok(rdata !== undefined);
    assert.deepEqual(store.range(store.add(generated, rdata)), rdata.range);
  });

  it('keeps the range of a record built by hand as it is', () => {
    const store = new RangeStore();
    const range = { start: { line: 4, character: 2, offset: 40 }, end: { line: 4, character: 9, offset: 47 } };
    const plain = { ...JSON.parse(JSON.stringify(records[1])), range } as ZoneRecord;
    const first = store.add(records[0]);
    const second = store.add(plain);
    assert.deepEqual(store.range(second), range);
    assert.deepEqual(store.range(first), records[0]?.range);
  });
});
