/**
 * How records, zones and usage read in the sidebar, the status bar and the clipboard. Pure (no vscode), so it is
 * unit-tested directly.
 */
import { type CloudflareApiRecord, cloudflareRdata, plainName, toZoneLine } from '../../../core/src/index';

/** The record fields these helpers read; the client's `DnsRecord` has all of them. */
export interface RecordView {
  readonly id: string;
  readonly type: string;
  readonly name: string;
  readonly content: string;
  readonly ttl: number;
  readonly proxied?: boolean;
  readonly proxiable?: boolean;
  readonly priority?: number;
  readonly comment?: string | null;
  readonly tags?: readonly string[];
  readonly meta?: Readonly<Record<string, unknown>> | null;
  /** The structured fields of a data type (CAA, SRV, ...); its `content` is only Cloudflare's rendering of them. */
  readonly data?: object | null;
  readonly settings?: { readonly flatten_cname?: boolean | null } | null;
}

const numberFormat = new Intl.NumberFormat('en-US');

/** `auto` for Cloudflare's TTL 1, else seconds with a readable unit when it divides evenly (`3600 (1 h)`). */
export function formatTtl(ttl: number): string {
  if (ttl === 1) return 'auto';
  const units: readonly [number, string][] = [
    [86400, 'd'],
    [3600, 'h'],
    [60, 'min'],
  ];
  for (const [seconds, unit] of units) {
    if (ttl >= seconds && ttl % seconds === 0) return `${ttl} (${ttl / seconds} ${unit})`;
  }
  return `${ttl} s`;
}

/** `123 / 3,500`; an account-level quota (null) reads `123 / account quota`. */
export function formatUsage(usage: number, quota: number | null): string {
  return `${numberFormat.format(usage)} / ${quota === null ? 'account quota' : numberFormat.format(quota)}`;
}

/** The owner relative to the zone: `@` for the apex, `www` for `www.example.com`. */
export function relativeOwner(name: string, zone: string): string {
  const owner = plainName(name);
  const apex = plainName(zone);
  if (owner === apex) return '@';
  return owner.endsWith(`.${apex}`) ? owner.slice(0, -apex.length - 1) : owner;
}

/** The record as the zone core reads an API record (`data` and `settings` pass through when the API gave them). */
function apiRecordOf(record: RecordView): CloudflareApiRecord {
  return {
    type: record.type,
    name: record.name,
    ttl: record.ttl,
    content: record.content,
    data: record.data ?? null,
    priority: record.priority ?? null,
    proxied: record.proxied ?? null,
    comment: record.comment ?? null,
    tags: record.tags ?? null,
    settings: record.settings ?? null,
  };
}

/** The rdata as a zone file writes it (the zone core's `cloudflareRdata`): priority first, absolute names, quoted TXT. */
export function recordRdata(record: RecordView): string {
  return cloudflareRdata(apiRecordOf(record));
}

/**
 * One zone-file line that imports back to the same record (`www.example.com. 300 IN A 192.0.2.1 ; cf_tags=…`): the
 * zone core's `toZoneLine`, so it reads exactly as the emulator's export and the plan diff print the record.
 */
export function zoneFileLine(record: RecordView): string {
  return toZoneLine(apiRecordOf(record));
}

/** A TTL in a few characters for the sidebar: `auto`, `45 s`, `5 min`, `1 h`, `2 d`. */
export function formatTtlShort(ttl: number): string {
  const full = formatTtl(ttl);
  return full.replace(/^\d+ \((.*)\)$/, '$1');
}

/** The tree item's label: type and rdata, so the sidebar shows what the record is before it truncates. */
export function recordLabel(record: Pick<RecordView, 'type'>, rdata: string): string {
  return `${record.type} ${rdata}`;
}

/** The tree item's description: the TTL, and the proxy status when the record can be proxied. */
export function recordDescription(record: RecordView): string {
  const proxy = record.proxied === true ? ' · proxied' : record.proxiable === true ? ' · DNS only' : '';
  return `${formatTtlShort(record.ttl)}${proxy}`;
}

/**
 * The codicon of a record in the sidebar: proxied records a cloud, Cloudflare's read-only ones a lock, else one
 * per kind of record (addresses, aliases, mail, text, delegation, keys and certificates, services).
 */
export function recordIcon(record: Pick<RecordView, 'type' | 'proxied' | 'meta'>): string {
  if (isReadOnly(record)) return 'lock';
  if (record.proxied === true) return 'cloud';
  return recordTypeIcons[record.type] ?? 'symbol-field';
}

const recordTypeIcons: Readonly<Record<string, string>> = {
  A: 'server',
  AAAA: 'server',
  CNAME: 'link',
  MX: 'mail',
  TXT: 'note',
  NS: 'references',
  SOA: 'info',
  PTR: 'arrow-left',
  SRV: 'plug',
  URI: 'link-external',
  NAPTR: 'regex',
  CAA: 'shield',
  HTTPS: 'rocket',
  SVCB: 'rocket',
  DS: 'key',
  DNSKEY: 'key',
  CERT: 'key',
  OPENPGPKEY: 'key',
  SMIMEA: 'key',
  SSHFP: 'key',
  TLSA: 'key',
  LOC: 'location',
};

/** Markdown for the record's tooltip: every field a user checks, including comment and tags. */
export function recordTooltip(record: RecordView): string {
  const lines = [
    `**${record.type}** \`${escapeCode(record.name)}\``,
    '',
    `Content: \`${escapeCode(recordRdata(record))}\``,
    '',
    `TTL: ${formatTtl(record.ttl)}`,
    '',
    `Proxied: ${record.proxied === true ? 'yes' : record.proxiable === true ? 'no (DNS only)' : 'not proxiable'}`,
  ];
  if (record.comment) lines.push('', `Comment: ${escapeMarkdown(record.comment)}`);
  if (record.tags && record.tags.length > 0) {
    lines.push('', `Tags: ${record.tags.map((tag) => `\`${escapeCode(tag)}\``).join(', ')}`);
  }
  if (isReadOnly(record)) lines.push('', '_Read-only: managed by Cloudflare_');
  lines.push('', `ID: \`${record.id}\``);
  return lines.join('\n');
}

/** True when Cloudflare marks the record read-only (it cannot be edited or deleted through the API). */
export function isReadOnly(record: Pick<RecordView, 'meta'>): boolean {
  return record.meta?.['read_only'] === true;
}

/**
 * Records grouped by owner name. With `sortNames` the apex comes first and the other names follow in order;
 * without it the groups keep the order in which their names first appear (the API's sort order).
 */
export function groupByName<T extends RecordView>(
  records: readonly T[],
  zone: string,
  sortNames = true,
): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const key = plainName(record.name);
    const group = groups.get(key);
    if (group) group.push(record);
    else groups.set(key, [record]);
  }
  if (!sortNames) return [...groups.entries()];
  const apex = plainName(zone);
  return [...groups.entries()].sort(([a], [b]) => (a === apex ? -1 : b === apex ? 1 : a.localeCompare(b)));
}

function escapeCode(text: string): string {
  return text.replace(/`/g, "'");
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (character) => `\\${character}`);
}
