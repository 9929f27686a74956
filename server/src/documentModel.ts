import { lint, utf8ByteLength } from './zone/lint';
import { nameKey } from './zone/names';
import { rules } from './zone/rules/index';
import { parseIncremental, sameState, startPoint, type ParseSink, type ResumePoint } from './zone/parser';
import type { LintSettings } from './zone/settings';
import type { Directive, ParseOptions, ReadFile, ZoneDiagnostic, ZoneRecord } from './zone/types';
import { shiftDirective, shiftRange, shiftRecord, type Shift } from './shift';
import type { Placed, ZoneView } from './view';

/** What a document is parsed and linted with. */
export interface ModelOptions {
  /** The zone origin (absolute), or undefined for the root. */
  readonly origin: string | undefined;
  /** The document's file system path, for `$INCLUDE`. */
  readonly path: string | undefined;
  readonly readFile: ReadFile | undefined;
  readonly settings: LintSettings;
  /** Lines per segment (tests use small segments to exercise the boundaries). */
  readonly segmentLines?: number;
}

/** One contiguous run of the document's lines, parsed together, that starts at a resume point. */
interface Segment {
  /** Where parsing can restart, in the positions the segment was parsed with. */
  readonly start: ResumePoint;
  /** How far the segment moved since it was parsed. */
  shift: Shift;
  readonly records: ZoneRecord[];
  readonly directives: Directive[];
}

/** Codes of lint rules; every other code comes from the parser, which reports it in the re-parsed text only. */
const ruleCodes: ReadonlySet<string> = new Set(rules.map((rule) => rule.code));

/** How an edit was taken in. */
export type UpdateKind = 'incremental' | 'full';

/** A new segment every this many lines by default: an edit re-parses one or two segments. */
const defaultSegmentLines = 200;
/** An edit that re-parses more records than this is cheaper to handle as a whole new analysis. */
const maxIncrementalRecords = 20_000;

/**
 * A zone document with its parse and lint results, kept current edit by edit.
 *
 * The document is parsed in segments that start at the parser's resume points. An edit re-parses from the segment
 * it falls in until the parser reaches an old segment boundary in the same state (`sameState`); the later segments
 * are kept and only moved. Lint then runs on the records whose owner the edit touched (every record at those
 * owners, wherever they are, plus the SOA records), and only findings on those records or in the re-parsed text
 * are replaced. Findings that depend on other names (an MX target that is a CNAME elsewhere) are refreshed by
 * `analyzeAll`, which the server runs when typing pauses.
 */
export class DocumentModel implements ZoneView {
  private segments: Segment[] = [];
  private findings: ZoneDiagnostic[] = [];
  private bytes = 0;
  private includedFiles = new Set<string>();
  /** Name key -> owner keys of records whose rdata names it (may hold stale entries, which only cost time). */
  private references = new Map<string, string[]>();
  /** Set by an incremental update: a full analysis would find more (or fewer) cross-name findings. */
  stale = false;

  constructor(
    readonly uri: string,
    private currentText: string,
    private options: ModelOptions,
  ) {
    this.analyzeAll();
  }

  get text(): string {
    return this.currentText;
  }

  get origin(): string {
    return this.options.origin ?? '.';
  }

  get diagnostics(): readonly ZoneDiagnostic[] {
    return this.findings;
  }

  /** Absolute paths of the files this document `$INCLUDE`s (directly or not), as of the last full analysis. */
  get includes(): ReadonlySet<string> {
    return this.includedFiles;
  }

  setOptions(options: ModelOptions): void {
    this.options = options;
    this.analyzeAll();
  }

  /** Parses and lints the whole document again. */
  analyzeAll(): void {
    const collector = new SegmentCollector(startPoint(this.parseOptions()), this.segmentLines, this.currentText.length);
    parseIncremental(this.currentText, collector.first, this.parseOptions(), collector);
    this.segments = collector.segments;
    this.bytes = utf8ByteLength(this.currentText);
    const records: ZoneRecord[] = [];
    const directives: Directive[] = [];
    const included = new Set<string>();
    this.references = new Map();
    for (const segment of this.segments) {
      for (const record of segment.records) {
        records.push(record);
        this.addReferences(record);
        if (record.file !== undefined) included.add(record.file);
      }
      directives.push(...segment.directives);
    }
    for (const diagnostic of collector.diagnostics) if (diagnostic.file !== undefined) included.add(diagnostic.file);
    this.includedFiles = included;
    this.findings = this.lint(records, directives, collector.diagnostics);
    this.stale = false;
  }

  /**
   * Takes in one edit: the text in [start, end) of the previous text was replaced by `inserted`, giving `newText`.
   * Returns whether it was handled incrementally or by a full analysis.
   */
  update(start: number, end: number, inserted: string, newText: string): UpdateKind {
    const oldText = this.currentText;
    const removed = oldText.slice(start, end);
    this.currentText = newText;
    this.bytes += utf8ByteLength(inserted) - utf8ByteLength(removed);
    const kind = this.updateIncrementally(start, end, inserted, countLines(removed), oldText.length);
    if (kind === 'full') this.analyzeAll();
    return kind;
  }

  private updateIncrementally(
    start: number,
    end: number,
    inserted: string,
    removedLines: number,
    oldLength: number,
  ): UpdateKind {
    const segments = this.segments;
    if (segments.length === 0) return 'full';
    const delta = inserted.length - (end - start);
    const shift: Shift = { lines: countLines(inserted) - removedLines, offset: delta };
    const first = this.segmentAt(start);
    const last = Math.max(first, this.segmentBefore(end));
    const from = currentPoint(segments[first]);
    const collector = new SegmentCollector(from, this.segmentLines, this.currentText.length);
    const options = this.parseOptions();
    let point = from;
    let next = last + 1;
    for (;;) {
      const boundary = next < segments.length ? currentOffset(segments[next]) + delta : Number.POSITIVE_INFINITY;
      point = parseIncremental(this.currentText, point, options, collector, boundary);
      if (next >= segments.length) break;
      if (point.offset === boundary && sameState(point.state, segments[next].start.state)) break;
      next++;
      while (next < segments.length && currentOffset(segments[next]) + delta < point.offset) next++;
      if (collector.recordCount > maxIncrementalRecords) return 'full';
    }
    const replaced = segments.slice(first, next);
    if (replaced.some(hasInclude) || collector.segments.some(hasInclude)) return 'full';
    if (collector.diagnostics.some((diagnostic) => diagnostic.file !== undefined)) return 'full';

    const regionStart = from.offset;
    const regionEndOld = next < segments.length ? currentOffset(segments[next]) : oldLength;
    for (const segment of segments.slice(next)) {
      segment.shift = { lines: segment.shift.lines + shift.lines, offset: segment.shift.offset + shift.offset };
    }
    segments.splice(first, next - first, ...collector.segments);

    const edited = new Set<string>();
    for (const segment of replaced) for (const record of segment.records) edited.add(record.ownerKey);
    for (const segment of collector.segments) {
      for (const record of segment.records) {
        edited.add(record.ownerKey);
        this.addReferences(record);
      }
    }
    // The record before the region too: its findings' fixes read whether the next record inherits its owner.
    for (let index = first - 1; index >= 0; index--) {
      const records = segments[index].records;
      const previous = records[records.length - 1];
      if (previous === undefined) continue;
      edited.add(previous.ownerKey);
      break;
    }
    // Records that point at an edited name (an MX to it) may gain or lose findings too, and zone-wide findings
    // (no SOA, file size) sit on the first record, whose owner is therefore always re-linted.
    const affected = new Set(edited);
    const firstRecord = this.segments.find((segment) => segment.records.length > 0)?.records[0];
    if (firstRecord !== undefined) affected.add(firstRecord.ownerKey);
    for (const key of edited) for (const owner of this.references.get(key) ?? []) affected.add(owner);
    this.relint(affected, collector.diagnostics, {
      regionStart,
      regionEndOld,
      atEnd: regionEndOld >= oldLength,
      shift,
    });
    this.stale = true;
    return 'incremental';
  }

  /** Lints the records at the affected owners and replaces the findings that belong to them or to the region. */
  private relint(
    affected: ReadonlySet<string>,
    parseDiagnostics: readonly ZoneDiagnostic[],
    region: {
      readonly regionStart: number;
      readonly regionEndOld: number;
      readonly atEnd: boolean;
      readonly shift: Shift;
    },
  ): void {
    // The rules also read the names the affected records point at (is the MX target a CNAME?) and the SOA records
    // (zone-wide checks); findings are replaced only on the affected records.
    const pointedAt = new Set<string>();
    for (const segment of this.segments) {
      for (const record of segment.records) {
        if (!affected.has(record.ownerKey)) continue;
        for (const field of record.fields) if (field.value.endsWith('.')) pointedAt.add(nameKey(field.value));
      }
    }
    const subset: ZoneRecord[] = [];
    const replaced: ZoneRecord[] = [];
    const directives: Directive[] = [];
    let afterAffected = false;
    for (const segment of this.segments) {
      for (const record of segment.records) {
        const isAffected = affected.has(record.ownerKey);
        // The record after an affected one rides along too: a fix that removes a line reads whether it
        // inherits the owner.
        if (isAffected || afterAffected || record.type === 'SOA' || pointedAt.has(record.ownerKey)) {
          const shifted = shiftRecord(record, segment.shift);
          subset.push(shifted);
          if (isAffected) replaced.push(shifted);
        }
        afterAffected = isAffected;
      }
      for (const directive of segment.directives) directives.push(shiftDirective(directive, segment.shift));
    }
    const spans = recordSpans(replaced);
    const { regionStart, regionEndOld, atEnd, shift } = region;
    const regionEndNew = regionEndOld + shift.offset;
    const inRegion = (offset: number, regionEnd: number): boolean =>
      offset >= regionStart && (offset < regionEnd || (atEnd && offset <= regionEnd));

    const kept: ZoneDiagnostic[] = [];
    for (const finding of this.findings) {
      if (finding.file !== undefined) {
        kept.push(finding);
        continue;
      }
      const offset = finding.range.start.offset;
      if (inRegion(offset, regionEndOld)) continue;
      const moved = shiftDiagnostic(finding, regionEndOld, shift);
      const replacedHere = spans.contains(moved.range.start.offset) || isDocumentStart(moved);
      if (!ruleCodes.has(moved.code) || !replacedHere) kept.push(moved);
    }
    const found = this.lint(subset, directives, parseDiagnostics);
    for (const finding of found) {
      if (finding.file !== undefined) continue;
      const offset = finding.range.start.offset;
      const replacedHere = spans.contains(offset) || isDocumentStart(finding);
      if (inRegion(offset, regionEndNew) || (ruleCodes.has(finding.code) && replacedHere)) kept.push(finding);
    }
    kept.sort((a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset);
    this.findings = kept;
  }

  private addReferences(record: ZoneRecord): void {
    for (const field of record.fields) {
      if (!field.value.endsWith('.')) continue;
      const key = nameKey(field.value);
      if (key === record.ownerKey) continue;
      const owners = this.references.get(key);
      if (owners === undefined) this.references.set(key, [record.ownerKey]);
      else if (!owners.includes(record.ownerKey)) owners.push(record.ownerKey);
    }
  }

  private lint(
    records: readonly ZoneRecord[],
    directives: readonly Directive[],
    diagnostics: readonly ZoneDiagnostic[],
  ): ZoneDiagnostic[] {
    return lint(
      { records, directives, diagnostics, tokens: [], origin: this.origin },
      {
        settings: this.options.settings,
        origin: this.origin,
        text: this.currentText,
        documentBytes: this.bytes,
      },
    );
  }

  private get segmentLines(): number {
    return this.options.segmentLines ?? defaultSegmentLines;
  }

  private parseOptions(): ParseOptions {
    const { origin, path, readFile } = this.options;
    return {
      ...(origin !== undefined ? { origin } : {}),
      ...(path !== undefined ? { path } : {}),
      ...(readFile !== undefined ? { readFile } : {}),
    };
  }

  /** Index of the segment whose text holds `offset` (the last one starting at or before it). */
  private segmentAt(offset: number): number {
    let low = 0;
    let high = this.segments.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (currentOffset(this.segments[middle]) <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** Index of the last segment starting strictly before `offset` (an edit ending at a boundary leaves it alone). */
  private segmentBefore(offset: number): number {
    let low = 0;
    let high = this.segments.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (currentOffset(this.segments[middle]) < offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  private segmentAtLine(line: number): number {
    let low = 0;
    let high = this.segments.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      const segment = this.segments[middle];
      if (segment.start.line + segment.shift.lines <= line) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  *records(): Iterable<Placed<ZoneRecord>> {
    for (const segment of this.segments) {
      for (const record of segment.records) {
        if (record.file === undefined) yield { item: record, lineShift: segment.shift.lines };
      }
    }
  }

  *allRecords(): Iterable<Placed<ZoneRecord>> {
    for (const segment of this.segments) {
      for (const record of segment.records) yield { item: record, lineShift: segment.shift.lines };
    }
  }

  *directives(): Iterable<Placed<Directive>> {
    for (const segment of this.segments) {
      for (const directive of segment.directives) {
        if (directive.file === undefined) yield { item: directive, lineShift: segment.shift.lines };
      }
    }
  }

  recordsOnLine(line: number): Placed<ZoneRecord>[] {
    if (this.segments.length === 0) return [];
    const found: Placed<ZoneRecord>[] = [];
    const index = this.segmentAtLine(line);
    // A record starts in the segment of its first line; look one segment back for safety at boundaries.
    for (let i = Math.max(0, index - 1); i <= index; i++) {
      const segment = this.segments[i];
      for (const record of segment.records) {
        if (record.file !== undefined) continue;
        const { start, end } = record.range;
        const shifted = segment.shift.lines;
        const commentLine = record.comment === undefined ? end.line : record.comment.range.end.line;
        if (start.line + shifted <= line && line <= Math.max(end.line, commentLine) + shifted) {
          found.push({ item: record, lineShift: shifted });
        }
      }
    }
    return found;
  }
}

/** Collects a parse into segments of about `segmentLines` lines each. */
class SegmentCollector implements ParseSink {
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

function currentOffset(segment: Segment): number {
  return segment.start.offset + segment.shift.offset;
}

function currentPoint(segment: Segment): ResumePoint {
  const { start, shift } = segment;
  return { ...start, offset: start.offset + shift.offset, line: start.line + shift.lines };
}

/** Zone-wide findings (no records at all, file too large) sit in an empty range at the very start. */
function isDocumentStart(finding: ZoneDiagnostic): boolean {
  return finding.range.start.offset === 0 && finding.range.end.offset === 0;
}

function hasInclude(segment: Segment): boolean {
  return segment.directives.some((directive) => directive.name === '$INCLUDE');
}

function countLines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** Offsets covered by records (with their trailing comment), for finding which findings belong to them. */
function recordSpans(records: readonly ZoneRecord[]): { contains(offset: number): boolean } {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const record of records) {
    if (record.file !== undefined) continue;
    const range = record.range;
    starts.push(range.start.offset);
    ends.push(record.comment === undefined ? range.end.offset : record.comment.range.end.offset);
  }
  return {
    contains(offset) {
      let low = 0;
      let high = starts.length - 1;
      let found = -1;
      while (low <= high) {
        const middle = (low + high) >> 1;
        if (starts[middle] <= offset) {
          found = middle;
          low = middle + 1;
        } else high = middle - 1;
      }
      return found >= 0 && offset <= ends[found];
    },
  };
}

/** Moves the parts of a finding (its range, related places, fix edits) that lie after an edit. */
function shiftDiagnostic(finding: ZoneDiagnostic, boundary: number, shift: Shift): ZoneDiagnostic {
  let moved = false;
  const move = <T extends { readonly range: ZoneDiagnostic['range']; readonly file?: string | undefined }>(
    item: T,
  ): T => {
    if (item.file !== undefined || item.range.start.offset < boundary) return item;
    moved = true;
    return { ...item, range: shiftRange(item.range, shift) };
  };
  const range = finding.range.start.offset < boundary ? finding.range : shiftRange(finding.range, shift);
  const related = finding.related?.map(move);
  const fixes = finding.fixes?.map((fix) => ({ ...fix, edits: fix.edits.map((edit) => move(edit)) }));
  if (!moved && range === finding.range) return finding;
  return {
    ...finding,
    range,
    ...(related !== undefined ? { related } : {}),
    ...(fixes !== undefined ? { fixes } : {}),
  };
}
