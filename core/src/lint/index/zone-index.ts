import type { Range, ZoneRecord } from '../../types';
import { IntColumn, IntTable, NumberColumn } from './columns';
import { OwnerIds } from './owner-ids';
import { RangeStore } from './range-store';
import type { StringTable } from './string-table';

// Columns of the per-record table.
const TYPE = 0;
const FILE = 1;
const NEXT = 2;
const OWNER = 3;
const RECORD_WIDTH = 4;

/** Owners with at most this many records are searched by walking them; larger ones get a map. */
export const ownerWalkLimit = 32;

/** Type bits kept per owner so that rules can skip owners that cannot match without walking their records. */
export const TypeBit = {
  A: 1,
  AAAA: 2,
  CNAME: 4,
  NS: 8,
  SOA: 16,
  DS: 32,
  /** RRSIG, NSEC, NSEC3, KEY, SIG, NXT: DNSSEC data RFC 4035 lets live beside a CNAME or a delegation. */
  DNSSEC: 64,
  DNAME: 128,
  OTHER: 256,
} as const;

const typeBits: Readonly<Record<string, number>> = {
  A: TypeBit.A,
  AAAA: TypeBit.AAAA,
  CNAME: TypeBit.CNAME,
  NS: TypeBit.NS,
  SOA: TypeBit.SOA,
  DS: TypeBit.DS,
  RRSIG: TypeBit.DNSSEC,
  NSEC: TypeBit.DNSSEC,
  NSEC3: TypeBit.DNSSEC,
  KEY: TypeBit.DNSSEC,
  SIG: TypeBit.DNSSEC,
  NXT: TypeBit.DNSSEC,
  DNAME: TypeBit.DNAME,
};

export function typeBitOf(type: string): number {
  return typeBits[type] ?? TypeBit.OTHER;
}

/**
 * The records of one lint run, indexed by owner. Built once as records stream by; rules read it at the end.
 * Records are numbered in order (their ordinal). Per record it keeps only numbers in typed columns (type, TTL,
 * range, file, next record at the same owner), so a million records cost tens of megabytes, not a copy of the zone.
 */
export class ZoneIndex {
  private readonly owners: OwnerIds;
  private readonly ownerFirst = new IntColumn();
  private readonly ownerLast = new IntColumn();
  private readonly ownerTypeBits = new IntColumn();
  private readonly ownerSizes = new IntColumn();

  private readonly types: string[] = [];
  private readonly typeIds = new Map<string, number>();
  private readonly files: (string | undefined)[] = [undefined];
  private readonly fileIds = new Map<string, number>();

  /** Per record: type id, file id, next record at the owner and owner id (see the column constants). */
  private readonly records = new IntTable(RECORD_WIDTH);
  /** Each record's range, by ordinal. */
  private readonly ranges = new RangeStore();
  private readonly recordTtl = new NumberColumn();
  private lastType: string | undefined;
  private lastTypeId = -1;
  private readonly typeBitsById: number[] = [];
  private readonly firstOfTypeCache = new Map<string, number>();
  // Facts about the whole zone that let a check stop before looking anything up: most zones have no DNAME, no
  // wildcard and few delegations, and a check on every target of a large zone asks about each.
  private zoneTypeBits = 0;
  private wildcardOwners = 0;
  private delegationOwners = 0;
  private apexOwner = -1;

  /** `originKey`: the zone's apex key, which (almost) every owner ends with. */
  constructor(private readonly originKey = '') {
    this.owners = new OwnerIds(originKey);
  }

  /** Adds a record and returns its ordinal. */
  add(record: ZoneRecord): number {
    // Everything is read before anything is stored (the range store reads before it stores), so a record that
    // cannot be read leaves the index as it was; range ids then stay equal to ordinals.
    const { type, ttl, file } = record;
    const owner = this.owners.tokenOf(record);
    this.ranges.add(record);
    const table = this.records;
    const ordinal = table.addRow();
    const ownerId = this.owners.idOf(owner);
    if (ownerId === this.ownerFirst.length) {
      this.ownerFirst.push(ordinal);
      this.ownerLast.push(ordinal);
      this.ownerTypeBits.push(0);
      this.ownerSizes.push(0);
      if (this.owners.isWildcard(ownerId)) this.wildcardOwners++;
    } else {
      table.set(this.ownerLast.get(ownerId), NEXT, ordinal);
      this.ownerLast.set(ownerId, ordinal);
    }

    let typeId = type === this.lastType ? this.lastTypeId : this.typeIds.get(type);
    if (typeId === undefined) {
      typeId = this.types.length;
      this.types.push(type);
      this.typeIds.set(type, typeId);
      this.typeBitsById.push(typeBitOf(type));
    }
    this.lastType = type;
    this.lastTypeId = typeId;
    this.addTypeBits(ownerId, this.typeBitsById[typeId] ?? 0);
    this.ownerSizes.set(ownerId, this.ownerSizes.get(ownerId) + 1);

    table.set(ordinal, TYPE, typeId);
    table.set(ordinal, FILE, file === undefined ? 0 : this.fileId(file));
    table.set(ordinal, NEXT, -1);
    table.set(ordinal, OWNER, ownerId);
    this.recordTtl.push(ttl);
    return ordinal;
  }

  private addTypeBits(ownerId: number, bits: number): void {
    const before = this.ownerTypeBits.get(ownerId);
    const after = before | bits;
    if (after === before) return;
    this.ownerTypeBits.set(ownerId, after);
    this.zoneTypeBits |= after;
    if ((after & TypeBit.NS) !== 0 && (before & TypeBit.NS) === 0 && ownerId !== this.apexOwnerId()) {
      this.delegationOwners++;
    }
  }

  /** The apex's owner id, or -1 while no record has the apex as its owner. */
  private apexOwnerId(): number {
    if (this.apexOwner < 0) this.apexOwner = this.owners.find(this.originKey);
    return this.apexOwner;
  }

  /** The union of the TypeBit values of every record in the zone. */
  get typesInZone(): number {
    return this.zoneTypeBits;
  }

  /** How many owners are wildcards (`*.` and a parent). */
  get wildcardCount(): number {
    return this.wildcardOwners;
  }

  /** How many owners other than the apex have NS records: the zone's delegations. */
  get delegationCount(): number {
    return this.delegationOwners;
  }

  /** Gets the owner ids ready for `records`, about to be added in this order (see `OwnerIds.prepare`). */
  prepare(records: readonly ZoneRecord[]): void {
    this.owners.prepare(records);
  }

  private fileId(file: string | undefined): number {
    if (file === undefined) return 0;
    let id = this.fileIds.get(file);
    if (id === undefined) {
      id = this.files.length;
      this.files.push(file);
      this.fileIds.set(file, id);
    }
    return id;
  }

  get recordCount(): number {
    return this.records.length;
  }

  get ownerCount(): number {
    return this.owners.size;
  }

  /** The owner id of a comparison key, or undefined when no record has that owner. */
  ownerOf(key: string): number | undefined {
    const id = this.owners.find(key);
    return id < 0 ? undefined : id;
  }

  /** `ownerOf` for the hash `hashOfKey(key)` gave. */
  ownerOfHashed(key: string, hash: number): number | undefined {
    const id = this.owners.findHashed(key, hash);
    return id < 0 ? undefined : id;
  }

  /** How the owner table hashes `key`: alike in any StringTable whose common suffix is the origin key. */
  hashOfKey(key: string): number {
    return this.owners.hashOf(key);
  }

  /** The owner id of the name `names` holds as `id`, or undefined when no record has that owner. */
  ownerOfEntry(names: StringTable, id: number): number | undefined {
    const owner = this.owners.findEntry(names, id);
    return owner < 0 ? undefined : owner;
  }

  ownerKey(ownerId: number): string {
    return this.owners.key(ownerId);
  }

  /** The union of TypeBit values of the records at the owner. */
  ownerTypes(ownerId: number): number {
    return this.ownerTypeBits.get(ownerId);
  }

  /** How many records the owner has. */
  ownerSize(ownerId: number): number {
    return this.ownerSizes.get(ownerId);
  }

  /** The first record at the owner; walk on with `nextAtOwner` (faster than `recordsAt` in hot loops). */
  firstAt(ownerId: number): number {
    return this.ownerFirst.get(ownerId);
  }

  /** The next record at the same owner, or -1 after the last one. */
  nextAtOwner(ordinal: number): number {
    return this.records.get(ordinal, NEXT);
  }

  /** The id `typeId` gives records of `type`, or -1 when no record has that type. */
  typeIdOf(type: string): number {
    return this.typeIds.get(type) ?? -1;
  }

  /** A small number standing for the record's type: equal types have equal ids within one index. */
  typeId(ordinal: number): number {
    return this.records.get(ordinal, TYPE);
  }

  /**
   * The first record of `type` at the owner, or -1; remembered, so many findings pointing at one owner stay
   * linear. Only for `end` hooks: the answer is cached, and records added later would not be seen.
   */
  firstOfType(ownerId: number, type: string): number {
    const key = `${ownerId} ${type}`;
    let found = this.firstOfTypeCache.get(key);
    if (found === undefined) {
      found = this.firstOfTypeId(ownerId, this.typeIdOf(type));
      this.firstOfTypeCache.set(key, found);
    }
    return found;
  }

  /** The first record at the owner whose `typeId` is `typeId`, or -1 (a walk, not remembered). */
  firstOfTypeId(ownerId: number, typeId: number): number {
    let ordinal = this.ownerFirst.get(ownerId);
    while (ordinal >= 0 && this.records.get(ordinal, TYPE) !== typeId) ordinal = this.records.get(ordinal, NEXT);
    return ordinal;
  }

  /**
   * The owners that have every TypeBit of `required` and whose TypeBit union passes `test` when given, by id: the
   * cheap filter before walking an owner's records.
   */
  *ownersWith(required: number, test?: (typeBits: number) => boolean): Generator<number> {
    for (let owner = 0; owner < this.ownerCount; owner++) {
      const bits = this.ownerTypes(owner);
      if ((bits & required) === required && (test === undefined || test(bits))) yield owner;
    }
  }

  /** The ordinals of the records of `type` at the owner, in file order. */
  *recordsOfType(ownerId: number, type: string): Generator<number> {
    const typeId = this.typeIdOf(type);
    if (typeId < 0) return;
    for (let ordinal = this.firstOfTypeId(ownerId, typeId); ordinal >= 0; ordinal = this.nextAtOwner(ordinal)) {
      if (this.records.get(ordinal, TYPE) === typeId) yield ordinal;
    }
  }

  /** The ordinals of the records at the owner, in file order. */
  *recordsAt(ownerId: number): Generator<number> {
    for (let ordinal = this.ownerFirst.get(ownerId); ordinal >= 0; ordinal = this.records.get(ordinal, NEXT)) {
      yield ordinal;
    }
  }

  ownerOfRecord(ordinal: number): number {
    return this.records.get(ordinal, OWNER);
  }

  type(ordinal: number): string {
    return this.types[this.records.get(ordinal, TYPE)] ?? '';
  }

  ttl(ordinal: number): number {
    return this.recordTtl.get(ordinal);
  }

  file(ordinal: number): string | undefined {
    return this.files[this.records.get(ordinal, FILE)];
  }

  range(ordinal: number): Range {
    return this.ranges.range(ordinal);
  }
}
