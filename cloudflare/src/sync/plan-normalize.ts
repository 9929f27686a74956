import { canonicalContent, cloudflareRdata, proxiableTypes } from '../../../core/src/index';
import type { PlanRecordBody, SyncRecord } from './plan-types';

/**
 * Reduces a record body (from the zone file or from the API) to the planner's comparable form. Both sides go
 * through this one function, and the content through the zone core's canonical form (names lower case without
 * the trailing dot, IPv6 compressed, TXT re-escaped, hex lower case, priority first), so a record reads the same
 * whichever side it comes from.
 */
export function syncRecordOf(body: PlanRecordBody): SyncRecord {
  const type = body.type.toUpperCase();
  const proxied = proxiableTypes.has(type) && body.proxied === true;
  const record =
    type === 'TXT' && body.content !== undefined
      ? { ...body, type, content: txtSpelling(body.content) }
      : { ...body, type };
  const flatten = body.settings?.['flatten_cname'];
  return {
    name: normalizeName(body.name),
    type,
    match: canonicalContent(record),
    // Cloudflare stores every proxied record with TTL 1 (automatic).
    ttl: proxied ? 1 : body.ttl,
    proxied,
    comment: body.comment ?? '',
    tags: normalizeTags(body.tags ?? []),
    ...(typeof flatten === 'boolean' && type === 'CNAME' ? { flattenCname: flatten } : {}),
    display: cloudflareRdata(record),
    body,
  };
}

const ONLY_QUOTED_STRINGS = /^\s*(?:"(?:[^"\\]|\\.)*"\s*)+$/;

/**
 * TXT content in the spelling the core's canonical form reads: strings written back to back (`"a""b"`, as some
 * tools send them) are two strings, as Cloudflare and zone-file parsers read them, so they get the separating space.
 */
export function txtSpelling(content: string): string {
  if (!ONLY_QUOTED_STRINGS.test(content)) return content;
  return (content.match(/"(?:[^"\\]|\\.)*"/g) ?? []).join(' ');
}

/** Lower-case, without the trailing dot: how the API returns names. */
export function normalizeName(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') && lower !== '.' ? lower.slice(0, -1) : lower;
}

/** Tag names are case-insensitive, values are not; the API treats tags as a set. */
export function normalizeTags(tags: readonly string[]): string[] {
  const normalized = tags.map((tag) => {
    const colon = tag.indexOf(':');
    return colon < 0 ? `${tag.toLowerCase()}:` : `${tag.slice(0, colon).toLowerCase()}${tag.slice(colon)}`;
  });
  return [...new Set(normalized)].sort();
}
