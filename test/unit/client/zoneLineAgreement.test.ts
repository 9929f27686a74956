import * as assert from 'node:assert/strict';
import { formatRecordLine } from '../../../cloudflare/src/sync/plan-format';
import { liveRecordOf, type ApiRecordInput } from '../../../cloudflare/src/sync/plan-records';
import { zoneFileLine } from '../../../client/src/text/recordText';
import { parseCfComment } from '../../../core/src/cloudflare/cftags';
import { toZoneLine } from '../../../core/src/cloudflare/records';
import { parse } from '../../../core/src/parse/parser';

// Records as the API returns them. Tag names are lower case and sorted, proxied records have TTL 1: the plan prints
// records as the planner compares them, so these are the records on which all three printers must agree.
const longText = `${'é'.repeat(200)} ok`;
const records: (ApiRecordInput & { readonly content: string })[] = [
  { id: '1', type: 'TXT', name: 'txt.example.com', content: longText, ttl: 300, comment: 'non-ASCII', tags: [] },
  { id: '2', type: 'AAAA', name: 'v6.example.com', content: '2001:DB8:0:0:0:0:0:1', ttl: 300, proxied: false },
  {
    id: '3',
    type: 'A',
    name: 'www.example.com',
    content: '192.0.2.1',
    ttl: 1,
    proxied: true,
    comment: 'front door',
    tags: ['list:a,b', 'path:C:\\web', 'quote:say "hi"', 'team:web ops', 'trail: padded '],
  },
  {
    id: '4',
    type: 'CNAME',
    name: 'example.com',
    content: 'target.example.net',
    ttl: 300,
    proxied: false,
    settings: { flatten_cname: true },
    tags: ['flag:'],
  },
  { id: '5', type: 'MX', name: 'example.com', content: 'mx.example.net', priority: 10, ttl: 3600 },
  {
    id: '6',
    type: 'SRV',
    name: '_sip._tcp.example.com',
    content: '10 60 5060 sip.example.com',
    data: { priority: 10, weight: 60, port: 5060, target: 'sip.example.com' },
    ttl: 300,
  },
];

function octetLengths(line: string): number[] {
  const parsed = parse(`${line}\n`, { origin: 'example.com.' });
  return (parsed.records[0]?.fields ?? []).map((field) => new TextEncoder().encode(field.value).length);
}

describe('one zone-file line for an API record', () => {
  for (const record of records) {
    it(`${record.type} ${record.name}: the zone core, "copy as zone-file line" and the plan print the same`, () => {
      const core = toZoneLine(record);
      assert.equal(zoneFileLine(record), core);
      assert.equal(formatRecordLine(liveRecordOf(record)), core);
    });
  }

  it('writes IPv6 canonically and cf-proxied for every proxiable record, true or false', () => {
    assert.equal(zoneFileLine(records[1]), 'v6.example.com. 300 IN AAAA 2001:db8::1 ; cf_tags=cf-proxied:false');
    assert.equal(
      formatRecordLine(liveRecordOf(records[3])),
      'example.com. 300 IN CNAME target.example.net. ; cf_tags=flag:,cf-flatten-cname:true,cf-proxied:false',
    );
    assert.equal(zoneFileLine(records[4]), 'example.com. 3600 IN MX 10 mx.example.net.');
  });

  it('splits a non-ASCII TXT at 255 octets, never inside a character, and it parses back to the same text', () => {
    const line = zoneFileLine(records[0]);
    const parsed = parse(`${line}\n`, { origin: 'example.com.' });
    assert.deepEqual(
      parsed.diagnostics.filter((diagnostic) => diagnostic.severity === 'error'),
      [],
    );
    assert.equal(parsed.records[0]?.fields.map((field) => field.value).join(''), longText);
    assert.deepEqual(octetLengths(line), [254, 149]);
  });

  it('quotes only the tag values that need it, and the comment parses back to the same comment and tags', () => {
    const record = records[2];
    const line = formatRecordLine(liveRecordOf(record));
    assert.equal(
      line,
      'www.example.com. 1 IN A 192.0.2.1 ; front door cf_tags=list:"a,b",path:"C:\\\\web",' +
        'quote:"say \\"hi\\"",team:web ops,trail:" padded ",cf-proxied:true',
    );
    const comment = parseCfComment(line.slice(line.indexOf(';')));
    assert.deepEqual(
      [comment.comment, comment.tags, comment.proxied, comment.problems],
      [record.comment, record.tags, true, []],
    );
    const parsed = parse(`${line}\n`, { origin: 'example.com.' });
    assert.equal(parsed.records[0]?.comment?.text, line.slice(line.indexOf(';')));
  });
});
