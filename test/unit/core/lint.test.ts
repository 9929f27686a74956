import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { createLinter, lint } from '../../../core/src/lint/engine';
import { disabledCodes } from '../../../core/src/lint/disable-comments';
import { parse, parseRecords } from '../../../core/src/parse/parser';
import { rules } from '../../../core/src/lint/rules/index';
import type { Rule } from '../../../core/src/lint/rule';
import type { ZoneRecord } from '../../../core/src/types';
import { readLintSettings } from '../../../core/src/settings';
import { at, lintText, only, zone } from './lint/rules/helpers';

const conflict = zone('www IN CNAME a.example.net.', 'www IN A 192.0.2.1');

describe('lint engine', () => {
  it('leaves out fixes and related places only when asked to, and keeps every finding', () => {
    const text = zone('a IN A 192.0.2.1', 'a IN A 192.0.2.1', 'bücher IN A 192.0.2.2', 'c 30 IN TXT "x"');
    const parsed = parse(text, { origin: 'example.com.' });
    const full = lint(parsed, { text });
    assert.ok(full.some((finding) => finding.fixes !== undefined) && full.some((finding) => finding.related));
    const bare = lint(parsed, { text, keepFixes: false, keepRelated: false });
    // Kept compact (ranges made when read): compared in their plain form, ranges included.
    assert.deepEqual(
      bare.map((finding) => JSON.parse(JSON.stringify(finding)) as unknown),
      full.map(({ fixes: _fixes, related: _related, ...rest }) => rest),
    );
    assert.deepEqual(
      bare.map((finding) => finding.range),
      full.map((finding) => finding.range),
    );
    const fixesOnly = lint(parsed, { text, keepRelated: false });
    assert.deepEqual(
      fixesOnly,
      full.map(({ related: _related, ...rest }) => rest),
    );
  });

  it('gives every rule a unique kebab-case code, a description and at least one profile', () => {
    const codes = rules.map((rule) => rule.code);
    assert.equal(new Set(codes).size, codes.length);
    for (const rule of rules) {
      assert.match(rule.code, /^[a-z][a-z0-9-]*$/);
      assert.ok(rule.description.length > 20, rule.code);
      assert.ok(rule.profiles.length > 0, rule.code);
    }
  });

  it('re-ranks a rule by settings and turns it off', () => {
    assert.deepEqual(
      only('cname-and-other-data', lintText(conflict, { rules: { 'cname-and-other-data': 'hint' } })).map(
        (d) => d.severity,
      ),
      ['hint'],
    );
    assert.deepEqual(
      only('cname-and-other-data', lintText(conflict, { rules: { 'cname-and-other-data': 'off' } })),
      [],
    );
  });

  it("applies settings to the parser's own codes too", () => {
    const text = zone('bad IN A 999.1.1.1');
    const parserCodes = lintText(text).filter((d) => d.severity === 'error');
    assert.ok(parserCodes.length > 0, 'the parser reports the bad address');
    const code = parserCodes[0].code;
    assert.deepEqual(only(code, lintText(text, { rules: { [code]: 'off' } })), []);
    assert.deepEqual(
      only(code, lintText(text, { rules: { [code]: 'information' } })).map((d) => d.severity),
      ['information'],
    );
  });

  it('runs profile-specific rules only in their profile', () => {
    const text = zone('a 30 IN A 192.0.2.1');
    assert.equal(only('cloudflare-ttl', lintText(text, { profile: 'cloudflare' })).length, 1);
    assert.equal(only('cloudflare-ttl', lintText(text, { profile: 'bind' })).length, 0);
    assert.equal(only('soa-missing', lintText('a 300 IN A 192.0.2.1\n', { profile: 'bind' })).length, 1);
    assert.equal(only('soa-missing', lintText('a 300 IN A 192.0.2.1\n', { profile: 'cloudflare' })).length, 0);
  });

  describe('zone-records-disable-line', () => {
    it('silences the named code on the record line only', () => {
      const text = zone(
        'www IN CNAME a.example.net.',
        'www IN A 192.0.2.1 ; zone-records-disable-line cname-and-other-data',
        'www IN TXT "x"',
      );
      assert.deepEqual(
        only('cname-and-other-data', lintText(text)).map((d) => at(d.range)),
        ['7:0-7:14'],
      );
    });

    it('keeps other codes on that line and accepts several codes', () => {
      const text = zone(
        'www IN CNAME a.example.net.',
        'www 30 IN A 192.0.2.1 ; zone-records-disable-line duplicate-record',
      );
      const codes = lintText(text).map((d) => d.code);
      assert.ok(codes.includes('cname-and-other-data'));
      assert.ok(codes.includes('cloudflare-ttl'));
      const both = zone(
        'www IN CNAME a.example.net.',
        'www 30 IN A 192.0.2.1 ; zone-records-disable-line cname-and-other-data, cloudflare-ttl',
      );
      assert.deepEqual(
        lintText(both).filter((d) => d.range.start.line === 6),
        [],
      );
    });

    it('without a code silences every finding of the line, also on a directive line', () => {
      const text = zone(
        '$INCLUDE other.zone ; zone-records-disable-line',
        'a 30 IN A 192.0.2.1 ; zone-records-disable-line',
      );
      const found = lintText(text, { readFile: () => 'x IN A 192.0.2.9\n', path: '/z/main.zone' });
      assert.deepEqual(
        found.filter((d) => d.range.start.line >= 5 && d.file === undefined),
        [],
      );
      assert.equal(only('cloudflare-include', lintText(zone('$INCLUDE other.zone'), { readFile: () => '' })).length, 1);
    });

    it('spans the lines of a record in parentheses when the comment is on its last line', () => {
      const text = zone(
        'www IN CNAME a.example.net.',
        'www IN TXT (',
        '  "x" ) ; zone-records-disable-line cname-and-other-data',
      );
      assert.deepEqual(only('cname-and-other-data', lintText(text)), []);
    });

    it('is not read inside a quoted string', () => {
      const text = zone('www IN CNAME a.example.net.', 'www IN TXT "; zone-records-disable-line"');
      assert.equal(only('cname-and-other-data', lintText(text)).length, 1);
    });

    it('warns about a code that does not exist, on the code, with the nearest one as a fix', () => {
      const text = zone(
        'www 30 IN A 192.0.2.1 ; zone-records-disable-line cloudflare-tll, duplicate-record',
        '; zone-records-disable-line no-such-thing -- a note',
        'www IN TXT "x" ; zone-records-disable-line mixed-ttl',
      );
      const found = only('unknown-disable-code', lintText(text));
      assert.deepEqual(
        found.map((finding) => [at(finding.range), finding.severity]),
        [
          ['5:50-5:64', 'warning'],
          ['6:28-6:41', 'warning'],
          ['7:43-7:52', 'warning'],
        ],
      );
      assert.deepEqual(
        found.map((finding) => finding.fixes?.[0]?.edits[0]?.newText),
        ['cloudflare-ttl', undefined, 'mixed-ttl-rrset'],
      );
      assert.equal(only('cloudflare-ttl', lintText(text)).length, 1, 'the misspelt code disabled nothing');
      const included = lintText(zone('$INCLUDE part.zone'), {
        path: '/zones/main.zone',
        readFile: () => 'a IN A 192.0.2.1 ; zone-records-disable-line bogus-code\n',
      });
      assert.deepEqual(
        only('unknown-disable-code', included).map((finding) => [finding.file, at(finding.range)]),
        [['/zones/part.zone', '0:45-0:55']],
      );
      const quiet = lintText(text, { rules: { 'unknown-disable-code': 'off' } });
      assert.deepEqual(only('unknown-disable-code', quiet), []);
    });

    it('reads each marker of a record line, and never takes a marker for a code', () => {
      const text = zone(
        'www IN A 192.0.2.1 ; zone-records-disable-line nope zone-records-disable-line cloudflare-ttl',
        '$TTL 5 ; zone-records-disable-line nada zone-records-disable-line cloudflare-ttl',
      );
      for (const keepFixes of [true, false]) {
        const found = lint(parse(text, { origin: 'example.com.' }), { text, keepFixes, keepRelated: keepFixes });
        const unknown = only('unknown-disable-code', found).map((finding) => finding.message.split("'")[1]);
        assert.deepEqual(unknown, ['nope', 'nada'], `keepFixes ${keepFixes}`);
      }
      assert.deepEqual(disabledCodes('; zone-records-disable-line a zone-records-disable-line b'), new Set(['a', 'b']));
      assert.equal(disabledCodes('; zone-records-disable-line -- why zone-records-disable-line b'), 'all');
    });

    it('parses the list of codes', () => {
      assert.deepEqual(disabledCodes('; zone-records-disable-line'), 'all');
      assert.deepEqual([...(disabledCodes('; zone-records-disable-line a-b, c d') as Set<string>)], ['a-b', 'c', 'd']);
      assert.deepEqual([...(disabledCodes('; zone-records-disable-line x -- why') as Set<string>)], ['x']);
    });
  });

  it('gives the same findings streaming through parseRecords as on a whole ParseResult', () => {
    const text = zone(
      'www IN CNAME a.example.net.',
      'www IN A 192.0.2.1',
      'm 300 IN A 192.0.2.1',
      'm 600 IN A 192.0.2.2',
      'x 30 IN A 192.0.2.1',
      'x 30 IN A 192.0.2.1',
      'bücher IN A 192.0.2.1',
    );
    const options = { origin: 'example.com.' };
    const whole = lint(parse(text, options), { ...options, text });
    const linter = createLinter({ ...options, text });
    parseRecords(text, options, linter);
    assert.deepEqual(JSON.parse(JSON.stringify(linter.finish())), JSON.parse(JSON.stringify(whole)));
    assert.ok(whole.length >= 6);
  });

  it('orders findings by position and reports a failing rule once instead of throwing', () => {
    const broken: Rule = {
      code: 'broken',
      scope: 'record',
      description: 'A rule that throws, to check the engine survives it.',
      defaultSeverity: 'error',
      profiles: ['cloudflare'],
      create: () => ({
        record() {
          throw new Error('boom');
        },
      }),
    };
    const text = zone('a IN A 192.0.2.1', 'b IN A 192.0.2.2');
    const found = lint(parse(text, { origin: 'example.com.' }), { origin: 'example.com.', rules: [broken] });
    assert.deepEqual(
      found.map((d) => d.code),
      ['internal-error'],
    );
    assert.match(found[0].message, /broken.*boom/);
  });

  it('skips a record object that cannot be read instead of throwing', () => {
    const linter = createLinter({ origin: 'example.com.' });
    const broken = {
      ownerKey: 'x.example.com.',
      type: 'A',
      get range(): never {
        throw new Error('no range');
      },
    } as unknown as ZoneRecord;
    linter.record(broken);
    const found = linter.finish();
    assert.deepEqual(
      found.map((d) => d.code),
      ['internal-error'],
    );
    assert.match(found[0]?.message ?? '', /could not be indexed.*no range/);
  });

  it('takes the zone apex from the parse when the options give none', () => {
    const text = '$TTL 300\nother.test. IN A 192.0.2.1\n';
    const found = lint(parse(text, { origin: 'example.com.' }), { origin: undefined, text });
    assert.match(only('out-of-zone', found)[0]?.message ?? '', /outside the zone example\.com\./);
  });

  it('never throws, whatever the text (property)', () => {
    const alphabet = fc.constantFrom(...'abc.@$()";\\ \n\t19AINSOXCNAMETXT*-_ü'.split(''));
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 200 }),
        fc.constantFrom('cloudflare', 'bind', 'knot'),
        (chars, profile) => {
          const text = chars.join('');
          const found = lintText(text, { profile: profile });
          for (const diagnostic of found) {
            assert.ok(diagnostic.range.start.offset <= diagnostic.range.end.offset);
            assert.ok(diagnostic.range.end.offset <= text.length || diagnostic.file !== undefined);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  describe('settings', () => {
    it('reads valid settings and reports bad values without throwing', () => {
      assert.deepEqual(readLintSettings({ profile: 'bind', rules: { 'duplicate-record': 'off' } }), {
        settings: { profile: 'bind', rules: { 'duplicate-record': 'off' } },
        problems: [],
      });
      const reading = readLintSettings({
        profile: 'nsd',
        rules: { 'soa-missing': 'loud', 'cname-at-apex': 'hint', 'mixed-ttl': 'off' },
      });
      assert.deepEqual(reading.settings, { profile: 'cloudflare', rules: { 'cname-at-apex': 'hint' } });
      assert.equal(reading.problems.length, 3);
      assert.match(
        reading.problems[2] ?? '',
        /'mixed-ttl' is not a diagnostic code \(did you mean 'mixed-ttl-rrset'\?\)/,
      );
      assert.equal(readLintSettings('nonsense').problems.length, 1);
      assert.deepEqual(readLintSettings(undefined).problems, []);
    });
  });
});
