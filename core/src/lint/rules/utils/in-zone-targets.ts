import { nameKey } from '../../../names';
import type { Range, ZoneRecord } from '../../../types';
import { IntColumn } from '../../index/columns';
import { targetToken } from './name-positions';
import { inZone } from '../out-of-zone';
import { RangeStore } from '../../index/range-store';
import { StringTable } from '../../index/string-table';
import type { RuleContext } from '../../rule';
import type { ZoneIndex } from '../../index/zone-index';

/** Numbers kept per target (see InZoneTargets.targets). */
const WIDTH = 4;

/** The record types whose target must be a host with addresses (RFC 2181 section 10.3). */
export const hostTargetTypes: readonly string[] = ['MX', 'NS', 'SRV'];

/**
 * The in-zone targets of the MX, NS and SRV records of one lint run, kept as numbers: the owner id of a target that
 * is already an owner (most are: the host is usually written before the records that point at it), else its name's
 * id in `names`. Several rules read them; the first to see a record adds it, so the work is done once.
 */
export class InZoneTargets {
  // The origin as common suffix, as in the index's owner table: a key is then hashed once for both tables.
  private readonly names: StringTable;
  private readonly places = new RangeStore();
  /**
   * Per target: owner id or -1 - (its id in `names`), its type's index in hostTargetTypes, its file's index or -1,
   * and the owner id of the record that names it.
   */
  private readonly targets = new IntColumn();
  private readonly files: (string | undefined)[] = [];
  private lastOrdinal = -1;
  private owners: Int32Array | undefined;

  constructor(
    private readonly index: ZoneIndex,
    private readonly originKey: string,
  ) {
    this.names = new StringTable(originKey);
  }

  /** Adds the target of the indexed record `ordinal` (records come in order; a record added before is skipped). */
  add(record: ZoneRecord, ordinal: number): void {
    if (ordinal <= this.lastOrdinal) return;
    this.lastOrdinal = ordinal;
    const target = targetToken(record);
    if (target === undefined) return;
    const absolute = record.fields[target.position]?.value;
    if (absolute === undefined || !absolute.endsWith('.')) return;
    const key = nameKey(absolute);
    // The root is the "no service" target of a null MX (RFC 7505) and of SRV (RFC 2782); as an NS target it is a name.
    if ((key === '.' && record.type !== 'NS') || !inZone(key, this.originKey)) return;
    this.places.add(record, target.token);
    const hash = this.index.hashOfKey(key);
    this.targets.push(this.index.ownerOfHashed(key, hash) ?? -1 - this.names.internHashed(key, hash));
    this.targets.push(hostTargetTypes.indexOf(record.type));
    this.targets.push(record.file === undefined ? -1 : this.files.push(record.file) - 1);
    this.targets.push(this.index.ownerOfRecord(ordinal));
  }

  get size(): number {
    return this.targets.length / WIDTH;
  }

  /** The owner id of target `i` once every record is indexed, or undefined when no record has that name. */
  ownerOf(i: number): number | undefined {
    const owner = this.targets.get(WIDTH * i);
    if (owner >= 0) return owner;
    // Many targets share a name (every MX pointing at one mail host): each later name is looked up once.
    this.owners ??= new Int32Array(this.names.size).fill(-2);
    const nameId = -1 - owner;
    let found = this.owners[nameId] ?? -1;
    if (found === -2) {
      found = this.index.ownerOfEntry(this.names, nameId) ?? -1;
      this.owners[nameId] = found;
    }
    return found < 0 ? undefined : found;
  }

  /** The comparison key of target `i`. */
  key(i: number): string {
    const owner = this.targets.get(WIDTH * i);
    return owner >= 0 ? this.index.ownerKey(owner) : this.names.value(-1 - owner);
  }

  type(i: number): string {
    return hostTargetTypes[this.targets.get(WIDTH * i + 1)] ?? '';
  }

  range(i: number): Range {
    return this.places.range(i);
  }

  file(i: number): string | undefined {
    const fileIndex = this.targets.get(WIDTH * i + 2);
    return fileIndex < 0 ? undefined : this.files[fileIndex];
  }

  /** The owner id of the record that names target `i` (the NS record's owner: the apex or a delegation). */
  recordOwner(i: number): number {
    return this.targets.get(WIDTH * i + 3);
  }
}

/** The run's shared InZoneTargets. */
export function inZoneTargets(context: RuleContext): InZoneTargets {
  return context.shared(InZoneTargets, () => new InZoneTargets(context.index, context.originKey));
}
