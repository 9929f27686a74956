import assert from 'node:assert/strict';
import {
  parse,
  parseIncremental,
  parseRecords,
  sameState,
  startPoint,
  type ResumePoint,
} from '../../../core/src/parse/parser';
import type { ParseOptions, ZoneDiagnostic, ZoneRecord } from '../../../core/src/types';

const options: ParseOptions = { origin: 'example.com' };

const zone = [
  '$TTL 300',
  '@ IN SOA ns1 hostmaster (',
  '   1 7200 3600 1209600 300 )',
  '  NS ns1',
  'ns1 A 192.0.2.53 ; name server',
  '$ORIGIN sub.example.com.',
  'www 60 A 192.0.2.1',
  '    AAAA 2001:db8::1',
  '',
  '; a comment line',
  'mail MX 10 mx',
  '$TTL 1h',
  'txt TXT "hello" "world"',
  '$GENERATE 1-3 g$ CNAME www',
  'last A 192.0.2.9',
].join('\n');

function json(records: readonly ZoneRecord[]): unknown {
  return JSON.parse(JSON.stringify(records));
}

describe('parser: streaming and incremental entry points', () => {
  it('parseRecords streams the same records and diagnostics as parse, keeping no tokens', () => {
    const records: ZoneRecord[] = [];
    const diagnostics: ZoneDiagnostic[] = [];
    const summary = parseRecords(zone + '\nbad AAA 1\n', options, {
      record: (r) => records.push(r),
      diagnostic: (d) => diagnostics.push(d),
    });
    const full = parse(zone + '\nbad AAA 1\n', options);
    assert.deepEqual(json(records), json(full.records));
    assert.deepEqual(diagnostics, full.diagnostics);
    assert.equal(summary.origin, 'example.com.');
    assert.equal(summary.end.offset, zone.length + 11);
    assert.equal(summary.end.state.origin, 'sub.example.com.');
    assert.equal(summary.end.state.defaultTtl, 3600);
  });

  it('offers a resume point at every line start, and resuming at any of them gives the same records after it', () => {
    const points: ResumePoint[] = [];
    const full: ZoneRecord[] = [];
    parseRecords(zone, options, { entry: (p) => points.push(p), record: (r) => full.push(r) });
    const lineCount = zone.split('\n').length;
    // Line 2 continues the SOA inside parentheses: a record cannot resume there.
    assert.deepEqual(
      points.map((p) => p.line),
      [...Array(lineCount).keys()].filter((line) => line !== 2),
    );
    for (const point of points) {
      assert.equal(point.character, 0);
      const resumed: ZoneRecord[] = [];
      parseIncremental(zone, point, options, { record: (r) => resumed.push(r) });
      const expected = full.filter((r) => (r as ZoneRecord & { start: number }).start >= point.offset);
      assert.deepEqual(json(resumed), json(expected), `resuming at line ${point.line}`);
    }
  });

  it('stops at the first line at or after `until` and returns the state there', () => {
    const points: ResumePoint[] = [];
    parseRecords(zone, options, { entry: (p) => points.push(p) });
    const from = points.find((p) => p.line === 4)!;
    const target = points.find((p) => p.line === 9)!;
    const records: ZoneRecord[] = [];
    const blankLine = points.find((p) => p.line === 8)!;
    const stop = parseIncremental(zone, from, options, { record: (r) => records.push(r) }, blankLine.offset + 1);
    assert.equal(stop.offset, target.offset);
    assert.equal(stop.line, target.line);
    assert.ok(sameState(stop.state, target.state));
    assert.deepEqual(
      records.map((r) => r.owner),
      ['ns1.example.com.', 'www.sub.example.com.', 'www.sub.example.com.'],
    );
  });

  it('re-parses after an edit from the previous resume point and re-synchronises with the old state', () => {
    const oldPoints: ResumePoint[] = [];
    parseRecords(zone, options, { entry: (p) => oldPoints.push(p) });
    const at = zone.indexOf('192.0.2.1');
    const edited = zone.slice(0, at) + '198.51.100.1' + zone.slice(at + '192.0.2.1'.length);
    const delta = edited.length - zone.length;
    const before = [...oldPoints].reverse().find((p) => p.offset <= at)!;
    const records: ZoneRecord[] = [];
    const stop = parseIncremental(edited, before, options, { record: (r) => records.push(r) }, at + 1);
    const old = oldPoints.find((p) => p.offset + delta === stop.offset)!;
    assert.ok(old !== undefined, 'the stop is an old line start shifted by the edit');
    assert.ok(sameState(old.state, stop.state), 'same state there: the rest of the old parse still holds');
    assert.deepEqual(
      records.map((r) => [r.owner, r.rdata[0]?.text, r.range.start.line]),
      [['www.sub.example.com.', '198.51.100.1', 6]],
    );
  });

  it('offers the first resume point at offset 0, also after a byte-order mark', () => {
    for (const text of ['\ufeffwww A 192.0.2.1\n', '\ufeff', 'www A 192.0.2.1\n']) {
      const points: ResumePoint[] = [];
      parseRecords(text, options, { entry: (p) => points.push(p) });
      assert.equal(points[0]?.offset, 0, JSON.stringify(text));
    }
  });

  it('startPoint gives the state the options describe', () => {
    const point = startPoint({ origin: 'x.test', defaultTtl: 30, zoneClass: 'chaos' });
    assert.deepEqual(point.state, {
      origin: 'x.test.',
      defaultTtl: 30,
      lastTtl: undefined,
      previousOwner: undefined,
      previousOwnerKey: undefined,
      zoneClass: 'CH',
      ttlWarned: false,
      originChanged: false,
    });
  });

  it('turns an exception inside the parse into an internal-error diagnostic', () => {
    const diagnostics: ZoneDiagnostic[] = [];
    let calls = 0;
    parseRecords('$TTL 1\na A 192.0.2.1\nb A 192.0.2.2\n', options, {
      record: () => {
        calls++;
        throw new Error('boom');
      },
      diagnostic: (d) => diagnostics.push(d),
    });
    assert.equal(calls, 1);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['internal-error'],
    );
  });
});
