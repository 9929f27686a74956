import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse, parseIncremental, parseRecords, type ResumePoint } from '../../../server/src/zone/parser';
import type { ParseOptions, Range, ZoneRecord } from '../../../server/src/zone/types';
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

const mutation = fc.tuple(fc.nat(), fc.nat({ max: 4 }), fc.array(zoneChar, { maxLength: 3 }));
const mutatedSample = fc.array(mutation, { minLength: 1, maxLength: 6 }).map((edits) => {
  let text = sample;
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
});
