import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normalizeTags, syncRecordOf } from '../../../cloudflare/src/sync/plan-normalize';
import { liveRecordOf } from '../../../cloudflare/src/sync/plan-records';
import type { PlanRecordBody } from '../../../cloudflare/src/sync/plan-types';
import { isEmptyPlan } from '../../../cloudflare/src/sync/plan-types';
import { computePlan } from '../../../cloudflare/src/sync/planner';
import { formatPlanText } from '../../../cloudflare/src/sync/plan-format';

const match = (body: Partial<PlanRecordBody> & { type: string }): string =>
  syncRecordOf({ name: 'a.example.com', ttl: 300, ...body }).match;

describe('sync record normalisation', () => {
  it('compares names without case and trailing dot', () => {
    const a = syncRecordOf({ type: 'cname', name: 'WWW.Example.com.', content: 'Target.Example.NET.', ttl: 300 });
    const b = syncRecordOf({ type: 'CNAME', name: 'www.example.com', content: 'target.example.net', ttl: 300 });
    assert.deepEqual([a.name, a.type, a.match], [b.name, b.type, b.match]);
    assert.equal(a.display, 'Target.Example.NET.');
  });

  it('compares IPv6 addresses in canonical form', () => {
    assert.equal(
      match({ type: 'AAAA', content: '2001:DB8:0:0:0:0:0:1' }),
      match({ type: 'AAAA', content: '2001:db8::1' }),
    );
    assert.notEqual(match({ type: 'AAAA', content: '2001:db8::1' }), match({ type: 'AAAA', content: '2001:db8::2' }));
  });

  it('compares TXT by its character-strings: quoting and escapes do not matter, case and splitting do', () => {
    assert.equal(match({ type: 'TXT', content: 'abcd' }), match({ type: 'TXT', content: '"abcd"' }));
    assert.equal(match({ type: 'TXT', content: '"\\065"' }), match({ type: 'TXT', content: '"A"' }));
    assert.notEqual(match({ type: 'TXT', content: '"ab"' }), match({ type: 'TXT', content: '"AB"' }));
    assert.notEqual(match({ type: 'TXT', content: '"ab" "cd"' }), match({ type: 'TXT', content: '"abcd"' }));
  });

  it('plans nothing between the spellings of one TXT record that tools send', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '"', '\\', ';', '=', 'é', '\t'), maxLength: 40 });
    const escape = (value: string, octal: boolean): string =>
      [...value]
        .map((char) =>
          char === '"' || char === '\\'
            ? `\\${char}`
            : octal && char.charCodeAt(0) < 128
              ? `\\${String(char.charCodeAt(0)).padStart(3, '0')}`
              : char,
        )
        .join('');
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 3 }), fc.boolean(), (strings, octal) => {
        const quoted = strings.map((value) => `"${escape(value, false)}"`);
        const spellings = [
          quoted.join(' '),
          quoted.join(''),
          ` ${quoted.join('\t  ')} `,
          strings.map((value) => `"${escape(value, octal)}"`).join(' '),
        ];
        const [single] = strings;
        if (strings.length === 1 && single !== undefined && /^[^"\\\s](?:[^"\\]*[^"\\\s])?$/.test(single)) {
          spellings.push(single);
        }
        const matches = new Set(spellings.map((content) => match({ type: 'TXT', content })));
        assert.equal(matches.size, 1, JSON.stringify(spellings));
      }),
      { numRuns: 300 },
    );
  });

  it('treats tags as a set with case-insensitive names', () => {
    assert.deepEqual(normalizeTags(['Env:Prod', 'team', 'env:Prod']), ['env:Prod', 'team:']);
  });

  it('makes proxied records TTL auto and ignores proxied on types that cannot be proxied', () => {
    assert.equal(
      syncRecordOf({ type: 'A', name: 'a.example.com', content: '192.0.2.1', ttl: 300, proxied: true }).ttl,
      1,
    );
    const txt = syncRecordOf({ type: 'TXT', name: 'a.example.com', content: '"x"', ttl: 300, proxied: true });
    assert.deepEqual([txt.ttl, txt.proxied], [300, false]);
  });

  it('keeps the MX priority in the identity and in the display', () => {
    const mx = (priority: number): string => match({ type: 'MX', content: 'mx.example.net', priority });
    assert.notEqual(mx(10), mx(20));
    assert.equal(
      syncRecordOf({ type: 'MX', name: 'a', ttl: 1, content: 'mx.example.net', priority: 10 }).display,
      '10 mx.example.net.',
    );
  });

  it('compares data records field by field, whatever the key order, number form or hex case', () => {
    const local = match({ type: 'DS', data: { key_tag: 1, algorithm: 13, digest_type: 2, digest: 'ABCD EF' } });
    const live = liveRecordOf({
      id: '0'.repeat(32),
      type: 'DS',
      name: 'a.example.com',
      content: '1 13 2 abcdef',
      data: { digest: 'abcdef', digest_type: '2', algorithm: 13, key_tag: 1 },
      ttl: 300,
    });
    assert.equal(local, live.match);
    assert.notEqual(
      local,
      match({ type: 'DS', data: { key_tag: 2, algorithm: 13, digest_type: 2, digest: 'abcdef' } }),
    );
  });

  it('changes CNAME flattening only when the zone file says it', () => {
    const live = [
      liveRecordOf({
        id: '2'.repeat(32),
        type: 'CNAME',
        name: 'www.example.com',
        content: 'x.example.net',
        ttl: 300,
        settings: { flatten_cname: true },
      }),
    ];
    const local = (settings?: { flatten_cname: boolean }) => [
      {
        ...syncRecordOf({
          type: 'CNAME',
          name: 'www.example.com',
          content: 'x.example.net',
          ttl: 300,
          ...(settings ? { settings } : {}),
        }),
        line: 0,
      },
    ];
    assert.ok(isEmptyPlan(computePlan(local(), live, { zone: 'example.com' })));
    assert.ok(isEmptyPlan(computePlan(local({ flatten_cname: true }), live, { zone: 'example.com' })));
    const plan = computePlan(local({ flatten_cname: false }), live, { zone: 'example.com' });
    assert.deepEqual(plan.patches[0]?.changed, ['flatten']);
    assert.match(formatPlanText(plan), /^~ www\.example\.com\. CNAME x\.example\.net\.: flatten true -> false$/m);
  });

  it('flags live records the API marks read-only', () => {
    const base = { id: '1'.repeat(32), type: 'A', name: 'a.example.com', content: '192.0.2.1', ttl: 1 };
    assert.equal(liveRecordOf(base).readOnly, false);
    assert.equal(liveRecordOf({ ...base, meta: { read_only: true } }).readOnly, true);
    assert.equal(liveRecordOf({ ...base, locked: true }).readOnly, true);
  });
});
