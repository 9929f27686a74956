import { ParsedRecord, type OffsetToken } from '../../parse/record';
import type { SourceText } from '../../parse/source';
import type { Range, Token, ZoneRecord } from '../../types';
import { IntTable } from './columns';
import { documentStart } from '../rules/utils/ranges';

/**
 * Ranges kept as offsets into their source text, turned into lines and characters only when a finding asks.
 * A rule that remembers a place for each of a million records would otherwise make a range and two positions
 * for every one of them, and almost none ever becomes a finding. Places in records that are not parsed records
 * (built by hand, or the language server's views of records moved by an edit) are kept as their six numbers.
 */
// Columns of a place: its source's index in `sources` (-1 when kept as numbers in `other`), then its offsets.
const SOURCE = 0;
const START = 1;
const END = 2;
// Columns of a place in `other`: line, character and offset of its start, then of its end.
const OTHER_WIDTH = 6;

export class RangeStore {
  private readonly places = new IntTable(3);
  private readonly sources: SourceText[] = [];
  private readonly sourceIds = new Map<SourceText, number>();
  private lastSource: SourceText | undefined;
  private lastSourceId = -1;
  private readonly other = new IntTable(OTHER_WIDTH);

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
    const range = sourceId < 0 ? (token === undefined ? record.range : token.range) : undefined;
    const id = this.places.addRow();
    if (range !== undefined) start = this.addOther(range);
    this.places.set(id, SOURCE, sourceId);
    this.places.set(id, START, start);
    this.places.set(id, END, end);
    return id;
  }

  private addOther(range: Range): number {
    const { start, end } = range;
    const row = this.other.addRow();
    this.other.set(row, 0, start.line);
    this.other.set(row, 1, start.character);
    this.other.set(row, 2, start.offset);
    this.other.set(row, 3, end.line);
    this.other.set(row, 4, end.character);
    this.other.set(row, 5, end.offset);
    return row;
  }

  range(id: number): Range {
    const sourceId = this.places.get(id, SOURCE);
    const source = this.sources[sourceId];
    if (source === undefined) return sourceId < 0 && id < this.places.length ? this.otherRange(id) : documentStart;
    return source.range(this.places.get(id, START), this.places.get(id, END));
  }

  private otherRange(id: number): Range {
    const row = this.places.get(id, START);
    const at = (column: number): number => this.other.get(row, column);
    return {
      start: { line: at(0), character: at(1), offset: at(2) },
      end: { line: at(3), character: at(4), offset: at(5) },
    };
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
