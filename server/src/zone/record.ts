import type { SourceText } from './source';
import type { Range, RdataField, Token, ZoneRecord } from './types';

/** Tokens that know their offsets; `SourceToken` and `ExpandedToken` both do. */
export interface OffsetToken extends Token {
  readonly start: number;
  readonly end: number;
}

/** The parts of a record the parser fills in. Head fields are offsets into the source, -1 when not written. */
export interface RecordParts {
  readonly owner: string;
  readonly ownerKey: string;
  readonly ownerStart: number;
  readonly ownerEnd: number;
  readonly ttl: number;
  readonly ttlStart: number;
  readonly ttlEnd: number;
  readonly class: string;
  readonly classStart: number;
  readonly classEnd: number;
  readonly type: string;
  readonly typeStart: number;
  readonly typeEnd: number;
  readonly rdata: readonly Token[];
  readonly fields: readonly RdataField[];
  readonly generic: boolean;
  readonly start: number;
  readonly end: number;
  readonly comment: Token | undefined;
  readonly file: string | undefined;
  readonly generated: boolean;
}

/**
 * A parsed record. Ranges are computed from offsets when read (see `SourceText`); `start` and `end` give the
 * record's offsets directly, which is what incremental re-parsing compares. `toJSON` gives the plain form.
 */
export class ParsedRecord implements ZoneRecord {
  readonly owner: string;
  readonly ownerKey: string;
  readonly ttl: number;
  readonly class: string;
  readonly type: string;
  readonly rdata: readonly Token[];
  readonly fields: readonly RdataField[];
  readonly generic: boolean;
  readonly comment: Token | undefined;
  readonly file: string | undefined;
  readonly generated: boolean;
  /** Offset of the record's first token. */
  readonly start: number;
  /** Offset after the record's last token (trailing comment excluded). */
  readonly end: number;
  // Offsets instead of the head tokens themselves: a record held by the language server then costs a few numbers
  // per field rather than a token object each (-1 marks a field that was not written).
  private readonly ownerStart: number;
  private readonly ownerEnd: number;
  private readonly ttlStart: number;
  private readonly ttlEnd: number;
  private readonly classStart: number;
  private readonly classEnd: number;
  private readonly typeStart: number;
  private readonly typeEnd: number;

  constructor(
    parts: RecordParts,
    private readonly source: SourceText,
  ) {
    this.owner = parts.owner;
    this.ownerKey = parts.ownerKey;
    this.ownerStart = parts.ownerStart;
    this.ownerEnd = parts.ownerEnd;
    this.ttl = parts.ttl;
    this.ttlStart = parts.ttlStart;
    this.ttlEnd = parts.ttlEnd;
    this.class = parts.class;
    this.classStart = parts.classStart;
    this.classEnd = parts.classEnd;
    this.type = parts.type;
    this.typeStart = parts.typeStart;
    this.typeEnd = parts.typeEnd;
    this.rdata = parts.rdata;
    this.fields = parts.fields;
    this.generic = parts.generic;
    this.start = parts.start;
    this.end = parts.end;
    this.comment = parts.comment;
    this.file = parts.file;
    this.generated = parts.generated;
  }

  get ownerRange(): Range | undefined {
    return this.ownerStart < 0 ? undefined : this.source.range(this.ownerStart, this.ownerEnd);
  }

  get ttlRange(): Range | undefined {
    return this.ttlStart < 0 ? undefined : this.source.range(this.ttlStart, this.ttlEnd);
  }

  get classRange(): Range | undefined {
    return this.classStart < 0 ? undefined : this.source.range(this.classStart, this.classEnd);
  }

  get typeRange(): Range {
    return this.source.range(this.typeStart, this.typeEnd);
  }

  get range(): Range {
    return this.source.range(this.start, this.end);
  }

  toJSON(): ZoneRecord {
    return {
      owner: this.owner,
      ownerKey: this.ownerKey,
      ownerRange: this.ownerRange,
      ttl: this.ttl,
      ttlRange: this.ttlRange,
      class: this.class,
      classRange: this.classRange,
      type: this.type,
      typeRange: this.typeRange,
      rdata: this.rdata,
      fields: this.fields,
      generic: this.generic,
      range: this.range,
      comment: this.comment,
      file: this.file,
      generated: this.generated,
    };
  }
}
