import type { Directive, ParseSink, ResumePoint, ZoneDiagnostic, ZoneRecord } from '../../../core/src/index';
import type { Shift } from './shift';

/** One contiguous run of a document's lines, parsed together, that starts at a parser resume point. */
export interface Segment {
  /** Where parsing can restart, in the positions the segment was parsed with. */
  readonly start: ResumePoint;
  /** How far the segment moved since it was parsed. */
  shift: Shift;
  readonly records: ZoneRecord[];
  readonly directives: Directive[];
}

/** Collects a parse into segments of about `segmentLines` lines each. */
export class SegmentCollector implements ParseSink {
  readonly segments: Segment[] = [];
  readonly diagnostics: ZoneDiagnostic[] = [];
  recordCount = 0;
  private current: Segment;

  constructor(
    readonly first: ResumePoint,
    private readonly segmentLines: number,
    private readonly textLength: number,
  ) {
    this.current = newSegment(first);
    this.segments.push(this.current);
  }

  entry(point: ResumePoint): void {
    if (point.line - this.current.start.line < this.segmentLines) return;
    // The end of the text is no place to resume: text added there may continue an unclosed parenthesis.
    if (point.offset >= this.textLength) return;
    this.current = newSegment(point);
    this.segments.push(this.current);
  }

  record(record: ZoneRecord): void {
    this.current.records.push(record);
    this.recordCount++;
  }

  directive(directive: Directive): void {
    this.current.directives.push(directive);
  }

  diagnostic(diagnostic: ZoneDiagnostic): void {
    this.diagnostics.push(diagnostic);
  }
}

function newSegment(start: ResumePoint): Segment {
  return { start, shift: { lines: 0, offset: 0 }, records: [], directives: [] };
}

/** Where the segment starts in the current text. */
export function currentOffset(segment: Segment): number {
  return segment.start.offset + segment.shift.offset;
}

/** The segment's resume point in the current text. */
export function currentPoint(segment: Segment): ResumePoint {
  const { start, shift } = segment;
  return { ...start, offset: start.offset + shift.offset, line: start.line + shift.lines };
}

export function hasInclude(segment: Segment): boolean {
  return segment.directives.some((directive) => directive.name === '$INCLUDE');
}
