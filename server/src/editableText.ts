import type { Position, Range } from 'vscode-languageserver';
import type { DocumentText } from '../../core/src/index';

/** Pieces of at most this many characters: an edit makes one or two of them again, never the whole text. */
const defaultPieceLength = 16 * 1024;

/**
 * An open document's text with its line starts, kept in step with the editor's incremental edits.
 *
 * It answers as `vscode-languageserver-textdocument` does (lines end at LF, CRLF or a lone CR; positions past a
 * line's end clamp to it), but an edit costs time in proportion to the piece it lands in plus one pass over an
 * `Int32Array` of line starts. The text is kept in pieces because a new string for the whole text on each edit
 * is a rope that the next read flattens: on a 40 MB zone that took about 200 ms per keystroke here, and left 40
 * MB of garbage each time. Lint reads the pieces through `DocumentText`; `toString` joins them when a caller
 * needs one string (a whole new analysis, formatting).
 */
export class EditableText implements DocumentText {
  private pieces: string[];
  /** Where each piece starts in the text. */
  private pieceStarts: number[];
  private textLength: number;
  private joined: string | undefined;
  /** The piece the last read fell in: reads mostly go forward through the text. */
  private lastPiece = 0;
  /** Offsets where lines start; the first `lines` entries are used, the rest is room to grow. */
  private starts: Int32Array;
  private lines: number;

  constructor(
    text: string,
    public version: number,
    /** Tests use tiny pieces, to meet the boundaries between them. */
    private readonly pieceLength = defaultPieceLength,
  ) {
    this.pieces = [];
    for (let at = 0; at < text.length; at += pieceLength) this.pieces.push(text.slice(at, at + pieceLength));
    if (this.pieces.length === 0) this.pieces.push('');
    this.pieceStarts = this.pieces.map((_, index) => index * pieceLength);
    this.textLength = text.length;
    this.joined = text;
    // Straight into the typed array: a plain array of a million line starts, spread and copied, took 0.5 s.
    this.starts = new Int32Array(1024);
    this.lines = 1;
    forEachLineStart(text, 0, text.length, (lineStart) => {
      if (this.lines === this.starts.length) {
        const grown = new Int32Array(this.starts.length * 2);
        grown.set(this.starts);
        this.starts = grown;
      }
      this.starts[this.lines++] = lineStart;
    });
  }

  get length(): number {
    return this.textLength;
  }

  get lineCount(): number {
    return this.lines;
  }

  /** The whole text as one string (joined once per version). */
  toString(): string {
    this.joined ??= this.pieces.join('');
    return this.joined;
  }

  getText(range?: Range): string {
    if (range === undefined) return this.toString();
    const start = this.offsetAt(range.start);
    const end = this.offsetAt(range.end);
    return this.slice(Math.min(start, end), Math.max(start, end));
  }

  charCodeAt(index: number): number {
    if (index < 0 || index >= this.textLength) return NaN;
    const piece = this.pieceAt(index);
    return this.pieces[piece].charCodeAt(index - this.pieceStarts[piece]);
  }

  /** As `String.prototype.slice`. */
  slice(start: number, end: number = this.textLength): string {
    const from = clampIndex(start, this.textLength);
    const to = clampIndex(end, this.textLength);
    if (to <= from) return '';
    if (this.joined !== undefined) return this.joined.slice(from, to);
    const parts: string[] = [];
    for (let piece = this.pieceAt(from); piece < this.pieces.length; piece++) {
      const pieceStart = this.pieceStarts[piece];
      if (pieceStart >= to) break;
      parts.push(this.pieces[piece].slice(Math.max(0, from - pieceStart), to - pieceStart));
    }
    return parts.length === 1 ? parts[0] : parts.join('');
  }

  /** As `String.prototype.indexOf`; a match may span pieces. */
  indexOf(search: string, position = 0): number {
    const from = Math.max(0, Math.min(Math.trunc(position) || 0, this.textLength));
    if (this.joined !== undefined) return this.joined.indexOf(search, from);
    if (search.length === 0) return from;
    for (let piece = this.pieceAt(from); piece < this.pieces.length; piece++) {
      const pieceStart = this.pieceStarts[piece];
      const text = this.pieces[piece];
      const local = Math.max(0, from - pieceStart);
      const found = text.indexOf(search, local);
      if (found >= 0) return pieceStart + found;
      // A match that starts in this piece and ends in a later one: look at the seam only.
      const seamStart = Math.max(local, text.length - search.length + 1);
      if (seamStart < text.length) {
        const pieceEnd = pieceStart + text.length;
        const seam = text.slice(seamStart) + this.slice(pieceEnd, pieceEnd + search.length - 1);
        const across = seam.indexOf(search);
        if (across >= 0) return pieceStart + seamStart + across;
      }
    }
    return -1;
  }

  lineOf(offset: number): { line: number; lineStart: number } {
    const line = this.lineIndexOf(Math.max(0, Math.min(offset, this.textLength)));
    return { line, lineStart: this.starts[line] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lines) return this.textLength;
    if (position.line < 0) return 0;
    const lineStart = this.starts[position.line];
    if (position.character <= 0) return lineStart;
    const nextStart = position.line + 1 < this.lines ? this.starts[position.line + 1] : this.textLength;
    let offset = Math.min(lineStart + position.character, nextStart);
    // Never inside or after the line break itself.
    while (offset > lineStart && isLineBreak(this.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  positionAt(offset: number): Position {
    let at = Math.max(0, Math.min(offset, this.textLength));
    const line = this.lineIndexOf(at);
    const lineStart = this.starts[line];
    // Between the CR and the LF of a line break is the end of the line.
    while (at > lineStart && isLineBreak(this.charCodeAt(at - 1))) at--;
    return { line, character: at - lineStart };
  }

  /** Replaces [start, end) (offsets, start <= end) with `inserted`. */
  replace(start: number, end: number, inserted: string): void {
    const oldLength = this.textLength;
    // Lines are read again from the start of the line before the edit (a CR there may now meet an LF) to one
    // character past it (an LF after it may now meet a CR): line starts outside that span only move.
    const firstLine = Math.max(0, this.lineIndexOf(start) - 1);
    const from = this.starts[firstLine];
    const oldTo = Math.min(oldLength, end + 1);
    const lastOldLine = this.lineIndexOf(oldTo);
    const delta = inserted.length - (end - start);
    const span = this.slice(from, start) + inserted + this.slice(end, Math.min(oldLength, oldTo + 1));
    const fresh = lineStartsOf(span, 0, oldTo + delta - from).map((offset) => offset + from);
    this.replacePieces(start, end, inserted);
    // The old line starts in (from, oldTo] give way to the fresh ones in (from, oldTo + delta].
    this.spliceLines(firstLine + 1, lastOldLine + 1, fresh, delta);
  }

  private replacePieces(start: number, end: number, inserted: string): void {
    const first = this.pieceAt(start);
    const last = this.pieceAt(end);
    const firstStart = this.pieceStarts[first];
    const lastStart = this.pieceStarts[last];
    // `join` makes a flat string, which reads fast (a `+` would make a rope).
    const middle = [
      this.pieces[first].slice(0, start - firstStart),
      inserted,
      this.pieces[last].slice(end - lastStart),
    ].join('');
    const replacement: string[] = [];
    for (let at = 0; at < middle.length; at += this.pieceLength) {
      replacement.push(middle.slice(at, at + this.pieceLength));
    }
    if (replacement.length === 0 && this.pieces.length === last - first + 1) replacement.push('');
    this.pieces.splice(first, last - first + 1, ...replacement);
    this.pieceStarts.length = this.pieces.length;
    for (let piece = first, at = firstStart; piece < this.pieces.length; piece++) {
      this.pieceStarts[piece] = at;
      at += this.pieces[piece].length;
    }
    this.textLength += inserted.length - (end - start);
    this.joined = undefined;
    this.lastPiece = 0;
  }

  /** The piece holding `offset` (the last one starting at or before it; the last piece for the text's end). */
  private pieceAt(offset: number): number {
    const starts = this.pieceStarts;
    const guess = this.lastPiece;
    const guessEnd = guess + 1 < starts.length ? starts[guess + 1] : Infinity;
    if (starts[guess] <= offset && offset < guessEnd) return guess;
    this.lastPiece = lastAtOrBefore(starts, starts.length, offset);
    return this.lastPiece;
  }

  /** The line holding `offset` (the last line starting at or before it). */
  private lineIndexOf(offset: number): number {
    return lastAtOrBefore(this.starts, this.lines, offset);
  }

  /** Puts `fresh` in place of the line starts [from, to) and moves every one after them by `delta`. */
  private spliceLines(from: number, to: number, fresh: readonly number[], delta: number): void {
    const lines = from + fresh.length + (this.lines - to);
    let starts = this.starts;
    if (lines > starts.length) {
      starts = new Int32Array(Math.max(lines, starts.length * 2));
      starts.set(this.starts.subarray(0, from));
      starts.set(this.starts.subarray(to, this.lines), from + fresh.length);
    } else {
      starts.copyWithin(from + fresh.length, to, this.lines);
    }
    for (let i = 0; i < fresh.length; i++) starts[from + i] = fresh[i];
    if (delta !== 0) for (let i = from + fresh.length; i < lines; i++) starts[i] += delta;
    this.starts = starts;
    this.lines = lines;
  }
}

/** The index of the last of the first `count` ascending `starts` that is at or before `offset` (0 if none is). */
function lastAtOrBefore(starts: ArrayLike<number>, count: number, offset: number): number {
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

function clampIndex(index: number, length: number): number {
  const whole = Math.trunc(index) || 0;
  return whole < 0 ? Math.max(0, length + whole) : Math.min(whole, length);
}

/**
 * The line starts in (from, to] of `text`. A CRLF is one line break, also when its LF is at `to` (the line then
 * starts after `to`, and is not among these).
 */
function lineStartsOf(text: string, from: number, to: number): number[] {
  const found: number[] = [];
  forEachLineStart(text, from, to, (lineStart) => found.push(lineStart));
  return found;
}

/** Calls `visit` with each line start in (from, to], in order (see `lineStartsOf`). */
function forEachLineStart(text: string, from: number, to: number, visit: (lineStart: number) => void): void {
  for (let at = from; at < to; at++) {
    const code = text.charCodeAt(at);
    if (code !== 10 && code !== 13) continue;
    if (code === 13 && text.charCodeAt(at + 1) === 10) at++;
    if (at + 1 <= to) visit(at + 1);
  }
}
