import type { ZoneRecord } from '../types';

/** Options for printing one record. */
export interface PrintRecordOptions {
  /** When set (absolute, trailing dot), owners inside it are printed relative to it (`@`, `www`). */
  readonly origin?: string;
  /** Print the record's trailing comment (`; text`), which carries Cloudflare's `cf_tags`. Defaults to true. */
  readonly comments?: boolean;
}

/** Options for printing a whole zone. */
export interface PrintZoneOptions extends PrintRecordOptions {
  /** Written as `$TTL` at the top. Every record still states its own TTL, so the value never changes meaning. */
  readonly ttl?: number;
}

/** The columns of one printed record, before joining. */
interface RecordColumns {
  readonly owner: string;
  readonly ttl: string;
  readonly class: string;
  readonly type: string;
  readonly rdata: string;
  readonly comment: string;
}

/**
 * Prints one record as a single zone-file line (`www 300 IN A 192.0.2.1`). Parenthesised records come out on one
 * line; rdata names that were written relative to an origin are printed absolute, so the line means the same under
 * any `$ORIGIN`.
 */
export function printRecord(record: ZoneRecord, options: PrintRecordOptions = {}): string {
  const columns = recordColumns(record, options);
  const line = [columns.owner, columns.ttl, columns.class, columns.type, columns.rdata].filter((c) => c !== '');
  return columns.comment === '' ? line.join(' ') : `${line.join(' ')} ${columns.comment}`;
}

/**
 * Prints records as a zone file: `$ORIGIN` and `$TTL` when given, then one aligned line per record, in order.
 * Parsing the result with the same origin gives back the same records.
 */
export function printZone(records: readonly ZoneRecord[], options: PrintZoneOptions = {}): string {
  const header: string[] = [];
  if (options.origin !== undefined) header.push(`$ORIGIN ${options.origin}`);
  if (options.ttl !== undefined) header.push(`$TTL ${options.ttl}`);
  const rows = records.map((record) => recordColumns(record, options));
  const ownerWidth = Math.min(
    maxWidth(rows, (row) => row.owner),
    40,
  );
  const ttlWidth = maxWidth(rows, (row) => row.ttl);
  const classWidth = maxWidth(rows, (row) => row.class);
  const typeWidth = maxWidth(rows, (row) => row.type);
  const lines = rows.map((row) => {
    const head = [
      pad(row.owner, ownerWidth),
      pad(row.ttl, ttlWidth),
      pad(row.class, classWidth),
      pad(row.type, typeWidth),
    ].join(' ');
    const line = row.rdata === '' ? head.trimEnd() : `${head} ${row.rdata}`;
    return row.comment === '' ? line : `${line} ${row.comment}`;
  });
  return [...header, ...lines].map((line) => `${line}\n`).join('');
}

/** An owner name relative to `origin` when it lies inside it, else absolute. */
export function relativeName(name: string, origin: string | undefined): string {
  if (origin === undefined || origin === '.') return name;
  const lowerName = name.toLowerCase();
  const lowerOrigin = origin.toLowerCase();
  if (lowerName === lowerOrigin) return '@';
  const suffix = `.${lowerOrigin}`;
  if (lowerName.endsWith(suffix)) {
    const prefix = name.slice(0, name.length - suffix.length);
    // `a\.` + `example.` would read back as one escaped label: keep such names absolute.
    if (!prefix.endsWith('\\')) return prefix;
  }
  return name;
}

function recordColumns(record: ZoneRecord, options: PrintRecordOptions): RecordColumns {
  const comment = options.comments === false || record.comment === undefined ? '' : record.comment.text.trimEnd();
  return {
    owner: relativeName(record.owner, options.origin),
    ttl: String(record.ttl),
    class: record.class,
    type: record.type,
    rdata: rdataText(record),
    comment,
  };
}

/**
 * The rdata as text. A name written relative to the origin (`mail`) has an absolute field value (`mail.example.com.`)
 * that starts with the written text: that value is printed instead, so the line does not depend on `$ORIGIN`.
 */
export function rdataText(record: ZoneRecord): string {
  return record.rdata
    .map((token) => {
      if (token.kind !== 'word') return token.text;
      const field = record.fields.find((f) => f.range.start.offset === token.range.start.offset);
      if (field === undefined || !field.value.endsWith('.') || token.text.endsWith('.')) return token.text;
      if (token.text === '@' || field.value.toLowerCase().startsWith(`${token.text.toLowerCase()}.`))
        return field.value;
      return token.text;
    })
    .join(' ');
}

function maxWidth(rows: readonly RecordColumns[], column: (row: RecordColumns) => string): number {
  let width = 0;
  for (const row of rows) width = Math.max(width, column(row).length);
  return width;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}
