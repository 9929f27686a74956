import type { ResolvedName } from '../names';
import type { Range, RdataField, Token, ZoneDiagnostic } from '../types';

/**
 * What an rdata parser needs besides the tokens. Bad escapes (`\1`, `\256`, a trailing `\`) are the lexer's to
 * report; rdata parsing reads them best-effort and does not report them again.
 */
export interface RdataContext {
  /** The origin in effect for this record, absolute with a trailing dot (relative names in rdata resolve to it). */
  readonly origin: string;
  /** The file the record is in (undefined for the document itself); copied onto diagnostics. */
  readonly file: string | undefined;
  /**
   * The range of the record's type token: `missing-rdata` is reported there when the record has no rdata at all
   * (when absent, a zero-length range at the start of the document is used).
   */
  readonly typeRange?: Range;
  /** The record's owner, for the checks that depend on it (a PTR target is a host name only in reverse zones). */
  readonly owner?: ResolvedName;
}

/** The result of parsing one record's rdata. */
export interface RdataResult {
  readonly fields: readonly RdataField[];
  readonly diagnostics: readonly ZoneDiagnostic[];
  /** True when the rdata was written in RFC 3597 generic form (`\# len hex`). */
  readonly generic?: boolean;
}

/** Parses and validates the rdata tokens of one record type. Never throws. */
export type RdataParser = (tokens: readonly Token[], context: RdataContext) => RdataResult;

/** What the core knows of a record type. */
export interface RecordTypeInfo {
  /** Upper-case mnemonic. */
  readonly name: string;
  /** IANA type code. */
  readonly code: number;
  /** The rdata field names, in presentation order (for hover and completion snippets). */
  readonly fields: readonly string[];
  /**
   * The fields (0-based, in `fields`) that hold a domain name. Each is one token in presentation form and none
   * follows a field of several tokens, so they are token positions too.
   */
  readonly nameFields: readonly number[];
  /** One sentence for hover. */
  readonly summary: string;
  /** Where it is defined, e.g. `RFC 1035`. */
  readonly reference: string;
  /** True for the types Cloudflare's DNS records API serves. */
  readonly cloudflare: boolean;
  /** True for query-only and meta types (AXFR, ANY, OPT, TSIG ...) that cannot appear in a zone file. */
  readonly meta?: boolean;
  /** True for types IANA lists as obsolete or experimental (MD, MF, A6, NXT ...); they still parse. */
  readonly obsolete?: boolean;
  /** Type-specific rdata parser; types without one are accepted in any form and only checked generically. */
  readonly parse?: RdataParser;
}
