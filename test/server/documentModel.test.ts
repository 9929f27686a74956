import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { EditableText } from '../../server/src/editableText';
import { DocumentModel, type ModelOptions } from '../../server/src/incremental/documentModel';
import { defaultLintSettings } from '../../core/src/settings';
import type { Range, ZoneDiagnostic } from '../../core/src/types';

const options: ModelOptions = {
  origin: 'example.com.',
  path: undefined,
  readFile: undefined,
  settings: { profile: 'bind', rules: {} },
  segmentLines: 3,
};

const at = (range: Range): string =>
  `${range.start.line}:${range.start.character}/${range.start.offset}-${range.end.line}:${range.end.character}/${range.end.offset}`;

/** Everything a client sees of a finding, fixes and related places included, with exact positions. */
function summary(findings: readonly ZoneDiagnostic[]): string[] {
  return findings
    .map((f) => {
      const fixes = (f.fixes ?? []).map(
        (fix) => `${fix.title}: ${fix.edits.map((e) => `${at(e.range)}=${JSON.stringify(e.newText)}`).join(' ')}`,
      );
      const related = (f.related ?? []).map((r) => `${r.message}@${at(r.range)}`);
      return `${f.code} ${f.severity} ${at(f.range)} ${f.message} [${fixes.join('; ')}] [${related.join('; ')}]`;
    })
    .sort();
}

function records(model: DocumentModel): string[] {
  return [...model.records()].map(({ item, lineShift }) => {
    const { start, end } = item.range;
    return `${item.ownerKey} ${item.ttl} ${item.type} ${item.rdata.map((t) => t.text).join(' ')} @${start.line + lineShift}:${start.character}-${end.line + lineShift}:${end.character}`;
  });
}

const base = [
  '$TTL 3600',
  '@ IN SOA ns1 hostmaster ( 1 7200 3600',
  '   1209600 300 )',
  '@ IN NS ns1',
  'ns1 IN A 192.0.2.1',
  'www IN A 192.0.2.2',
  '    IN AAAA 2001:db8::1',
  'www IN CNAME ns1',
  'mail IN MX 10 www',
  'dup IN A 192.0.2.9',
  'dup IN A 192.0.2.9',
  'ttl 60 IN TXT "a"',
  'ttl 120 IN TXT "b"',
  'bücher IN A 192.0.2.3',
  '$ORIGIN sub.example.com.',
  'x IN A 192.0.2.4',
  'x IN CNAME y',
  // Enough lines below for the edits above to be re-parsed in a window of the text, not the whole rest.
  ...Array.from({ length: 24 }, (_, i) => (i % 3 === 0 ? `h${i} IN MX 10 x` : `h${i} IN A 192.0.2.${i}`)),
  '',
].join('\n');

/**
 * Counts over the whole zone in a message ("8 records inherit it") are only recounted by the full analysis that
 * follows typing; everything else, positions included, must match after every edit.
 */
function loose(line: string): string {
  return line.replace(/\(\d+ records? inherits? it\)/g, '(N records inherit it)');
}

describe('document model (incremental analysis)', () => {
  it('gives the same records and findings after an edit as a fresh analysis', () => {
    const model = new DocumentModel('file:///zone', base, options);
    const at = base.indexOf('www IN CNAME');
    const text = base.slice(0, at) + 'alias' + base.slice(at + 3);
    assert.equal(model.update(at, at + 3, 'alias', text), 'incremental');
    const fresh = new DocumentModel('file:///zone', text, options);
    assert.deepEqual(records(model), records(fresh));
    assert.deepEqual(summary(model.diagnostics), summary(fresh.diagnostics));
    assert.ok(!summary(model.diagnostics).some((line) => line.startsWith('cname-and-other-data error 5:')));
  });

  it('gives the same findings when an edit comes while the owner index is still being built', async () => {
    const model = new DocumentModel('file:///zone', base, options);
    const building = model.indexInBackground();
    // Let one step of the build run: with three-line segments it is not done yet.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const at = base.indexOf('ns1 IN A') + 'ns1 IN A 192.0.2.'.length;
    const text = `${base.slice(0, at)}7${base.slice(at + 1)}`;
    assert.equal(model.update(at, at + 1, '7', text), 'incremental');
    await building;
    const fresh = new DocumentModel('file:///zone', text, options);
    assert.deepEqual(summary(model.diagnostics), summary(fresh.diagnostics));
    // The index the edit completed is the one later edits use: an alias added at the MX target shows up.
    const www = text.indexOf('www IN A');
    const aliased = `${text.slice(0, www)}www IN CNAME ns1\n${text.slice(www)}`;
    model.update(www, www, 'www IN CNAME ns1\n', aliased);
    assert.deepEqual(
      summary(model.diagnostics),
      summary(new DocumentModel('file:///zone', aliased, options).diagnostics),
    );
  });

  it('moves the findings below an edit that adds lines', () => {
    const model = new DocumentModel('file:///zone', base, { ...options, settings: defaultLintSettings });
    const before = model.diagnostics.find((d) => d.code === 'non-punycode-name');
    const text = `; one\n; two\n${base}`;
    model.update(0, 0, '; one\n; two\n', text);
    const after = model.diagnostics.find((d) => d.code === 'non-punycode-name');
    assert.equal(after?.range.start.line, (before?.range.start.line ?? 0) + 2);
    assert.equal(after?.range.start.offset, (before?.range.start.offset ?? 0) + 12);
  });

  it('moves an inherited-TTL finding when an edit makes an earlier record the first to inherit the TTL', () => {
    const lines = [
      '@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300',
      '@ 3600 IN NS ns1.example.net.',
      'a 3600 IN A 192.0.2.1',
      'b IN A 192.0.2.2',
      'b2 IN A 192.0.2.2',
      ...Array.from({ length: 12 }, (_, i) => `f${i} 3600 IN A 192.0.2.${i}`),
      'c 9 IN A 192.0.2.3',
      'd IN A 192.0.2.4',
      'e IN A 192.0.2.5',
      '',
    ];
    const start = lines.join('\n');
    const cloudflare: ModelOptions = { ...options, settings: { profile: 'cloudflare', rules: {} } };
    const model = new DocumentModel('file:///zone', start, cloudflare);
    const inherits = (): string[] =>
      model.diagnostics.filter((d) => d.message.startsWith('This record inherits')).map((d) => `${d.range.start.line}`);
    assert.deepEqual(inherits(), ['18']);
    const at = start.indexOf('a 3600') + 2;
    const text = `${start.slice(0, at)}9${start.slice(at + 4)}`;
    assert.equal(model.update(at, at + 4, '9', text), 'incremental');
    assert.deepEqual(inherits(), ['3'], 'b and b2 inherit TTL 9 now, b first; d no longer carries the finding');
    assert.deepEqual(
      summary(model.diagnostics).map(loose),
      summary(new DocumentModel('file:///zone', text, cloudflare).diagnostics).map(loose),
    );
  });

  /** Without $TTL and with a short SOA minimum, records inherit a TTL Cloudflare refuses (reported once, at the first). */
  const inheriting = base.replace('$TTL 3600\n', '').replace('1209600 300 )', '1209600 30 )');
  /** The same, but the apex states its TTLs: the first record inheriting a short TTL is further down. */
  const inheritingBelow = inheriting
    .replace('@ IN NS ns1', '@ 3600 IN NS ns1')
    .replace('ns1 IN A 192.0.2.1', 'ns1 30 IN A 192.0.2.1');
  const variants = [
    { profile: 'bind', text: base },
    { profile: 'cloudflare', text: base },
    { profile: 'cloudflare', text: inheriting },
    { profile: 'cloudflare', text: inheritingBelow },
  ] as const;
  for (const { profile, text: start } of variants) {
    const name = `${profile} profile${start === inheriting ? ', inherited TTLs' : start === inheritingBelow ? ', inherited TTLs below the apex' : ''}`;
    it(`agrees with a fresh analysis after any sequence of random edits, ${name} (property)`, function () {
      this.timeout(120_000);
      const profileOptions: ModelOptions = { ...options, settings: { profile, rules: {} } };
      const pieces = [
        '\n',
        ' ',
        'x',
        'www',
        '(',
        ')',
        '"',
        ';',
        '\t',
        '300 ',
        'IN CNAME a\n',
        'A 192.0.2.7\n',
        '$ORIGIN b.\n',
        '$TTL 60\n',
        '$TTL 30\n',
        'y IN A 192.0.2.5\n',
        'dup IN A 192.0.2.9\n',
        'mail IN MX 10 www\n',
        'www IN CNAME x\n',
        'sub IN NS ns9\n',
        'ns9 IN A 192.0.2.8\n',
        'm IN MX 5 nohost\n',
        'nohost IN A 192.0.2.6\n',
        '*.w IN A 192.0.2.7\n',
        'm IN MX 5 a.w\n',
        ' ; zone-records-disable-line mixed-ttl\n',
        'dup IN A 192.0.2.9 ; zone-records-disable-line duplicate-record bogus\n',
      ];
      const edit = fc.record({
        at: fc.nat(),
        length: fc.nat({ max: 12 }),
        insert: fc.array(fc.constantFrom(...pieces), { maxLength: 3 }).map((parts) => parts.join('')),
      });
      fc.assert(
        // Half the runs give the model its text as the server does: one EditableText in small pieces, edited in place.
        fc.property(
          fc.array(edit, { minLength: 1, maxLength: 6 }),
          fc.option(fc.integer({ min: 1, max: 40 })),
          (edits, piece) => {
            let text = start;
            const editable = piece === null ? undefined : new EditableText(text, 1, piece);
            const model = new DocumentModel('file:///zone', editable ?? text, profileOptions);
            for (const { at, length, insert } of edits) {
              const start = at % (text.length + 1);
              const end = Math.min(text.length, start + length);
              const removed = text.slice(start, end);
              text = text.slice(0, start) + insert + text.slice(end);
              if (editable === undefined) model.update(start, end, insert, text);
              else {
                editable.replace(start, end, insert);
                model.update(start, end, insert, editable, removed);
              }
              const fresh = new DocumentModel('file:///zone', text, profileOptions);
              assert.deepEqual(records(model), records(fresh), text);
              assert.deepEqual(summary(model.diagnostics).map(loose), summary(fresh.diagnostics).map(loose), text);
            }
            model.analyzeAll();
            assert.deepEqual(
              summary(model.diagnostics),
              summary(new DocumentModel('file:///zone', text, profileOptions).diagnostics),
            );
          },
        ),
        { numRuns: Number(process.env.MODEL_RUNS ?? 150) },
      );
    });
  }

  it('re-analyses in the background and drops the result when the text changed meanwhile', async () => {
    const model = new DocumentModel('file:///zone', base, options);
    const at = base.indexOf('www IN CNAME');
    const renamed = base.slice(0, at) + 'alias' + base.slice(at + 3);
    model.update(at, at + 3, 'alias', renamed);
    assert.equal(model.stale, true);
    assert.equal(await model.analyzeInBackground(), true);
    assert.equal(model.stale, false);
    assert.deepEqual(
      summary(model.diagnostics),
      summary(new DocumentModel('file:///zone', renamed, options).diagnostics),
    );

    // A document large enough for the analysis to take steps, with an edit arriving between two of them.
    const large = renamed + Array.from({ length: 6000 }, (_, i) => `g${i} IN A 192.0.2.1\n`).join('');
    const big = new DocumentModel('file:///zone', large, options);
    const cname = large.slice(0, at) + 'cname' + large.slice(at + 5);
    big.update(at, at + 5, 'cname', cname);
    const dropped = big.analyzeInBackground();
    const again = cname.slice(0, at) + 'www' + cname.slice(at + 5);
    big.update(at, at + 5, 'www', again);
    assert.equal(await dropped, false);
    assert.equal(big.stale, true);
    assert.deepEqual(summary(big.diagnostics), summary(new DocumentModel('file:///zone', again, options).diagnostics));
  });

  it('applies the lint settings (profile and per-code severities)', () => {
    const cloudflare = new DocumentModel('file:///zone', base, { ...options, settings: defaultLintSettings });
    assert.ok(cloudflare.diagnostics.some((d) => d.code === 'non-punycode-name'));
    const quiet = new DocumentModel('file:///zone', base, {
      ...options,
      settings: { profile: 'cloudflare', rules: { 'non-punycode-name': 'off', 'duplicate-record': 'error' } },
    });
    assert.ok(!quiet.diagnostics.some((d) => d.code === 'non-punycode-name'));
    assert.equal(quiet.diagnostics.find((d) => d.code === 'duplicate-record')?.severity, 'error');
  });
});

describe('DocumentModel: the first analysis', () => {
  it('waits for the first reader, so settings given before it are the only ones analysed', () => {
    let reads = 0;
    const text = '$TTL 3600\n@ SOA ns1 host 1 2 3 4 5\n@ NS ns1.example.net.\n$INCLUDE part.zone\n';
    const counting: ModelOptions = {
      ...options,
      path: '/zones/example.com.zone',
      readFile: () => {
        reads++;
        return 'www 5 A 192.0.2.1\n';
      },
      settings: { profile: 'bind', rules: {} },
    };
    const model = new DocumentModel('file:///zones/example.com.zone', text, counting);
    assert.equal(reads, 0, 'nothing analysed before a reader');
    model.setOptions({ ...counting, settings: { profile: 'cloudflare', rules: {} } });
    assert.equal(reads, 1);
    assert.ok(model.diagnostics.some((finding) => finding.code === 'cloudflare-ttl'));
    assert.equal(reads, 1, 'the settings given first were the only analysis');

    const unread = new DocumentModel('file:///zones/example.com.zone', text, counting);
    assert.equal(unread.includes.size, 1);
    assert.equal(reads, 2, 'a reader analyses with the settings the model has');
  });
});
