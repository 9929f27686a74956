import * as assert from 'node:assert/strict';
import { parse } from '../../../core/src/parse/parser';
import {
  formatTtl,
  formatUsage,
  groupByName,
  isReadOnly,
  recordDescription,
  recordIcon,
  recordLabel,
  recordRdata,
  recordTooltip,
  relativeOwner,
  zoneFileLine,
  type RecordView,
} from '../../../client/src/text/recordText';

const base: RecordView = {
  id: '0123456789abcdef0123456789abcdef',
  type: 'A',
  name: 'www.example.com',
  content: '192.0.2.1',
  ttl: 300,
};

describe('record text', () => {
  it('writes TTL 1 as auto and other TTLs with a unit when one divides them', () => {
    assert.deepEqual([1, 45, 60, 300, 3600, 7200, 86400, 90].map(formatTtl), [
      'auto',
      '45 s',
      '60 (1 min)',
      '300 (5 min)',
      '3600 (1 h)',
      '7200 (2 h)',
      '86400 (1 d)',
      '90 s',
    ]);
  });

  it('writes usage with thousands separators, and an account-level quota in words', () => {
    assert.equal(formatUsage(123, 3500), '123 / 3,500');
    assert.equal(formatUsage(1234567, 1000000), '1,234,567 / 1,000,000');
    assert.equal(formatUsage(5, null), '5 / account quota');
  });

  it('names owners relative to the zone', () => {
    assert.equal(relativeOwner('example.com', 'example.com'), '@');
    assert.equal(relativeOwner('WWW.Example.com.', 'example.com'), 'www');
    assert.equal(relativeOwner('a.b.example.com', 'example.com.'), 'a.b');
    assert.equal(relativeOwner('other.net', 'example.com'), 'other.net');
  });

  it('writes rdata as a zone file does: priority first, absolute names, quoted TXT', () => {
    assert.equal(
      recordRdata({ ...base, type: 'MX', content: 'mail.example.com', priority: 10 }),
      '10 mail.example.com.',
    );
    assert.equal(recordRdata({ ...base, type: 'CNAME', content: 'target.example.net' }), 'target.example.net.');
    assert.equal(recordRdata({ ...base, type: 'TXT', content: '"already quoted"' }), '"already quoted"');
    assert.equal(recordRdata({ ...base, type: 'TXT', content: 'say "hi" \\o/' }), '"say \\"hi\\" \\\\o/"');
    assert.equal(
      recordRdata({ ...base, type: 'SRV', content: '10 60 5060 sip.example.com' }),
      '10 60 5060 sip.example.com.',
    );
    assert.equal(recordRdata({ ...base, type: 'HTTPS', content: '1 . alpn="h2"' }), '1 . alpn="h2"');
    assert.equal(
      recordRdata({ ...base, type: 'SVCB', content: '1 svc.example.net alpn="h3"' }),
      '1 svc.example.net. alpn="h3"',
    );
    assert.equal(
      recordRdata({ ...base, type: 'URI', content: '1 "https://example.com/"', priority: 10 }),
      '10 1 "https://example.com/"',
    );
    const long = recordRdata({ ...base, type: 'TXT', content: 'x'.repeat(300) });
    assert.equal(long, `"${'x'.repeat(255)}" "${'x'.repeat(45)}"`);
  });

  it('copies a record as a line that parses back to the same record, comment and tags included', () => {
    const record: RecordView = {
      ...base,
      type: 'TXT',
      content: 'v=spf1 -all',
      ttl: 1,
      comment: 'mail policy',
      tags: ['team:mail'],
    };
    const line = zoneFileLine(record);
    assert.equal(line, 'www.example.com. 1 IN TXT "v=spf1 -all" ; mail policy cf_tags=team:mail');
    const parsed = parse(`${line}\n`, { origin: 'example.com.' });
    assert.deepEqual(
      parsed.diagnostics.filter((diagnostic) => diagnostic.severity === 'error'),
      [],
    );
    const [back] = parsed.records;
    assert.ok(back);
    assert.deepEqual(
      [back.owner, back.ttl, back.type, back.fields.map((field) => field.value).join('')],
      ['www.example.com.', 1, 'TXT', 'v=spf1 -all'],
    );
    assert.equal(back.comment?.text, '; mail policy cf_tags=team:mail');
    assert.equal(
      zoneFileLine({ ...base, proxied: true }),
      'www.example.com. 300 IN A 192.0.2.1 ; cf_tags=cf-proxied:true',
    );
  });

  it('labels, describes and explains a record for the tree', () => {
    const record: RecordView = {
      ...base,
      ttl: 1,
      proxied: true,
      proxiable: true,
      comment: 'web *front*',
      tags: ['env:prod'],
    };
    assert.equal(recordLabel(record, recordRdata(record)), 'A 192.0.2.1');
    assert.equal(recordDescription(record), 'auto · proxied');
    assert.equal(recordDescription({ ...record, proxied: false }), 'auto · DNS only');
    assert.equal(recordDescription({ ...base, type: 'TXT', content: '"x"' }), '5 min');
    const tooltip = recordTooltip(record);
    assert.match(tooltip, /Comment: web \\\*front\\\*/);
    assert.match(tooltip, /Tags: `env:prod`/);
    assert.match(tooltip, /Proxied: yes/);
    assert.doesNotMatch(tooltip, /Read-only/);
    assert.match(recordTooltip({ ...base, meta: { read_only: true } }), /Read-only/);
  });

  it('tells read-only records apart', () => {
    assert.equal(isReadOnly({ meta: { read_only: true } }), true);
    assert.equal(isReadOnly({ meta: {} }), false);
    assert.equal(isReadOnly({}), false);
  });

  it('groups records by name: apex first then in order, or in the API order', () => {
    const records = ['b.example.com', 'example.com', 'a.example.com', 'b.example.com'].map((name, index) => ({
      ...base,
      id: String(index),
      name,
    }));
    assert.deepEqual(
      groupByName(records, 'example.com').map(([name, group]) => [name, group.length]),
      [
        ['example.com', 1],
        ['a.example.com', 1],
        ['b.example.com', 2],
      ],
    );
    assert.deepEqual(
      groupByName(records, 'example.com', false).map(([name]) => name),
      ['b.example.com', 'example.com', 'a.example.com'],
    );
  });

  it('gives records icons that mean something: a cloud when proxied, a lock when read-only, else by type', () => {
    assert.equal(recordIcon({ type: 'A', proxied: true }), 'cloud');
    assert.equal(recordIcon({ type: 'NS', meta: { read_only: true } }), 'lock');
    assert.deepEqual(
      ['A', 'CNAME', 'MX', 'TXT', 'TLSA', 'TYPE65534'].map((type) => recordIcon({ type })),
      ['server', 'link', 'mail', 'note', 'key', 'symbol-field'],
    );
  });
});
