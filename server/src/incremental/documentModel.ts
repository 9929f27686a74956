import * as nodePath from 'node:path';
import {
  createLinter,
  type Directive,
  type DocumentText,
  type LintSettings,
  parseIncremental,
  type ParseOptions,
  type ReadFile,
  type ResumePoint,
  sameState,
  startPoint,
  utf8ByteLength,
  type ZoneDiagnostic,
  type ZoneRecord,
} from '../../../core/src/index';
import { changedCuts, relintFindings, shiftDiagnostic } from './incrementalLint';
import { OwnerIndex } from './ownerIndex';
import { SegmentCollector, currentOffset, currentPoint, hasInclude, type Segment } from './segments';
import type { Shift } from './shift';
import type { Placed, ZoneView } from '../view';

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

/** How an edit was taken in. */
export type UpdateKind = 'incremental' | 'full';

/** A new segment every this many lines by default: an edit re-parses one or two segments. */
const defaultSegmentLines = 64;
/** An edit that re-parses more records than this is cheaper to handle as a whole new analysis. */
const maxIncrementalRecords = 20_000;
/**
 * A background analysis gives the event loop back after parsing this many characters or linting this many records,
 * and the owner index is built this many segments at a time.
 */
const stepCharacters = 64 * 1024;
const stepRecords = 2_000;
const stepSegments = 32;
/** An edit re-parses a copy of the text up to this many segments past the edited ones (more when needed). */
const windowSegments = 4;

/** The result of analysing a whole text. */
interface Analysis {
  readonly segments: Segment[];
  readonly findings: ZoneDiagnostic[];
  readonly includes: Set<string>;
  readonly bytes: number;
}

/**
 * A zone document with its parse and lint results, kept current edit by edit.
 *
 * The document is parsed in segments that start at the parser's resume points. An edit re-parses from the segment
 * it falls in until the parser reaches an old segment boundary in the same state (`sameState`); the later segments
 * are kept and only moved. Lint then runs on the records whose owner the edit touched, the records whose rdata
 * names those owners, what all of these point at, and the SOA records; only findings on the touched records or in
 * the re-parsed text are replaced. An `OwnerIndex` finds these records without walking the document.
 * `analyzeInBackground` re-analyses everything in steps when typing pauses (it refreshes counts over the whole zone
 * that some messages quote) and gives up as soon as the text changes.
 */
export class DocumentModel implements ZoneView {
  private segments: Segment[] = [];
  /**
   * Only edits read the owner index, so it is built after the first diagnostics are out: on a 1,000,000-record
   * zone it takes seconds. `indexedSegments` counts the segments in it so far; `index` completes it when asked.
   */
  private partialIndex = new OwnerIndex();
  private indexedSegments = 0;
  private findings: ZoneDiagnostic[] = [];
  private bytes = 0;
  private includedFiles = new Set<string>();
  /** Counts changes, so that a background analysis knows when its text is out of date. */
  private version = 0;
  /** Set by an incremental update: a full analysis may still change a message. */
  stale = false;
  /** How long the last whole-document analysis took (wall time, steps and pauses included), in milliseconds. */
  lastAnalysisMs = 0;

  constructor(
    readonly uri: string,
    private currentText: DocumentText,
    private options: ModelOptions,
  ) {}

  // The first analysis waits for the first reader: the server opens a document before it has asked the client for
  // that document's own settings, and analysing with the workspace's first would analyse it twice when they differ.
  private analyzed = false;

  private ensureAnalyzed(): void {
    if (!this.analyzed) this.analyzeAll();
  }

  get origin(): string {
    return this.options.origin ?? '.';
  }

  get diagnostics(): readonly ZoneDiagnostic[] {
    this.ensureAnalyzed();
    return this.findings;
  }

  /**
   * Absolute paths of the files this document `$INCLUDE`s (directly or not), as of the last full analysis: every
   * path the parser asked for, also those it could not read (they may appear later).
   */
  get includes(): ReadonlySet<string> {
    this.ensureAnalyzed();
    return this.includedFiles;
  }

  /** Takes a whole new text (a client that sends full documents) and analyses it. */
  replaceText(text: DocumentText, options: ModelOptions): void {
    this.currentText = text;
    this.setOptions(options);
  }

  setOptions(options: ModelOptions): void {
    this.options = options;
    this.version++;
    this.analyzeAll();
  }

  /** Parses and lints the whole document again, now. */
  analyzeAll(): void {
    const started = performance.now();
    const steps = this.analysisSteps();
    let step = steps.next();
    while (step.done !== true) step = steps.next();
    this.adopt(step.value);
    this.lastAnalysisMs = performance.now() - started;
  }

  /**
   * Parses and lints the whole document again in steps, giving the event loop back in between so that edits are
   * not held up. Resolves true when the result was taken, false when the text changed meanwhile (the result would
   * be out of date and is dropped).
   */
  async analyzeInBackground(): Promise<boolean> {
    const version = this.version;
    const started = performance.now();
    const steps = this.analysisSteps();
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done === true) {
        this.adopt(step.value);
        this.lastAnalysisMs = performance.now() - started;
        return true;
      }
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.version !== version) return false;
    }
  }

  /** The owner index of every segment, built now if the background build has not finished. */
  private get index(): OwnerIndex {
    while (this.indexedSegments < this.segments.length) this.partialIndex.add(this.segments[this.indexedSegments++]);
    return this.partialIndex;
  }

  /**
   * Builds the owner index in steps, giving the event loop back in between, so that the first edit finds it ready.
   * An edit meanwhile completes it (`index`); a new analysis starts it over.
   */
  async indexInBackground(): Promise<void> {
    const segments = this.segments;
    while (this.segments === segments && this.indexedSegments < segments.length) {
      const stop = Math.min(segments.length, this.indexedSegments + stepSegments);
      while (this.indexedSegments < stop) this.partialIndex.add(segments[this.indexedSegments++]);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  private adopt(analysis: Analysis): void {
    this.analyzed = true;
    this.segments = analysis.segments;
    this.partialIndex = new OwnerIndex();
    this.indexedSegments = 0;
    this.findings = analysis.findings;
    this.includedFiles = analysis.includes;
    this.bytes = analysis.bytes;
    this.stale = false;
  }

  private *analysisSteps(): Generator<void, Analysis> {
    // The parser reads one string: a text kept in pieces is joined for a whole analysis (once per version).
    const text = this.currentText.toString();
    const includes = new Set<string>();
    const options = this.parseOptions(includes);
    const collector = new SegmentCollector(startPoint(options), this.segmentLines, text.length);
    let point = collector.first;
    do {
      const from = point.offset;
      point = parseIncremental(text, point, options, collector, from + stepCharacters);
      if (point.offset <= from) point = parseIncremental(text, point, options, collector);
      if (point.offset < text.length) yield;
    } while (point.offset < text.length);

    const bytes = utf8ByteLength(text);
    for (const segment of collector.segments) {
      for (const record of segment.records) if (record.file !== undefined) includes.add(record.file);
    }
    for (const diagnostic of collector.diagnostics) if (diagnostic.file !== undefined) includes.add(diagnostic.file);

    // The same order as `lint`: parser findings, directives, then records.
    const linter = createLinter({ settings: this.options.settings, origin: this.origin, text, documentBytes: bytes });
    for (const diagnostic of collector.diagnostics) linter.diagnostic(diagnostic);
    for (const segment of collector.segments) for (const directive of segment.directives) linter.directive(directive);
    let count = 0;
    for (const segment of collector.segments) {
      for (const record of segment.records) {
        linter.record(record);
        if (++count % stepRecords === 0) yield;
      }
    }
    return { segments: collector.segments, findings: linter.finish(), includes, bytes };
  }

  /**
   * Takes in one edit: `removed`, the text in [start, end) of the previous text, was replaced by `inserted`, giving
   * `newText`. When `newText` is the previous text object, changed in place, the caller must pass `removed`.
   * Returns whether it was handled incrementally or by a full analysis.
   */
  update(
    start: number,
    end: number,
    inserted: string,
    newText: DocumentText,
    removed: string = this.currentText.slice(start, end),
  ): UpdateKind {
    // An edit before the first analysis: of the text before it when that is still at hand (not changed in place).
    if (!this.analyzed && newText !== this.currentText) this.analyzeAll();
    const oldLength = newText.length - inserted.length + removed.length;
    this.currentText = newText;
    this.version++;
    this.bytes += utf8ByteLength(inserted) - utf8ByteLength(removed);
    let kind: UpdateKind;
    try {
      kind = this.updateIncrementally(start, end, inserted, countLines(removed), oldLength);
    } catch {
      // A bug in the incremental path must not leave the document half updated: start over from the text.
      kind = 'full';
    }
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
    // Complete the owner index before the segments change under it.
    const index = this.index;
    const delta = inserted.length - (end - start);
    const shift: Shift = { lines: countLines(inserted) - removedLines, offset: delta };
    const first = this.segmentAt(start, true);
    const last = Math.max(first, this.segmentAt(end, false));
    const from = currentPoint(segments[first]);
    const reparsed = this.reparse(from, last + 1, delta);
    if (reparsed === undefined) return 'full';
    const { collector, next } = reparsed;
    const replaced = segments.slice(first, next);
    if (replaced.some(hasInclude) || collector.segments.some(hasInclude)) return 'full';
    // A directive that appears, goes or changes ($TTL, $ORIGIN) changes findings anywhere, even above it.
    if (directivesOf(replaced) !== directivesOf(collector.segments)) return 'full';
    if (collector.diagnostics.some((diagnostic) => diagnostic.file !== undefined)) return 'full';

    const regionStart = from.offset;
    const regionEndOld = next < segments.length ? currentOffset(segments[next]) : oldLength;
    for (let at = next; at < segments.length; at++) {
      const segment = segments[at];
      segment.shift = { lines: segment.shift.lines + shift.lines, offset: segment.shift.offset + shift.offset };
    }
    segments.splice(first, next - first, ...collector.segments);
    for (const segment of replaced) index.remove(segment);
    for (const segment of collector.segments) index.add(segment);
    this.indexedSegments = segments.length;

    const edited = new Set<string>();
    for (const segment of replaced) for (const record of segment.records) edited.add(record.ownerKey);
    for (const segment of collector.segments) for (const record of segment.records) edited.add(record.ownerKey);
    // A zone cut (NS) or DNAME that appears or goes changes what the rules say of every name below it.
    for (const key of changedCuts(replaced, collector.segments)) {
      for (const below of index.descendantsOf(key)) edited.add(below);
    }
    // The record before the region too: its findings' fixes read whether the next record inherits its owner.
    const previous = this.recordBefore(first);
    if (previous !== undefined) edited.add(previous.ownerKey);
    // Records that point at an edited name (an MX to it) may gain or lose findings too, and zone-wide findings
    // (no SOA, file size) sit on the first record, whose owner is therefore always re-linted.
    const affected = new Set(edited);
    const firstRecord = this.recordAfter(-1);
    if (firstRecord !== undefined) affected.add(firstRecord.ownerKey);
    for (const key of edited) for (const owner of index.pointingAt(key)) affected.add(owner);
    // A wildcard answers for names that do not exist, up to the nearest name that does (RFC 4592): a wildcard, or a
    // name below one, that appears or goes changes what the rules say of the records pointing below it.
    const editedWildcard = [...edited].some((key) => key.startsWith('*.'));
    if (editedWildcard || index.hasWildcards) {
      for (const key of edited) {
        for (const owner of index.pointingBelow(key.startsWith('*.') ? key.slice(2) : key)) affected.add(owner);
      }
    }
    this.findings = relintFindings(
      {
        segments: this.segments,
        index,
        findings: this.findings,
        inheritedTtls: inheritedTtls([...replaced, ...collector.segments]),
        lintOptions: {
          settings: this.options.settings,
          origin: this.origin,
          text: this.currentText,
          documentBytes: this.bytes,
        },
      },
      affected,
      collector.diagnostics,
      { regionStart, regionEndOld, atEnd: regionEndOld >= oldLength, shift },
    );
    this.stale = true;
    return 'incremental';
  }

  /**
   * Parses from `from` until the parser reaches the start of segment `next` (or a later one), moved by `delta`, in
   * the same state. The text parsed is a copy of a window around the edit, so that the new records do not keep
   * the whole document's text alive (each edit makes a new one); when the window is too small, the whole text is
   * used. Returns the new segments with the parser's findings at their current offsets, and the index of the first
   * segment that is kept; undefined when so much changed that a full analysis is cheaper.
   */
  private reparse(
    from: ResumePoint,
    firstKept: number,
    delta: number,
  ): { collector: SegmentCollector; next: number } | undefined {
    const segments = this.segments;
    const text = this.currentText;
    const windowEnd =
      firstKept + windowSegments < segments.length
        ? currentOffset(segments[firstKept + windowSegments]) + delta
        : text.length;
    // The whole text is joined only if the window was too small.
    const attempts: (() => { text: string; base: number })[] = [
      () => ({ text: copyOf(text.slice(from.offset, windowEnd)), base: from.offset }),
    ];
    if (windowEnd < text.length) attempts.push(() => ({ text: text.toString(), base: 0 }));
    const options = this.parseOptions();
    for (const makeAttempt of attempts) {
      const attempt = makeAttempt();
      const { base } = attempt;
      const start: ResumePoint = { ...from, offset: from.offset - base };
      const collector = new SegmentCollector(start, this.segmentLines, text.length - base);
      let point = start;
      let next = firstKept;
      let matched = false;
      for (;;) {
        const boundary = next < segments.length ? currentOffset(segments[next]) + delta - base : Infinity;
        // A boundary at the very end of a window cannot be trusted: an entry may have been cut there.
        if (boundary >= attempt.text.length && attempt.text.length < text.length - base) break;
        point = parseIncremental(attempt.text, point, options, collector, boundary);
        if (next >= segments.length) {
          matched = true;
          break;
        }
        if (point.offset === boundary && sameState(point.state, segments[next].start.state)) {
          matched = true;
          break;
        }
        next++;
        while (next < segments.length && currentOffset(segments[next]) + delta - base < point.offset) next++;
        if (collector.recordCount > maxIncrementalRecords) return undefined;
      }
      if (!matched) continue;
      if (base !== 0) {
        const moved: Shift = { lines: 0, offset: base };
        for (const segment of collector.segments) segment.shift = moved;
        const findings = collector.diagnostics.map((finding) => shiftDiagnostic(finding, 0, moved));
        collector.diagnostics.splice(0, collector.diagnostics.length, ...findings);
      }
      return { collector, next };
    }
    return undefined;
  }

  private get segmentLines(): number {
    return this.options.segmentLines ?? defaultSegmentLines;
  }

  /** The parser's options; `requested` collects the paths of the files it reads (or tries to). */
  private parseOptions(requested?: Set<string>): ParseOptions {
    const { origin, path } = this.options;
    const read = this.options.readFile;
    const readFile: ReadFile | undefined =
      read === undefined || requested === undefined
        ? read
        : (file) => {
            requested.add(file);
            return read(file);
          };
    return {
      ...(origin !== undefined ? { origin } : {}),
      ...(path !== undefined ? { path } : {}),
      ...(readFile !== undefined ? { readFile, pathOperations: nodePath } : {}),
    };
  }

  /**
   * Index of the last segment starting at or before `offset` (`inclusive`), or strictly before it (an edit that
   * ends where a segment starts leaves that segment alone).
   */
  private segmentAt(offset: number, inclusive: boolean): number {
    let low = 0;
    let high = this.segments.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      const start = currentOffset(this.segments[middle]);
      if (start < offset || (inclusive && start === offset)) low = middle;
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

  /** The last record in the segments before `index`. */
  private recordBefore(index: number): ZoneRecord | undefined {
    for (let at = index - 1; at >= 0; at--) {
      const records = this.segments[at].records;
      if (records.length > 0) return records[records.length - 1];
    }
    return undefined;
  }

  /** The first record in the segments after `index`. */
  private recordAfter(index: number): ZoneRecord | undefined {
    for (let at = index + 1; at < this.segments.length; at++) {
      const record = this.segments[at].records[0];
      if (record !== undefined) return record;
    }
    return undefined;
  }

  *records(): Iterable<Placed<ZoneRecord>> {
    this.ensureAnalyzed();
    for (const segment of this.segments) {
      for (const record of segment.records) {
        if (record.file === undefined) yield { item: record, lineShift: segment.shift.lines };
      }
    }
  }

  *allRecords(): Iterable<Placed<ZoneRecord>> {
    this.ensureAnalyzed();
    for (const segment of this.segments) {
      for (const record of segment.records) yield { item: record, lineShift: segment.shift.lines };
    }
  }

  *directives(): Iterable<Placed<Directive>> {
    this.ensureAnalyzed();
    for (const segment of this.segments) {
      for (const directive of segment.directives) {
        if (directive.file === undefined) yield { item: directive, lineShift: segment.shift.lines };
      }
    }
  }

  recordsOnLine(line: number): Placed<ZoneRecord>[] {
    this.ensureAnalyzed();
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

/** The TTLs the segments' records inherit (no TTL written). */
function inheritedTtls(segments: readonly Segment[]): Set<number> {
  const ttls = new Set<number>();
  for (const segment of segments)
    for (const record of segment.records) if (record.ttlRange === undefined) ttls.add(record.ttl);
  return ttls;
}

/** The directives of segments as text, to tell whether an edit changed any. */
function directivesOf(segments: readonly Segment[]): string {
  const texts: string[] = [];
  for (const segment of segments) {
    for (const directive of segment.directives) {
      texts.push(`${directive.name} ${directive.arguments.map((argument) => argument.text).join(' ')}`);
    }
  }
  return texts.join('\n');
}

/** A flat copy of a (possibly sliced) string, which does not keep the string it was cut from alive. */
function copyOf(text: string): string {
  return text.split('\n').join('\n');
}

function countLines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  return count;
}
