// The head of a record (`[ttl] [class] type`, in either order) and the TTL and class a record ends up with.
import { keepable, lookupClass, lookupType, looksLikeClass, type TypeLookup } from './mnemonics';
import type { ZoneReader } from './parser-engine';
import type { EntryWords } from './parser-entry';
import { parseTtl } from './ttl';
import type { Token } from '../types';

const ZERO = 48;
const NINE = 57;
/** The TTL a record gets when none can be inferred (after the error that says so). */
const fallbackTtl = 3600;

/** A head word that is not a TTL: its text, and what it reads as as a type and as a class. */
interface HeadWord {
  readonly text: string;
  readonly type: TypeLookup;
  readonly class: string | undefined;
}

// Recent head words by first character and length. Records repeat their class and type words, and a word known
// this way is recognised by comparing it in place, without slicing it and hashing it for the mnemonic tables.
const recentWords: (HeadWord | undefined)[] = new Array<HeadWord | undefined>(32 * 8).fill(undefined);

function headWord(text: string, start: number, end: number): HeadWord {
  const length = end - start;
  const slot = ((text.charCodeAt(start) & 31) << 3) | (length & 7);
  const recent = recentWords[slot];
  if (recent !== undefined && recent.text.length === length && text.startsWith(recent.text, start)) return recent;
  const word = text.slice(start, end);
  const read: HeadWord = { text: word, type: lookupType(word), class: lookupClass(word) };
  if (keepable(word)) recentWords[slot] = read;
  return read;
}

/** The head of a record: what comes between the owner and the rdata. Offsets are -1 for a field not written. */
export interface RecordHead {
  readonly ttl: number | undefined;
  readonly ttlStart: number;
  readonly ttlEnd: number;
  readonly class: string | undefined;
  readonly classStart: number;
  readonly classEnd: number;
  readonly type: string;
  readonly typeStart: number;
  readonly typeEnd: number;
  /** Index of the first rdata token. */
  readonly next: number;
}

/**
 * Reads `[ttl] [class] type` (TTL and class in either order) from word `index` of the entry; reports and returns
 * undefined on error. `beforeStart`/`beforeEnd` span the token before the head (where a missing type is reported).
 */
export function readHead(
  reader: ZoneReader,
  words: EntryWords,
  index: number,
  beforeStart: number,
  beforeEnd: number,
): RecordHead | undefined {
  let ttl: number | undefined;
  let ttlStart = -1;
  let ttlEnd = -1;
  let recordClass: string | undefined;
  let classStart = -1;
  let classEnd = -1;
  let previousStart = beforeStart;
  let previousEnd = beforeEnd;
  // The word the loop stopped at (the type word, when all is well), so that it is read only once.
  let stopWord: HeadWord | undefined;
  const source = reader.source.text;
  for (; index < words.length; index++) {
    if (!words.isWord(index)) break;
    const start = words.start(index);
    const end = words.end(index);
    const firstCode = source.charCodeAt(start);
    if (firstCode >= ZERO && firstCode <= NINE) {
      const text = words.text(index);
      const value = parseTtl(text);
      if (value === undefined) {
        reader.report(
          'bad-ttl',
          'error',
          `'${text}' is not a TTL: write seconds (3600) or units (1h30m, 1d, 1w)`,
          start,
          end,
        );
        return undefined;
      }
      if (ttlStart >= 0) {
        reader.report('syntax', 'error', `a second TTL '${text}': a record has at most one TTL`, start, end);
        return undefined;
      }
      ttl = value;
      ttlStart = start;
      ttlEnd = end;
      words.setRole(index, 'ttl');
      previousStart = start;
      previousEnd = end;
      continue;
    }
    const word = headWord(source, start, end);
    stopWord = word;
    if (word.type.kind !== 'unknown') break;
    const canonical = word.class;
    if (canonical === undefined) {
      if (looksLikeClass(word.text)) {
        reader.report(
          'unknown-class',
          'error',
          `'${word.text}' is not a class: use IN (or CH, HS, CLASSnnn)`,
          start,
          end,
        );
        return undefined;
      }
      break;
    }
    if (classStart >= 0) {
      reader.report('syntax', 'error', `a second class '${word.text}': a record has at most one class`, start, end);
      return undefined;
    }
    recordClass = canonical;
    classStart = start;
    classEnd = end;
    words.setRole(index, 'class');
    previousStart = start;
    previousEnd = end;
  }
  if (index >= words.length) {
    reader.report(
      'missing-type',
      'error',
      'this record has no type: add one (A, AAAA, CNAME, MX, TXT, ...) and its data',
      previousStart,
      previousEnd,
    );
    return undefined;
  }
  const typeStart = words.start(index);
  const typeEnd = words.end(index);
  if (!words.isWord(index)) {
    reader.report('missing-type', 'error', 'expected a record type here, not a quoted string', typeStart, typeEnd);
    return undefined;
  }
  const typeWord = stopWord ?? headWord(source, typeStart, typeEnd);
  const typeText = typeWord.text;
  const lookup = typeWord.type;
  if (lookup.kind === 'unknown') {
    reader.report(
      'unknown-type',
      'error',
      `'${typeText}' is not a record type: check the spelling, or write TYPEnnn with rdata in \\# form (RFC 3597)`,
      typeStart,
      typeEnd,
    );
    return undefined;
  }
  if (lookup.kind === 'meta') {
    reader.report(
      'meta-type',
      'error',
      `${lookup.name} is a query or transport type and cannot appear in a zone file: remove the record`,
      typeStart,
      typeEnd,
    );
    return undefined;
  }
  words.setRole(index, 'type');
  return {
    ttl,
    ttlStart,
    ttlEnd,
    class: recordClass,
    classStart,
    classEnd,
    type: lookup.name,
    typeStart,
    typeEnd,
    next: index + 1,
  };
}

/** The TTL of a record by BIND's rules: its own, else `$TTL`, else the previous record's, else the SOA minimum. */
export function effectiveTtl(reader: ZoneReader, head: RecordHead, rdata: readonly Token[]): number {
  const state = reader.state;
  if (head.ttl !== undefined) {
    state.lastTtl = head.ttl;
    return head.ttl;
  }
  if (state.defaultTtl !== undefined) {
    state.lastTtl = state.defaultTtl;
    return state.defaultTtl;
  }
  if (state.lastTtl !== undefined) {
    if (!state.ttlWarned) {
      state.ttlWarned = true;
      reader.report(
        'no-default-ttl',
        'warning',
        `no $TTL: this record takes the previous record's TTL (${state.lastTtl}) as RFC 1035 says; add '$TTL ${state.lastTtl}' at the top to make it explicit`,
        head.typeStart,
        head.typeEnd,
      );
    }
    return state.lastTtl;
  }
  state.ttlWarned = true;
  const minimum = head.type === 'SOA' && rdata.length >= 7 ? parseTtl(rdata[6].text) : undefined;
  if (minimum !== undefined) {
    reader.report(
      'no-default-ttl',
      'warning',
      `no $TTL and no TTL on the SOA: using the SOA minimum (${minimum}) as BIND does; add '$TTL ${minimum}' at the top`,
      head.typeStart,
      head.typeEnd,
    );
    state.lastTtl = minimum;
    return minimum;
  }
  reader.report(
    'missing-ttl',
    'error',
    `this record has no TTL and none applies (no $TTL line before it, no earlier TTL): add '$TTL 3600' at the top of the file`,
    head.typeStart,
    head.typeEnd,
  );
  state.lastTtl = fallbackTtl;
  return fallbackTtl;
}

/** The record's class; reports a class that differs from the zone's (the first record's). */
export function checkClass(reader: ZoneReader, head: RecordHead): string {
  const state = reader.state;
  if (head.class === undefined) {
    state.zoneClass ??= 'IN';
    return state.zoneClass;
  }
  if (state.zoneClass === undefined) state.zoneClass = head.class;
  else if (head.class !== state.zoneClass) {
    reader.report(
      'class-mismatch',
      'error',
      `class ${head.class} differs from the zone's class ${state.zoneClass}: every record of a zone has the same class`,
      head.classStart,
      head.classEnd,
    );
  }
  return head.class;
}
