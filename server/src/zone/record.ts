import type { SourceText } from './source';
import type { Range, RdataField, Token, ZoneRecord } from './types';

/** Tokens that know their offsets; `SourceToken` and `ExpandedToken` both do. */
export interface OffsetToken extends Token {
  readonly start: number;
  readonly end: number;
}

/** The parts of a record the parser fills in. */
export interface RecordParts {
  readonly owner: string;
  readonly ownerKey: string;
  readonly ownerToken: OffsetToken | undefined;
  readonly ttl: number;
  readonly ttlToken: OffsetToken | undefined;
  readonly class: string;
  readonly classToken: OffsetToken | undefined;
  readonly type: string;
  readonly typeToken: OffsetToken;
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
  private readonly ownerToken: OffsetToken | undefined;
  private readonly ttlToken: OffsetToken | undefined;
  private readonly classToken: OffsetToken | undefined;
  private readonly typeToken: OffsetToken;

  constructor(
    parts: RecordParts,
    private readonly source: SourceText,
  ) {
    this.owner = parts.owner;
    this.ownerKey = parts.ownerKey;
    this.ownerToken = parts.ownerToken;
    this.ttl = parts.ttl;
    this.ttlToken = parts.ttlToken;
    this.class = parts.class;
    this.classToken = parts.classToken;
    this.type = parts.type;
    this.typeToken = parts.typeToken;
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
    return this.ownerToken?.range;
  }

  get ttlRange(): Range | undefined {
    return this.ttlToken?.range;
  }

  get classRange(): Range | undefined {
    return this.classToken?.range;
  }

  get typeRange(): Range {
    return this.typeToken.range;
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
