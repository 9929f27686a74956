import * as assert from 'node:assert/strict';
import { convertZoneRecord } from '../../../cloudflare/src/sync/plan-convert';
import { desiredRecordsOf, liveRecordOf } from '../../../cloudflare/src/sync/plan-records';
import { computePlan } from '../../../cloudflare/src/sync/planner';
import { summarizePlan } from '../../../cloudflare/src/sync/plan-types';
import { liveInFileOrder } from '../../../client/src/text/fileOrderDiff';
import { parse } from '../../../core/src/parse/parser';

const origin = 'example.com.';

function planOf(text: string, live: readonly Parameters<typeof liveRecordOf>[0][]) {
  const parsed = parse(text, { origin });
  const desired = desiredRecordsOf(parsed, convertZoneRecord);
  const plan = computePlan(desired.desired, live.map(liveRecordOf), { zone: 'example.com', skipped: desired.skipped });
  return { parsed, plan };
}

/** The rendered live side, read back as a zone file, plans to nothing against the live zone. */
function assertRoundTrip(rendered: string, live: readonly Parameters<typeof liveRecordOf>[0][]): void {
  const { plan } = planOf(rendered, live);
  assert.deepEqual(summarizePlan(plan), { create: 0, update: 0, delete: 0 }, rendered);
}

const id = (n: number): string => String(n).repeat(32).slice(0, 32);

describe('the live zone in the file order (the raw-file diff)', () => {
  const file = [
    '; the web servers',
    '$ORIGIN example.com.',
    '$TTL 300',
    '@        IN A     192.0.2.1   ; main site',
    '         IN TXT   "v=spf1 -all"',
    'www      IN CNAME example.com.',
    'new 600  IN A     192.0.2.5',
    'mail     IN A     192.0.2.25',
    '',
  ].join('\n');
  const live = [
    { id: id(1), type: 'A', name: 'example.com', content: '192.0.2.1', ttl: 300, comment: 'main site' },
    { id: id(2), type: 'TXT', name: 'example.com', content: '"v=spf1 -all"', ttl: 300 },
    { id: id(3), type: 'CNAME', name: 'www.example.com', content: 'example.com', ttl: 3600 },
    { id: id(4), type: 'A', name: 'mail.example.com', content: '192.0.2.26', ttl: 300 },
    { id: id(5), type: 'A', name: 'old.example.com', content: '192.0.2.9', ttl: 300 },
    { id: id(6), type: 'MX', name: 'example.com', content: 'mail.example.com', priority: 10, ttl: 300 },
  ];

  it('keeps the comments and layout, and changes only what the plan changes', () => {
    const { parsed, plan } = planOf(file, live);
    assert.deepEqual(summarizePlan(plan), { create: 1, update: 2, delete: 2 });
    const rendered = liveInFileOrder(file, parsed, plan);
    assert.equal(
      rendered,
      [
        '; the web servers',
        '$ORIGIN example.com.',
        '$TTL 300',
        '@        IN A     192.0.2.1   ; main site',
        '         IN TXT   "v=spf1 -all"',
        '@ 300 IN MX 10 mail.example.com.',
        'www      3600 IN CNAME example.com.',
        'mail     IN A     192.0.2.26',
        'old 300 IN A 192.0.2.9 ; cf_tags=cf-proxied:false',
        '',
      ].join('\n'),
    );
    assertRoundTrip(rendered, live);
  });

  it('writes out an owner that a removed record passed on', () => {
    const text = ['$ORIGIN example.com.', '$TTL 300', 'www IN A 192.0.2.1', '    IN A 192.0.2.2', ''].join('\n');
    const liveOnly = [{ id: id(7), type: 'A', name: 'www.example.com', content: '192.0.2.2', ttl: 300 }];
    const { parsed, plan } = planOf(text, liveOnly);
    const rendered = liveInFileOrder(text, parsed, plan);
    assert.equal(rendered, ['$ORIGIN example.com.', '$TTL 300', 'www    IN A 192.0.2.2', ''].join('\n'));
    assertRoundTrip(rendered, liveOnly);
  });

  it('shows a changed comment, tag or proxy status in the comment', () => {
    const text = ['$ORIGIN example.com.', 'www 300 IN A 192.0.2.1 ; old note', 'api 300 IN A 192.0.2.2', ''].join('\n');
    const changed = [
      { id: id(8), type: 'A', name: 'www.example.com', content: '192.0.2.1', ttl: 300, comment: 'new note' },
      { id: id(9), type: 'A', name: 'api.example.com', content: '192.0.2.2', ttl: 300, tags: ['team:api'] },
    ];
    const { parsed, plan } = planOf(text, changed);
    const rendered = liveInFileOrder(text, parsed, plan);
    assert.match(rendered, /^www 300 IN A 192\.0\.2\.1 ; new note cf_tags=cf-proxied:false$/m);
    assert.match(rendered, /^api 300 IN A 192\.0\.2\.2 ; cf_tags=team:api,cf-proxied:false$/m);
    assertRoundTrip(rendered, changed);
  });
});
