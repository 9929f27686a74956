import { zoneOf, type RequestContext } from './context';
import { text, type ApiResponse } from './envelope';
import type { StoredRecord, ZoneInfo } from './model';
import { zoneLineOf } from './zone-core';

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
    lines.push(zoneLineOf(record));
  }
  return `${lines.join('\n')}\n`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
