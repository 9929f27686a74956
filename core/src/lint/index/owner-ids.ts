import { RelativeName, type ResolvedName } from '../../names';
import { ParsedRecord } from '../../parse/record';
import type { ZoneRecord } from '../../types';
import { StringTable } from './string-table';

/**
 * What tells a record's owner apart cheaply: the parser's resolved name (one object for all the records that
 * repeat an owner), else the owner's key.
 */
export type OwnerToken = ResolvedName | string;

/** How many owners `prepare` gets ready at most. */
export const preparedLimit = 128;

/**
 * Dense ids (0, 1, 2, ...) for the owner names of one lint run, by comparison key. Three things keep this cheap on
 * a zone of a million owners: a record that repeats the previous owner costs a comparison; an owner the parser
 * resolved relative to the zone's origin is hashed and stored from its parts, without joining its key; and a
 * batch of owners is prepared together, so that the processor fetches their slots of the large table at once.
 */
export class OwnerIds {
  private readonly keys: StringTable;
  /** The origin key object last found equal to `originKey` (compared by identity first). */
  private matchedOriginKey: string | undefined;
  private lastOwner: OwnerToken | undefined;
  private lastId = -1;
  private readonly preparedOwners: OwnerToken[] = [];
  private readonly preparedHeads: (string | undefined)[] = [];
  private readonly preparedHashes = new Int32Array(preparedLimit);
  private preparedCount = 0;
  private preparedNext = 0;

  /** `originKey`: the zone's apex key, which (almost) every owner ends with. */
  constructor(private readonly originKey = '') {
    this.keys = new StringTable(originKey);
  }

  get size(): number {
    return this.keys.size;
  }

  /** The token of the record's owner (reading the record, storing nothing). */
  tokenOf(record: ZoneRecord): OwnerToken {
    return record instanceof ParsedRecord ? record.ownerName : record.ownerKey;
  }

  /** The id of the owner `owner` stands for, new when the owner is. */
  idOf(owner: OwnerToken): number {
    // Records of one owner usually follow each other: skip the table for a repeated owner.
    if (owner === this.lastOwner) return this.lastId;
    const id = this.intern(owner);
    this.lastOwner = owner;
    this.lastId = id;
    return id;
  }

  /**
   * Gets the table ready for the owners of `records`, about to be added in this order: their slots are fetched
   * together (see `StringTable.touch`), and `idOf` then finds them in cache.
   */
  prepare(records: readonly ZoneRecord[]): void {
    const keys = this.keys;
    let count = 0;
    let previous = this.lastOwner;
    for (const record of records) {
      const owner = this.tokenOf(record);
      if (owner === previous) continue;
      previous = owner;
      if (count === this.preparedHashes.length) break;
      const head = this.headOf(owner);
      this.preparedOwners[count] = owner;
      this.preparedHeads[count] = head;
      this.preparedHashes[count++] = head !== undefined ? keys.hashOfHead(head) : keys.hashOf(keyOf(owner));
    }
    // Touched apart from the hashing: with a hash computed between two reads, few reads could be under way at once.
    keys.touch(this.preparedHashes, count);
    this.preparedCount = count;
    this.preparedNext = 0;
  }

  /** The id of a comparison key, or -1 when no record has that owner. */
  find(key: string): number {
    return this.keys.find(key);
  }

  /** `find` for the hash `hashOf(key)` gave. */
  findHashed(key: string, hash: number): number {
    return this.keys.findHashed(key, hash);
  }

  /** The hash of a key here, which a StringTable with the origin as its common suffix computes alike. */
  hashOf(key: string): number {
    return this.keys.hashOf(key);
  }

  /** True when the owner `id` is a wildcard (`*.` and its parent). */
  isWildcard(id: number): boolean {
    return this.keys.startsWith(id, '*.');
  }

  /** The id of the name `names` holds as `id`, or -1 when no record has that owner. */
  findEntry(names: StringTable, id: number): number {
    return this.keys.findEntry(names, id);
  }

  /** The comparison key of an id. */
  key(id: number): string {
    return this.keys.value(id);
  }

  private intern(owner: OwnerToken): number {
    const keys = this.keys;
    const next = this.preparedNext;
    if (next < this.preparedCount && this.preparedOwners[next] === owner) {
      this.preparedNext = next + 1;
      const hash = this.preparedHashes[next] ?? 0;
      const head = this.preparedHeads[next];
      return head !== undefined ? keys.internHeadHashed(head, hash) : keys.internHashed(keyOf(owner), hash);
    }
    this.preparedCount = 0;
    const head = this.headOf(owner);
    return head !== undefined ? keys.internHeadHashed(head, keys.hashOfHead(head)) : keys.intern(keyOf(owner));
  }

  /**
   * What comes before the zone's origin in the owner's key, when the parser resolved the owner relative to that
   * origin: the table then hashes and stores the key from its parts, and the joined key is never made.
   */
  private headOf(owner: OwnerToken): string | undefined {
    if (!(owner instanceof RelativeName)) return undefined;
    const originKey = owner.originKey;
    if (originKey !== this.matchedOriginKey) {
      if (originKey !== this.originKey || originKey === '.' || originKey === '') return undefined;
      this.matchedOriginKey = originKey;
    }
    return owner.relativeKey;
  }
}

function keyOf(owner: OwnerToken): string {
  return typeof owner === 'string' ? owner : owner.key;
}
