import { lookupClass } from './mnemonics';
import type { ResolvedName } from '../names';
import type { Directive, ParseOptions, ZoneDiagnostic, ZoneRecord, Token, TokenRole } from '../types';

/**
 * What the parser carries from one record to the next. A snapshot of it at a line start, together with that
 * position, is enough to resume parsing there (see `ResumePoint`).
 */
export interface ParserState {
  /** The `$ORIGIN` in effect, absolute with a trailing dot. */
  readonly origin: string;
  /** The `$TTL` in effect (or `ParseOptions.defaultTtl`), undefined before any. */
  readonly defaultTtl: number | undefined;
  /** The TTL of the previous record, which RFC 1035 applies to a record without TTL when there is no `$TTL`. */
  readonly lastTtl: number | undefined;
  /** The owner a blank owner field repeats, absolute; undefined before the first owner. */
  readonly previousOwner: string | undefined;
  readonly previousOwnerKey: string | undefined;
  /** The class of the first record: every other record must have it. */
  readonly zoneClass: string | undefined;
  /** True once the "no $TTL" finding was reported (BIND reports it once per zone). */
  readonly ttlWarned: boolean;
  /** True between an origin change (`$ORIGIN`, `$INCLUDE file origin`) and the next record. */
  readonly originChanged: boolean;
}

/** A line start and the parser state there: where `parseIncremental` can start, and where it stops. */
export interface ResumePoint {
  /** Offset of the first character of the line. */
  readonly offset: number;
  readonly line: number;
  /** Normally 0; non-zero only when a caller resumes mid-line. */
  readonly character: number;
  readonly state: ParserState;
}

/** A token of the parsed document with what it means in its record. */
export type RoleToken = Token & { readonly role?: TokenRole };

/**
 * Receives what the parser finds, in document order, as it goes. Every member is optional: a lint run that only
 * needs records passes `record` and `diagnostic` and nothing is kept for the tokens.
 */
export interface ParseSink {
  record?(record: ZoneRecord): void;
  directive?(directive: Directive): void;
  diagnostic?(diagnostic: ZoneDiagnostic): void;
  /** Tokens of the document itself (not of `$INCLUDE`d files), with roles set, one record or line at a time. */
  token?(token: RoleToken): void;
  /** Called at the start of every line that begins a record, directive, comment or blank line of the document. */
  entry?(point: ResumePoint): void;
}

/** The state a document starts in, from the options. */
export function initialState(options: ParseOptions, origin: string): ParserState {
  return {
    origin,
    defaultTtl: options.defaultTtl,
    lastTtl: undefined,
    previousOwner: undefined,
    previousOwnerKey: undefined,
    zoneClass: options.zoneClass === undefined ? undefined : (lookupClass(options.zoneClass) ?? options.zoneClass),
    ttlWarned: false,
    originChanged: false,
  };
}

/** The parser's working copy of the state. */
export class MutableState implements ParserState {
  origin: string;
  defaultTtl: number | undefined;
  lastTtl: number | undefined;
  /** The owner a blank owner field repeats, as resolved (its strings are joined only when read). */
  previousOwnerName: ResolvedName | undefined;
  zoneClass: string | undefined;
  ttlWarned: boolean;
  originChanged: boolean;

  constructor(from: ParserState) {
    this.origin = from.origin;
    this.defaultTtl = from.defaultTtl;
    this.lastTtl = from.lastTtl;
    const { previousOwner, previousOwnerKey } = from;
    this.previousOwnerName =
      previousOwner === undefined || previousOwnerKey === undefined
        ? undefined
        : { name: previousOwner, key: previousOwnerKey };
    this.zoneClass = from.zoneClass;
    this.ttlWarned = from.ttlWarned;
    this.originChanged = from.originChanged;
  }

  get previousOwner(): string | undefined {
    return this.previousOwnerName?.name;
  }

  get previousOwnerKey(): string | undefined {
    return this.previousOwnerName?.key;
  }

  private last: ParserState | undefined;

  /** An immutable copy; the previous one again when nothing changed since (most lines change nothing). */
  snapshot(): ParserState {
    const last = this.last;
    if (last !== undefined && sameState(last, this)) return last;
    return (this.last = {
      origin: this.origin,
      defaultTtl: this.defaultTtl,
      lastTtl: this.lastTtl,
      previousOwner: this.previousOwner,
      previousOwnerKey: this.previousOwnerKey,
      zoneClass: this.zoneClass,
      ttlWarned: this.ttlWarned,
      originChanged: this.originChanged,
    });
  }
}

/** True when two states would parse the following text identically (so an incremental parse can stop). */
export function sameState(a: ParserState, b: ParserState): boolean {
  return (
    a.origin === b.origin &&
    a.defaultTtl === b.defaultTtl &&
    a.lastTtl === b.lastTtl &&
    a.previousOwnerKey === b.previousOwnerKey &&
    a.previousOwner === b.previousOwner &&
    a.zoneClass === b.zoneClass &&
    a.ttlWarned === b.ttlWarned &&
    a.originChanged === b.originChanged
  );
}
