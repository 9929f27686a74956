import type { Directive, ZoneDiagnostic, ZoneRecord } from '../../core/src/index';

/** A record or directive as parsed, plus the number of lines the document has grown above it since then. */
export interface Placed<T> {
  readonly item: T;
  /** Add to the item's lines to get its current line in the document. */
  readonly lineShift: number;
}

/**
 * What the language features read of an analysed document. Records keep the positions they were parsed with;
 * after an incremental update the records below the edit are reused, and `lineShift` says how far they moved.
 */
export interface ZoneView {
  readonly uri: string;
  /** Absolute origin at the top of the document (`example.com.`). */
  readonly origin: string;
  /** The document's own records (not `$INCLUDE`d ones), in document order. */
  records(): Iterable<Placed<ZoneRecord>>;
  /** The document's own records whose current range touches `line`. */
  recordsOnLine(line: number): Placed<ZoneRecord>[];
  /** Every record including `$INCLUDE`d ones (for owner names in completion). */
  allRecords(): Iterable<Placed<ZoneRecord>>;
  /** The document's own directives, in document order. */
  directives(): Iterable<Placed<Directive>>;
  /** Current diagnostics of the document (parse and lint, settings applied), lines already current. */
  readonly diagnostics: readonly ZoneDiagnostic[];
}
