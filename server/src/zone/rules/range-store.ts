import { ParsedRecord } from '../record';
import type { SourceText } from '../source';
import type { Range, Token, ZoneRecord } from '../types';
import { documentStart } from './ranges';

/**
 * Ranges kept as offsets into their source text, turned into lines and characters only when a finding asks.
 * A rule that remembers a place for each of a million records would otherwise make a range and two positions
 * for every one of them, and almost none ever becomes a finding. Places in records that are not parsed records
 * (built by hand) are kept whole.
 */
export class RangeStore {
  private offsets = new Int32Array(3 * 1024);
  private count = 0;
  private readonly sources: SourceText[] = [];
  private readonly sourceIds = new Map<SourceText, number>();
  private lastSource: SourceText | undefined;
  private lastSourceId = -1;
  private readonly whole = new Map<number, Range>();

  /** Keeps the place of `record`, or of `token` in it; returns its id (ids count up from 0). */
  add(record: ZoneRecord, token?: Token): number {
    const id = this.count;
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
    if (sourceId < 0) this.whole.set(id, token === undefined ? record.range : token.range);
    if (3 * (id + 1) > this.offsets.length) {
      const grown = new Int32Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
    this.offsets[3 * id] = sourceId;
    this.offsets[3 * id + 1] = start;
    this.offsets[3 * id + 2] = end;
    this.count = id + 1;
    return id;
  }

  range(id: number): Range {
    const source = this.sources[this.offsets[3 * id] ?? -1];
    if (source === undefined) return this.whole.get(id) ?? documentStart;
    return source.range(this.offsets[3 * id + 1] ?? 0, this.offsets[3 * id + 2] ?? 0);
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

function hasOffsets(token: Token): token is Token & { readonly start: number; readonly end: number } {
  const { start, end } = token as Partial<{ start: unknown; end: unknown }>;
  return typeof start === 'number' && typeof end === 'number';
}
