/**
 * The zone core's data model. Everything here is plain, readonly data: the parser produces it, rules, the
 * printer, the language server, the sync planner and the emulator consume it. Positions follow LSP: 0-based
 * line and UTF-16 character, plus the UTF-16 offset into the document text.
 */

/** A position in a document. `offset` is the UTF-16 index into the whole text. */
export interface Position {
  readonly line: number;
  readonly character: number;
  readonly offset: number;
}

/** A half-open range [start, end). */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/**
 * Lexical token kinds.
 * - `word`: an unquoted character run (owner, TTL, class, type, directive name, rdata field); escapes are kept raw.
 * - `string`: a quoted character-string, `text` includes the quotes.
 * - `open` / `close`: parentheses that join lines.
 * - `comment`: from `;` to the end of the line, `text` includes the `;`.
 * - `newline`: an end of line outside parentheses (ends a record or directive).
 */
export type TokenKind = 'word' | 'string' | 'open' | 'close' | 'comment' | 'newline';

/** A token with its exact source text and range. */
export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly range: Range;
}

/** What a token means in the record it belongs to; used by semantic highlighting, hover and the formatter. */
export type TokenRole = 'owner' | 'ttl' | 'class' | 'type' | 'rdata' | 'directive' | 'directive-argument' | 'comment';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A text edit on the document the diagnostic belongs to. */
export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** A quick fix the core can offer for a diagnostic; the language server turns it into a code action. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

/**
 * A finding. `code` is stable (tests and `zone-records-disable-line` use it, messages may change).
 * `file` is set when the finding is in another file than the one parsed (an `$INCLUDE`d file).
 */
export interface ZoneDiagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly file?: string;
  readonly fixes?: readonly Fix[];
  /** Other places that explain the finding (e.g. the CNAME that conflicts with this A record). */
  readonly related?: readonly { readonly message: string; readonly range: Range; readonly file?: string }[];
}

/** One named field of parsed rdata, with its range (for hover and precise diagnostics). */
export interface RdataField {
  readonly name: string;
  /** The presentation value of the field (strings unquoted and unescaped, names absolute). */
  readonly value: string;
  readonly range: Range;
}

/** A resource record as written in the file, resolved against `$ORIGIN`, `$TTL` and the previous owner. */
export interface ZoneRecord {
  /** Absolute owner name in presentation form, with a trailing dot, escapes kept (`www.example.com.`). */
  readonly owner: string;
  /** Comparison key: lower-cased, absolute, escapes decoded to a canonical form. Equal names have equal keys. */
  readonly ownerKey: string;
  /** Range of the owner token; undefined when the owner was blank (inherited from the previous record). */
  readonly ownerRange: Range | undefined;
  /** Effective TTL in seconds. */
  readonly ttl: number;
  /** Range of the TTL token when it was written on this record. */
  readonly ttlRange: Range | undefined;
  /** Class mnemonic, upper case (`IN`). */
  readonly class: string;
  readonly classRange: Range | undefined;
  /** Type mnemonic, upper case (`A`, `TXT`) or `TYPEnnn` for types the core has no mnemonic for. */
  readonly type: string;
  readonly typeRange: Range;
  /** The rdata tokens (`word` and `string`), without parentheses and comments. */
  readonly rdata: readonly Token[];
  /** The rdata fields as the type's parser understood them (empty when the rdata did not parse). */
  readonly fields: readonly RdataField[];
  /** True when the rdata was written in RFC 3597 generic form (`\# len hex`). */
  readonly generic: boolean;
  /** From the first token of the record to its last (parentheses included, trailing comment excluded). */
  readonly range: Range;
  /** The comment on the record's last line, if any (`; text`), used for `cf_tags=` and disable comments. */
  readonly comment: Token | undefined;
  /** The file the record came from: undefined for the parsed document itself, else the `$INCLUDE`d path. */
  readonly file: string | undefined;
  /** True when the record was produced by `$GENERATE`. */
  readonly generated: boolean;
}

export type DirectiveName = '$ORIGIN' | '$TTL' | '$INCLUDE' | '$GENERATE';

/** A `$` directive line. */
export interface Directive {
  /** Upper-cased directive name; unknown `$` directives keep their own name and get a diagnostic. */
  readonly name: string;
  readonly nameRange: Range;
  readonly arguments: readonly Token[];
  readonly range: Range;
  readonly file: string | undefined;
}

/** Reads an `$INCLUDE`d file; returns undefined when it cannot be read. Passed in so the core does no I/O. */
export type ReadFile = (path: string) => string | undefined;

/** The path arithmetic `$INCLUDE` needs (Node's `path` has this shape); passed in so the core does no I/O. */
export interface PathOperations {
  isAbsolute(path: string): boolean;
  normalize(path: string): string;
  dirname(path: string): string;
  join(...paths: string[]): string;
}

export interface ParseOptions {
  /** The zone origin (`example.com.`); a relative name gets a trailing dot added. Defaults to the root when absent. */
  readonly origin?: string;
  /** The path of the document, for resolving `$INCLUDE` and naming included files in diagnostics. */
  readonly path?: string;
  /** Reads `$INCLUDE`d files; when absent, `$INCLUDE` lines are recorded as directives but not followed. */
  readonly readFile?: ReadFile;
  /** How `$INCLUDE` paths are resolved: Node's `path` in Node, POSIX rules when absent. */
  readonly pathOperations?: PathOperations;
  /** Default TTL before any `$TTL` (defaults to the SOA minimum as BIND does, else 3600). */
  readonly defaultTtl?: number;
  /**
   * The folder relative `$INCLUDE` paths resolve against. Default: the including file's folder. BIND and NSD use
   * their working directory instead; pass it here to read a file as they do.
   */
  readonly includeDirectory?: string;
  /** The zone's class (`IN`, `CH`, `CLASS10` ...). Default: the class of the first record, else IN. */
  readonly zoneClass?: string;
}

/** The result of parsing one document. Parsing never throws: problems become diagnostics. */
export interface ParseResult {
  readonly records: readonly ZoneRecord[];
  readonly directives: readonly Directive[];
  /** Every token of the document itself (not of included files), in order, with its role when known. */
  readonly tokens: readonly (Token & { readonly role?: TokenRole })[];
  /** Syntax and rdata diagnostics found while parsing. Rule findings come from `lint`. */
  readonly diagnostics: readonly ZoneDiagnostic[];
  /** The origin in effect at the start of the document, absolute. */
  readonly origin: string;
}

/**
 * Which set of rules applies: `cloudflare` adds Cloudflare's import and API limits to the RFC checks; `bind` promises
 * "named-checkzone loads this zone", `knot` "kzonecheck accepts this zone".
 */
export type Profile = 'cloudflare' | 'bind' | 'knot';
