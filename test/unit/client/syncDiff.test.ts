import * as assert from 'node:assert/strict';
import { convertZoneRecord } from '../../../cloudflare/src/sync/plan-convert';
import { desiredRecordsOf, liveRecordOf } from '../../../cloudflare/src/sync/plan-records';
import { computePlan } from '../../../cloudflare/src/sync/planner';
import { syncDiffTexts } from '../../../client/src/text/syncDiff';
import { parse } from '../../../core/src/parse/parser';

const zoneFile = [
  '$ORIGIN example.com.',
  '@ 3600 IN SOA ns1.example.com. host.example.com. 1 2 3 4 5',
  'www 300 IN A 192.0.2.1',
  'new 300 IN A 192.0.2.2',
  'mail 600 IN A 192.0.2.3',
  '',
].join('\n');

const live = [
  { id: '1'.repeat(32), type: 'A', name: 'www.example.com', content: '192.0.2.1', ttl: 300 },
  { id: '2'.repeat(32), type: 'A', name: 'old.example.com', content: '192.0.2.9', ttl: 300 },
  { id: '3'.repeat(32), type: 'A', name: 'mail.example.com', content: '192.0.2.3', ttl: 300 },
  { id: '4'.repeat(32), type: 'NS', name: 'example.com', content: 'ada.ns.cloudflare.com', ttl: 86400 },
].map(liveRecordOf);

describe('the sync diff texts', () => {
  const local = desiredRecordsOf(parse(zoneFile, { origin: 'example.com.' }), convertZoneRecord);
  const plan = computePlan(local.desired, live, { zone: 'example.com', skipped: local.skipped });
  const texts = syncDiffTexts('example.com', plan, live, local.desired);
  const lines = (text: string): string[] => text.trimEnd().split('\n');

  it('starts both sides with the same summary line', () => {
    assert.equal(lines(texts.live)[0], '; example.com: 1 to create, 1 to update, 1 to delete');
    assert.equal(lines(texts.local)[0], lines(texts.live)[0]);
  });

  it('puts one sorted line per record, so a changed line is exactly one change', () => {
    assert.deepEqual(lines(texts.live).slice(1), [
      'mail.example.com. 300 IN A 192.0.2.3 ; cf_tags=cf-proxied:false',
      'old.example.com. 300 IN A 192.0.2.9 ; cf_tags=cf-proxied:false',
      'www.example.com. 300 IN A 192.0.2.1 ; cf_tags=cf-proxied:false',
    ]);
    assert.deepEqual(lines(texts.local).slice(1), [
      'mail.example.com. 600 IN A 192.0.2.3 ; cf_tags=cf-proxied:false',
      'new.example.com. 300 IN A 192.0.2.2 ; cf_tags=cf-proxied:false',
      'www.example.com. 300 IN A 192.0.2.1 ; cf_tags=cf-proxied:false',
    ]);
  });

  it("leaves out what the sync does not touch: the SOA and Cloudflare's apex NS", () => {
    assert.doesNotMatch(texts.live, / NS /);
    assert.doesNotMatch(texts.local, / SOA /);
  });
});
