import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { formatCfComment, parseCfComment } from '../../../../core/src/cloudflare/cftags';
import { canonicalContent, toZoneLine } from '../../../../core/src/cloudflare/records';
import { resolveName } from '../../../../core/src/names';
import { decodeCharacterString, encodeCharacterString, parseRdata, recordTypes } from '../../../../core/src/rdata';
import type { Range } from '../../../../core/src/types';
import { tokenize } from './helpers';

const runs = { numRuns: 150 };
const typeNames = [...recordTypes.keys(), 'TYPE1', 'TYPE65534', 'BOGUS'];
const pieces = [
  '0',
  '1',
  '65535',
  '65536',
  '-1',
  '1.2.3.4',
  '::1',
  'example.com.',
  '@',
  '.',
  'a..b',
  '\\#',
  '\\',
  '\\1',
  '\\065',
  '"q"',
  '"',
  'alpn=h2',
  'key1',
  'N',
  'W',
  '1m',
  'AAAA',
  '==',
  'zz',
  'issue',
  ';',
  'x'.repeat(70),
];
const rdataText = fc
  .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 8 })), { maxLength: 14 })
  .map((parts) => parts.join(' '));

function inside(range: Range, outer: Range): boolean {
  return (
    range.start.offset >= outer.start.offset &&
    range.end.offset <= outer.end.offset &&
    range.start.offset <= range.end.offset
  );
}

describe('rdata: properties', () => {
  it('parseRdata never throws and keeps diagnostics inside the rdata or on the type', () => {
    const typeRange: Range = { start: { line: 0, character: 0, offset: 0 }, end: { line: 0, character: 0, offset: 0 } };
    fc.assert(
      fc.property(fc.constantFrom(...typeNames), rdataText, (type, text) => {
        const tokens = tokenize(text);
        const result = parseRdata(type, tokens, { origin: 'example.com.', file: undefined, typeRange });
        const first = tokens[0];
        const last = tokens[tokens.length - 1];
        const span: Range = first && last ? { start: first.range.start, end: last.range.end } : typeRange;
        for (const diagnostic of result.diagnostics) {
          assert.ok(
            inside(diagnostic.range, span) || diagnostic.range === typeRange,
            `${type} ${text}: ${diagnostic.code}`,
          );
        }
        for (const field of result.fields) assert.ok(inside(field.range, span), `${type} ${text}: field ${field.name}`);
      }),
      runs,
    );
  });

  it('resolveName never throws, and escaping a character does not change the key or the verdict', () => {
    const label = fc.stringMatching(/^[a-zA-Z0-9_-]{1,70}$/);
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 6 }), fc.boolean(), (labels, absolute) => {
        const text = labels.join('.') + (absolute ? '.' : '');
        const escaped = `\\${String(text.charCodeAt(0)).padStart(3, '0')}${text.slice(1)}`;
        const plain = resolveName(text, 'example.com.');
        const slow = resolveName(escaped, 'example.com.');
        assert.equal(slow.key, plain.key);
        assert.equal(slow.error?.code, plain.error?.code);
      }),
      runs,
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => void resolveName(text, 'example.com.')),
      runs,
    );
  });

  it('character-strings survive encode -> decode for any octets', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (octets) => {
        assert.deepEqual(decodeCharacterString(encodeCharacterString(octets)).octets, octets);
      }),
      runs,
    );
  });

  it('the octet length of a character-string matches its octets, for any UTF-16 text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const decoded = decodeCharacterString(`"${text.replace(/[\\"]/g, '')}"`);
        assert.equal(decoded.length, decoded.octets.length);
      }),
      runs,
    );
    assert.equal(decodeCharacterString('"\ud800x"').length, 4, 'a lone surrogate is written as U+FFFD (3 octets)');
    assert.equal(decodeCharacterString('"😀"').length, 4);
  });

  it('TXT content written as a zone line parses back to the same canonical content', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), (text) => {
        const line = toZoneLine({ type: 'TXT', name: 't.example.com', ttl: 300, content: text });
        const rdata = line.slice('t.example.com. 300 IN TXT '.length);
        const tokens = tokenize(rdata);
        const parsed = parseRdata('TXT', tokens, { origin: '.', file: undefined });
        assert.deepEqual(parsed.diagnostics, [], line);
        const again = tokens.map((token) => encodeCharacterString(decodeCharacterString(token.text).octets)).join(' ');
        assert.equal(
          canonicalContent({ type: 'TXT', name: 't', ttl: 1, content: again }),
          canonicalContent({ type: 'TXT', name: 't', ttl: 1, content: text }),
        );
      }),
      runs,
    );
  });

  it('cf_tags: parse never throws, offsets stay in the text, and format -> parse round-trips', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const parsed = parseCfComment(`; ${text}`);
        for (const problem of parsed.problems)
          assert.ok(problem.start >= 0 && problem.end <= text.length + 2 && problem.start < problem.end);
      }),
      runs,
    );
    const tagName = fc.stringMatching(/^[A-Za-z0-9_-]{1,10}$/).filter((name) => !name.toLowerCase().startsWith('cf-'));
    const value = fc.string({ maxLength: 12 }).filter((v) => !/[\r\n]/.test(v) && v === v.trim());
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(tagName, value), { maxLength: 5, selector: ([name]) => name.toLowerCase() }),
        fc.option(fc.boolean(), { nil: undefined }),
        (tags, proxied) => {
          const parts = {
            comment: 'note',
            tags: tags.map(([name, v]) => `${name}:${v}`),
            proxied,
            flattenCname: undefined,
          };
          const parsed = parseCfComment(formatCfComment(parts));
          assert.deepEqual(parsed.problems, []);
          assert.deepEqual(
            { comment: parsed.comment, tags: parsed.tags, proxied: parsed.proxied, flattenCname: parsed.flattenCname },
            parts,
          );
        },
      ),
      runs,
    );
  });
});
