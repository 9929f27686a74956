import { ParsedRecord, type OffsetToken } from '../../parse/record';
import type { SourceText } from '../../parse/source';
import type { Range, Token, ZoneRecord } from '../../types';
import { IntTable } from './columns';
import { documentStart } from '../rules/utils/ranges';

/**
 * Ranges kept as offsets into their source text, turned into lines and characters only when a finding asks.
 * A rule that remembers a place for each of a million records would otherwise make a range and two positions
 * for every one of them, and almost none ever becomes a finding. Places in records that are not parsed records
 * (built by hand) are kept whole.
 */
// Columns of a place: its source's index in `sources` (-1 when kept whole in `whole`), then its offsets.
const SOURCE = 0;
const START = 1;
const END = 2;

export class RangeStore {
  private readonly places = new IntTable(3);
  private readonly sources: SourceText[] = [];
  private readonly sourceIds = new Map<SourceText, number>();
  private lastSource: SourceText | undefined;
  private lastSourceId = -1;
  private readonly whole = new Map<number, Range>();

  /** Keeps the place of `record`, or of `token` in it; returns its id (ids count up from 0). */
  add(record: ZoneRecord, token?: Token): number {
    let start = -1;
    let end = -1;
    let sourceId = -1;
    if (record instanceof ParsedRecord) {
      if (token === undefined) {
        start = record.start;
        end = record.end;
      } else if (hasOffsets(token)) {
        start = token.start;
        end = token.end;
      }
      if (start >= 0) sourceId = this.sourceId(record.source);
    }
    // Read before anything is stored: a record whose range cannot be read leaves the store as it was.
    const whole = sourceId < 0 ? (token === undefined ? record.range : token.range) : undefined;
    const id = this.places.addRow();
    if (whole !== undefined) this.whole.set(id, whole);
    this.places.set(id, SOURCE, sourceId);
    this.places.set(id, START, start);
    this.places.set(id, END, end);
    return id;
  }

  range(id: number): Range {
    const source = this.sources[this.places.get(id, SOURCE)];
    if (source === undefined) return this.whole.get(id) ?? documentStart;
    return source.range(this.places.get(id, START), this.places.get(id, END));
  }

  private sourceId(source: SourceText): number {
    if (source === this.lastSource) return this.lastSourceId;
    let id = this.sourceIds.get(source);
    if (id === undefined) {
      id = this.sources.length;
      this.sources.push(source);
      this.sourceIds.set(source, id);
    }
    this.lastSource = source;
    this.lastSourceId = id;
    return id;
  }
}

function hasOffsets(token: Token): token is OffsetToken {
  const { start, end } = token as Partial<{ start: unknown; end: unknown }>;
  return typeof start === 'number' && typeof end === 'number';
}
