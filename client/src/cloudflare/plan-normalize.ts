import type { PlanRecordBody, SyncRecord } from './plan-types';

const proxiableTypes = new Set(['A', 'AAAA', 'CNAME']);
/** Types whose `content` is a domain name (MX: the exchange, its preference is `priority`). */
const hostnameTypes = new Set(['CNAME', 'NS', 'PTR', 'MX']);
/** Types with a top-level `priority` that is part of the record's identity. */
const priorityTypes = new Set(['MX', 'URI']);
/** `data` fields holding a domain name. */
const hostnameFields = new Set(['target', 'replacement']);
/** `data` fields holding hex, where case and white space carry no meaning (the rest of base64: only white space). */
const hexFields = new Set(['DS digest', 'SSHFP fingerprint', 'TLSA certificate', 'SMIMEA certificate']);
const base64Fields = new Set(['DNSKEY public_key', 'CERT certificate']);

/**
 * Reduces a record body (from the zone file or from the API) to the planner's comparable form. Both sides go
 * through this one function, so a record reads the same whichever side it comes from.
 */
export function syncRecordOf(body: PlanRecordBody, display: string): SyncRecord {
  const type = body.type.toUpperCase();
  const proxied = proxiableTypes.has(type) && body.proxied === true;
  return {
    name: normalizeName(body.name),
    type,
    match: matchKey(type, body),
    // Cloudflare stores every proxied record with TTL 1 (automatic).
    ttl: proxied ? 1 : body.ttl,
    proxied,
    comment: body.comment ?? '',
    tags: normalizeTags(body.tags ?? []),
    display,
    body,
  };
}

/** Content as a zone file writes it: hostnames get their trailing dot (the API's `content` has none). */
export function displayContent(type: string, content: string): string {
  return hostnameTypes.has(type.toUpperCase()) && content !== '' && !content.endsWith('.') ? `${content}.` : content;
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

function matchKey(type: string, body: PlanRecordBody): string {
  const priority = priorityTypes.has(type) ? `${body.priority ?? 0} ` : '';
  if (body.data !== undefined && body.content === undefined) return priority + canonicalData(type, body.data);
  return priority + normalizeContent(type, body.content ?? '');
}

/** The content of a content-typed record in a form where equal records give equal strings. */
export function normalizeContent(type: string, content: string): string {
  const trimmed = content.trim();
  if (hostnameTypes.has(type)) return normalizeName(trimmed);
  if (type === 'AAAA') return normalizeIpv6(trimmed);
  if (type === 'TXT') return JSON.stringify(txtValue(trimmed));
  if (type === 'OPENPGPKEY') return trimmed.replace(/\s+/g, '');
  return trimmed;
}

function normalizeIpv6(address: string): string {
  try {
    return new URL(`http://[${address}]/`).hostname.slice(1, -1);
  } catch {
    return address.toLowerCase();
  }
}

/**
 * The text a TXT record carries. Cloudflare splits long values into 255-byte strings by itself, so the
 * concatenation of the character-strings is what identifies the record. Unquoted content is taken as one string.
 */
export function txtValue(content: string): string {
  if (!content.startsWith('"')) return content;
  let value = '';
  let index = 0;
  while (index < content.length) {
    const character = content[index];
    if (character !== '"') {
      index++;
      continue;
    }
    index++;
    while (index < content.length && content[index] !== '"') {
      if (content[index] === '\\' && index + 1 < content.length) {
        const digits = /^\d{3}/.exec(content.slice(index + 1));
        if (digits !== null) {
          value += String.fromCharCode(Number(digits[0]));
          index += 4;
          continue;
        }
        index++;
      }
      value += content[index];
      index++;
    }
    index++;
  }
  return value;
}

function canonicalData(type: string, data: Readonly<Record<string, unknown>>): string {
  const entries = Object.keys(data)
    .sort()
    .map((key) => [key, canonicalField(type, key, data[key])] as const)
    .filter(([, value]) => value !== undefined);
  return JSON.stringify(Object.fromEntries(entries));
}

function canonicalField(type: string, key: string, value: unknown): unknown {
  if (typeof value === 'string') {
    if (hostnameFields.has(key)) return normalizeName(value.trim());
    if (hexFields.has(`${type} ${key}`)) return value.replace(/\s+/g, '').toLowerCase();
    if (base64Fields.has(`${type} ${key}`)) return value.replace(/\s+/g, '');
    const number = Number(value);
    return value.trim() !== '' && Number.isFinite(number) ? number : value;
  }
  return value;
}
