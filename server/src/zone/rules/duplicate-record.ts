import type { Fix, Range, ZoneRecord } from '../types';
import type { Finding, Rule, RuleContext } from './types';
import { relatedAt, sourceText } from './types';

// Types whose rdata is only names and numbers: names compare case-insensitively (RFC 4034 section 6.2).
const caseInsensitiveRdata = new Set(['CNAME', 'NS', 'PTR', 'DNAME', 'MX', 'SRV', 'KX', 'AFSDB', 'RT']);

function rdataKey(record: ZoneRecord): string {
  const text =
    record.fields.length > 0
      ? record.fields.map((field) => field.value).join(' ')
      : record.rdata.map((token) => token.text).join(' ');
  return caseInsensitiveRdata.has(record.type) ? text.toLowerCase() : text;
}

function lineStart(line: number, offset: number): Range['start'] {
  return { line, character: 0, offset };
}

/**
 * Removes the duplicate's lines. When the next record inherits its owner from the duplicate (a blank owner), the
 * owner text moves onto that record's line so that its meaning does not change.
 */
function removalFix(context: RuleContext, duplicate: ZoneRecord, next: ZoneRecord | undefined): Fix | undefined {
  if (duplicate.file !== undefined) return undefined;
  const { start, end } = duplicate.range;
  const text = context.documentText;
  if (text === undefined) return undefined;
  const lineStartOffset = start.offset - start.character;
  const newline = text.indexOf('\n', end.offset);
  const nextLine = end.line + 1;
  const removal = {
    start: lineStart(start.line, lineStartOffset),
    end: newline < 0 ? end : lineStart(nextLine, newline + 1),
  };
  const edits = [{ range: removal, newText: '' }];
  const inheritsOwner = next !== undefined && next.file === undefined && next.ownerRange === undefined;
  if (inheritsOwner && duplicate.ownerRange !== undefined) {
    const owner = sourceText(context, duplicate.ownerRange, undefined) ?? duplicate.owner;
    const at = lineStart(next.range.start.line, next.range.start.offset - next.range.start.character);
    if (at.line === nextLine) edits[0] = { range: removal, newText: owner };
    else edits.push({ range: { start: at, end: at }, newText: owner });
  }
  return { title: 'Remove the duplicate record', edits };
}

/** The same record (owner, class, type and data) twice: servers keep one, Cloudflare refuses the second. */
export const duplicateRecord: Rule = {
  code: 'duplicate-record',
  description:
    'The same record (owner, class, type and data) appears twice; servers keep one and Cloudflare refuses the second. The fix removes the line.',
  defaultSeverity: 'warning',
  profiles: ['cloudflare', 'bind'],
  create(context) {
    const { index } = context;
    const seen = new Map<string, number>();
    // The fix depends on whether the following record inherits the duplicate's owner, so it waits for one record.
    let pending: { record: ZoneRecord; first: number } | undefined;
    const flush = (next: ZoneRecord | undefined): void => {
      if (pending === undefined) return;
      const { record, first } = pending;
      pending = undefined;
      const fix = removalFix(context, record, next);
      const finding: Finding = {
        message: `This ${record.type} record duplicates an earlier one at ${record.owner}: remove one of them.`,
        range: record.range,
        file: record.file,
        related: [relatedAt(index, first, 'the first occurrence')],
        ...(fix ? { fixes: [fix] } : {}),
      };
      context.report(finding);
    };
    return {
      record(record, ordinal) {
        flush(record);
        const key = `${index.ownerOfRecord(ordinal)} ${record.class} ${record.type} ${rdataKey(record)}`;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, ordinal);
        else pending = { record, first };
      },
      end() {
        flush(undefined);
      },
    };
  },
};
