import { maxGeneratedTotal } from './generate';
import { posixPath } from './posix-path';
import { maxIncludedFiles } from './include';
import { resolveName, withTrailingDot } from '../names';
import { ZoneReader, type ParseContext } from './parser-engine';
import { MutableState, initialState, type ParseSink, type ResumePoint, type RoleToken } from './parser-state';
import { SourceText } from './source';
import type { Directive, ParseOptions, ParseResult, ZoneDiagnostic, ZoneRecord } from '../types';

export type { ParseSink, ParserState, ResumePoint, RoleToken } from './parser-state';
export { sameState } from './parser-state';

/**
 * Every diagnostic code the parser and the lint engine themselves emit, with what it means. Rdata and name codes
 * come from their layers, the lint rules' codes from the rules.
 */
export const syntaxCodes = {
  syntax: 'the line does not have the shape of a record or directive',
  'unknown-type': 'the record type is neither a known mnemonic nor TYPEnnn',
  'meta-type': 'a query or transport type (ANY, AXFR, OPT, TSIG, ...) written as a record type',
  'unknown-class': 'a word in class position that is not IN, CH, HS, CS or CLASSnnn',
  'bad-ttl': 'a TTL that is not a number of seconds or of unit groups like 1h30m, or above 2^32-1',
  'unbalanced-parentheses': "a ')' without '(' or a '(' never closed",
  'unterminated-string': 'a quoted string not closed before the end of the line',
  'bad-escape': 'a backslash escape that is not \\X or \\DDD with DDD at most 255',
  'missing-owner': 'a record with a blank owner and no previous owner to repeat',
  'missing-type': 'a record line without a record type',
  'unknown-directive': 'a $ directive other than $ORIGIN, $TTL, $INCLUDE and $GENERATE',
  'bad-directive': 'a directive with missing or extra arguments, or not at the start of its line',
  'include-not-found': 'an $INCLUDE file that cannot be read',
  'include-loop': 'an $INCLUDE of a file already being read, nested over 32 deep, or past 1,000 includes in one zone',
  'bad-generate':
    'a $GENERATE with a bad range, template or missing parts, over 65,536 records, or past 1,048,576 in one zone',
  'class-mismatch': "a record whose class differs from the zone's class",
  'no-default-ttl': 'no $TTL: a TTL was taken from the previous record or the SOA minimum, as BIND does',
  'missing-ttl': 'a record with no TTL where no $TTL or earlier TTL applies, which BIND rejects',
  'inherited-owner':
    'a blank owner right after $ORIGIN or at the start of a file included with an origin: it repeats the previous owner',
  'internal-error': 'a checker failed on this record; the record was skipped',
  'unknown-disable-code':
    'a `zone-records-disable-line` comment names a code that does not exist, so it disables nothing (the fix offers the nearest code)',
} as const satisfies Readonly<Record<string, string>>;

/** A code from `syntaxCodes`. */
export type SyntaxCode = keyof typeof syntaxCodes;

/** What a streaming parse returns besides what it hands to the sink. */
export interface ParseSummary {
  /** The origin in effect at the start of the document, absolute. */
  readonly origin: string;
  /** Where the parse stopped (the end of the text) and the state there. */
  readonly end: ResumePoint;
}

/** The absolute form of an origin option: `example.com` -> `example.com.`, absent -> `.`. */
export function normalizeOrigin(origin: string | undefined): string {
  if (origin === undefined || origin === '' || origin === '.' || origin === '@') return '.';
  try {
    return resolveName(origin, '.').name;
  } catch {
    return withTrailingDot(origin);
  }
}

/** Where a document's parse starts: offset 0 with the state the options give. */
export function startPoint(options: ParseOptions = {}): ResumePoint {
  return { offset: 0, line: 0, character: 0, state: initialState(options, normalizeOrigin(options.origin)) };
}

/**
 * Parses a whole zone file into records, directives, every token with its role, and syntax and rdata
 * diagnostics. Never throws. Records of `$INCLUDE`d files (read through `options.readFile`) are included with
 * their `file` set; their tokens are not. Ranges are computed when read, from offsets (see `SourceText`).
 */
export function parse(text: string, options: ParseOptions = {}): ParseResult {
  const records: ZoneRecord[] = [];
  const directives: Directive[] = [];
  const tokens: RoleToken[] = [];
  const diagnostics: ZoneDiagnostic[] = [];
  const summary = parseRecords(text, options, {
    record: (record) => records.push(record),
    directive: (directive) => directives.push(directive),
    token: (token) => tokens.push(token),
    diagnostic: (diagnostic) => diagnostics.push(diagnostic),
  });
  return { records, directives, tokens, diagnostics, origin: summary.origin };
}

/**
 * Streams a zone file through `sink` without keeping anything itself: the lint CLI passes only `record` and
 * `diagnostic` and a million-record file is read without holding its tokens. Never throws: an exception inside
 * the parse (a sink's included) ends it with an `internal-error` diagnostic.
 */
export function parseRecords(text: string, options: ParseOptions, sink: ParseSink): ParseSummary {
  const start = startPoint(options);
  const end = parseIncremental(text, start, options, sink);
  return { origin: start.state.origin, end };
}

/**
 * Parses `text` (the whole document) from a line start `from` with the parser state there, up to the first line
 * that starts at or after `until` (default: the end), and returns that line's resume point. The language server
 * keeps resume points from `ParseSink.entry`, re-parses from the one before an edit, and stops once the returned
 * point matches an old one shifted by the edit's length with `sameState`: the records after it are unchanged.
 * Positions in what the sink receives are absolute in the document. Never throws.
 */
export function parseIncremental(
  text: string,
  from: ResumePoint,
  options: ParseOptions,
  sink: ParseSink,
  until = Number.POSITIVE_INFINITY,
): ResumePoint {
  const source = new SourceText(text, from.line, from.offset - from.character);
  const state = new MutableState(from.state);
  const context: ParseContext = {
    options,
    sink,
    includeStack: options.path === undefined ? [] : [(options.pathOperations ?? posixPath).normalize(options.path)],
    totals: { generated: 0, included: 0 },
    limits: { generated: maxGeneratedTotal, included: maxIncludedFiles },
  };
  const reader = new ZoneReader(source, Math.min(Math.max(from.offset, 0), text.length), undefined, state, context);
  let stopped: number;
  try {
    stopped = reader.run(until);
  } catch (error) {
    // A bug in the core must not take the editor or the CLI down: report it and return what was read.
    const at = reader.lexer.position;
    const message = error instanceof Error ? error.message : String(error);
    sink.diagnostic?.({
      code: 'internal-error',
      severity: 'error',
      message: `the parser failed here (${message}); please report it`,
      range: source.range(at, at),
    });
    stopped = text.length;
  }
  return reader.resumePoint(stopped);
}
