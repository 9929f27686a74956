import assert from 'node:assert/strict';
import { parse } from '../../../core/src/parse/parser';
import type { ParseOptions } from '../../../core/src/types';
import { codes } from './parser-helpers';

const origin: ParseOptions = { origin: 'example.com' };

describe('parser: default TTL', () => {
  it('uses $TTL for records without TTL', () => {
    const records = parse('$TTL 2h\na A 192.0.2.1\nb 60 A 192.0.2.1\nc A 192.0.2.1\n', origin).records;
    assert.deepEqual(
      records.map((r) => r.ttl),
      [7200, 60, 7200],
    );
  });

  it('uses the defaultTtl option before any $TTL', () => {
    const result = parse('a A 192.0.2.1\n$TTL 5\nb A 192.0.2.1\n', { ...origin, defaultTtl: 900 });
    assert.deepEqual(
      result.records.map((r) => r.ttl),
      [900, 5],
    );
    assert.deepEqual(result.diagnostics, []);
  });

  it('without $TTL takes the SOA minimum for the SOA and later records, with one warning', () => {
    const text = '@ SOA ns hm 1 2 3 4 1h\nwww A 192.0.2.1\nftp A 192.0.2.2\n';
    const result = parse(text, origin);
    assert.deepEqual(
      result.records.map((r) => r.ttl),
      [3600, 3600, 3600],
    );
    const ttlFindings = result.diagnostics.filter((d) => d.code === 'no-default-ttl');
    assert.deepEqual(codes(ttlFindings), ['no-default-ttl@0:2-0:5']);
    assert.equal(ttlFindings[0].severity, 'warning');
  });

  it('without $TTL repeats the previous explicit TTL (RFC 1035), warning once', () => {
    const result = parse('@ 600 SOA ns hm 1 2 3 4 5\nwww A 192.0.2.1\nftp A 192.0.2.2\n', origin);
    assert.deepEqual(
      result.records.map((r) => r.ttl),
      [600, 600, 600],
    );
    assert.deepEqual(codes(result.diagnostics.filter((d) => d.code === 'no-default-ttl')), ['no-default-ttl@1:4-1:5']);
  });

  it('reports a record with no TTL at all as missing-ttl (BIND rejects the zone), once', () => {
    const result = parse('www A 192.0.2.1\nftp A 192.0.2.2\n', origin);
    assert.deepEqual(codes(result.diagnostics), ['missing-ttl@0:4-0:5']);
    assert.equal(result.diagnostics[0].severity, 'error');
    assert.deepEqual(
      result.records.map((r) => r.ttl),
      [3600, 3600],
    );
  });
});
