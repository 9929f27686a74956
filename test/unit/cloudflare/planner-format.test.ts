import assert from 'node:assert/strict';
import { formatPlanText, formatRecordLine, planToJson } from '../../../cloudflare/src/sync/plan-format';
import { liveRecordOf } from '../../../cloudflare/src/sync/plan-records';
import { syncRecordOf } from '../../../cloudflare/src/sync/plan-normalize';
import { computePlan } from '../../../cloudflare/src/sync/planner';

const id = (n: number): string => n.toString(16).padStart(32, '0');
const live = [
  { id: id(1), type: 'A', name: 'old.example.com', content: '192.0.2.9', ttl: 300, proxied: false },
  { id: id(2), type: 'A', name: 'www.example.com', content: '192.0.2.1', ttl: 300, proxied: false },
  { id: id(3), type: 'MX', name: 'example.com', content: 'mx1.example.net', priority: 10, ttl: 3600 },
  {
    id: id(4),
    type: 'SOA',
    name: 'example.com',
    content: 'ns.cloudflare.com. dns.cloudflare.com. 1 2 3 4 5',
    ttl: 3600,
  },
].map(liveRecordOf);
const desired = [
  { ...syncRecordOf({ type: 'A', name: 'www.example.com', content: '192.0.2.2', ttl: 300 }), line: 3 },
  {
    ...syncRecordOf({
      type: 'MX',
      name: 'example.com',
      content: 'mx1.example.net',
      priority: 10,
      ttl: 1,
      comment: 'primary',
    }),
    line: 4,
  },
  {
    ...syncRecordOf({
      type: 'A',
      name: 'new.example.com',
      content: '192.0.2.3',
      ttl: 60,
      proxied: true,
      tags: ['env:prod', 'Owner:dns team'],
    }),
    line: 5,
  },
];

describe('plan output', () => {
  const plan = computePlan(desired, live, { zone: 'example.com.' });

  it('prints a diff with -, ~ and + lines and the summary line', () => {
    assert.equal(
      formatPlanText(plan),
      [
        '- old.example.com. 300 IN A 192.0.2.9 ; cf_tags=cf-proxied:false',
        '~ example.com. MX 10 mx1.example.net.: ttl 3600 -> auto, comment "" -> "primary"',
        '~ www.example.com. A: 192.0.2.1 -> 192.0.2.2',
        '+ new.example.com. 1 IN A 192.0.2.3 ; cf_tags=env:prod,owner:dns team,cf-proxied:true',
        '  (left alone, managed by Cloudflare or read-only: 1 live record (SOA))',
        '1 to create, 2 to update, 1 to delete',
        '',
      ].join('\n'),
    );
  });

  it('prints a zone-file line with comment and tags', () => {
    const record = syncRecordOf({
      type: 'TXT',
      name: 'Example.COM.',
      content: '"v=spf1 -all"',
      ttl: 300,
      comment: 'spf',
      tags: ['a:b'],
    });
    assert.equal(formatRecordLine(record), 'example.com. 300 IN TXT "v=spf1 -all" ; spf cf_tags=a:b');
  });

  it('gives JSON with the summary, each change and the bodies to send', () => {
    const json = planToJson(plan) as {
      summary: unknown;
      deletes: { id: string }[];
      patches: { id: string; changed: string[]; body: { content: string } }[];
      posts: { line: number; body: { proxied: boolean } }[];
      skipped: { type: string }[];
    };
    assert.deepEqual(json.summary, { create: 1, update: 2, delete: 1 });
    assert.deepEqual(
      json.deletes.map((entry) => entry.id),
      [id(1)],
    );
    assert.deepEqual(
      json.patches.map((entry) => [entry.id, entry.changed]),
      [
        [id(3), ['ttl', 'comment']],
        [id(2), ['content']],
      ],
    );
    assert.equal(json.patches[1]?.body.content, '192.0.2.2');
    assert.equal(json.posts[0]?.line, 6);
    assert.equal(json.posts[0]?.body.proxied, true);
    assert.deepEqual(
      json.skipped.map((entry) => entry.type),
      ['SOA'],
    );
  });

  it('prints only the summary line for an empty plan', () => {
    assert.equal(
      formatPlanText(computePlan([], [], { zone: 'example.com' })),
      '0 to create, 0 to update, 0 to delete\n',
    );
  });
});
