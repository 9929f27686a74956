import type { DesiredRecord, DnsRecord, RecordUsage, Zone } from '../../../cloudflare/src/index';

/** A zone the token can see, with its usage once known. */
export interface ZoneNode {
  readonly kind: 'zone';
  readonly zone: Zone;
  usage?: RecordUsage;
}

/** The records at one owner name. */
export interface NameNode {
  readonly kind: 'name';
  readonly zone: ZoneNode;
  readonly name: string;
  readonly records: readonly DnsRecord[];
  /** Records of the linked zone file at this name that Cloudflare lacks. */
  readonly missing: readonly DesiredRecord[];
}

export interface RecordNode {
  readonly kind: 'record';
  readonly zone: ZoneNode;
  readonly parent: NameNode;
  readonly record: DnsRecord;
}

/** A record of the linked zone file that the live zone lacks (a sync would create it). */
export interface MissingRecordNode {
  readonly kind: 'missingRecord';
  readonly zone: ZoneNode;
  readonly parent: NameNode;
  readonly record: DesiredRecord;
  /** The zone file it is in. */
  readonly file: string;
}

/** Records a scan proposed that wait for review. */
export interface ScanResultsNode {
  readonly kind: 'scanResults';
  readonly zone: ZoneNode;
  readonly records: readonly DnsRecord[];
}

export interface ScannedRecordNode {
  readonly kind: 'scannedRecord';
  readonly zone: ZoneNode;
  readonly parent: ScanResultsNode;
  readonly record: DnsRecord;
}

/** "Load more": the next page of a large zone. */
export interface MoreNode {
  readonly kind: 'more';
  readonly zone: ZoneNode;
  readonly loaded: number;
  readonly total: number | undefined;
}

/** A line of text in place of children (an error, "no records match"). */
export interface MessageNode {
  readonly kind: 'message';
  readonly text: string;
  readonly tooltip?: string;
  readonly icon: string;
  readonly command?: string;
}

export type TreeNode =
  ZoneNode | NameNode | RecordNode | MissingRecordNode | ScanResultsNode | ScannedRecordNode | MoreNode | MessageNode;

/** The zone a node belongs to, when it belongs to one. */
export function zoneOfNode(node: TreeNode | undefined): ZoneNode | undefined {
  if (node === undefined || node.kind === 'message') return undefined;
  return node.kind === 'zone' ? node : node.zone;
}
