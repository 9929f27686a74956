/**
 * The live zone written in the zone file's own order and style, for a diff against the file itself: the file's
 * text with each planned change undone, so the diff shows the user's own lines (comments, layout, relative names)
 * and every changed line is one create, update or delete. Pure, so it is unit-tested.
 */
import { formatRecordLine, type Plan, type SyncRecord } from '../../../cloudflare/src/index';
import { formatCfComment, proxiableTypes, type ParseResult, type ZoneRecord } from '../../../core/src/index';
import { relativeOwner } from './recordText';

type PlanUpdate = Plan['patches'][number];

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The records the file itself holds (not `$INCLUDE`d or `$GENERATE`d), by their first line. */
function recordsByLine(parsed: ParseResult): Map<number, ZoneRecord> {
  const byLine = new Map<number, ZoneRecord>();
  for (const record of parsed.records) {
    if (record.file === undefined && !record.generated) byLine.set(record.range.start.line, record);
  }
  return byLine;
}

/**
 * The live side of the file-order diff. Updates rewrite only the changed fields of the file's line, creates drop
 * the file's line, deletes add the live record after the file's last record at its name (else at the end).
 */
export function liveInFileOrder(text: string, parsed: ParseResult, plan: Plan): string {
  const byLine = recordsByLine(parsed);
  const edits: Edit[] = [];
  for (const update of [...plan.patches, ...plan.puts]) {
    const record = update.desired.line === undefined ? undefined : byLine.get(update.desired.line);
    if (record !== undefined) edits.push(...updateEdits(text, record, update));
  }
  const ordered = parsed.records.filter((record) => record.file === undefined && !record.generated);
  const removed = new Set<ZoneRecord>();
  for (const created of plan.posts) {
    const record = created.line === undefined ? undefined : byLine.get(created.line);
    if (record !== undefined) removed.add(record);
  }
  for (const record of removed) edits.push(...removalEdits(text, record, ordered, removed));
  // Live records go after a record that stays, so that no insertion falls inside a removed line.
  const staying = ordered.filter((record) => !removed.has(record));
  const severalOrigins = hasSeveralOrigins(parsed);
  for (const deleted of plan.deletes) edits.push(additionEdit(text, deleted, staying, plan.zone, severalOrigins));
  return applyEdits(text, edits);
}

function updateEdits(text: string, record: ZoneRecord, update: PlanUpdate): Edit[] {
  const live = update.live;
  const edits: Edit[] = [];
  const changed = new Set(update.changed);
  if (changed.has('content')) {
    const first = record.rdata[0];
    const last = record.rdata[record.rdata.length - 1];
    if (first !== undefined && last !== undefined) {
      edits.push({ start: first.range.start.offset, end: last.range.end.offset, text: live.display });
    }
  }
  if (changed.has('ttl')) {
    if (record.ttlRange !== undefined) {
      edits.push({ start: record.ttlRange.start.offset, end: record.ttlRange.end.offset, text: String(live.ttl) });
    } else {
      const at = (record.classRange ?? record.typeRange).start.offset;
      edits.push({ start: at, end: at, text: `${live.ttl} ` });
    }
  }
  if (changed.has('comment') || changed.has('tags') || changed.has('proxied') || changed.has('flatten')) {
    const comment = commentOf(live);
    if (record.comment !== undefined) {
      edits.push({ start: record.comment.range.start.offset, end: record.comment.range.end.offset, text: comment });
    } else if (comment !== '') {
      const at = record.range.end.offset;
      edits.push({ start: at, end: at, text: ` ${comment}` });
    }
  }
  // A change the file's line cannot show in place (a PUT that resets other fields): the live line instead.
  if (edits.length === 0) {
    edits.push({
      start: lineStart(text, record.range.start.offset),
      end: lineEnd(text, record.range.end.offset),
      text: formatRecordLine(live),
    });
  }
  return edits;
}

/** The `; comment cf_tags=…` of a live record, as the zone core writes it. */
function commentOf(record: SyncRecord): string {
  return formatCfComment({
    comment: record.comment,
    tags: record.tags,
    proxied: proxiableTypes.has(record.type) ? record.proxied : undefined,
    flattenCname: record.flattenCname === true ? true : undefined,
  });
}

/** Drops the record's lines; a next record that inherited its owner gets the owner written out. */
function removalEdits(
  text: string,
  record: ZoneRecord,
  ordered: readonly ZoneRecord[],
  removed: ReadonlySet<ZoneRecord>,
): Edit[] {
  const start = lineStart(text, record.range.start.offset);
  const end = lineEnd(text, record.range.end.offset);
  const edits: Edit[] = [{ start, end: Math.min(text.length, end + 1), text: '' }];
  // The first following record that stays and inherited this owner gets it written out.
  let next = ordered[ordered.indexOf(record) + 1];
  while (next !== undefined && removed.has(next) && next.ownerRange === undefined)
    next = ordered[ordered.indexOf(next) + 1];
  if (next !== undefined && !removed.has(next) && next.ownerRange === undefined && record.ownerRange !== undefined) {
    const at = lineStart(text, next.range.start.offset);
    edits.push({ start: at, end: at, text: text.slice(record.ownerRange.start.offset, record.ownerRange.end.offset) });
  }
  return edits;
}

/** The live record as a line in the file's style (relative owner), after the file's last record at its name. */
function additionEdit(
  text: string,
  record: SyncRecord,
  ordered: readonly ZoneRecord[],
  zone: string,
  absoluteOwner: boolean,
): Edit {
  const rendered = liveLine(record, zone, absoluteOwner);
  const key = `${record.name}.`;
  const sameName = ordered.filter((candidate) => candidate.ownerKey === key).at(-1);
  if (sameName !== undefined) {
    const at = lineEnd(text, sameName.range.end.offset);
    return { start: at, end: at, text: `\n${rendered}` };
  }
  const separator = text === '' || text.endsWith('\n') ? '' : '\n';
  return { start: text.length, end: text.length, text: `${separator}${rendered}\n` };
}

/** How a live record the file lacks reads on the live side: the zone core's line with the owner relative. */
export function liveLine(record: SyncRecord, zone: string, absoluteOwner = false): string {
  const owner = absoluteOwner ? `${record.name}.` : relativeOwner(record.name, zone);
  return formatRecordLine(record).replace(/^\S+/, owner);
}

/** True when the file sets `$ORIGIN` more than once: added lines then name their owner in full. */
export function hasSeveralOrigins(parsed: ParseResult): boolean {
  return parsed.directives.filter((directive) => directive.name === '$ORIGIN').length > 1;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset of the line's end (its newline, or the end of the text). */
function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline;
}

/** Applies non-overlapping edits, last first; insertions at the same place keep their order. */
function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => b.edit.start - a.edit.start || b.index - a.index);
  let result = text;
  for (const { edit } of sorted) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}
