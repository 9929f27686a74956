import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { PLAIN_LONG_LABEL, PLAIN_UPPER, plainShape } from '../../../core/src/name-syntax';
import {
  checkName,
  checkPunycodeLabels,
  hasNonAsciiLabel,
  isAbsoluteName,
  isSubdomainOf,
  labelSpans,
  labelsOf,
  nameKey,
  relativize,
  RelativeName,
  resolveName,
  toAsciiName,
  toUnicodeName,
  wireLength,
  plainName,
  withTrailingDot,
} from '../../../core/src/names';

describe('names: resolveName', () => {
  it('resolves @, relative and absolute names against the origin', () => {
    assert.equal(resolveName('@', 'example.com.').name, 'example.com.');
    assert.equal(resolveName('www', 'example.com.').name, 'www.example.com.');
    assert.equal(resolveName('a.b', 'example.com.').name, 'a.b.example.com.');
    assert.equal(resolveName('other.org.', 'example.com.').name, 'other.org.');
    assert.equal(resolveName('www', '.').name, 'www.');
    assert.equal(resolveName('.', 'example.com.').name, '.');
  });

  it('joins a relative name to its origin only when read, with the parts the linter indexes it by', () => {
    const cases: [string, string, string, string][] = [
      ['www', 'example.com.', 'www.example.com.', 'www.example.com.'],
      ['WWW.Sub', 'example.com.', 'WWW.Sub.example.com.', 'www.sub.example.com.'],
      ['www', 'Example.COM.', 'www.Example.COM.', 'www.example.com.'],
      ['_sip._tcp', 'example.com.', '_sip._tcp.example.com.', '_sip._tcp.example.com.'],
      ['www', '.', 'www.', 'www.'],
    ];
    for (const [text, origin, name, key] of cases) {
      const resolved = resolveName(text, origin);
      assert.equal(resolved.error, undefined);
      assert.ok(resolved instanceof RelativeName, text);
      assert.equal(resolved.key, key);
      assert.equal(resolved.name, name);
      const expectedKey =
        resolved.originKey === '.' ? `${resolved.relativeKey}.` : `${resolved.relativeKey}.${resolved.originKey}`;
      assert.equal(expectedKey, key);
    }
    // Absolute names, @ and names with escapes are resolved at once.
    for (const text of ['www.example.com.', '@', 'a\\.b'])
      assert.ok(!(resolveName(text, 'example.com.') instanceof RelativeName));
  });

  it('accepts an origin written without its trailing dot', () => {
    assert.equal(resolveName('www', 'example.com').name, 'www.example.com.');
    assert.equal(resolveName('@', 'example.com').name, 'example.com.');
  });

  it('lower-cases the key but keeps the presentation name', () => {
    const resolved = resolveName('WWW', 'Example.COM.');
    assert.equal(resolved.name, 'WWW.Example.COM.');
    assert.equal(resolved.key, 'www.example.com.');
    assert.equal(resolved.error, undefined);
  });

  it('treats an escaped dot as part of a label, not a separator', () => {
    const resolved = resolveName('a\\.b', 'example.com.');
    assert.equal(resolved.name, 'a\\.b.example.com.');
    assert.deepEqual(labelsOf(resolved.name), ['a\\.b', 'example', 'com']);
    assert.equal(
      resolveName('a\\.', 'example.com.').name,
      'a\\..example.com.',
      'a trailing escaped dot is not absolute',
    );
  });

  it('gives equal keys to names that differ only in escapes or ASCII case', () => {
    assert.equal(resolveName('\\065bc', 'example.com.').key, resolveName('abc', 'example.com.').key);
    assert.equal(resolveName('\\Abc', 'example.com.').key, resolveName('aBC', 'example.com.').key);
    assert.equal(resolveName('a\\046b', 'example.com.').key, resolveName('a\\.b', 'example.com.').key);
    assert.notEqual(resolveName('a\\.b', 'example.com.').key, resolveName('a.b', 'example.com.').key);
    assert.equal(resolveName('b\\195\\188cher', 'de.').key, resolveName('bücher', 'de.').key);
  });

  it('reports an empty label with its offsets', () => {
    const resolved = resolveName('a..b', 'example.com.');
    assert.equal(resolved.error?.code, 'empty-label');
    assert.equal(resolved.error?.start, 2);
    assert.equal(resolveName('.a', 'example.com.').error?.code, 'empty-label');
    assert.equal(resolveName('', 'example.com.').error?.code, 'empty-label');
  });

  it('checks labels at 63 octets, counting escapes and UTF-8 as octets', () => {
    assert.equal(resolveName('a'.repeat(63), 'example.com.').error, undefined);
    const long = resolveName(`x.${'a'.repeat(64)}`, 'example.com.');
    assert.equal(long.error?.code, 'label-too-long');
    assert.deepEqual([long.error?.start, long.error?.end], [2, 66]);
    assert.equal(resolveName('\\065'.repeat(63), 'example.com.').error, undefined, '63 escaped octets fit');
    assert.equal(resolveName('\\065'.repeat(64), 'example.com.').error?.code, 'label-too-long');
    assert.equal(resolveName('ü'.repeat(32), 'example.com.').error?.code, 'label-too-long', '32 x 2 UTF-8 octets');
  });

  it('checks the 255-octet wire length of the whole name, origin included', () => {
    const label = 'a'.repeat(63);
    // 4 labels of 63 (4 x 64 = 256) + root = 257 octets
    assert.equal(resolveName(`${label}.${label}.${label}.${label}.`, '.').error?.code, 'name-too-long');
    // 3 x 64 + 62 + 1 (root) = 255: the limit itself is fine
    const fits = `${label}.${label}.${label}.${'a'.repeat(61)}.`;
    assert.equal(wireLength(fits), 255);
    assert.equal(resolveName(fits, '.').error, undefined);
    const relative = `${'b'.repeat(60)}.${'b'.repeat(60)}.${'b'.repeat(60)}.${'b'.repeat(60)}`;
    assert.equal(resolveName(relative, 'example.com.').error?.code, 'name-too-long', 'too long only after the origin');
    // example.com. is 13 octets; a relative name of n characters adds n + 1: 241 characters make exactly 255.
    const exact = `${'c'.repeat(60)}.${'c'.repeat(60)}.${'c'.repeat(60)}.${'c'.repeat(59)}`;
    assert.equal(exact.length, 242);
    assert.equal(wireLength(`${exact}.example.com.`), 256);
    assert.equal(resolveName(exact, 'example.com.').error?.code, 'name-too-long');
    assert.equal(resolveName(exact.slice(1), 'example.com.').error, undefined);
    assert.equal(resolveName(`${exact.slice(1)}.example.com.`, '.').error, undefined, 'the same name written absolute');
    assert.equal(resolveName(`${exact}.example.com.`, '.').error?.code, 'name-too-long');
    assert.equal(
      resolveName('a\\066', 'example.com.').key,
      resolveName('aB', 'example.com.').key,
      'slow and fast paths agree',
    );
  });

  it('reports bad escapes', () => {
    assert.equal(resolveName('a\\', 'example.com.').error?.code, 'bad-escape');
    assert.equal(resolveName('a\\25', 'example.com.').error?.code, 'bad-escape');
    assert.equal(resolveName('a\\256', 'example.com.').error?.code, 'bad-escape');
    assert.equal(resolveName('a\\255', 'example.com.').error, undefined);
  });
});

describe('names: helpers', () => {
  it('computes keys of absolute names', () => {
    assert.equal(nameKey('WWW.Example.com.'), 'www.example.com.');
    assert.equal(nameKey('.'), '.');
    assert.equal(nameKey('A\\066C.example.'), 'abc.example.');
  });

  it('checkName validates a name without an origin', () => {
    assert.equal(checkName('www.example.com.'), undefined);
    assert.equal(checkName('www..example.com.')?.code, 'empty-label');
  });

  it('isSubdomainOf compares label by label', () => {
    assert.ok(isSubdomainOf('www.example.com.', 'example.com.'));
    assert.ok(isSubdomainOf('Example.COM.', 'example.com.'));
    assert.ok(isSubdomainOf('anything.', '.'));
    assert.ok(!isSubdomainOf('wwwexample.com.', 'example.com.'));
    assert.ok(!isSubdomainOf('example.com.', 'www.example.com.'));
    assert.ok(!isSubdomainOf('a\\.example.com.', 'example.com.'), 'a\\.example is one label below com');
    assert.ok(!isSubdomainOf('x.a\\.example.com.', 'example.com.'));
    assert.ok(isSubdomainOf('x.a\\.example.com.', 'a\\.example.com.'));
  });

  it('relativize writes @, relative or absolute names', () => {
    assert.equal(relativize('example.com.', 'example.com.'), '@');
    assert.equal(relativize('WWW.example.com.', 'example.com.'), 'WWW');
    assert.equal(relativize('a.b.example.com.', 'example.com.'), 'a.b');
    assert.equal(relativize('other.org.', 'example.com.'), 'other.org.');
  });

  it('labelSpans gives offsets into the text', () => {
    assert.deepEqual(
      labelSpans('ab.c\\.d.').map((span) => [span.text, span.start, span.end]),
      [
        ['ab', 0, 2],
        ['c\\.d', 3, 7],
      ],
    );
  });

  it('isAbsoluteName', () => {
    assert.ok(isAbsoluteName('a.b.'));
    assert.ok(isAbsoluteName('.'));
    assert.ok(!isAbsoluteName('a.b'));
    assert.ok(!isAbsoluteName('a\\.'));
  });
});

describe('names: IDNA', () => {
  it('detects non-ASCII labels', () => {
    assert.ok(hasNonAsciiLabel('bücher.example.'));
    assert.ok(!hasNonAsciiLabel('xn--bcher-kva.example.'));
  });

  it('converts Unicode labels to Punycode (UTS 46 non-transitional)', () => {
    assert.equal(toAsciiName('bücher.example.'), 'xn--bcher-kva.example.');
    assert.equal(toAsciiName('Bücher.Example.'), 'xn--bcher-kva.Example.', 'ASCII labels are left as written');
    assert.equal(toAsciiName('faß.de.'), 'xn--fa-hia.de.', 'non-transitional keeps ß');
    assert.equal(toAsciiName('_dmarc.bücher.de'), '_dmarc.xn--bcher-kva.de', 'underscores and relative names survive');
    assert.equal(toAsciiName('例え.テスト.'), 'xn--r8jz45g.xn--zckzah.');
    assert.equal(toAsciiName('plain.example.'), 'plain.example.');
  });

  it('refuses labels that cannot be converted', () => {
    assert.equal(toAsciiName('\ufffdü.example.'), undefined, 'disallowed code point');
    assert.equal(toAsciiName('b\\.ü.example.'), undefined, 'escapes mixed with Unicode');
    assert.equal(toAsciiName('a\u200db.example.'), undefined, 'a joiner outside its context (CheckJoiners)');
    assert.equal(toAsciiName(`${'ü'.repeat(60)}.example.`), undefined, 'over 63 octets once encoded');
  });

  it('shows xn-- labels in Unicode for hover', () => {
    assert.equal(toUnicodeName('xn--bcher-kva.example.'), 'bücher.example.');
    assert.equal(toUnicodeName('www.XN--BCHER-KVA.example.'), 'www.bücher.example.');
    assert.equal(toUnicodeName('xn--zz.example.'), 'xn--zz.example.', 'invalid labels stay as written');
  });

  it('finds xn-- labels that do not decode or are not canonical', () => {
    assert.deepEqual(checkPunycodeLabels('xn--bcher-kva.example.'), []);
    const problems = checkPunycodeLabels('www.xn--zz.example.');
    assert.equal(problems.length, 1);
    assert.deepEqual([problems[0]?.label, problems[0]?.start, problems[0]?.end], ['xn--zz', 4, 10]);
    assert.equal(checkPunycodeLabels('xn--abc-.example.').length, 1);
    // "xn--Bcher-kva" decodes, but to "Bücher" mapped: UTS 46 would write it lower-case, which is the same label.
    assert.deepEqual(checkPunycodeLabels('xn--Bcher-kva.example.'), []);
    // A Punycode label that decodes to pure ASCII is not how IDNA writes "abc".
    assert.equal(checkPunycodeLabels('xn--abc-.example.')[0]?.label, 'xn--abc-');
  });
});

describe('plainShape', () => {
  const plain = /^[A-Za-z0-9_*/+=:-]+(?:\.[A-Za-z0-9_*/+=:-]+)*\.?$/;
  const nameChar = fc.constantFrom('a', 'Z', '0', '-', '_', '*', '.', '.', '\\', ' ', 'é', '@', 'x');
  const longLabel = (text: string): boolean => text.split('.').some((label) => label.length > 63);

  it('agrees with the plain-name pattern, and reports upper case and long labels', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: nameChar, maxLength: 12 }),
          fc.string({ unit: nameChar, minLength: 60, maxLength: 140 }),
        ),
        (text) => {
          const shape = plainShape(text);
          assert.equal(shape >= 0, plain.test(text), text);
          if (shape < 0) return;
          assert.equal((shape & PLAIN_UPPER) !== 0, /[A-Z]/.test(text), text);
          assert.equal((shape & PLAIN_LONG_LABEL) !== 0, longLabel(text), text);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('answers the edge cases', () => {
    assert.equal(plainShape(''), -1);
    assert.equal(plainShape('.'), -1);
    assert.equal(plainShape('a..b'), -1);
    assert.equal(plainShape('.a'), -1);
    assert.equal(plainShape('a.'), 0);
    assert.equal(plainShape('Mail.Example.'), PLAIN_UPPER);
    assert.equal(plainShape(`${'a'.repeat(64)}.b`), PLAIN_LONG_LABEL);
    assert.equal(plainShape(`${'a'.repeat(63)}.b`), 0);
  });
});

describe('trailing dots', () => {
  it('withTrailingDot adds the dot once and makes the empty name the root', () => {
    assert.equal(withTrailingDot('example.com'), 'example.com.');
    assert.equal(withTrailingDot('example.com.'), 'example.com.');
    assert.equal(withTrailingDot('.'), '.');
    assert.equal(withTrailingDot(''), '.');
  });

  it('plainName is the API form: lower case, no trailing dot, the root kept', () => {
    assert.equal(plainName('Example.COM.'), 'example.com');
    assert.equal(plainName('www.example.com'), 'www.example.com');
    assert.equal(plainName('.'), '.');
  });

  it('the two are inverse on lower-case absolute names', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z0-9-]{1,10}$/), { minLength: 1, maxLength: 4 }), (labels) => {
        const absolute = `${labels.join('.')}.`;
        assert.equal(withTrailingDot(plainName(absolute)), absolute);
      }),
    );
  });
});
