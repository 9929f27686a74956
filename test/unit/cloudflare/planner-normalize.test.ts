import assert from 'node:assert/strict';
import { normalizeContent, normalizeTags, syncRecordOf, txtValue } from '../../../client/src/cloudflare/plan-normalize';
import { liveRecordOf } from '../../../client/src/cloudflare/plan-records';

describe('sync record normalisation', () => {
  it('compares names without case and trailing dot', () => {
    const a = syncRecordOf({ type: 'cname', name: 'WWW.Example.com.', content: 'Target.Example.NET.', ttl: 300 }, '');
    const b = syncRecordOf({ type: 'CNAME', name: 'www.example.com', content: 'target.example.net', ttl: 300 }, '');
    assert.deepEqual([a.name, a.type, a.match], [b.name, b.type, b.match]);
  });

  it('compares IPv6 addresses in canonical form', () => {
    assert.equal(normalizeContent('AAAA', '2001:DB8:0:0:0:0:0:1'), normalizeContent('AAAA', '2001:db8::1'));
    assert.notEqual(normalizeContent('AAAA', '2001:db8::1'), normalizeContent('AAAA', '2001:db8::2'));
  });

  it('reads TXT content as the concatenation of its strings, with escapes', () => {
    assert.equal(txtValue('"v=spf1 " "-all"'), 'v=spf1 -all');
    assert.equal(txtValue('"say \\"hi\\"" "\\065"'), 'say "hi"A');
    assert.equal(txtValue('unquoted text'), 'unquoted text');
    assert.equal(normalizeContent('TXT', '"ab" "cd"'), normalizeContent('TXT', '"abcd"'));
    assert.notEqual(normalizeContent('TXT', '"ab"'), normalizeContent('TXT', '"AB"'));
  });

  it('treats tags as a set with case-insensitive names', () => {
    assert.deepEqual(normalizeTags(['Env:Prod', 'team', 'env:Prod']), ['env:Prod', 'team:']);
  });

  it('makes proxied records TTL auto and ignores proxied on types that cannot be proxied', () => {
    assert.equal(
      syncRecordOf({ type: 'A', name: 'a.example.com', content: '192.0.2.1', ttl: 300, proxied: true }, '').ttl,
      1,
    );
    const txt = syncRecordOf({ type: 'TXT', name: 'a.example.com', content: '"x"', ttl: 300, proxied: true }, '');
    assert.deepEqual([txt.ttl, txt.proxied], [300, false]);
  });

  it('keeps the MX priority in the identity', () => {
    const mx = (priority: number): string =>
      syncRecordOf({ type: 'MX', name: 'example.com', content: 'mx.example.net', priority, ttl: 300 }, '').match;
    assert.notEqual(mx(10), mx(20));
  });

  it('compares data records field by field, whatever the key order, number form or hex case', () => {
    const local = syncRecordOf(
      {
        type: 'DS',
        name: 'sub.example.com',
        data: { key_tag: 1, algorithm: 13, digest_type: 2, digest: 'ABCD EF' },
        ttl: 300,
      },
      '',
    );
    const live = liveRecordOf({
      id: '0'.repeat(32),
      type: 'DS',
      name: 'sub.example.com',
      content: '1 13 2 abcdef',
      data: { digest: 'abcdef', digest_type: '2', algorithm: 13, key_tag: 1 },
      ttl: 300,
    });
    assert.equal(local.match, live.match);
  });

  it('flags live records the API marks read-only', () => {
    const base = { id: '1'.repeat(32), type: 'A', name: 'a.example.com', content: '192.0.2.1', ttl: 1 };
    assert.equal(liveRecordOf(base).readOnly, false);
    assert.equal(liveRecordOf({ ...base, meta: { read_only: true } }).readOnly, true);
    assert.equal(liveRecordOf({ ...base, locked: true }).readOnly, true);
  });
});
