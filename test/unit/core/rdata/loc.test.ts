import { strict as assert } from 'node:assert';
import { codes, covered, fields, parse } from './helpers';

describe('rdata: LOC', () => {
  it('parses the full form', () => {
    const result = parse('LOC', '52 22 23.000 N 4 53 32.000 E -2.00m 0.00m 10000m 10m');
    assert.deepEqual(codes(result), []);
    assert.deepEqual(fields(result), [
      'lat_degrees=52',
      'lat_minutes=22',
      'lat_seconds=23.000',
      'lat_direction=N',
      'long_degrees=4',
      'long_minutes=53',
      'long_seconds=32.000',
      'long_direction=E',
      'altitude=-2.00',
      'size=0.00',
      'precision_horz=10000',
      'precision_vert=10',
    ]);
  });

  it('accepts the short forms RFC 1876 allows', () => {
    assert.deepEqual(codes(parse('LOC', '42 N 71 W 0m')), []);
    assert.deepEqual(codes(parse('LOC', '42 21 N 71 6 W -24m 30m')), []);
    assert.deepEqual(codes(parse('LOC', '90 S 180 E 42849672.95m')), []);
  });

  it('checks ranges and points at the field', () => {
    const rdata = '91 N 71 W 0m';
    const result = parse('LOC', rdata);
    assert.deepEqual(codes(result), ['bad-loc']);
    assert.equal(covered(rdata, result), '91');
    assert.deepEqual(codes(parse('LOC', '42 60 N 71 W 0m')), ['bad-loc']);
    assert.deepEqual(codes(parse('LOC', '42 1 60.5 N 71 W 0m')), ['bad-loc']);
    assert.deepEqual(codes(parse('LOC', '42 N 181 W 0m')), ['bad-loc']);
    assert.deepEqual(codes(parse('LOC', '90 1 N 71 W 0m')), ['bad-loc']);
    assert.deepEqual(codes(parse('LOC', '42 N 71 W -100001m')), ['bad-loc']);
    assert.deepEqual(codes(parse('LOC', '42 N 71 W 0m 90000001m')), ['bad-loc']);
    assert.deepEqual(codes(parse('LOC', '42 N 71 W 0.123m')), ['bad-loc']);
  });

  it('reports a wrong hemisphere once, not every field after it', () => {
    const rdata = '42 X 71 W 0m';
    const result = parse('LOC', rdata);
    assert.deepEqual(codes(result), ['bad-loc']);
    assert.equal(covered(rdata, result), 'X');
    assert.deepEqual(codes(parse('LOC', '42 N 71 N 0m')), ['bad-loc']);
  });

  it('reports missing altitude and extra fields', () => {
    assert.deepEqual(codes(parse('LOC', '42 N 71 W')), ['missing-rdata']);
    assert.deepEqual(codes(parse('LOC', '42 N 71 W 0m 1m 1m 1m 1m')), ['extra-rdata']);
  });
});
