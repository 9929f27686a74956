import { Lexer, startsLine } from './lexer';
import { resolveName, type ResolvedName } from './names';
import { directiveNames, runDirective } from './parser-directives';
import { checkClass, effectiveTtl, readHead, type RecordHead } from './parser-head';
import type { MutableState, ParseSink, ResumePoint } from './parser-state';
import { parseRdata } from './rdata/index';
import { ParsedRecord, type OffsetToken } from './record';
import { SourceText, SourceToken } from './source';
import type { Directive, ParseOptions, RdataField, Severity, Token, ZoneDiagnostic } from './types';

const DOLLAR = 36;

/** True for the `\\#` that starts RFC 3597 rdata; a source token is measured before its text is sliced. */
function isGenericMarker(token: Token | undefined): boolean {
  if (token === undefined) return false;
  if (token instanceof SourceToken && token.end - token.start !== 2) return false;
  return token.text === '\\#';
}

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
 * gathered one entry at a time, interpreted, and handed to the sink; nothing else is kept.
 */
export class ZoneReader {
  readonly lexer: Lexer;
  // Fresh arrays per entry: truncating a reused array (`length = 0`) is a slow path in V8.
  private words: SourceToken[] = [];
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
  }

  private get isDocument(): boolean {
    return this.file === undefined;
  }

  /** Reads entries until the end, or until the first line that starts at or after `until`; returns that offset. */
  run(until = Number.POSITIVE_INFINITY): number {
    const lexer = this.lexer;
    const sink = this.context.sink;
    const keepTokens = this.isDocument && sink.token !== undefined;
    for (;;) {
      const entryStart = lexer.position;
      if (entryStart >= until) return entryStart;
      if (this.isDocument && sink.entry !== undefined) sink.entry(this.resumePoint(entryStart));
      lexer.forgetEscapes();
      const words: SourceToken[] = [];
      const entryTokens: SourceToken[] | undefined = keepTokens ? [] : undefined;
      this.words = words;
      let first: SourceToken | undefined;
      let last: SourceToken | undefined;
      let comment: SourceToken | undefined;
      let token: SourceToken | undefined;
      while ((token = lexer.next()) !== undefined) {
        entryTokens?.push(token);
        const kind = token.kind;
        if (kind === 'newline') break;
        if (kind === 'comment') {
          token.role = 'comment';
          comment = token;
          continue;
        }
        first ??= token;
        last = token;
        comment = undefined;
        if (kind === 'word' || kind === 'string') words.push(token);
      }
      if (first !== undefined && last !== undefined) this.entry(first, last, comment);
      if (entryTokens !== undefined) for (const kept of entryTokens) sink.token!(kept);
      if (token === undefined) return lexer.position;
    }
  }

  /** The words (and strings) of the entry being read. */
  get entryWords(): readonly SourceToken[] {
    return this.words;
  }

  /** The state at a line start, for `ParseSink.entry`. */
  resumePoint(offset: number): ResumePoint {
    const position = this.source.position(offset);
    return { offset, line: position.line, character: position.character, state: this.state.snapshot() };
  }

  private entry(first: SourceToken, last: SourceToken, comment: SourceToken | undefined): void {
    const words = this.words;
    const text = this.source.text;
    const atLineStart = startsLine(text, first.start);
    if (words.length === 0) {
      this.report('syntax', 'error', 'parentheses with nothing inside: remove them', first.start, last.end);
      return;
    }
    const head = words[0];
    if (head.kind === 'word' && text.charCodeAt(head.start) === DOLLAR) {
      const name = head.text.toUpperCase();
      if (atLineStart && head === first) {
        this.directive(name, head, last, comment);
        return;
      }
      if (directiveNames.has(name)) {
        this.report(
          'bad-directive',
          'error',
          `${name} must start at the beginning of the line: remove the space before it`,
          head.start,
          head.end,
        );
        return;
      }
    }
    this.record(atLineStart, first, last, comment);
  }

  private directive(name: string, nameToken: SourceToken, last: SourceToken, comment: SourceToken | undefined): void {
    nameToken.role = 'directive';
    const args = this.words.slice(1);
    for (const argument of args) argument.role = 'directive-argument';
    const directive: Directive = {
      name,
      nameRange: nameToken.range,
      arguments: args,
      range: this.source.range(nameToken.start, last.end),
      file: this.file,
    };
    runDirective(this, directive, nameToken, args, comment);
  }

  private record(ownerWritten: boolean, first: SourceToken, last: SourceToken, comment: SourceToken | undefined): void {
    const words = this.words;
    const state = this.state;
    let index = 0;
    let ownerToken: SourceToken | undefined;
    if (ownerWritten) {
      ownerToken = words[0]!;
      if (ownerToken !== first || ownerToken.kind !== 'word') {
        this.report(
          'syntax',
          'error',
          'a record must start with its owner name (or a space to repeat the previous owner)',
          first.start,
          first.end,
        );
        return;
      }
      ownerToken.role = 'owner';
      const ownerText = ownerToken.text;
      // Zone files often repeat the same owner on consecutive lines: reuse the last clean resolution.
      let owner = this.lastOwner;
      if (owner === undefined || ownerText !== this.lastOwnerText || state.origin !== this.lastOwnerOrigin) {
        owner = this.resolve(ownerText, ownerToken);
        this.lastOwner = owner.error === undefined ? owner : undefined;
        this.lastOwnerText = ownerText;
        this.lastOwnerOrigin = state.origin;
      }
      state.previousOwner = owner.name;
      state.previousOwnerKey = owner.key;
      index = 1;
    }
    const head = readHead(this, words, index, ownerToken ?? first);
    const originChanged = state.originChanged;
    state.originChanged = false;
    if (head === undefined) return;
    if (state.previousOwner === undefined || state.previousOwnerKey === undefined) {
      this.report(
        'missing-owner',
        'error',
        'this record has no owner and there is no previous record to take it from: write the owner name at the start of the line',
        first.start,
        first.end,
      );
      return;
    }
    if (ownerToken === undefined && originChanged) {
      this.report(
        'inherited-owner',
        'warning',
        `this record's owner is the previous owner ${state.previousOwner}, not the new origin ${state.origin}: write @ (or the name) at the start of the line`,
        first.start,
        first.end,
      );
    }
    const rdata = words.slice(head.next);
    for (const token of rdata) token.role = 'rdata';
    const ttl = effectiveTtl(this, head, rdata);
    const recordClass = checkClass(this, head);
    this.emitRecord(
      state.previousOwner,
      state.previousOwnerKey,
      ownerToken,
      ttl,
      head,
      recordClass,
      rdata,
      first.start,
      last.end,
      comment,
      false,
    );
  }

  /**
   * Builds a record, runs the rdata layer on it (its findings go to the sink, through `diagnosticFilter` when
   * given) and hands the record to the sink.
   */
  emitRecord(
    owner: string,
    ownerKey: string,
    ownerToken: OffsetToken | undefined,
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
    const fields = this.rdataFields(head.type, rdata, head.typeToken, diagnosticFilter);
    const record = new ParsedRecord(
      {
        owner,
        ownerKey,
        ownerToken,
        ttl,
        ttlToken: head.ttlToken,
        class: recordClass,
        classToken: head.classToken,
        type: head.type,
        typeToken: head.typeToken,
        rdata,
        fields,
        generic: isGenericMarker(rdata[0]),
        start,
        end,
        comment,
        file: this.file,
        generated,
      },
      this.source,
    );
    this.context.sink.record?.(record);
  }

  private rdataFields(
    type: string,
    rdata: readonly Token[],
    typeToken: SourceToken,
    diagnosticFilter?: (diagnostic: ZoneDiagnostic) => boolean,
  ): readonly RdataField[] {
    try {
      // Without rdata tokens, the type token is where "missing rdata" goes; only then is its range computed.
      const typeRange = rdata.length === 0 ? this.source.range(typeToken.start, typeToken.end) : undefined;
      const result = parseRdata(type, rdata, { origin: this.state.origin, file: this.file, typeRange });
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
    let resolved: ResolvedName;
    try {
      resolved = resolveName(text, this.state.origin);
    } catch (error) {
      this.reportInternal(error, at.start, at.end);
      const name = text.endsWith('.') ? text : `${text}.${this.state.origin}`;
      return { name, key: name.toLowerCase() };
    }
    const error = resolved.error;
    // The lexer has already reported a bad \DDD in this token: one finding for one mistake.
    if (error !== undefined && !(error.code === 'bad-escape' && this.lexer.reportedEscapeIn(at.start, at.end))) {
      // The names layer may say which part of the name is wrong; narrow the range to it when it does.
      const narrow = error.start !== undefined && error.end !== undefined && error.end <= at.end - at.start;
      const start = narrow ? at.start + (error.start ?? 0) : at.start;
      const end = narrow ? at.start + (error.end ?? 0) : at.end;
      this.report(error.code, 'error', error.message, start, end);
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
    const saved = {
      origin: state.origin,
      owner: state.previousOwner,
      ownerKey: state.previousOwnerKey,
      originChanged: state.originChanged,
    };
    // BIND and NSD let the included file's first record inherit the current owner (BIND warns when the origin
    // changed just before; see `inherited-owner`).
    if (origin !== state.origin) state.originChanged = true;
    state.origin = origin;
    this.context.includeStack.push(path);
    new ZoneReader(new SourceText(text), 0, path, state, this.context).run();
    this.context.includeStack.pop();
    state.origin = saved.origin;
    state.previousOwner = saved.owner;
    state.previousOwnerKey = saved.ownerKey;
    state.originChanged = saved.originChanged;
  }
}
