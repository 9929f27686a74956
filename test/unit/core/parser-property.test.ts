import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  parse,
  parseIncremental,
  parseRecords,
  sameState,
  startPoint,
  type ResumePoint,
} from '../../../core/src/parse/parser';
import type { ParseOptions, Range, ZoneDiagnostic, ZoneRecord } from '../../../core/src/types';
import { covered } from './parser-helpers';

const options: ParseOptions = { origin: 'example.com' };

const sample = [
  '$ORIGIN example.com.',
  '$TTL 1h',
  '@ IN SOA ns1 hostmaster ( 2024010101 7200 3600 1209600 300 ) ; soa',
  '  NS ns1',
  'ns1 300 IN A 192.0.2.53',
  'www IN 60 AAAA 2001:db8::1',
  'txt TXT "a \\"quoted\\" \\059 string" plain\\ word',
  'mx MX 10 mail.example.org.',
  'gen CLASS1 TYPE65280 \\# 2 abcd',
  '$GENERATE 1-4 h$ A 192.0.2.${10}',
  '$INCLUDE other.inc sub',
  'srv._tcp SRV 0 5 5060 sip',
  '',
].join('\n');

// Characters that matter to the lexer, weighted towards the special ones.
const zoneChar = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(' ', '\t', '\n', '\r', '\r\n', '(', ')', ';', '"', '\\', '$', '@', '.') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'A',
      'IN',
      'SOA',
      'TXT',
      '$TTL',
      '$ORIGIN',
      '$INCLUDE',
      '$GENERATE',
      '1h',
      '300',
      '1-3',
      '\\#',
      '${1,2,x}',
    ),
  },
  { weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom('é', '😀', '\ufeff', '\u0000', '\\256', '\\1') },
);
const zoneText = fc.array(zoneChar, { maxLength: 120 }).map((parts) => parts.join(''));

// Without $TTL, a record's TTL depends on the previous record's: edits here test that the state carries it.
const inheritedTtls = [
  '@ 600 SOA ns hm 1 2 3 4 5',
  'a 300 A 192.0.2.1',
  'b A 192.0.2.2',
  'c 60 A 192.0.2.3',
  '  TXT "x"',
  '$ORIGIN sub',
  'd A 192.0.2.4',
  '',
].join('\n');

const mutation = fc.tuple(fc.nat(), fc.nat({ max: 4 }), fc.array(zoneChar, { maxLength: 3 }));
const mutatedSample = fc
  .tuple(fc.constantFrom(sample, inheritedTtls), fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([base, edits]) => {
    let text = base;
    for (const [at, remove, insert] of edits) {
      const position = at % (text.length + 1);
      text = text.slice(0, position) + insert.join('') + text.slice(position + remove);
    }
    return text;
  });

const readFile = (path: string): string | undefined => (path.endsWith('other.inc') ? sample : undefined);

function checkRange(text: string, range: Range, what: string): void {
  assert.ok(range.start.offset >= 0 && range.end.offset <= text.length, `${what} inside the document`);
  assert.ok(range.start.offset <= range.end.offset, `${what} start <= end`);
  covered(text, range);
}

function recordRanges(record: ZoneRecord): Range[] {
  const ranges = [record.range, record.typeRange, ...record.rdata.map((t) => t.range)];
  for (const optional of [record.ownerRange, record.ttlRange, record.classRange, record.comment?.range]) {
    if (optional !== undefined) ranges.push(optional);
  }
  return ranges;
}

function checkDocument(text: string): void {
  const result = parse(text, { ...options, path: '/z/db', readFile });
  let previousEnd = 0;
  for (const token of result.tokens) {
    checkRange(text, token.range, 'token');
    assert.ok(token.range.start.offset >= previousEnd, 'tokens in order without overlap');
    assert.ok(token.range.end.offset > token.range.start.offset, 'tokens are not empty');
    assert.equal(covered(text, token.range), token.text);
    previousEnd = token.range.end.offset;
  }
  for (const record of result.records) {
    if (record.file !== undefined) continue;
    for (const range of recordRanges(record)) checkRange(text, range, 'record range');
  }
  for (const diagnostic of result.diagnostics) {
    if (diagnostic.file === undefined) checkRange(text, diagnostic.range, `diagnostic ${diagnostic.code}`);
  }
  for (const directive of result.directives) {
    if (directive.file === undefined) checkRange(text, directive.range, 'directive');
  }
}

describe('parser: properties', () => {
  it('never throws on random text, and every range lies inside it with tokens in order', () => {
    fc.assert(fc.property(zoneText, checkDocument), { numRuns: 300 });
  });

  it('never throws on mutations of a valid zone, with the same range guarantees', () => {
    fc.assert(fc.property(mutatedSample, checkDocument), { numRuns: 300 });
  });

  it('never reports an error on the unmutated sample’s syntax', () => {
    const result = parse(sample, { ...options, path: '/z/db', readFile });
    assert.deepEqual(
      result.diagnostics.filter((d) => d.file === undefined && d.severity === 'error').map((d) => d.code),
      [],
    );
  });

  it('resuming at any line start of any text gives the records of a full parse after it', () => {
    fc.assert(
      fc.property(fc.oneof(zoneText, mutatedSample), fc.nat(), (text, pick) => {
        const points: ResumePoint[] = [];
        const full: ZoneRecord[] = [];
        parseRecords(text, options, { entry: (p) => points.push(p), record: (r) => full.push(r) });
        const point = points[pick % points.length];
        if (point === undefined) return;
        const resumed: ZoneRecord[] = [];
        parseIncremental(text, point, options, { record: (r) => resumed.push(r) });
        const expected = full.filter((r) => r.range.start.offset >= point.offset);
        assert.deepEqual(JSON.parse(JSON.stringify(resumed)), JSON.parse(JSON.stringify(expected)));
      }),
      { numRuns: 200 },
    );
  });

  it('re-parsing from the line before an edit until the state matches again gives what a full parse gives', () => {
    const edit = fc.tuple(
      fc.nat(),
      fc.nat({ max: 6 }),
      fc.array(fc.oneof(zoneChar, fc.constantFrom('1', '30', ' 5 ', '$TTL 9\n')), { maxLength: 4 }),
    );
    fc.assert(
      fc.property(
        fc.oneof(mutatedSample, fc.constant(inheritedTtls), zoneText),
        edit,
        (before, [at, removeCount, insertParts]) => {
          const start = at % (before.length + 1);
          const end = Math.min(before.length, start + removeCount);
          const inserted = insertParts.join('');
          const after = before.slice(0, start) + inserted + before.slice(end);
          const delta = after.length - before.length;

          const old = collect(before, startPoint(options));
          const from = [...old.points].reverse().find((p) => p.offset <= start) ?? startPoint(options);
          const fresh = collect(after, from, end + delta + 1);
          let kept: Summary[] = [];
          let keptDiagnostics: string[] = [];
          const resync = old.points.find((p) => p.offset + delta === fresh.stop.offset && p.offset >= end);
          if (resync !== undefined && sameState(resync.state, fresh.stop.state)) {
            kept = old.records.filter((r) => r[4] >= resync.offset).map((r) => shift(r, delta));
            keptDiagnostics = old.diagnostics
              .filter((d) => d.at >= resync.offset)
              .map((d) => `${d.code}@${d.at + delta}`);
          } else {
            const rest = collect(after, fresh.stop);
            kept = rest.records;
            keptDiagnostics = rest.diagnostics.map((d) => `${d.code}@${d.at}`);
          }
          const spliced = [...old.records.filter((r) => r[4] < from.offset), ...fresh.records, ...kept];
          const full = collect(after, startPoint(options));
          assert.deepEqual(spliced, full.records);
          const splicedDiagnostics = [
            ...old.diagnostics.filter((d) => d.at < from.offset).map((d) => `${d.code}@${d.at}`),
            ...fresh.diagnostics.map((d) => `${d.code}@${d.at}`),
            ...keptDiagnostics,
          ];
          assert.deepEqual(
            splicedDiagnostics,
            full.diagnostics.map((d) => `${d.code}@${d.at}`),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** owner, type, ttl, rdata, start offset, end offset */
type Summary = [string, string, number, string, number, number];

function shift(summary: Summary, delta: number): Summary {
  return [summary[0], summary[1], summary[2], summary[3], summary[4] + delta, summary[5] + delta];
}

function collect(
  text: string,
  from: ResumePoint,
  until?: number,
): {
  records: Summary[];
  diagnostics: { code: string; at: number }[];
  points: ResumePoint[];
  stop: ResumePoint;
} {
  const records: Summary[] = [];
  const diagnostics: { code: string; at: number }[] = [];
  const points: ResumePoint[] = [];
  const stop = parseIncremental(
    text,
    from,
    options,
    {
      entry: (p) => points.push(p),
      record: (r: ZoneRecord) =>
        records.push([
          r.owner,
          r.type,
          r.ttl,
          r.rdata.map((t) => t.text).join(' '),
          r.range.start.offset,
          r.range.end.offset,
        ]),
      diagnostic: (d: ZoneDiagnostic) => diagnostics.push({ code: d.code, at: d.range.start.offset }),
    },
    until,
  );
  return { records, diagnostics, points, stop };
}
