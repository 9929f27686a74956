import { createHash } from 'node:crypto';
import { keyToWire } from '../../../names';
import type { Range, RdataField, ZoneRecord } from '../../../types';
import type { RuleContext, RuleVisitor } from '../../rule';

/** A DNSKEY, CDS or CDNSKEY record in presentation fields, as the rule keeps it until the end of the zone. */
export interface KeyRecord {
  readonly type: string;
  readonly ownerKey: string;
  readonly fields: ReadonlyMap<string, string>;
  readonly range: Range;
  readonly file: string | undefined;
}

/** A DNSKEY as the comparisons need it. */
export interface DnskeyData {
  readonly flags: number;
  readonly protocol: number;
  readonly algorithm: number;
  readonly key: Buffer;
  /** The DNSKEY rdata in wire form (RFC 4034 2.1). */
  readonly rdata: Buffer;
  readonly keyTag: number;
}

// Node's names of the DS digest types it can compute (IANA "Delegation Signer Digest Algorithms"); GOST (3) is not.
const DIGEST_HASH: Readonly<Record<number, string>> = { 1: 'sha1', 2: 'sha256', 4: 'sha384' };

const DECIMAL = /^\d+$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function fieldMap(fields: readonly RdataField[]): Map<string, string> {
  return new Map(fields.map((field) => [field.name, field.value]));
}

export function numberField(fields: ReadonlyMap<string, string>, name: string): number | undefined {
  const text = fields.get(name);
  return text !== undefined && DECIMAL.test(text) ? Number(text) : undefined;
}

/** RFC 4034 appendix B: the key tag of a DNSKEY rdata (algorithm 1 has its own, older definition). */
function keyTagOf(rdata: Buffer, algorithm: number, key: Buffer): number {
  if (algorithm === 1) return key.length >= 3 ? ((key[key.length - 3] ?? 0) << 8) | (key[key.length - 2] ?? 0) : 0;
  let sum = 0;
  for (let i = 0; i < rdata.length; i += 1) sum += i % 2 === 0 ? (rdata[i] ?? 0) << 8 : (rdata[i] ?? 0);
  sum += (sum >> 16) & 0xffff;
  return sum & 0xffff;
}

/** The comparable form of a DNSKEY or CDNSKEY; undefined when a field did not parse (then nothing is claimed). */
export function dnskeyData(record: KeyRecord): DnskeyData | undefined {
  const flags = numberField(record.fields, 'flags');
  const protocol = numberField(record.fields, 'protocol');
  const algorithm = numberField(record.fields, 'algorithm');
  const keyText = record.fields.get('public_key');
  if (flags === undefined || protocol === undefined || algorithm === undefined || keyText === undefined) return;
  if (!BASE64.test(keyText)) return undefined;
  const key = Buffer.from(keyText, 'base64');
  const rdata = Buffer.concat([Buffer.from([flags >> 8, flags & 0xff, protocol, algorithm]), key]);
  return { flags, protocol, algorithm, key, rdata, keyTag: keyTagOf(rdata, algorithm, key) };
}

/** True when the CDS describes the DNSKEY: same key tag and algorithm, and the digest matches when we can compute it. */
export function cdsMatches(cds: KeyRecord, dnskey: DnskeyData, ownerKey: string): boolean {
  const keyTag = numberField(cds.fields, 'key_tag');
  const algorithm = numberField(cds.fields, 'algorithm');
  const digestType = numberField(cds.fields, 'digest_type');
  if (keyTag !== dnskey.keyTag || algorithm !== dnskey.algorithm || digestType === undefined) return false;
  const hash = DIGEST_HASH[digestType];
  if (hash === undefined) return true;
  const digest = createHash(hash).update(keyToWire(ownerKey)).update(dnskey.rdata).digest('hex');
  return digest === (cds.fields.get('digest') ?? '').toLowerCase();
}

export function cdnskeyMatches(cdnskey: DnskeyData, dnskey: DnskeyData): boolean {
  return (
    cdnskey.flags === dnskey.flags &&
    cdnskey.protocol === dnskey.protocol &&
    cdnskey.algorithm === dnskey.algorithm &&
    cdnskey.key.equals(dnskey.key)
  );
}

/** RFC 8078 section 4: algorithm 0 (`CDS 0 0 0 00`, `CDNSKEY 0 3 0 AA==`) asks the parent to remove its DS records. */
export function isDeleteRequest(record: KeyRecord): boolean {
  return numberField(record.fields, 'algorithm') === 0;
}

/** The apex's DNSKEY, CDS and CDNSKEY records as `collect` keeps them, and owners whose DNSKEYs cannot be read. */
export interface ApexKeys {
  readonly kept: KeyRecord[];
  readonly unreadable: Set<string>;
  /** The readable DNSKEYs by owner; call at the end. */
  readonly dnskeys: () => Map<string, DnskeyData[]>;
}

/**
 * A visitor that keeps the apex's DNSKEY, CDS and CDNSKEY records (CDS and CDNSKEY speak for the zone whose apex
 * holds them; elsewhere there is no key set to compare with) and calls `end` with them.
 */
export function apexKeyVisitor(context: RuleContext, end: (keys: ApexKeys) => void): RuleVisitor {
  const kept: KeyRecord[] = [];
  // An owner with a DNSKEY we cannot read (generic form, bad field) is left alone rather than judged.
  const unreadable = new Set<string>();
  const dnskeys = (): Map<string, DnskeyData[]> => {
    const found = new Map<string, DnskeyData[]>();
    for (const record of kept) {
      if (record.type !== 'DNSKEY') continue;
      const data = dnskeyData(record);
      if (data === undefined) unreadable.add(record.ownerKey);
      else found.set(record.ownerKey, [...(found.get(record.ownerKey) ?? []), data]);
    }
    return found;
  };
  return {
    recordTypes: ['DNSKEY', 'CDS', 'CDNSKEY'],
    record(record: ZoneRecord) {
      if (record.type !== 'DNSKEY' && record.type !== 'CDS' && record.type !== 'CDNSKEY') return;
      if (record.ownerKey !== context.originKey) return;
      if (record.generic || record.fields.length === 0) {
        unreadable.add(record.ownerKey);
        return;
      }
      kept.push({
        type: record.type,
        ownerKey: record.ownerKey,
        fields: fieldMap(record.fields),
        range: record.range,
        file: record.file,
      });
    },
    end() {
      if (kept.every((record) => record.type === 'DNSKEY')) return;
      end({ kept, unreadable, dnskeys });
    },
  };
}
