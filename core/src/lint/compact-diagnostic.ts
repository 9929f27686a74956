import type { Range, Severity, ZoneDiagnostic } from '../types';

/**
 * A finding kept without fixes or related places (`keepFixes` and `keepRelated` false), its range held as six
 * numbers and made into objects only when read. A lint that prints a finding for every record of a large file keeps
 * hundreds of thousands of them; one object each, instead of four, is most of what its garbage collector then
 * copies. `toJSON` gives the plain form.
 */
export class CompactDiagnostic implements ZoneDiagnostic {
  readonly startLine: number;
  readonly startCharacter: number;
  readonly startOffset: number;
  readonly endLine: number;
  readonly endCharacter: number;
  readonly endOffset: number;

  constructor(
    readonly code: string,
    readonly severity: Severity,
    readonly message: string,
    range: Range,
    readonly file: string | undefined,
  ) {
    this.startLine = range.start.line;
    this.startCharacter = range.start.character;
    this.startOffset = range.start.offset;
    this.endLine = range.end.line;
    this.endCharacter = range.end.character;
    this.endOffset = range.end.offset;
  }

  get range(): Range {
    return {
      start: { line: this.startLine, character: this.startCharacter, offset: this.startOffset },
      end: { line: this.endLine, character: this.endCharacter, offset: this.endOffset },
    };
  }

  toJSON(): ZoneDiagnostic {
    const plain = { code: this.code, severity: this.severity, message: this.message, range: this.range };
    return this.file === undefined ? plain : { ...plain, file: this.file };
  }
}

/** Where a finding starts and ends: read without making a range for a compact one (sorting reads it often). */
export function startOffsetOf(diagnostic: ZoneDiagnostic): number {
  return diagnostic instanceof CompactDiagnostic ? diagnostic.startOffset : diagnostic.range.start.offset;
}

export function endOffsetOf(diagnostic: ZoneDiagnostic): number {
  return diagnostic instanceof CompactDiagnostic ? diagnostic.endOffset : diagnostic.range.end.offset;
}

export function startLineOf(diagnostic: ZoneDiagnostic): number {
  return diagnostic instanceof CompactDiagnostic ? diagnostic.startLine : diagnostic.range.start.line;
}
