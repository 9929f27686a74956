import { formatCfComment } from './cf-comment';
import { zoneOf, type RequestContext } from './context';
import { text, type ApiResponse } from './envelope';
import { isProxiable, usesData, type StoredRecord, type ZoneInfo } from './model';
import { formatData, quote } from './presentation';

/** GET /zones/:zone_id/dns_records/export: the zone as BIND text (text/plain), which imports back to the same records. */
export function handleExport(context: RequestContext): ApiResponse {
  const zone = zoneOf(context);
  return text(exportZone(zone.info, zone.records.all(), context.now));
}

const typeOrder = ['SOA', 'NS', 'A', 'AAAA', 'CNAME', 'MX', 'TXT', 'SRV'];

/** The zone file: a header, the SOA Cloudflare would serve, then the records grouped by type as Cloudflare does. */
export function exportZone(zone: ZoneInfo, records: readonly StoredRecord[], now: string): string {
  const lines = [
    ';;',
    `;; Domain:     ${zone.name}.`,
    `;; Exported:   ${now}`,
    ';;',
    ';; Exported by the zone-records Cloudflare emulator.',
    ';;',
    '',
    `$ORIGIN ${zone.name}.`,
    '',
    ';; SOA Record',
    `${zone.name}.\t3600\tIN\tSOA\tada.ns.cloudflare.com. dns.cloudflare.com. 2050000000 10000 2400 604800 3600`,
  ];
  const rank = (type: string): number => {
    const index = typeOrder.indexOf(type);
    return index < 0 ? typeOrder.length : index;
  };
  const sorted = [...records].sort(
    (a, b) =>
      rank(a.type) - rank(b.type) || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0) || compareText(a.name, b.name),
  );
  let currentType = '';
  for (const record of sorted) {
    if (record.type !== currentType) {
      currentType = record.type;
      lines.push('', `;; ${currentType} Records`);
    }
    lines.push(exportLine(record));
  }
  return `${lines.join('\n')}\n`;
}

/** One record as a zone-file line with its comment, tags and proxy status in a `cf_tags=` comment. */
export function exportLine(record: StoredRecord): string {
  const comment = formatCfComment({
    comment: record.comment,
    tags: record.tags,
    proxied: isProxiable(record.type) ? record.proxied : undefined,
    flattenCname: record.settings.flatten_cname === true ? true : undefined,
  });
  const line = `${record.name}.\t${record.ttl}\tIN\t${record.type}\t${rdata(record)}`;
  return comment === undefined ? line : `${line} ; ${comment}`;
}

function rdata(record: StoredRecord): string {
  if (record.data !== undefined && usesData(record.type)) {
    const fields = formatData(record.type, record.data, 'absolute');
    return record.type === 'URI' ? `${record.priority ?? 0} ${fields}` : fields;
  }
  switch (record.type) {
    case 'CNAME':
    case 'NS':
    case 'PTR':
      return absolute(record.content);
    case 'MX':
      return `${record.priority ?? 0} ${absolute(record.content)}`;
    case 'TXT':
      return record.content.startsWith('"') ? record.content : quote(record.content);
    default:
      return record.content;
  }
}

function absolute(name: string): string {
  return name.endsWith('.') ? name : `${name}.`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
