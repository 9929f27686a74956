import type { ZoneInfo } from './model';
import { accountRecordQuota, planLimits } from './plans';
import { RecordSet } from './record-set';

/** A zone with its live records and the records a DNS scan proposed that are waiting for review. */
export class Zone {
  records: RecordSet;
  scanResults: RecordSet;

  constructor(
    readonly info: ZoneInfo,
    records: RecordSet = new RecordSet(),
    private readonly quotaOverride?: number,
  ) {
    this.records = records;
    this.scanResults = new RecordSet();
  }

  /** False when only the account-level quota applies (`record_quota: null` in usage). */
  get hasZoneQuota(): boolean {
    return this.quotaOverride !== undefined || planLimits(this.info.plan).recordQuota !== null;
  }

  /** The number of records the zone may hold (the account quota when the plan has no per-zone quota). */
  get effectiveQuota(): number {
    return this.quotaOverride ?? planLimits(this.info.plan).recordQuota ?? accountRecordQuota;
  }
}

/** All zones the emulator serves, by id and by name. */
export class ZoneRegistry {
  private readonly byId = new Map<string, Zone>();

  add(zone: Zone): void {
    this.byId.set(zone.info.id, zone);
  }

  get(id: string): Zone | undefined {
    return this.byId.get(id);
  }

  byName(name: string): Zone | undefined {
    for (const zone of this.byId.values()) if (zone.info.name === name) return zone;
    return undefined;
  }

  all(): Zone[] {
    return [...this.byId.values()];
  }
}
