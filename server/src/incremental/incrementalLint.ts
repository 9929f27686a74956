/**
 * The lint half of an incremental update: after an edit re-parsed a region of a segmented document, lint only the
 * records the edit can have changed the findings of, and merge their findings with the ones kept from before.
 */
import {
  activeRules,
  lint,
  rules,
  type Directive,
  type LintOptions,
  type RuleScope,
  type ZoneDiagnostic,
  type ZoneRecord,
} from '../../../core/src/index';
import { ancestorsOf, namesInRdata, type OwnerIndex } from './ownerIndex';
import { currentOffset, type Segment } from './segments';
import { shiftDirective, shiftRange, shiftRecord, type Shift } from './shift';

/** Codes of lint rules; every other code comes from the parser, which reports it in the re-parsed text only. */
const ruleCodes: ReadonlySet<string> = new Set(rules.map((rule) => rule.code));
/** Codes of rules that report a TTL many records inherit once, at the first of them. */
const perTtlCodes: ReadonlySet<string> = new Set(
  rules.filter((rule) => rule.scope === 'ttl-group').map((rule) => rule.code),
);

/** What the rules that run under the settings look at beyond the affected records themselves. */
function scopesOf(options: LintOptions): ReadonlySet<RuleScope> {
  return new Set(activeRules(options.settings).map((rule) => rule.scope));
}

/** The document as it is after the edit, with the findings from before it. */
export interface RelintState {
  /** The segments, the re-parsed ones already in place and the later ones already moved. */
  readonly segments: readonly Segment[];
  readonly index: OwnerIndex;
  /** The findings before the edit, at their old positions. */
  readonly findings: readonly ZoneDiagnostic[];
  /** TTLs that records removed or added by the edit inherited (no TTL written). */
  readonly inheritedTtls: ReadonlySet<number>;
  readonly lintOptions: LintOptions;
}

/** Where the edit re-parsed: [regionStart, regionEndOld) in the old text, moved by `shift` after it. */
export interface RelintRegion {
  readonly regionStart: number;
  readonly regionEndOld: number;
  /** True when the region reached the end of the text. */
  readonly atEnd: boolean;
  readonly shift: Shift;
}

/**
 * Lints the records at the `affected` owners (with what the rules need to judge them) and returns the findings:
 * the old ones moved, except those in the re-parsed region or on affected records, which are replaced by new ones.
 * `parseDiagnostics` are the parser's findings in the region, at their current positions.
 */
export function relintFindings(
  state: RelintState,
  affected: ReadonlySet<string>,
  parseDiagnostics: readonly ZoneDiagnostic[],
  region: RelintRegion,
): ZoneDiagnostic[] {
  const { subset, replaced, directives } = relintInput(state, affected, region);
  const spans = recordSpans(replaced);
  const { regionStart, regionEndOld, atEnd, shift } = region;
  const regionEndNew = regionEndOld + shift.offset;
  const inRegion = (offset: number, regionEnd: number): boolean =>
    offset >= regionStart && (offset < regionEnd || (atEnd && offset <= regionEnd));

  const kept: ZoneDiagnostic[] = [];
  for (const finding of state.findings) {
    if (finding.file !== undefined) {
      kept.push(finding);
      continue;
    }
    const offset = finding.range.start.offset;
    if (inRegion(offset, regionEndOld)) continue;
    const moved = shiftDiagnostic(finding, regionEndOld, shift);
    const replacedHere = spans.contains(moved.range.start.offset) || isDocumentStart(moved);
    if (!ruleCodes.has(moved.code) || !replacedHere) kept.push(moved);
  }
  const origin = state.lintOptions.origin ?? '.';
  const found = lint(
    { records: subset, directives, diagnostics: parseDiagnostics, tokens: [], origin },
    state.lintOptions,
  );
  for (const finding of found) {
    if (finding.file !== undefined) continue;
    const offset = finding.range.start.offset;
    const replacedHere = spans.contains(offset) || isDocumentStart(finding);
    if (inRegion(offset, regionEndNew) || (ruleCodes.has(finding.code) && replacedHere)) kept.push(finding);
  }
  kept.sort((a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset);
  return kept;
}

/**
 * The records the rules must see to judge the affected ones, in document order and at their current positions:
 * the affected records, what they point at (is the MX target a CNAME?), the SOA records, and the record after
 * each affected one (a fix removing a line reads whether it inherits the owner).
 */
function relintInput(
  state: RelintState,
  edited: ReadonlySet<string>,
  region: RelintRegion,
): {
  subset: ZoneRecord[];
  replaced: ZoneRecord[];
  directives: Directive[];
} {
  // A finding about an inherited TTL is reported once, at the first record inheriting it: the owners of the first
  // two such records (the first may be new, or gone) are linted again too.
  // An owner brought in brings its own inherited TTLs: repeat until no new owner comes (one or two rounds).
  const scopes = scopesOf(state.lintOptions);
  const affected = new Set(edited);
  const wanted = new Set(scopes.has('ttl-group') ? state.inheritedTtls : []);
  let added: Iterable<string> = edited;
  while (scopes.has('ttl-group')) {
    for (const key of added) for (const ttl of inheritedTtlsAt(state, key)) wanted.add(ttl);
    const owners = [
      ...firstInheritingOwners(state.segments, wanted),
      ...ownersOfInheritedTtlFindings(state, wanted, region),
    ].filter((owner) => !affected.has(owner));
    if (owners.length === 0) break;
    for (const owner of owners) affected.add(owner);
    added = owners;
  }
  const visit = new Set<Segment>();
  for (const key of affected) for (const segment of state.index.segmentsAt(key)) visit.add(segment);
  const pointedAt = new Set<string>();
  for (const segment of [...visit]) {
    for (const record of segment.records) {
      if (scopes.has('targets') && affected.has(record.ownerKey)) {
        for (const key of namesInRdata(record)) pointedAt.add(key);
      }
    }
    const last = segment.records[segment.records.length - 1];
    if (last !== undefined && affected.has(last.ownerKey)) {
      // Up to the next segment with a record, so that the segments stay consecutive for the scan below.
      for (let index = segmentIndex(state.segments, segment) + 1; index < state.segments.length; index++) {
        const following = state.segments[index];
        visit.add(following);
        if (following.records.length > 0) break;
      }
    }
  }
  // Rules look up the ancestors of names too (a delegation or DNAME above), so their records come along, and the
  // wildcards beside them, which may answer for a name pointed at that has no records of its own.
  const context = new Set(pointedAt);
  const withAncestors = scopes.has('ancestors') || scopes.has('targets') ? [...affected, ...pointedAt] : [];
  for (const key of withAncestors) for (const ancestor of ancestorsOf(key)) context.add(ancestor);
  if (state.index.hasWildcards) {
    for (const key of pointedAt) for (const ancestor of ancestorsOf(key)) context.add(wildcardBelow(ancestor));
  }
  for (const key of context) for (const segment of state.index.segmentsAt(key)) visit.add(segment);
  for (const segment of state.index.soaSegments) visit.add(segment);

  const ordered = [...visit].map((segment) => ({ segment, index: segmentIndex(state.segments, segment) }));
  ordered.sort((a, b) => a.index - b.index);
  const subset: ZoneRecord[] = [];
  const replaced: ZoneRecord[] = [];
  let afterAffected = false;
  let previousIndex = -2;
  for (const { segment, index } of ordered) {
    if (index !== previousIndex + 1) afterAffected = false;
    previousIndex = index;
    for (const record of segment.records) {
      const isAffected = affected.has(record.ownerKey);
      const along = record.type === 'SOA' || context.has(record.ownerKey);
      if (isAffected || afterAffected || along) {
        const shifted = shiftRecord(record, segment.shift);
        subset.push(shifted);
        if (isAffected) replaced.push(shifted);
      }
      afterAffected = isAffected;
    }
  }
  const directiveSegments = [...state.index.directiveSegments].sort((a, b) => currentOffset(a) - currentOffset(b));
  const directives: Directive[] = [];
  for (const segment of directiveSegments) {
    for (const directive of segment.directives) directives.push(shiftDirective(directive, segment.shift));
  }
  return { subset, replaced, directives };
}

/**
 * Owners of the records that carry a finding from before the edit about a TTL in `wanted` they inherit. Such a
 * finding sits on the first record inheriting the TTL; when the edit makes an earlier record the first, the old one
 * must be judged again to lose it.
 */
function ownersOfInheritedTtlFindings(
  state: RelintState,
  wanted: ReadonlySet<number>,
  region: RelintRegion,
): Set<string> {
  const owners = new Set<string>();
  if (wanted.size === 0) return owners;
  for (const finding of state.findings) {
    if (!perTtlCodes.has(finding.code) || finding.file !== undefined) continue;
    const offset = finding.range.start.offset;
    if (offset >= region.regionStart && offset < region.regionEndOld) continue;
    const moved = offset < region.regionEndOld ? offset : offset + region.shift.offset;
    const record = recordAt(state.segments, moved);
    if (record !== undefined && record.ttlRange === undefined && wanted.has(record.ttl)) owners.add(record.ownerKey);
  }
  return owners;
}

/** The record whose text holds `offset` (current positions), if any. */
function recordAt(segments: readonly Segment[], offset: number): ZoneRecord | undefined {
  const segment = segments[segmentAt(segments, offset)];
  if (segment === undefined) return undefined;
  const local = offset - segment.shift.offset;
  return segment.records.find((record) => record.range.start.offset <= local && local <= record.range.end.offset);
}

/** The TTLs that records at the owner inherit (no TTL written). */
function inheritedTtlsAt(state: RelintState, key: string): Set<number> {
  const ttls = new Set<number>();
  for (const segment of state.index.segmentsAt(key)) {
    for (const record of segment.records)
      if (record.ownerKey === key && record.ttlRange === undefined) ttls.add(record.ttl);
  }
  return ttls;
}

/** Owners of the first two records of the document inheriting each of the TTLs (no TTL written). */
function firstInheritingOwners(segments: readonly Segment[], wanted: ReadonlySet<number>): Set<string> {
  const owners = new Set<string>();
  const seen = new Map<number, number>();
  let complete = 0;
  for (const segment of segments) {
    if (complete === wanted.size) break;
    for (const record of segment.records) {
      if (record.ttlRange !== undefined || record.type === 'SOA' || !wanted.has(record.ttl)) continue;
      const count = seen.get(record.ttl) ?? 0;
      if (count >= 2) continue;
      owners.add(record.ownerKey);
      seen.set(record.ttl, count + 1);
      if (count + 1 === 2) complete++;
    }
  }
  return owners;
}

/** The position of a segment in the list (segments start at increasing offsets). */
function segmentIndex(segments: readonly Segment[], segment: Segment): number {
  return segmentAt(segments, currentOffset(segment));
}

/** The position of the last segment that starts at or before `offset` (current positions). */
function segmentAt(segments: readonly Segment[], offset: number): number {
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (currentOffset(segments[middle]) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Owners that gained or lost NS or DNAME records between the old and the new segments. */
export function changedCuts(before: readonly Segment[], after: readonly Segment[]): Set<string> {
  const cuts = (segments: readonly Segment[]): Set<string> => {
    const found = new Set<string>();
    for (const segment of segments) {
      for (const record of segment.records) {
        if (record.type === 'NS' || record.type === 'DNAME') found.add(`${record.type} ${record.ownerKey}`);
      }
    }
    return found;
  };
  const old = cuts(before);
  const now = cuts(after);
  const changed = new Set<string>();
  for (const cut of old) if (!now.has(cut)) changed.add(cut.slice(cut.indexOf(' ') + 1));
  for (const cut of now) if (!old.has(cut)) changed.add(cut.slice(cut.indexOf(' ') + 1));
  return changed;
}

/** Zone-wide findings (no records at all, file too large) sit in an empty range at the very start. */
function isDocumentStart(finding: ZoneDiagnostic): boolean {
  return finding.range.start.offset === 0 && finding.range.end.offset === 0;
}

/** Offsets covered by records (with their trailing comment), for finding which findings belong to them. */
function recordSpans(records: readonly ZoneRecord[]): { contains(offset: number): boolean } {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const record of records) {
    if (record.file !== undefined) continue;
    const range = record.range;
    starts.push(range.start.offset);
    ends.push(record.comment === undefined ? range.end.offset : record.comment.range.end.offset);
  }
  return {
    contains(offset) {
      let low = 0;
      let high = starts.length - 1;
      let found = -1;
      while (low <= high) {
        const middle = (low + high) >> 1;
        if (starts[middle] <= offset) {
          found = middle;
          low = middle + 1;
        } else high = middle - 1;
      }
      return found >= 0 && offset <= ends[found];
    },
  };
}

/** Moves the parts of a finding (its range, related places, fix edits) that lie after an edit. */
export function shiftDiagnostic(finding: ZoneDiagnostic, boundary: number, shift: Shift): ZoneDiagnostic {
  const range = finding.range.start.offset < boundary ? finding.range : shiftRange(finding.range, shift);
  const related = finding.related === undefined ? undefined : moveAll(finding.related, boundary, shift);
  let fixes = finding.fixes;
  if (fixes !== undefined && fixes.some((fix) => fix.edits.some((edit) => edit.range.start.offset >= boundary))) {
    fixes = fixes.map((fix) => ({ ...fix, edits: moveAll(fix.edits, boundary, shift) }));
  }
  if (range === finding.range && related === finding.related && fixes === finding.fixes) return finding;
  const moved: { -readonly [K in keyof ZoneDiagnostic]: ZoneDiagnostic[K] } = { ...finding, range };
  if (related !== undefined) moved.related = related;
  if (fixes !== undefined) moved.fixes = fixes;
  return moved;
}

/** The items (related places, edits) at or after `boundary` moved; the same array when none is. */
function moveAll<T extends { readonly range: ZoneDiagnostic['range']; readonly file?: string | undefined }>(
  items: readonly T[],
  boundary: number,
  shift: Shift,
): readonly T[] {
  let result: T[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.file !== undefined || item.range.start.offset < boundary) continue;
    result ??= [...items];
    result[i] = { ...item, range: shiftRange(item.range, shift) };
  }
  return result ?? items;
}

/** The wildcard name directly below a name key (`example.` -> `*.example.`). */
function wildcardBelow(key: string): string {
  return key === '.' ? '*.' : `*.${key}`;
}
