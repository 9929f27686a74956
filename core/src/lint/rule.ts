import type { Directive, Fix, Profile, Range, Severity, ZoneRecord } from '../types';
import type { DocumentText } from '../document-text';
import type { ZoneIndex } from './index/zone-index';

/** A finding as a rule reports it; the engine adds the code and the severity (rule default or settings). */
export interface Finding {
  readonly message: string;
  readonly range: Range;
  /** The `$INCLUDE`d file the finding is in; undefined for the linted document. */
  readonly file?: string | undefined;
  readonly fixes?: readonly Fix[];
  readonly related?: readonly { readonly message: string; readonly range: Range; readonly file?: string | undefined }[];
}

/** What a rule sees of the lint run. */
export interface RuleContext {
  readonly profile: Profile;
  /** The zone apex, absolute in presentation form (`example.com.`). */
  readonly origin: string;
  /** The apex's comparison key. */
  readonly originKey: string;
  /** The linted document's size in UTF-8 bytes, when known. */
  readonly documentBytes: number | undefined;
  /** Every record seen so far, indexed by owner; complete when `end` runs. */
  readonly index: ZoneIndex;
  /** The linted document's text, when the caller has it (fixes that keep the text as written need it). */
  readonly documentText: DocumentText | undefined;
  report(finding: Finding): void;
  /**
   * Whether the caller keeps the findings' fixes and their related places. When not, the engine drops them, and a
   * rule with a finding on many records may skip making them.
   */
  readonly keepsFixes: boolean;
  readonly keepsRelated: boolean;
  /**
   * State several rules read, made once per lint run: the first call with `key` creates it, later calls (from any
   * rule) get the same value.
   */
  shared<T>(key: object, create: () => T): T;
}

/**
 * The hooks a rule registers for one lint run. `record` sees each record in file order after it was added to the
 * index; `directive` each `$` directive; `end` runs once after the last record. None of them may throw.
 */
export interface RuleVisitor {
  record?(record: ZoneRecord, ordinal: number): void;
  /**
   * The record types `record` is called for (upper-case mnemonics); every type when absent. A rule about one type
   * says so here, so that the engine does not call it for each of a million records of other types.
   */
  readonly recordTypes?: readonly string[];
  directive?(directive: Directive): void;
  end?(): void;
}

/**
 * What a rule's finding on a record depends on besides the record itself, narrowest first:
 * - `record`: the record alone (and the origin);
 * - `owner`: the other records at the same owner (RRsets, CNAME beside other data, duplicates);
 * - `ancestors`: records at names above the owner (a DNAME or a delegation above it);
 * - `targets`: records at the names its rdata points at (is the MX target an alias? does it have an address?);
 * - `ttl-group`: every record inheriting the same TTL (a TTL reported once, at the first record inheriting it);
 * - `zone`: the whole zone (an SOA, the apex NS, the directives, the file's size).
 * The language server's incremental relint reads it to know which records to lint again around an edit.
 */
export type RuleScope = 'record' | 'owner' | 'ancestors' | 'targets' | 'ttl-group' | 'zone';

/** One lint rule: a stable code, what it checks, how bad it is by default and in which profiles it runs. */
export interface Rule {
  readonly code: string;
  readonly scope: RuleScope;
  /** One sentence for docs/rules.md and hover. */
  readonly description: string;
  /** The default severity, or one per profile when the rule weighs differently for Cloudflare and for BIND. */
  readonly defaultSeverity: Severity | Readonly<Record<Profile, Severity>>;
  readonly profiles: readonly Profile[];
  create(context: RuleContext): RuleVisitor;
}

/** The default severity of a rule in a profile. */
export function severityIn(rule: Rule, profile: Profile): Severity {
  return typeof rule.defaultSeverity === 'string' ? rule.defaultSeverity : rule.defaultSeverity[profile];
}

/** One related location of a finding. */
export type Related = NonNullable<Finding['related']>[number];

/** A finding on the whole of the indexed record `ordinal`. */
export function atRecord(index: ZoneIndex, ordinal: number, message: string, related?: Related): Finding {
  const finding = { message, range: index.range(ordinal), file: index.file(ordinal) };
  return related === undefined ? finding : { ...finding, related: [related] };
}

/** The indexed record's range and file as a related location. */
export function relatedAt(index: ZoneIndex, ordinal: number, message: string): Related {
  const file = index.file(ordinal);
  // No `file` key for the document itself: the engine would otherwise copy the object to drop it.
  return file === undefined ? { message, range: index.range(ordinal) } : { message, range: index.range(ordinal), file };
}

/** Records a rule checks one by one before `documentWithout` scans the document instead. */
const recordsBeforeScan = 4096;

/**
 * For a rule whose findings quote the document's own text: a test, true once the document's text is known to have no
 * match for `pattern` (so its records cannot have a finding and need no check). The text is scanned at most once,
 * and only after a few thousand records, so that a lint of a few records (a language server edit) does not pay for
 * scanning the whole document.
 */
export function documentWithout(context: RuleContext, pattern: RegExp | ((text: string) => boolean)): () => boolean {
  let asked = 0;
  let answer: boolean | undefined;
  return () => {
    if (answer !== undefined) return answer;
    if (++asked < recordsBeforeScan) return false;
    // Only a whole string can be searched at once; a text in pieces is taken to have a match.
    const text = context.documentText;
    answer = typeof text === 'string' && !(typeof pattern === 'function' ? pattern(text) : pattern.test(text));
    return answer;
  };
}

/**
 * For a rule whose findings quote non-ASCII text of the document: a test, true when the document is ASCII. Its
 * UTF-8 size (which the linter always has with the text) equals its length in UTF-16 units exactly then, so the
 * answer costs no scan of the text.
 */
export function asciiDocument(context: RuleContext): () => boolean {
  const { documentText, documentBytes } = context;
  const ascii = documentText !== undefined && documentBytes === documentText.length;
  return () => ascii;
}

/** The source text of a range of the linted document; undefined for an included file or when the text is unknown. */
export function sourceText(context: RuleContext, range: Range, file: string | undefined): string | undefined {
  if (file !== undefined || context.documentText === undefined) return undefined;
  return context.documentText.slice(range.start.offset, range.end.offset);
}
