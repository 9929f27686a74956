import type { StoredRecord } from './model';

/**
 * The records of one zone, indexed by id and by name so that the coexistence checks stay cheap on large zones.
 * `clone` gives an independent copy for all-or-nothing operations (batch, import): work on the copy, then adopt it.
 */
export class RecordSet {
  private readonly byId: Map<string, StoredRecord>;
  private changes = 0;
  private readonly byName: Map<string, Set<string>>;

  constructor(records: Iterable<StoredRecord> = []) {
    this.byId = new Map();
    this.byName = new Map();
    for (const record of records) this.put(record);
  }

  /** Changes with every put and delete, so that derived data (sorted lists) can be cached safely. */
  get version(): number {
    return this.changes;
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): StoredRecord | undefined {
    return this.byId.get(id);
  }

  /** Adds a record or replaces the record with the same id. */
  put(record: StoredRecord): void {
    this.changes += 1;
    const previous = this.byId.get(record.id);
    if (previous !== undefined) this.unindex(previous);
    this.byId.set(record.id, record);
    let ids = this.byName.get(record.name);
    if (ids === undefined) {
      ids = new Set();
      this.byName.set(record.name, ids);
    }
    ids.add(record.id);
  }

  delete(id: string): StoredRecord | undefined {
    const record = this.byId.get(id);
    if (record === undefined) return undefined;
    this.changes += 1;
    this.byId.delete(id);
    this.unindex(record);
    return record;
  }

  /** The records that have exactly this name. */
  named(name: string): StoredRecord[] {
    const ids = this.byName.get(name);
    if (ids === undefined) return [];
    const records: StoredRecord[] = [];
    for (const id of ids) {
      const record = this.byId.get(id);
      if (record !== undefined) records.push(record);
    }
    return records;
  }

  all(): StoredRecord[] {
    return [...this.byId.values()];
  }

  clone(): RecordSet {
    return new RecordSet(this.byId.values());
  }

  private unindex(record: StoredRecord): void {
    const ids = this.byName.get(record.name);
    if (ids === undefined) return;
    ids.delete(record.id);
    if (ids.size === 0) this.byName.delete(record.name);
  }
}
