import type { Range, ZoneRecord } from '../types';

/** A growable column of 32-bit integers: four bytes a record instead of a JS object per record. */
export class IntColumn {
  private data = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  get(index: number): number {
    return this.data[index] ?? 0;
  }

  set(index: number, value: number): void {
    this.data[index] = value;
  }
}

/** Same as IntColumn for values that may not fit 32 bits (TTLs up to 2^32-1 and beyond). */
class NumberColumn {
  private data = new Float64Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  get(index: number): number {
    return this.data[index] ?? 0;
  }
}

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
  private readonly ownerIds = new Map<string, number>();
  private readonly ownerKeys: string[] = [];
  private readonly ownerFirst = new IntColumn();
  private readonly ownerLast = new IntColumn();
  private readonly ownerTypeBits = new IntColumn();
  private readonly ownerSizes = new IntColumn();
  private lastOwnerKey: string | undefined;
  private lastOwnerId = -1;

  private readonly types: string[] = [];
  private readonly typeIds = new Map<string, number>();
  private readonly files: (string | undefined)[] = [undefined];
  private readonly fileIds = new Map<string, number>();

  private readonly recordType = new IntColumn();
  private readonly recordTtl = new NumberColumn();
  private readonly recordFile = new IntColumn();
  private readonly recordNext = new IntColumn();
  private readonly recordOwner = new IntColumn();
  /** start line, start character, start offset, end line, end character, end offset. */
  private readonly recordRange = [
    new IntColumn(),
    new IntColumn(),
    new IntColumn(),
    new IntColumn(),
    new IntColumn(),
    new IntColumn(),
  ] as const;

  /** Adds a record and returns its ordinal. */
  add(record: ZoneRecord): number {
    const ordinal = this.recordType.length;
    // Records of one owner usually follow each other: skip the map for a repeated owner.
    let ownerId = record.ownerKey === this.lastOwnerKey ? this.lastOwnerId : this.ownerIds.get(record.ownerKey);
    if (ownerId === undefined) {
      ownerId = this.ownerKeys.length;
      this.ownerIds.set(record.ownerKey, ownerId);
      this.ownerKeys.push(record.ownerKey);
      this.ownerFirst.push(ordinal);
      this.ownerLast.push(ordinal);
      this.ownerTypeBits.push(0);
      this.ownerSizes.push(0);
    } else {
      this.recordNext.set(this.ownerLast.get(ownerId), ordinal);
      this.ownerLast.set(ownerId, ordinal);
    }
    this.lastOwnerKey = record.ownerKey;
    this.lastOwnerId = ownerId;
    this.ownerTypeBits.set(ownerId, this.ownerTypeBits.get(ownerId) | typeBitOf(record.type));
    this.ownerSizes.set(ownerId, this.ownerSizes.get(ownerId) + 1);

    let typeId = this.typeIds.get(record.type);
    if (typeId === undefined) {
      typeId = this.types.length;
      this.types.push(record.type);
      this.typeIds.set(record.type, typeId);
    }
    this.recordType.push(typeId);
    this.recordTtl.push(record.ttl);
    this.recordFile.push(this.fileId(record.file));
    this.recordNext.push(-1);
    this.recordOwner.push(ownerId);
    const { start, end } = record.range;
    const [sl, sc, so, el, ec, eo] = this.recordRange;
    sl.push(start.line);
    sc.push(start.character);
    so.push(start.offset);
    el.push(end.line);
    ec.push(end.character);
    eo.push(end.offset);
    return ordinal;
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
    return this.recordType.length;
  }

  get ownerCount(): number {
    return this.ownerKeys.length;
  }

  /** The owner id of a comparison key, or undefined when no record has that owner. */
  ownerOf(key: string): number | undefined {
    return this.ownerIds.get(key);
  }

  ownerKey(ownerId: number): string {
    return this.ownerKeys[ownerId] ?? '';
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
    return this.recordNext.get(ordinal);
  }

  /** A small number standing for the record's type: equal types have equal ids within one index. */
  typeId(ordinal: number): number {
    return this.recordType.get(ordinal);
  }

  /** The ordinals of the records at the owner, in file order. */
  *recordsAt(ownerId: number): Generator<number> {
    for (let ordinal = this.ownerFirst.get(ownerId); ordinal >= 0; ordinal = this.recordNext.get(ordinal)) {
      yield ordinal;
    }
  }

  ownerOfRecord(ordinal: number): number {
    return this.recordOwner.get(ordinal);
  }

  type(ordinal: number): string {
    return this.types[this.recordType.get(ordinal)] ?? '';
  }

  ttl(ordinal: number): number {
    return this.recordTtl.get(ordinal);
  }

  file(ordinal: number): string | undefined {
    return this.files[this.recordFile.get(ordinal)];
  }

  range(ordinal: number): Range {
    const [sl, sc, so, el, ec, eo] = this.recordRange;
    return {
      start: { line: sl.get(ordinal), character: sc.get(ordinal), offset: so.get(ordinal) },
      end: { line: el.get(ordinal), character: ec.get(ordinal), offset: eo.get(ordinal) },
    };
  }
}
