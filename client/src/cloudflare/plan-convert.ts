// PROVISIONAL: converts zone-file records to API bodies until the zone core's cloudflare.ts mapping lands.
import { resolveName } from '../../../server/src/zone/names';
import type { ZoneRecord } from '../../../server/src/zone/types';
import { displayContent } from './plan-normalize';
import type { ZoneRecordConverter } from './plan-records';
import type { PlanRecordBody } from './plan-types';

const nameTypes = new Set(['CNAME', 'NS', 'PTR']);

/** A zone-file record as an API body: content types, plus SRV and CAA as `data`. */
export const convertZoneRecord: ZoneRecordConverter = (record: ZoneRecord, origin: string) => {
  const words = record.rdata.map((token) => token.text);
  // The parser gives rdata names absolute in `fields`; the raw token is the fallback when the rdata did not parse.
  const absolute = (text: string, position: number): string =>
    (record.fields[position]?.value ?? resolveName(text, origin).name).replace(/\.$/, '');
  const annotations = parseAnnotations(record.comment?.text);
  const shared = {
    name: record.owner.replace(/\.$/, ''),
    ttl: record.ttl,
    ...(annotations.proxied === undefined ? {} : { proxied: annotations.proxied }),
    ...(annotations.comment === '' ? {} : { comment: annotations.comment }),
    ...(annotations.tags.length === 0 ? {} : { tags: annotations.tags }),
  };
  const content = (value: string, extra: Partial<PlanRecordBody> = {}): { body: PlanRecordBody; display: string } => ({
    body: { type: record.type, ...shared, content: value, ...extra },
    display: `${extra.priority === undefined ? '' : `${extra.priority} `}${displayContent(record.type, value)}`,
  });
  switch (record.type) {
    case 'A':
    case 'AAAA':
    case 'OPENPGPKEY':
      return content(words.join(''));
    case 'TXT':
      return content(record.rdata.map((token) => (token.kind === 'string' ? token.text : `"${token.text}"`)).join(' '));
    case 'MX':
      return content(absolute(words[1] ?? '', 1), { priority: Number(words[0]) });
    case 'SRV': {
      const [priority, weight, port, target] = words;
      const data = {
        priority: Number(priority),
        weight: Number(weight),
        port: Number(port),
        target: absolute(target ?? '', 3),
      };
      return { body: { type: 'SRV', ...shared, data }, display: `${priority} ${weight} ${port} ${data.target}.` };
    }
    case 'CAA': {
      const [flags, tag, ...value] = record.rdata;
      const text = value.map((token) => token.text.replace(/^"(.*)"$/, '$1')).join(' ');
      const data = { flags: Number(flags?.text), tag: tag?.text ?? '', value: text };
      return { body: { type: 'CAA', ...shared, data }, display: `${data.flags} ${data.tag} "${text}"` };
    }
    default:
      if (nameTypes.has(record.type)) return content(absolute(words[0] ?? '', 0));
      return { reason: `the sync does not handle ${record.type} records yet` };
  }
};

function parseAnnotations(commentText: string | undefined): { comment: string; tags: string[]; proxied?: boolean } {
  const text = (commentText ?? '').replace(/^;\s?/, '').trim();
  const marker = text.indexOf('cf_tags=');
  if (marker < 0) return { comment: text, tags: [] };
  const tags: string[] = [];
  let proxied: boolean | undefined;
  for (const tag of text.slice(marker + 'cf_tags='.length).split(',')) {
    const trimmed = tag.trim();
    if (trimmed === '') continue;
    if (trimmed.toLowerCase().startsWith('cf-proxied:')) proxied = trimmed.toLowerCase().endsWith(':true');
    else tags.push(trimmed.replace(/:"(.*)"$/, ':$1'));
  }
  return { comment: text.slice(0, marker).trim(), tags, ...(proxied === undefined ? {} : { proxied }) };
}
