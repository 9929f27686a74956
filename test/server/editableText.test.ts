import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, parse } from '../../core/src/index';
import { EditableText } from '../../server/src/editableText';

// Line breaks of every kind, and pieces that make or break a CRLF when an edit lands between them.
const pieces = ['a', 'bc', '\n', '\r', '\r\n', ' ', 'x\ny'];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((parts) => parts.join(''));
const position = fc.record({ line: fc.integer({ min: -1, max: 12 }), character: fc.integer({ min: -1, max: 8 }) });
const edit = fc.record({ start: position, end: position, text });

/** Everything a language server and lint ask of a document, read the same way from both. */
function sameAnswers(ours: EditableText, theirs: TextDocument): void {
  const content = theirs.getText();
  assert.equal(ours.length, content.length);
  for (let at = -1; at <= content.length; at++) {
    assert.equal(ours.charCodeAt(at), content.charCodeAt(at), `charCodeAt(${at})`);
    for (const search of ['\n', '\r\n', 'bc', 'x\ny', 'c\rx']) {
      assert.equal(ours.indexOf(search, at), content.indexOf(search, at), `indexOf(${JSON.stringify(search)}, ${at})`);
    }
    for (const length of [0, 1, 3, 9]) assert.equal(ours.slice(at, at + length), content.slice(at, at + length));
    if (at >= 0) {
      const { line } = theirs.positionAt(at);
      assert.deepEqual(ours.lineOf(at), { line, lineStart: theirs.offsetAt({ line, character: 0 }) }, `lineOf(${at})`);
    }
  }
  assert.equal(ours.toString(), content);
  assert.equal(ours.lineCount, theirs.lineCount);
  for (let offset = -1; offset <= content.length + 1; offset++) {
    assert.deepEqual(ours.positionAt(offset), theirs.positionAt(offset), `positionAt(${offset})`);
  }
  for (let line = -1; line <= theirs.lineCount + 1; line++) {
    for (let character = -1; character <= 9; character++) {
      const at = { line, character };
      assert.equal(ours.offsetAt(at), theirs.offsetAt(at), `offsetAt(${line}:${character})`);
    }
  }
}

describe('EditableText', () => {
  // The oracle is the library's document made afresh from the edited text: its own incremental update keeps wrong
  // line starts after an edit whose positions lie past the end of the document.
  it('answers as vscode-languageserver-textdocument does after any incremental edits', () => {
    fc.assert(
      fc.property(text, fc.array(edit, { maxLength: 8 }), fc.integer({ min: 1, max: 6 }), (initial, edits, piece) => {
        const ours = new EditableText(initial, 1, piece);
        let theirs = TextDocument.create('file:///a.zone', 'dns-zone', 1, initial);
        sameAnswers(ours, theirs);
        for (const change of edits) {
          const [from, to] = [theirs.offsetAt(change.start), theirs.offsetAt(change.end)].sort((a, b) => a - b);
          const content = theirs.getText();
          theirs = TextDocument.create(
            theirs.uri,
            'dns-zone',
            1,
            content.slice(0, from) + change.text + content.slice(to),
          );
          const [start, end] = [ours.offsetAt(change.start), ours.offsetAt(change.end)].sort((a, b) => a - b);
          ours.replace(start, end, change.text);
          sameAnswers(ours, theirs);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('gives lint the same findings as the text as one string, disable comments included', () => {
    const lines = [
      '$TTL 30 ; zone-records-disable-line cloudflare-ttl',
      'a IN A 192.0.2.1',
      'a IN A 192.0.2.1 ; zone-records-disable-line duplicate-record',
      '$ORIGIN sub.example.com. ; zone-records-disable-line nonsuch',
      'b IN TXT "x"',
      'b IN TXT "x"',
    ];
    const pieceEnds = fc.array(fc.constantFrom('\n', '\r\n', '\r'), {
      minLength: lines.length,
      maxLength: lines.length,
    });
    fc.assert(
      fc.property(pieceEnds, fc.integer({ min: 1, max: 40 }), (ends, piece) => {
        const text = lines.map((line, index) => line + ends[index]).join('');
        const parsed = parse(text, { origin: 'example.com.' });
        const expected = lint(parsed, { text });
        assert.deepEqual(lint(parsed, { text: new EditableText(text, 1, piece) }), expected);
        const edited = new EditableText(`;\n${text}`, 1, piece);
        edited.replace(0, 2, '');
        assert.deepEqual(lint(parsed, { text: edited, documentBytes: Buffer.byteLength(text) }), expected);
      }),
      { numRuns: 60 },
    );
  });

  it('grows its line starts when an edit adds more lines than it has room for', () => {
    const initial = 'a\n'.repeat(1020);
    const ours = new EditableText(initial, 1, 64);
    const inserted = 'b\r\nc\r'.repeat(300);
    ours.replace(10, 10, inserted);
    const expected = initial.slice(0, 10) + inserted + initial.slice(10);
    const theirs = TextDocument.create('file:///a.zone', 'dns-zone', 1, expected);
    assert.equal(ours.lineCount, theirs.lineCount);
    for (let offset = 0; offset <= expected.length; offset += 7) {
      assert.deepEqual(ours.positionAt(offset), theirs.positionAt(offset));
    }
  });

  it('gives the text of a range in either order', () => {
    const document = new EditableText('a\r\nbc\rd\n', 1);
    assert.equal(document.getText({ start: { line: 1, character: 0 }, end: { line: 2, character: 1 } }), 'bc\rd');
    assert.equal(document.getText({ start: { line: 2, character: 1 }, end: { line: 1, character: 0 } }), 'bc\rd');
    assert.equal(document.lineCount, 4);
  });
});
