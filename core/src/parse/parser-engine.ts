import { Lexer, TokenCode, startsLine, tokenKinds } from './lexer';
import { resolveName, type ResolvedName } from '../names';
import { directiveNames, runDirective } from './parser-directives';
import { EntryWords } from './parser-entry';
import { checkClass, effectiveTtl, readHead, type RecordHead } from './parser-head';
import type { MutableState, ParseSink, ResumePoint } from './parser-state';
import { parseRdata } from '../rdata/index';
import { ParsedRecord, type OffsetToken } from './record';
import { isGenericMarker, SourceText, SourceToken } from './source';
import type { Directive, ParseOptions, RdataField, Severity, Token, ZoneDiagnostic } from '../types';

const DOLLAR = 36;

/** What every reader of one parse shares, across `$INCLUDE` levels. */
export interface ParseContext {
  readonly options: ParseOptions;
  readonly sink: ParseSink;
  /** Paths of the files being read, outermost first, to catch `$INCLUDE` loops. */
  readonly includeStack: string[];
  /** What this parse has expanded and followed so far. */
  readonly totals: { generated: number; included: number };
  /** The most generated records and followed `$INCLUDE`s in one parse. */
  readonly limits: { readonly generated: number; readonly included: number };
}

/**
 * Reads the entries (records and directives) of one text: the document, or a file it includes. Tokens are
 * gathered one entry at a time, as offsets (see `EntryWords`), interpreted, and handed to the sink; token objects
 * are made only for what is kept (rdata, comments, directive arguments, and every token when the sink wants them).
 */
export class ZoneReader {
  readonly lexer: Lexer;
  private readonly words: EntryWords;
  private lastOwner: ResolvedName | undefined;
  private lastOwnerText = '';
  private lastOwnerOrigin = '';

  constructor(
    readonly source: SourceText,
    start: number,
    /** The included file's path, undefined for the document itself. */
    readonly file: string | undefined,
    readonly state: MutableState,
    readonly context: ParseContext,
  ) {
    this.lexer = new Lexer(source, start, source.text.length, (code, message, from, to) =>
      this.report(code, 'error', message, from, to),
    );
    this.words = new EntryWords(source);
  }

  private get isDocument(): boolean {
    return this.file === undefined;
  }

  /** Reads entries until the end, or until the first line that starts at or after `until`; returns that offset. */
  run(until = Number.POSITIVE_INFINITY): number {
    const lexer = this.lexer;
    const source = this.source;
    const sink = this.context.sink;
    const words = this.words;
    const keepTokens = this.isDocument && sink.token !== undefined;
    for (;;) {
      const entryStart = lexer.position;
      if (entryStart >= until) return entryStart;
      if (this.isDocument && sink.entry !== undefined) sink.entry(this.resumePoint(entryStart));
      lexer.forgetEscapes();
      words.clear();
      const entryTokens: SourceToken[] | undefined = keepTokens ? [] : undefined;
      let firstStart = -1;
      let firstEnd = -1;
      let lastEnd = -1;
      let commentStart = -1;
      let commentEnd = -1;
      let commentToken: SourceToken | undefined;
      let code: number;
      while ((code = lexer.scan()) !== TokenCode.end) {
        const start = lexer.tokenStart;
        const end = lexer.tokenEnd;
        let token: SourceToken | undefined;
        if (entryTokens !== undefined) {
          token = new SourceToken(tokenKinds[code], start, end, source);
          entryTokens.push(token);
        }
        if (code === TokenCode.newline) break;
        if (code === TokenCode.comment) {
          if (token !== undefined) token.role = 'comment';
          commentStart = start;
          commentEnd = end;
          commentToken = token;
          continue;
        }
        if (firstStart < 0) {
          firstStart = start;
          firstEnd = end;
        }
        lastEnd = end;
        commentStart = -1;
        commentToken = undefined;
        if (code === TokenCode.word || code === TokenCode.string) words.push(code, start, end, token);
      }
      if (firstStart >= 0) {
        let comment = commentToken;
        if (comment === undefined && commentStart >= 0) {
          comment = new SourceToken('comment', commentStart, commentEnd, source);
          comment.role = 'comment';
        }
        this.entry(firstStart, firstEnd, lastEnd, comment);
      }
      if (entryTokens !== undefined) for (const kept of entryTokens) sink.token!(kept);
      if (code === TokenCode.end) return lexer.position;
    }
  }

  /** The words (and strings) of the entry being read. */
  get entryWords(): EntryWords {
    return this.words;
  }

  /** The state at a line start, for `ParseSink.entry`. */
  resumePoint(offset: number): ResumePoint {
    const position = this.source.position(offset);
    return { offset, line: position.line, character: position.character, state: this.state.snapshot() };
  }

  // `firstStart`/`firstEnd` span the entry's first token (a parenthesis included), `lastEnd` ends its last one.
  private entry(firstStart: number, firstEnd: number, lastEnd: number, comment: SourceToken | undefined): void {
    const words = this.words;
    const text = this.source.text;
    const atLineStart = startsLine(text, firstStart);
    if (words.length === 0) {
      this.report('syntax', 'error', 'parentheses with nothing inside: remove them', firstStart, lastEnd);
      return;
    }
    const headIsFirst = words.start(0) === firstStart;
    if (words.isWord(0) && text.charCodeAt(words.start(0)) === DOLLAR) {
      const name = words.text(0).toUpperCase();
      if (atLineStart && headIsFirst) {
        this.directive(name, lastEnd, comment);
        return;
      }
      if (directiveNames.has(name)) {
        this.report(
          'bad-directive',
          'error',
          `${name} must start at the beginning of the line: remove the space before it`,
          words.start(0),
          words.end(0),
        );
        return;
      }
    }
    this.record(atLineStart, firstStart, firstEnd, lastEnd, comment);
  }

  private directive(name: string, lastEnd: number, comment: SourceToken | undefined): void {
    const words = this.words;
    words.setRole(0, 'directive');
    for (let index = 1; index < words.length; index++) words.setRole(index, 'directive-argument');
    const nameToken = words.token(0);
    const args = words.tokensFrom(1);
    const directive: Directive = {
      name,
      nameRange: nameToken.range,
      arguments: args,
      range: this.source.range(nameToken.start, lastEnd),
      file: this.file,
    };
    runDirective(this, directive, nameToken, args, comment);
  }

  private record(
    ownerWritten: boolean,
    firstStart: number,
    firstEnd: number,
    lastEnd: number,
    comment: SourceToken | undefined,
  ): void {
    const words = this.words;
    const state = this.state;
    let index = 0;
    let ownerStart = -1;
    let ownerEnd = -1;
    if (ownerWritten) {
      if (words.start(0) !== firstStart || !words.isWord(0)) {
        this.report(
          'syntax',
          'error',
          'a record must start with its owner name (or a space to repeat the previous owner)',
          firstStart,
          firstEnd,
        );
        return;
      }
      ownerStart = words.start(0);
      ownerEnd = words.end(0);
      words.setRole(0, 'owner');
      const ownerText = words.text(0);
      // Zone files often repeat the same owner on consecutive lines: reuse the last clean resolution.
      let owner = this.lastOwner;
      if (owner === undefined || ownerText !== this.lastOwnerText || state.origin !== this.lastOwnerOrigin) {
        owner = this.resolveAt(ownerText, ownerStart, ownerEnd);
        this.lastOwner = owner.error === undefined ? owner : undefined;
        this.lastOwnerText = ownerText;
        this.lastOwnerOrigin = state.origin;
      }
      state.previousOwnerName = owner;
      index = 1;
    }
    const head =
      ownerStart >= 0
        ? readHead(this, words, index, ownerStart, ownerEnd)
        : readHead(this, words, index, firstStart, firstEnd);
    const originChanged = state.originChanged;
    state.originChanged = false;
    if (head === undefined) return;
    const ownerName = state.previousOwnerName;
    if (ownerName === undefined) {
      this.report(
        'missing-owner',
        'error',
        'this record has no owner and there is no previous record to take it from: write the owner name at the start of the line',
        firstStart,
        firstEnd,
      );
      return;
    }
    if (ownerStart < 0 && originChanged) {
      this.report(
        'inherited-owner',
        'warning',
        `this record's owner is the previous owner ${ownerName.name}, not the new origin ${state.origin}: write @ (or the name) at the start of the line`,
        firstStart,
        firstEnd,
      );
    }
    for (let rdataIndex = head.next; rdataIndex < words.length; rdataIndex++) words.setRole(rdataIndex, 'rdata');
    const rdata = words.tokensFrom(head.next);
    const ttl = effectiveTtl(this, head, rdata);
    const recordClass = checkClass(this, head);
    this.emitRecord(
      ownerName,
      ownerStart,
      ownerEnd,
      ttl,
      head,
      recordClass,
      rdata,
      firstStart,
      lastEnd,
      comment,
      false,
    );
  }

  /**
   * Builds a record, runs the rdata layer on it (its findings go to the sink, through `diagnosticFilter` when
   * given) and hands the record to the sink.
   */
  emitRecord(
    owner: ResolvedName,
    ownerStart: number,
    ownerEnd: number,
    ttl: number,
    head: RecordHead,
    recordClass: string,
    rdata: readonly Token[],
    start: number,
    end: number,
    comment: Token | undefined,
    generated: boolean,
    diagnosticFilter?: (diagnostic: ZoneDiagnostic) => boolean,
  ): void {
    const fields = this.rdataFields(owner, head, rdata, diagnosticFilter);
    const record = new ParsedRecord(
      this.source,
      owner,
      ownerStart,
      ownerEnd,
      ttl,
      recordClass,
      head,
      rdata,
      fields,
      isGenericMarker(rdata[0]),
      start,
      end,
      comment,
      this.file,
      generated,
    );
    this.context.sink.record?.(record);
  }

  private rdataFields(
    owner: ResolvedName,
    head: RecordHead,
    rdata: readonly Token[],
    diagnosticFilter?: (diagnostic: ZoneDiagnostic) => boolean,
  ): readonly RdataField[] {
    try {
      // Without rdata tokens, the type token is where "missing rdata" goes; only then is its range computed.
      const typeRange = rdata.length === 0 ? this.source.range(head.typeStart, head.typeEnd) : undefined;
      const result = parseRdata(head.type, rdata, { origin: this.state.origin, file: this.file, typeRange, owner });
      const sink = this.context.sink;
      for (const diagnostic of result.diagnostics) {
        if (diagnosticFilter !== undefined && !diagnosticFilter(diagnostic)) continue;
        sink.diagnostic?.(
          this.file === undefined || diagnostic.file !== undefined ? diagnostic : { ...diagnostic, file: this.file },
        );
      }
      return result.fields;
    } catch (error) {
      const first = rdata[0];
      const span = first === undefined ? undefined : (first as OffsetToken);
      this.reportInternal(error, span?.start ?? 0, span?.end ?? 0);
      return [];
    }
  }

  /** Resolves a name against the current origin, reporting the names layer's finding at the token. */
  resolve(text: string, at: OffsetToken): ResolvedName {
    return this.resolveAt(text, at.start, at.end);
  }

  /** `resolve` for the token at offsets [start, end). */
  resolveAt(text: string, start: number, end: number): ResolvedName {
    let resolved: ResolvedName;
    try {
      resolved = resolveName(text, this.state.origin);
    } catch (error) {
      this.reportInternal(error, start, end);
      const name = text.endsWith('.') ? text : `${text}.${this.state.origin}`;
      return { name, key: name.toLowerCase() };
    }
    const error = resolved.error;
    // The lexer has already reported a bad \DDD in this token: one finding for one mistake.
    if (error !== undefined && !(error.code === 'bad-escape' && this.lexer.reportedEscapeIn(start, end))) {
      // The names layer may say which part of the name is wrong; narrow the range to it when it does.
      const narrow = error.start !== undefined && error.end !== undefined && error.end <= end - start;
      const from = narrow ? start + (error.start ?? 0) : start;
      const to = narrow ? start + (error.end ?? 0) : end;
      this.report(error.code, 'error', error.message, from, to);
    }
    return resolved;
  }

  /** Like `resolve`, but leaves reporting the name's finding to the caller; undefined if the names layer threw. */
  resolveQuietly(text: string, at: OffsetToken): ResolvedName | undefined {
    try {
      return resolveName(text, this.state.origin);
    } catch (error) {
      this.reportInternal(error, at.start, at.end);
      return undefined;
    }
  }

  /** Sends a diagnostic for the offsets [start, end) of this reader's text to the sink. */
  report(code: string, severity: Severity, message: string, start: number, end: number): void {
    const sink = this.context.sink;
    if (sink.diagnostic === undefined) return;
    const range = this.source.range(start, end);
    sink.diagnostic(
      this.file === undefined
        ? { code, severity, message, range }
        : { code, severity, message, range, file: this.file },
    );
  }

  private reportInternal(error: unknown, start: number, end: number): void {
    const detail = error instanceof Error ? error.message : String(error);
    this.report(
      'internal-error',
      'error',
      `the checker failed on this record (${detail}); please report it`,
      start,
      end,
    );
  }

  /**
   * Reads an `$INCLUDE`d file's text with its own origin, then restores the origin and the previous owner
   * (RFC 1035 §5.1: an include does not change the including file's origin). `$TTL`, the last TTL and the
   * current owner carry into the included file, as in BIND.
   */
  readIncluded(path: string, text: string, origin: string): void {
    const state = this.state;
    const saved = { origin: state.origin, owner: state.previousOwnerName, originChanged: state.originChanged };
    // BIND and NSD let the included file's first record inherit the current owner (BIND warns when the origin
    // changed just before; see `inherited-owner`).
    if (origin !== state.origin) state.originChanged = true;
    state.origin = origin;
    this.context.includeStack.push(path);
    new ZoneReader(new SourceText(text), 0, path, state, this.context).run();
    this.context.includeStack.pop();
    state.origin = saved.origin;
    state.previousOwnerName = saved.owner;
    state.originChanged = saved.originChanged;
  }
}
