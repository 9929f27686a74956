import type { ResolvedName } from '../names';
import type { SourceText } from './source';
import type { Range, RdataField, Token, ZoneRecord } from '../types';

/** Tokens that know their offsets; `SourceToken` and `ExpandedToken` both do. */
export interface OffsetToken extends Token {
  readonly start: number;
  readonly end: number;
}

/** Where the head fields of a record are, as offsets into the source (-1 for a field not written). */
export interface HeadOffsets {
  readonly ttlStart: number;
  readonly ttlEnd: number;
  readonly classStart: number;
  readonly classEnd: number;
  readonly type: string;
  readonly typeStart: number;
  readonly typeEnd: number;
}

/**
 * A parsed record. Ranges are computed from offsets when read (see `SourceText`); `start` and `end` give the
 * record's offsets directly, which is what incremental re-parsing compares. `toJSON` gives the plain form.
 */
export class ParsedRecord implements ZoneRecord {
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

  // Positional, not an options object: the parser makes a million of these on a large zone, and an options
  // object would be one more allocation per record.
  constructor(
    /** The text the record's offsets index into. */
    readonly source: SourceText,
    /** The owner as resolved (a relative name joins its strings to the origin only when they are read). */
    readonly ownerName: ResolvedName,
    ownerStart: number,
    ownerEnd: number,
    ttl: number,
    recordClass: string,
    head: HeadOffsets,
    rdata: readonly Token[],
    fields: readonly RdataField[],
    generic: boolean,
    start: number,
    end: number,
    comment: Token | undefined,
    file: string | undefined,
    generated: boolean,
  ) {
    this.ownerStart = ownerStart;
    this.ownerEnd = ownerEnd;
    this.ttl = ttl;
    this.ttlStart = head.ttlStart;
    this.ttlEnd = head.ttlEnd;
    this.class = recordClass;
    this.classStart = head.classStart;
    this.classEnd = head.classEnd;
    this.type = head.type;
    this.typeStart = head.typeStart;
    this.typeEnd = head.typeEnd;
    this.rdata = rdata;
    this.fields = fields;
    this.generic = generic;
    this.start = start;
    this.end = end;
    this.comment = comment;
    this.file = file;
    this.generated = generated;
  }

  get owner(): string {
    return this.ownerName.name;
  }

  get ownerKey(): string {
    return this.ownerName.key;
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
