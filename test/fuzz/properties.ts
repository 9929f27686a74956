// The properties every input must have, each a row of the fuzz report. `checkInput` runs the public faces of the
// core (parse, parseRecords, parseIncremental, lint, applyFixes, formatZone) and the server's incremental model
// on one text and names every property it breaks.
import {
  applyEdits,
  applyFixes,
  formatZone,
  lint,
  parse,
  parseIncremental,
  parseRecords,
  type LintSettings,
  type ParseOptions,
  type Position,
  type Range,
  type ResumePoint,
  type ZoneDiagnostic,
  type ZoneRecord,
} from '../../core/src/index';
import { DocumentModel } from '../../server/src/incremental/documentModel';
import type { Random } from './random';

/** The report's rows, in the order of the issue's table. */
export const defectRows = {
  exception: 'an exception escaped parse, lint, fixes or format',
  'internal-error': 'a diagnostic with code internal-error',
  'format-changes-records': 'parse(format(x)) has other records than parse(x)',
  'format-not-idempotent': 'format(format(x)) != format(x)',
  'diagnostic-range':
    "a diagnostic's (or related) range is outside the text, ends before it starts, or its line/character disagree with its offset",
  'fix-range':
    "a fix's edit is outside the text, inconsistent (line/character vs offset, start > end) or overlaps another edit of its fix",
  'fix-not-improving': 'applying the fixes leaves no fewer findings of the fixed codes, or adds parser errors',
  'parses-disagree': 'parseRecords, parseIncremental or the incremental model give other records than parse',
  slow: 'parse+lint, formatting or fixing took over 1 s',
} as const;
export type DefectRow = keyof typeof defectRows;

export interface Defect {
  readonly row: DefectRow;
  readonly detail: string;
}

export interface CheckOutcome {
  readonly defects: Defect[];
  /** Milliseconds for parse+lint, the one the 1 s limit is about. */
  readonly lintMs: number;
  /** Fix edits found with a bad range (the issue counted edits for that row). */
  readonly badFixEdits: number;
}

export interface CheckOptions {
  readonly origin: string;
  readonly settings: LintSettings;
  /** Also run the server's incremental model with a random edit (slower; the long run does it on every input). */
  readonly model: boolean;
  readonly slowMs: number;
}

/** Where lines start in `text`, with the line breaks the lexer and LSP clients use: LF, CRLF and a lone CR. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) starts.push(i + 1);
    else if (code === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

function expectedPosition(starts: readonly number[], offset: number): { line: number; character: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low, character: offset - starts[low] };
}

function positionProblem(position: Position, starts: readonly number[], length: number): string | undefined {
  const { offset } = position;
  if (!Number.isInteger(offset) || offset < 0 || offset > length) return `offset ${offset} outside 0..${length}`;
  const expected = expectedPosition(starts, offset);
  if (position.line !== expected.line || position.character !== expected.character) {
    return `offset ${offset} is ${expected.line}:${expected.character}, not ${position.line}:${position.character}`;
  }
  return undefined;
}

/** What is wrong with a range of the document, or undefined. */
export function rangeProblem(range: Range, starts: readonly number[], length: number): string | undefined {
  const problem = positionProblem(range.start, starts, length) ?? positionProblem(range.end, starts, length);
  if (problem !== undefined) return problem;
  return range.end.offset < range.start.offset
    ? `ends (${range.end.offset}) before it starts (${range.start.offset})`
    : undefined;
}

/** A record as the formatter must keep it: owner, TTL, class, type and rdata, not where it is. */
export function recordKey(record: ZoneRecord): string {
  const rdata = record.rdata.map((token) => token.text).join('\u0001');
  return `${record.owner} ${record.ttl} ${record.class} ${record.type} ${rdata}`;
}

function at(range: Range): string {
  return `${range.start.offset}-${range.end.offset}`;
}

/** A record with where it is, for comparing parses of one text. */
function placedKey(record: ZoneRecord): string {
  return `${recordKey(record)} @${at(record.range)} ${record.range.start.line}:${record.range.start.character}`;
}

function firstDifference(a: readonly string[], b: readonly string[]): string {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `#${i}: ${JSON.stringify(a[i])} vs ${JSON.stringify(b[i])}`;
  }
  return 'none';
}

function checkRanges(findings: readonly ZoneDiagnostic[], text: string, defects: Defect[]): number {
  const starts = lineStarts(text);
  let badEdits = 0;
  let rangeDetail: string | undefined;
  let fixDetail: string | undefined;
  for (const finding of findings) {
    if (finding.file !== undefined) continue;
    const own = rangeProblem(finding.range, starts, text.length);
    const related = (finding.related ?? [])
      .filter((place) => place.file === undefined)
      .map((place) => rangeProblem(place.range, starts, text.length))
      .find((problem) => problem !== undefined);
    if ((own ?? related) !== undefined) rangeDetail ??= `${finding.code}: ${own ?? `related ${related}`}`;
    for (const fix of finding.fixes ?? []) {
      const edits = [...fix.edits].sort((a, b) => a.range.start.offset - b.range.start.offset);
      edits.forEach((edit, index) => {
        const previous = edits[index - 1];
        const problem =
          rangeProblem(edit.range, starts, text.length) ??
          (previous !== undefined && previous.range.end.offset > edit.range.start.offset
            ? 'overlaps the previous edit of its fix'
            : undefined);
        if (problem === undefined) return;
        badEdits++;
        fixDetail ??= `${finding.code} "${fix.title}": ${problem}`;
      });
    }
  }
  if (rangeDetail !== undefined) defects.push({ row: 'diagnostic-range', detail: rangeDetail });
  if (fixDetail !== undefined) defects.push({ row: 'fix-range', detail: fixDetail });
  return badEdits;
}

function checkFormat(text: string, parseOptions: ParseOptions, defects: Defect[], slowMs: number): void {
  const parsed = parse(text, parseOptions);
  const started = performance.now();
  const formatted = applyEdits(text, formatZone(text, parsed));
  const again = applyEdits(formatted, formatZone(formatted, parse(formatted, parseOptions)));
  const ms = performance.now() - started;
  if (ms > slowMs) defects.push({ row: 'slow', detail: `formatting took ${ms.toFixed(0)} ms` });
  const before = parsed.records.map(recordKey);
  const after = parse(formatted, parseOptions).records.map(recordKey);
  if (before.join('\n') !== after.join('\n')) {
    defects.push({ row: 'format-changes-records', detail: firstDifference(before, after) });
  }
  if (again !== formatted)
    defects.push({ row: 'format-not-idempotent', detail: firstDifference(formatted.split('\n'), again.split('\n')) });
}

function parserErrors(text: string, parseOptions: ParseOptions): number {
  return parse(text, parseOptions).diagnostics.filter((finding) => finding.severity === 'error').length;
}

function checkFixes(
  text: string,
  findings: readonly ZoneDiagnostic[],
  parseOptions: ParseOptions,
  settings: LintSettings,
  defects: Defect[],
  slowMs: number,
): void {
  const started = performance.now();
  const { text: fixed, fixed: count } = applyFixes(text, findings);
  const ms = performance.now() - started;
  if (ms > slowMs) defects.push({ row: 'slow', detail: `applying fixes took ${ms.toFixed(0)} ms` });
  if (count === 0) return;
  // A fix may reveal other findings (a name rewritten to Punycode can meet the same name's other records): what
  // must go down is the findings of the codes that had fixes, and the text must not gain parser errors.
  const fixedCodes = new Set(
    findings.filter((finding) => (finding.fixes?.length ?? 0) > 0).map((finding) => finding.code),
  );
  const ofFixedCodes = (list: readonly ZoneDiagnostic[]): number =>
    list.filter((finding) => fixedCodes.has(finding.code)).length;
  const after = lint(parse(fixed, parseOptions), { text: fixed, settings });
  const errorsBefore = parserErrors(text, parseOptions);
  const errorsAfter = parserErrors(fixed, parseOptions);
  if (ofFixedCodes(after) >= ofFixedCodes(findings) || errorsAfter > errorsBefore) {
    const kept = after.find((finding) => fixedCodes.has(finding.code) && finding.fixes !== undefined) ?? after[0];
    defects.push({
      row: 'fix-not-improving',
      detail: `${count} fixes: ${ofFixedCodes(findings)} -> ${ofFixedCodes(after)} findings of ${[...fixedCodes].join(', ')}, parser errors ${errorsBefore} -> ${errorsAfter}${kept ? ` (e.g. ${kept.code}: ${kept.message})` : ''}`,
    });
  }
}

function checkStreaming(
  text: string,
  parseOptions: ParseOptions,
  whole: readonly string[],
  random: Random,
  defects: Defect[],
): void {
  const streamed: string[] = [];
  const points: ResumePoint[] = [];
  parseRecords(text, parseOptions, {
    record: (record) => streamed.push(placedKey(record)),
    entry: (point) => points.push(point),
  });
  if (streamed.join('\n') !== whole.join('\n')) {
    defects.push({ row: 'parses-disagree', detail: `parseRecords: ${firstDifference(whole, streamed)}` });
    return;
  }
  const from = points[random.int(points.length)];
  if (from === undefined) return;
  const resumed: string[] = [];
  parseIncremental(text, from, parseOptions, { record: (record) => resumed.push(placedKey(record)) });
  const tail = parse(text, parseOptions)
    .records.filter((record) => record.range.start.offset >= from.offset)
    .map(placedKey);
  if (resumed.join('\n') !== tail.join('\n')) {
    defects.push({
      row: 'parses-disagree',
      detail: `parseIncremental from ${from.offset}: ${firstDifference(tail, resumed)}`,
    });
  }
}

/** The model's records and findings, in a form two models of one text must share (counts in messages aside). */
function modelView(model: DocumentModel): string[] {
  const records = [...model.records()].map(
    ({ item, lineShift }) => `${recordKey(item)} @${item.range.start.line + lineShift}:${item.range.start.character}`,
  );
  const findings = model.diagnostics
    .map(
      (finding) => `${finding.code} ${at(finding.range)} ${finding.range.start.line}:${finding.range.start.character}`,
    )
    .sort();
  return [...records, '--', ...findings];
}

function checkModel(text: string, options: CheckOptions, random: Random, defects: Defect[]): void {
  const modelOptions = {
    origin: options.origin,
    path: undefined,
    readFile: undefined,
    settings: options.settings,
    segmentLines: 4,
  };
  const model = new DocumentModel('file:///fuzz.zone', text, modelOptions);
  const start = random.int(text.length + 1);
  const end = Math.min(text.length, start + random.int(12));
  const inserted = random.pick([
    '',
    '\n',
    ' ',
    'x',
    '(',
    ')',
    '"',
    ';',
    '$TTL 60\n',
    'www IN A 192.0.2.1\n',
    'IN CNAME a\n',
  ]);
  const edited = text.slice(0, start) + inserted + text.slice(end);
  model.update(start, end, inserted, edited);
  model.analyzeAll();
  const fresh = new DocumentModel('file:///fuzz.zone', edited, modelOptions);
  const a = modelView(model);
  const b = modelView(fresh);
  if (a.join('\n') !== b.join('\n')) {
    defects.push({
      row: 'parses-disagree',
      detail: `model after edit [${start},${end})=${JSON.stringify(inserted)}: ${firstDifference(b, a)}`,
    });
    return;
  }
  // What the server publishes and offers as quick fixes: inside the edited text, and what a whole lint finds.
  checkRanges(model.diagnostics, edited, defects);
  const whole = lint(parse(edited, { origin: options.origin }), { text: edited, settings: options.settings });
  const published = findingKeys(model.diagnostics);
  const expected = findingKeys(whole);
  if (published.join('\n') !== expected.join('\n')) {
    defects.push({ row: 'parses-disagree', detail: `model vs lint: ${firstDifference(expected, published)}` });
  }
}

/** Findings as two analyses of one text must share them: code, place, and their fixes' edits. */
function findingKeys(findings: readonly ZoneDiagnostic[]): string[] {
  return findings
    .map((finding) => {
      const edits = (finding.fixes ?? []).flatMap((fix) =>
        fix.edits.map((edit) => `${at(edit.range)}=${edit.newText}`),
      );
      return `${finding.code} ${at(finding.range)} ${finding.range.start.line}:${finding.range.start.character} ${edits.join(',')}`;
    })
    .sort();
}

/** Runs `step`, turning an exception into an `exception` defect. */
function guarded(stage: string, defects: Defect[], step: () => void): void {
  try {
    step();
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    defects.push({ row: 'exception', detail: `${stage}: ${message.split('\n').slice(0, 4).join(' | ')}` });
  }
}

/** Checks every property on one text. Never throws. */
export function checkInput(text: string, options: CheckOptions, random: Random): CheckOutcome {
  const defects: Defect[] = [];
  const parseOptions: ParseOptions = { origin: options.origin };
  let findings: ZoneDiagnostic[] = [];
  let whole: string[] = [];
  let lintMs = 0;
  let badFixEdits = 0;
  guarded('parse+lint', defects, () => {
    const started = performance.now();
    const parsed = parse(text, parseOptions);
    findings = lint(parsed, { text, settings: options.settings });
    lintMs = performance.now() - started;
    whole = parsed.records.map(placedKey);
  });
  if (lintMs > options.slowMs) defects.push({ row: 'slow', detail: `parse+lint took ${lintMs.toFixed(0)} ms` });
  const internal = findings.find((finding) => finding.code === 'internal-error');
  if (internal !== undefined) defects.push({ row: 'internal-error', detail: internal.message });
  guarded('ranges', defects, () => (badFixEdits = checkRanges(findings, text, defects)));
  guarded('format', defects, () => checkFormat(text, parseOptions, defects, options.slowMs));
  guarded('fixes', defects, () => checkFixes(text, findings, parseOptions, options.settings, defects, options.slowMs));
  guarded('streaming', defects, () => checkStreaming(text, parseOptions, whole, random, defects));
  if (options.model) guarded('model', defects, () => checkModel(text, options, random, defects));
  return { defects, lintMs, badFixEdits };
}
