// `; zone-records-disable-line CODE` comments: which findings they drop, and the codes they name that do not exist.
import { diagnosticCodes, nearestCode } from '../codes';
import { scanLineComment } from '../parse/line-comment';
import { CompactDiagnostic, startLineOf } from './compact-diagnostic';
import type { DocumentText } from '../document-text';
import type { Position, Range, ZoneDiagnostic, ZoneRecord } from '../types';
import type { Writable } from '../writable';

export const disableMarker = 'zone-records-disable-line';

/** Set of disabled codes for a line, or `all` when the comment names no code. */
export type Disabled = Set<string> | 'all';

interface NamedCode {
  readonly code: string;
  /** Offset of the code in the comment text. */
  readonly at: number;
}

/**
 * The codes each marker of `comment` names (`zone-records-disable-line a, b`), with their offsets in it: the words
 * after the marker up to the next marker, ending where the prose does (`-- why`). One list per marker.
 */
function namedCodesByMarker(comment: string): NamedCode[][] {
  const markers: NamedCode[][] = [];
  const words = /[^\s,]+/g;
  for (let marker = comment.indexOf(disableMarker); marker >= 0;) {
    const next = comment.indexOf(disableMarker, marker + disableMarker.length);
    const end = next < 0 ? comment.length : next;
    const named: NamedCode[] = [];
    words.lastIndex = marker + disableMarker.length;
    for (let match = words.exec(comment); match !== null && match.index < end; match = words.exec(comment)) {
      if (!/^[a-z0-9][a-z0-9-]*$/.test(match[0])) break;
      named.push({ code: match[0], at: match.index });
    }
    markers.push(named);
    marker = next;
  }
  return markers;
}

/** The codes the markers of `comment` name; `all` when a marker names none (it disables the whole line). */
export function disabledCodes(comment: string): Disabled {
  if (!comment.includes(disableMarker)) return new Set();
  const codes = new Set<string>();
  for (const named of namedCodesByMarker(comment)) {
    if (named.length === 0) return 'all';
    for (const entry of named) codes.add(entry.code);
  }
  return codes;
}

/** The disable comments of one lint run: of the document's records and lines, and of its included files' records. */
export class DisableComments {
  private readonly lines = new Map<string, Map<number, Disabled>>();
  /** By offset in the document, or by `file:offset` in an included file. */
  private readonly unknown = new Map<number | string, ZoneDiagnostic>();
  /** The document's lines whose disable comment a record already gave: the scan of the text passes over them. */
  private readonly recordCommentLines = new Set<number>();

  /** `keepFixes`: whether an unknown code's finding keeps its fix (as the engine's `keepFixes`). */
  constructor(private readonly keepFixes = true) {}

  get size(): number {
    return this.lines.size;
  }

  /** Takes the disable comment of a record, which covers every line the record spans. */
  addRecord(record: ZoneRecord): void {
    const comment = record.comment;
    if (comment === undefined || !comment.text.includes(disableMarker)) return;
    const codes = disabledCodes(comment.text);
    for (let line = record.range.start.line; line <= comment.range.start.line; line++) {
      this.disable(record.file, line, codes);
    }
    const start = comment.range.start;
    if (record.file === undefined) this.recordCommentLines.add(start.line);
    this.noteUnknown(comment.text, start, record.file);
  }

  /** Finds disable comments on any line of the document (directive lines, comment-only lines) by scanning its text. */
  scanDocument(text: DocumentText): void {
    const lines = new LineWalker(text);
    let commentLine = -1;
    let commentStart = -1;
    let lineEnd = 0;
    for (let at = text.indexOf(disableMarker); at >= 0;) {
      const next = text.indexOf(disableMarker, at + 1);
      const line = lines.lineAt(at);
      if (this.recordCommentLines.has(line)) {
        at = next;
        continue;
      }
      // One look for the `;` per line, however many markers it has: a long line of them stays linear.
      if (line !== commentLine) {
        commentLine = line;
        lineEnd = lines.lineEnd(at);
        const lineStart = lines.lineStart;
        const scanned = scanLineComment(text.slice(lineStart, lineEnd)).commentStart;
        commentStart = scanned < 0 ? -1 : lineStart + scanned;
      }
      if (commentStart >= 0 && at > commentStart) {
        // The codes a marker names end at the line's end or at the next marker.
        const comment = text.slice(at, next >= 0 && next < lineEnd ? next : lineEnd);
        this.disable(undefined, line, disabledCodes(comment));
        this.noteUnknown(comment, { line, character: at - lines.lineStart, offset: at }, undefined);
      }
      at = next;
    }
  }

  isDisabled(diagnostic: ZoneDiagnostic): boolean {
    const codes = this.lines.get(diagnostic.file ?? '')?.get(startLineOf(diagnostic));
    return codes !== undefined && (codes === 'all' || codes.has(diagnostic.code));
  }

  /** A warning for each named code that does not exist, which therefore disables nothing. */
  unknownCodes(): ZoneDiagnostic[] {
    return [...this.unknown.values()];
  }

  private disable(file: string | undefined, line: number, codes: Disabled): void {
    const key = file ?? '';
    let lines = this.lines.get(key);
    if (lines === undefined) {
      lines = new Map<number, Disabled>();
      this.lines.set(key, lines);
    }
    const existing = lines.get(line);
    if (existing === undefined || codes === 'all') lines.set(line, codes);
    else if (existing !== 'all') for (const code of codes) existing.add(code);
  }

  /** `start` is where `comment` starts; a comment lies on one line. */
  private noteUnknown(comment: string, start: Position, file: string | undefined): void {
    for (const { code, at } of namedCodesByMarker(comment).flat()) {
      if (diagnosticCodes.has(code)) continue;
      const offset = start.offset + at;
      const nearest = nearestCode(code);
      const range = {
        start: { line: start.line, character: start.character + at, offset },
        end: { line: start.line, character: start.character + at + code.length, offset: offset + code.length },
      };
      const message = `'${code}' is not a diagnostic code, so this comment disables nothing for it${nearest === undefined ? '' : ` (did you mean '${nearest}'?)`}; the codes are listed in docs/rules.md.`;
      this.unknown.set(
        file === undefined ? offset : `${file}:${offset}`,
        this.unknownCode(message, range, file, nearest),
      );
    }
  }

  private unknownCode(
    message: string,
    range: Range,
    file: string | undefined,
    nearest: string | undefined,
  ): ZoneDiagnostic {
    const code = 'unknown-disable-code';
    // Without fixes to keep, one compact object each (a comment can name thousands of codes).
    if (!this.keepFixes) return new CompactDiagnostic(code, 'warning', message, range, file);
    const diagnostic: Writable<ZoneDiagnostic> = { code, severity: 'warning', message, range };
    if (file !== undefined) diagnostic.file = file;
    if (nearest !== undefined)
      diagnostic.fixes = [{ title: `Change it to ${nearest}`, edits: [{ range, newText: nearest }] }];
    return diagnostic;
  }
}

/**
 * Line numbers of increasing offsets, counting line breaks as the lexer does (LF, CRLF, a lone CR): a comment
 * after a CR-only line end gets the line its findings are on.
 */
class LineWalker {
  private line = 0;
  /** Where the current line starts. */
  lineStart = 0;
  /** How far line breaks have been counted. */
  private counted = 0;

  constructor(private readonly text: DocumentText) {}

  /** The line of `offset`, which must not be before the last one asked. */
  lineAt(offset: number): number {
    const text = this.text;
    if (text.lineOf !== undefined) {
      ({ line: this.line, lineStart: this.lineStart } = text.lineOf(offset));
      return this.line;
    }
    let at = this.counted;
    for (; at < offset; at++) {
      const code = text.charCodeAt(at);
      if (code !== 10 && code !== 13) continue;
      if (code === 13 && text.charCodeAt(at + 1) === 10) at++;
      this.line++;
      this.lineStart = at + 1;
    }
    this.counted = Math.max(this.counted, at);
    return this.line;
  }

  /** The offset of the line break ending the line `offset` is on (the text's length on the last line). */
  lineEnd(offset: number): number {
    const text = this.text;
    let at = offset;
    while (at < text.length && text.charCodeAt(at) !== 10 && text.charCodeAt(at) !== 13) at++;
    return at;
  }
}
