import type { DocumentText } from '../../document-text';
import type { Fix, Range, ZoneRecord } from '../../types';
import type { Finding, Rule, RuleContext } from '../rule';
import { relatedAt, sourceText } from '../rule';
import { IntColumn, IntMap } from '../index/columns';
import { ownerWalkLimit } from '../index/zone-index';
import { RdataHasher } from './utils/rdata-hash';

// Types whose rdata is only names and numbers: names compare case-insensitively (RFC 4034 section 6.2).
const caseInsensitiveRdata = new Set(['CNAME', 'NS', 'PTR', 'DNAME', 'MX', 'SRV', 'KX', 'AFSDB', 'RT', 'SOA']);

// The two hashes of the last record (no array allocated per record).
const hasher = new RdataHasher();

/**
 * Hashes the record's class and rdata into `hasher`. Records are compared by type and both hashes, so no copy of
 * the rdata is kept: a false duplicate needs a 64-bit collision between two records of one owner and type, which
 * no real zone comes near.
 */
function hashRdata(record: ZoneRecord, foldCase: boolean): void {
  // Every record of a zone has the same class (another is an error): mix it once, start each record from there.
  if (record.class !== seededClass) {
    hasher.reset(0x811c9dc5 | 0, 0x12345678);
    hasher.mix(record.class, false);
    seededClass = record.class;
    seedA = hasher.a;
    seedB = hasher.b;
  }
  hasher.reset(seedA, seedB);
  if (record.fields.length > 0) for (const field of record.fields) hasher.mix(field.value, foldCase);
  else for (const token of record.rdata) hasher.mix(token.text, foldCase);
}

let seededClass: string | undefined;
let seedA = 0;
let seedB = 0;

function lineStart(line: number, offset: number): Range['start'] {
  return { line, character: 0, offset };
}

/**
 * The offset after the line break that ends the line `from` is on (LF, CRLF or a lone CR, as the lexer reads
 * them), or -1 on the last line. It reads only the rest of that line: indexOf('\n') would scan to the end of a
 * file written with CR line ends for every duplicate.
 */
function lineBreakEnd(text: DocumentText, from: number): number {
  for (let at = from; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 10) return at + 1;
    if (code === 13) return text.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
  }
  return -1;
}

/**
 * Removes the duplicate's lines. When the next record inherits its owner from the duplicate (a blank owner), the
 * owner text moves onto that record's line so that its meaning does not change.
 */
function removalFix(context: RuleContext, duplicate: ZoneRecord, next: ZoneRecord | undefined): Fix | undefined {
  const text = context.documentText;
  if (duplicate.file !== undefined || text === undefined) return undefined;
  const { start, end } = duplicate.range;
  const after = lineBreakEnd(text, end.offset);
  const nextLine = end.line + 1;
  const removal = {
    start: lineStart(start.line, start.offset - start.character),
    end: after < 0 ? end : lineStart(nextLine, after),
  };
  const edits = [{ range: removal, newText: '' }];
  // A blank owner after a line that failed to parse may repeat that line's owner, not the duplicate's.
  const inheritsOwner =
    next !== undefined && next.file === undefined && next.ownerRange === undefined && next.owner === duplicate.owner;
  if (inheritsOwner && duplicate.ownerRange !== undefined) {
    const owner = sourceText(context, duplicate.ownerRange, undefined) ?? duplicate.owner;
    const at = lineStart(next.range.start.line, next.range.start.offset - next.range.start.character);
    // An insertion of its own even right after the removal: a fix removing the next record's line then touches
    // it and waits for another pass, instead of taking the moved owner away with that line.
    edits.push({ range: { start: at, end: at }, newText: owner });
  }
  return { title: 'Remove the duplicate record', edits };
}

/** The same record (owner, class, type and data) twice: servers keep one, Cloudflare refuses the second. */
export const duplicateRecord: Rule = {
  code: 'duplicate-record',
  scope: 'owner',
  description:
    'The same record (owner, class, type and data) appears twice; servers keep one and Cloudflare refuses the second. The fix removes the line.',
  defaultSeverity: 'warning',
  profiles: ['cloudflare', 'bind', 'knot'],
  create(context) {
    const { index } = context;
    const hash1 = new IntColumn();
    const hash2 = new IntColumn();
    // Owners with many records: the first copy of each record, found by a number mixed from owner, type and hash
    // (a string key per record cost a string each), chained where two records mix to the same number.
    const firstCopies = new IntMap();
    const earlierInChain = new IntMap();
    const bucketOf = (owner: number, ordinal: number): number =>
      Math.imul(owner, 0x9e3779b1) ^ Math.imul(index.typeId(ordinal), 0x85ebca6b) ^ hash1.get(ordinal);
    const sameRecordData = (ordinal: number, other: number): boolean =>
      index.typeId(other) === index.typeId(ordinal) &&
      hash1.get(other) === hash1.get(ordinal) &&
      hash2.get(other) === hash2.get(ordinal);
    /** The first copy of the record in the chain of its number, or -1 after adding the record as a first copy. */
    const firstInChain = (owner: number, ordinal: number): number => {
      const bucket = bucketOf(owner, ordinal);
      const head = firstCopies.get(bucket);
      for (let other = head; other >= 0; other = earlierInChain.get(other)) {
        if (index.ownerOfRecord(other) === owner && sameRecordData(ordinal, other)) return other;
      }
      firstCopies.set(bucket, ordinal);
      if (head >= 0) earlierInChain.set(ordinal, head);
      return -1;
    };

    const firstCopy = (ordinal: number): number => {
      const owner = index.ownerOfRecord(ordinal);
      const size = index.ownerSize(owner);
      if (size <= ownerWalkLimit) {
        for (let other = index.firstAt(owner); other >= 0 && other < ordinal; other = index.nextAtOwner(other)) {
          if (sameRecordData(ordinal, other)) return other;
        }
        return -1;
      }
      if (size === ownerWalkLimit + 1) {
        // The owner just outgrew walking: chain its earlier records once.
        for (let other = index.firstAt(owner); other >= 0 && other < ordinal; other = index.nextAtOwner(other)) {
          firstInChain(owner, other);
        }
      }
      return firstInChain(owner, ordinal);
    };

    // The fix depends on whether the following record inherits the duplicate's owner, so it waits for one record.
    let pending: { record: ZoneRecord; first: number } | undefined;
    let foldType: string | undefined;
    let fold = false;
    const flush = (next: ZoneRecord | undefined): void => {
      if (pending === undefined) return;
      const { record, first } = pending;
      pending = undefined;
      const fix = context.keepsFixes ? removalFix(context, record, next) : undefined;
      const finding: Finding = {
        message: `This ${record.type} record duplicates an earlier one at ${record.owner}: remove one of them.`,
        range: record.range,
        file: record.file,
        ...(context.keepsRelated ? { related: [relatedAt(index, first, 'the first occurrence')] } : {}),
        ...(fix ? { fixes: [fix] } : {}),
      };
      context.report(finding);
    };
    return {
      record(record, ordinal) {
        flush(record);
        if (record.type !== foldType) {
          foldType = record.type;
          fold = caseInsensitiveRdata.has(foldType);
        }
        hashRdata(record, fold);
        hash1.push(hasher.a);
        hash2.push(hasher.b);
        const first = firstCopy(ordinal);
        if (first >= 0) pending = { record, first };
      },
      end() {
        flush(undefined);
      },
    };
  },
};
