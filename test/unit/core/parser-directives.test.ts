import assert from 'node:assert/strict';
import { maxGeneratedTotal } from '../../../core/src/parse/generate';
import { maxIncludedFiles } from '../../../core/src/parse/include';
import { parse, startPoint } from '../../../core/src/parse/parser';
import { ZoneReader, type ParseContext } from '../../../core/src/parse/parser-engine';
import { MutableState } from '../../../core/src/parse/parser-state';
import { SourceText } from '../../../core/src/parse/source';
import type { ParseOptions, ReadFile, ZoneDiagnostic } from '../../../core/src/types';
import { codes, covered, span } from './parser-helpers';

const origin: ParseOptions = { origin: 'example.com' };

/** A readFile over an in-memory map of files, recording what was asked. */
function files(map: Record<string, string>): { readFile: (path: string) => string | undefined; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    readFile: (path) => {
      asked.push(path);
      return map[path];
    },
  };
}

describe('parser: $ORIGIN and $TTL', () => {
  it('changes the origin for the names after it, relative to the current origin when relative', () => {
    const text = '$TTL 1\na A 192.0.2.1\n$ORIGIN sub\nb A 192.0.2.1\n$ORIGIN other.org.\n@ A 192.0.2.1\n';
    const result = parse(text, origin);
    assert.deepEqual(
      result.records.map((r) => r.owner),
      ['a.example.com.', 'b.sub.example.com.', 'other.org.'],
    );
    assert.deepEqual(
      result.directives.map((d) => [d.name, d.arguments.map((a) => a.text), span(d.range), span(d.nameRange)]),
      [
        ['$TTL', ['1'], [0, 0, 0, 6], [0, 0, 0, 4]],
        ['$ORIGIN', ['sub'], [2, 0, 2, 11], [2, 0, 2, 7]],
        ['$ORIGIN', ['other.org.'], [4, 0, 4, 18], [4, 0, 4, 7]],
      ],
    );
    assert.equal(result.origin, 'example.com.');
  });

  it('reads directive names in any case', () => {
    const result = parse('$ttl 5\n$origin x.test.\n@ A 192.0.2.1\n');
    assert.deepEqual(
      result.records.map((r) => [r.owner, r.ttl]),
      [['x.test.', 5]],
    );
    assert.deepEqual(
      result.directives.map((d) => d.name),
      ['$TTL', '$ORIGIN'],
    );
  });

  it('reports missing and extra arguments, and a bad $TTL', () => {
    const result = parse('$ORIGIN\n$ORIGIN a. b.\n$TTL 1x\n$TTL\n$TTL 1 2 ; comment is fine\n', origin);
    assert.deepEqual(codes(result.diagnostics), [
      'bad-directive@0:0-0:7',
      'bad-directive@1:11-1:13',
      'bad-ttl@2:5-2:7',
      'bad-directive@3:0-3:4',
      'bad-directive@4:7-4:8',
    ]);
  });

  it('reports unknown directives and directives that do not start their line', () => {
    const result = parse('$DATE 2020\n  $TTL 5\n', origin);
    assert.deepEqual(codes(result.diagnostics), ['unknown-directive@0:0-0:5', 'bad-directive@1:2-1:6']);
    assert.deepEqual(
      result.directives.map((d) => d.name),
      ['$DATE'],
    );
  });

  it('lets $TTL apply across a multi-line record only after it', () => {
    const result = parse('a 5 A 192.0.2.1\n$TTL 9\nb A 192.0.2.1\n', origin);
    assert.deepEqual(
      result.records.map((r) => r.ttl),
      [5, 9],
    );
  });
});

describe('parser: $INCLUDE', () => {
  it('reads the included file relative to the including file, with its records marked', () => {
    const fs = files({ '/zones/sub/hosts.inc': 'host1 A 192.0.2.1\n  AAAA 2001:db8::1\n' });
    const text = '$TTL 60\n$INCLUDE sub/hosts.inc\nafter A 192.0.2.9\n';
    const result = parse(text, { ...origin, path: '/zones/db.example', readFile: fs.readFile });
    assert.deepEqual(fs.asked, ['/zones/sub/hosts.inc']);
    assert.deepEqual(
      result.records.map((r) => [r.owner, r.type, r.ttl, r.file ?? null, span(r.range)]),
      [
        ['host1.example.com.', 'A', 60, '/zones/sub/hosts.inc', [0, 0, 0, 17]],
        ['host1.example.com.', 'AAAA', 60, '/zones/sub/hosts.inc', [1, 2, 1, 18]],
        ['after.example.com.', 'A', 60, null, [2, 0, 2, 17]],
      ],
    );
    assert.ok(
      result.tokens.every((t) => covered(text, t.range) === t.text),
      'tokens are the document’s own',
    );
  });

  it('gives the included file its own origin when one is written, and restores the origin and owner after', () => {
    const fs = files({ '/z/a.inc': '$ORIGIN deeper\nx A 192.0.2.1\n', '/z/b.inc': '@ A 192.0.2.2\n' });
    const text =
      '$TTL 1\nbefore A 192.0.2.0\n$INCLUDE a.inc\n  TXT "still before"\n$INCLUDE b.inc sub\n@ A 192.0.2.3\n';
    const result = parse(text, { ...origin, path: '/z/db', readFile: fs.readFile });
    assert.deepEqual(
      result.records.map((r) => r.owner),
      ['before.example.com.', 'x.deeper.example.com.', 'before.example.com.', 'sub.example.com.', 'example.com.'],
    );
    assert.deepEqual(codes(result.diagnostics), []);
  });

  it('lets the included file inherit the current owner, as BIND and NSD do', () => {
    const fs = files({ '/z/ns.inc': '\tNS ns1\n\tNS ns2\n' });
    const text = '$TTL 1\nexample.com. SOA ns1 hm 1 2 3 4 5\n$INCLUDE ns.inc\n';
    const result = parse(text, { ...origin, path: '/z/db', readFile: fs.readFile });
    assert.deepEqual(codes(result.diagnostics), []);
    assert.deepEqual(
      result.records.map((r) => [r.owner, r.type]),
      [
        ['example.com.', 'SOA'],
        ['example.com.', 'NS'],
        ['example.com.', 'NS'],
      ],
    );
  });

  it('warns when an inherited owner follows an origin change, as BIND does', () => {
    const fs = files({ '/z/inherit.inc': '\tNS .\n' });
    const read = { ...origin, path: '/z/db', readFile: fs.readFile };
    const withOrigin = parse('$TTL 1\nwww A 192.0.2.1\n$INCLUDE inherit.inc sub\n', read);
    assert.deepEqual(
      withOrigin.diagnostics.map((d) => [d.code, d.severity, d.file, span(d.range)]),
      [['inherited-owner', 'warning', '/z/inherit.inc', [0, 1, 0, 3]]],
    );
    assert.equal(withOrigin.records[1].owner, 'www.example.com.');
    const afterOrigin = parse('$TTL 1\nwww A 192.0.2.1\n$ORIGIN sub.example.com.\n  TXT "x"\n  TXT "y"\n', origin);
    assert.deepEqual(codes(afterOrigin.diagnostics), ['inherited-owner@3:2-3:5']);
    const plain = parse('$TTL 1\nwww A 192.0.2.1\n$INCLUDE inherit.inc\n  TXT "after"\n', read);
    assert.deepEqual(codes(plain.diagnostics), []);
  });

  it('resolves relative includes against includeDirectory when given', () => {
    const fs = files({ '/work/dir/inc/x': 'x A 192.0.2.1\n', '/work/dir/inc/y': 'y A 192.0.2.1\n' });
    const result = parse('$TTL 1\n$INCLUDE inc/x\n', {
      ...origin,
      path: '/elsewhere/db',
      includeDirectory: '/work/dir',
      readFile: (p) => (p === '/work/dir/inc/x' ? '$INCLUDE inc/y\n' : fs.readFile(p)),
    });
    assert.deepEqual(
      result.records.map((r) => [r.owner, r.file]),
      [['y.example.com.', '/work/dir/inc/y']],
    );
  });

  it('accepts a quoted file name', () => {
    const fs = files({ '/z/my file': 'q A 192.0.2.1\n' });
    const result = parse('$TTL 1\n$INCLUDE "my file"\n', { ...origin, path: '/z/db', readFile: fs.readFile });
    assert.deepEqual(fs.asked, ['/z/my file']);
    assert.equal(result.records.length, 1);
  });

  it('reports a missing file at its name and goes on', () => {
    const result = parse('$TTL 1\n$INCLUDE nope.inc\nok A 192.0.2.1\n', {
      ...origin,
      path: '/z/db',
      readFile: () => undefined,
    });
    assert.deepEqual(codes(result.diagnostics), ['include-not-found@1:9-1:17']);
    assert.equal(result.records.length, 1);
  });

  it('treats a reader that throws as a missing file', () => {
    const result = parse('$INCLUDE x\n', {
      path: '/z/db',
      readFile: () => {
        throw new Error('EACCES');
      },
    });
    assert.deepEqual(codes(result.diagnostics), ['include-not-found@0:9-0:10']);
  });

  it('reports include loops, direct and indirect, at the $INCLUDE in the file that closes the loop', () => {
    const fs = files({ '/z/a': 'a A 192.0.2.1\n$INCLUDE b\n', '/z/b': '$INCLUDE a\nb A 192.0.2.2\n' });
    const result = parse('$TTL 1\n$INCLUDE a\n$INCLUDE db\n', { ...origin, path: '/z/db', readFile: fs.readFile });
    assert.deepEqual(
      result.diagnostics.map((d) => [d.code, d.file ?? null, span(d.range)]),
      [
        ['include-loop', '/z/b', [0, 9, 0, 10]],
        ['include-loop', null, [2, 9, 2, 11]],
      ],
    );
    assert.deepEqual(
      result.records.map((r) => r.owner),
      ['a.example.com.', 'b.example.com.'],
    );
  });

  it('marks diagnostics of an included file with that file', () => {
    const fs = files({ '/z/bad.inc': 'x AAA 1\n' });
    const result = parse('$TTL 1\n$INCLUDE bad.inc\n', { ...origin, path: '/z/db', readFile: fs.readFile });
    assert.deepEqual(
      result.diagnostics.map((d) => [d.code, d.file, span(d.range)]),
      [['unknown-type', '/z/bad.inc', [0, 2, 0, 5]]],
    );
  });

  it('records the directive without following it when there is no readFile', () => {
    const result = parse('$INCLUDE x.inc other.\n', origin);
    assert.deepEqual(
      result.directives.map((d) => [d.name, d.arguments.map((a) => a.text)]),
      [['$INCLUDE', ['x.inc', 'other.']]],
    );
    assert.deepEqual(result.diagnostics, []);
  });

  it('reports $INCLUDE without a file or with too many arguments', () => {
    assert.deepEqual(codes(parse('$INCLUDE\n$INCLUDE a b c\n', origin).diagnostics), [
      'bad-directive@0:0-0:8',
      'bad-directive@1:13-1:14',
    ]);
  });
});

describe('parser: $GENERATE', () => {
  it('expands into records at the directive, marked generated', () => {
    const text = '$TTL 1\n$GENERATE 1-3 host-$ A 192.0.2.$\n';
    const result = parse(text, origin);
    assert.deepEqual(codes(result.diagnostics), []);
    assert.deepEqual(
      result.records.map((r) => [r.owner, r.type, r.rdata.map((t) => t.text).join(' '), r.generated]),
      [
        ['host-1.example.com.', 'A', '192.0.2.1', true],
        ['host-2.example.com.', 'A', '192.0.2.2', true],
        ['host-3.example.com.', 'A', '192.0.2.3', true],
      ],
    );
    const record = result.records[1];
    assert.deepEqual(span(record.range), [1, 0, 1, 32]);
    assert.deepEqual(span(record.ownerRange), [1, 14, 1, 20]);
    assert.deepEqual(span(record.rdata[0].range), [1, 23, 1, 32]);
    assert.deepEqual(
      result.tokens.slice(3, 9).map((t) => [t.text, t.role]),
      [
        ['$GENERATE', 'directive'],
        ['1-3', 'directive-argument'],
        ['host-$', 'owner'],
        ['A', 'type'],
        ['192.0.2.$', 'rdata'],
        ['\n', undefined],
      ],
    );
  });

  it('takes an optional TTL and class in either order, a step, and modifiers', () => {
    const text = '$GENERATE 0-4/2 ${10,3}.r IN 300 PTR h${0,2,x}.example.\n';
    const result = parse(text, { origin: '2.0.192.in-addr.arpa' });
    assert.deepEqual(
      result.records.map((r) => [r.owner, r.ttl, r.class, r.rdata[0].text]),
      [
        ['010.r.2.0.192.in-addr.arpa.', 300, 'IN', 'h00.example.'],
        ['012.r.2.0.192.in-addr.arpa.', 300, 'IN', 'h02.example.'],
        ['014.r.2.0.192.in-addr.arpa.', 300, 'IN', 'h04.example.'],
      ],
    );
  });

  it('expands several rdata words and leaves constant ones as written', () => {
    const result = parse('$TTL 1\n$GENERATE 1-2 s$ MX $0 mail$$.example.\n', origin);
    assert.deepEqual(
      result.records.map((r) => r.rdata.map((t) => t.text)),
      [
        ['10', 'mail$.example.'],
        ['20', 'mail$.example.'],
      ],
    );
  });

  it('refuses bad ranges, bad templates, ranges over the limit and missing parts', () => {
    const text = [
      '$TTL 1',
      '$GENERATE 5-1 a$ A 192.0.2.$',
      '$GENERATE 0-70000 a$ A 192.0.2.1',
      '$GENERATE 1-2 a${x} A 192.0.2.1',
      '$GENERATE 1-2 a$ A',
      '$GENERATE 1-2',
      '$GENERATE 1-2 a$ BOGUS x',
      '$GENERATE 1-1 host$ TXT foo${2147483647}',
    ].join('\n');
    const result = parse(text, origin);
    assert.deepEqual(codes(result.diagnostics), [
      'bad-generate@1:10-1:13',
      'bad-generate@2:10-2:17',
      'bad-generate@3:14-3:19',
      'bad-generate@4:0-4:18',
      'bad-generate@5:0-5:13',
      'unknown-type@6:17-6:22',
      'bad-generate@7:24-7:40',
    ]);
    assert.equal(result.records.length, 0);
  });

  it('reports an rdata finding once for all the records it makes', () => {
    const result = parse('$TTL 1\n$GENERATE 1-50 a$ A 999.0.0.$\n', origin);
    assert.equal(result.records.length, 50);
    const lineTwo = result.diagnostics.filter((d) => d.range.start.line === 1);
    assert.ok(lineTwo.length >= 1 && lineTwo.length <= 2, `${lineTwo.length} findings`);
  });

  it('does not change the previous owner', () => {
    const result = parse('$TTL 1\nbase A 192.0.2.1\n$GENERATE 1-1 g$ A 192.0.2.2\n  TXT "x"\n', origin);
    assert.equal(result.records[2].owner, 'base.example.com.');
  });
});

describe('parser: limits on expansion', () => {
  function readWith(
    limits: { generated: number; included: number },
    text: string,
    readFile?: ReadFile,
  ): ZoneDiagnostic[] {
    const diagnostics: ZoneDiagnostic[] = [];
    const context: ParseContext = {
      options: { origin: 'example.com', path: '/z/db', readFile },
      sink: { diagnostic: (d) => diagnostics.push(d) },
      includeStack: ['/z/db'],
      totals: { generated: 0, included: 0 },
      limits,
    };
    const state = new MutableState(startPoint({ origin: 'example.com' }).state);
    new ZoneReader(new SourceText(text), 0, undefined, state, context).run();
    return diagnostics;
  }

  it('refuses a $GENERATE that would pass the total for the zone', () => {
    const text =
      '$TTL 1\n$GENERATE 1-60 a$ A 192.0.2.1\n$GENERATE 1-40 b$ A 192.0.2.1\n$GENERATE 1-40 c$ A 192.0.2.1\n';
    assert.deepEqual(codes(readWith({ generated: 100, included: 10 }, text)), ['bad-generate@3:10-3:14']);
  });

  it('stops following $INCLUDEs past the total, even without a loop', () => {
    const fanOut = '$INCLUDE leaf\n$INCLUDE leaf\n$INCLUDE leaf\n';
    const files: Record<string, string> = { '/z/mid': fanOut, '/z/leaf': 'x A 192.0.2.1\n' };
    const diagnostics = readWith(
      { generated: 100, included: 5 },
      '$TTL 1\n$INCLUDE mid\n$INCLUDE mid\n',
      (p) => files[p],
    );
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.file ?? null, d.range.start.line]),
      // mid, 3 x leaf, mid again: the fifth is the last followed, so the second mid's leaves are all refused.
      [
        ['include-loop', '/z/mid', 0],
        ['include-loop', '/z/mid', 1],
        ['include-loop', '/z/mid', 2],
      ],
    );
  });

  it('has limits large enough for real zones', () => {
    assert.ok(maxGeneratedTotal >= 1_000_000 && maxIncludedFiles >= 1000);
  });
});
