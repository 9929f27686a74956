/** Cloudflare API records as zone-file text, and the canonical content both sides are compared by. */
import { formatCfComment } from './cftags';
import { dataTypes } from './data-fields';
import { relativize, toAsciiName, withTrailingDot } from '../names';
import {
  canonicalIpv6,
  decodeCharacterString,
  encodeCharacterString,
  quoteString,
  splitOctets,
  svcParamKeys,
} from '../rdata';

/** Types Cloudflare can proxy. */
export const proxiableTypes: ReadonlySet<string> = new Set(['A', 'AAAA', 'CNAME']);

/** What this module reads of a record the API returned (or of a request body). */
export interface CloudflareApiRecord {
  readonly type: string;
  readonly name: string;
  readonly ttl: number;
  readonly content?: string | null;
  readonly data?: object | null;
  readonly priority?: number | null;
  readonly proxied?: boolean | null;
  readonly comment?: string | null;
  readonly tags?: readonly string[] | null;
  readonly settings?: { readonly flatten_cname?: boolean | null } | null;
}

/** An absolute presentation name as Cloudflare stores it: Punycode, lower case, no trailing dot (root stays `.`). */
export function cloudflareName(name: string): string | undefined {
  if (name.includes('\\')) return undefined;
  const ascii = toAsciiName(name.trim());
  if (ascii === undefined) return undefined;
  if (ascii === '.' || ascii === '') return '.';
  return (ascii.endsWith('.') ? ascii.slice(0, -1) : ascii).toLowerCase();
}

const valuelessKeys = new Set(['no-default-alpn', 'ohttp']);

/** SvcParams as Cloudflare's `value` string: `key="value"`, valueless keys bare, in the order given. */
export function formatSvcParams(params: readonly (readonly [string, string | undefined])[]): string {
  return params
    .map(([key, value]) =>
      value === undefined || (value === '' && valuelessKeys.has(key)) ? key : `${key}=${quoteString(value)}`,
    )
    .join(' ');
}

const SVC_PARAM = /([^\s=]+)(?:=("(?:[^"\\]|\\.)*"|\S*))?/g;

function svcKeyOrder(key: string): number {
  return svcParamKeys[key] ?? Number(/^key(\d+)$/.exec(key)?.[1] ?? 65536);
}

/** A `value` string of SvcParams in one canonical form: keys in numeric order, every value quoted. */
export function canonicalSvcParams(value: string): string {
  const params: [string, string | undefined][] = [];
  for (const match of value.matchAll(SVC_PARAM)) {
    const key = (match[1] ?? '').toLowerCase();
    const raw = match[2];
    params.push([key, raw === undefined ? undefined : decodeCharacterString(raw).value]);
  }
  params.sort((a, b) => svcKeyOrder(a[0]) - svcKeyOrder(b[0]));
  return formatSvcParams(params);
}

function field(data: object | null | undefined, key: string): string {
  const value = (data as Record<string, unknown> | null | undefined)?.[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** How names, hex and base64 are written: as zone-file text, or in the canonical form used for comparison. */
interface Style {
  readonly name: (name: string) => string;
  readonly hex: (text: string) => string;
  readonly base64: (text: string) => string;
  readonly svc: (value: string) => string;
  /** A name inside a data type's formatted `content` (used when `data` is missing). */
  readonly contentName: (name: string) => string;
}

const zoneStyle: Style = {
  name: withTrailingDot,
  hex: (text) => text.replace(/\s+/g, ''),
  base64: (text) => text.replace(/\s+/g, ''),
  svc: (value) => value.trim(),
  contentName: withTrailingDot,
};

const canonicalStyle: Style = {
  name: (name) => cloudflareName(name) ?? name.toLowerCase(),
  hex: (text) => text.replace(/\s+/g, '').toLowerCase(),
  base64: (text) => text.replace(/\s+/g, ''),
  svc: canonicalSvcParams,
  // Unchanged, so records keep matching as before when only one side has `data`.
  contentName: (name) => name,
};

function formatData(type: string, data: object, priority: number | null | undefined, style: Style): string | undefined {
  const f = (key: string): string => field(data, key);
  const number = (key: string): string => (f(key) === '' ? '' : String(Number(f(key))));
  const parts = ((): string[] | undefined => {
    switch (type) {
      case 'CAA':
        return [number('flags'), f('tag').toLowerCase(), quoteString(f('value'))];
      case 'CERT':
        return [number('type'), number('key_tag'), number('algorithm'), style.base64(f('certificate'))];
      case 'DNSKEY':
        return [number('flags'), number('protocol'), number('algorithm'), style.base64(f('public_key'))];
      case 'DS':
        return [number('key_tag'), number('algorithm'), number('digest_type'), style.hex(f('digest'))];
      case 'SMIMEA':
      case 'TLSA':
        return [number('usage'), number('selector'), number('matching_type'), style.hex(f('certificate'))];
      case 'SSHFP':
        return [number('algorithm'), number('type'), style.hex(f('fingerprint'))];
      case 'SRV':
        return [
          f('priority') === '' ? String(priority ?? 0) : number('priority'),
          number('weight'),
          number('port'),
          style.name(f('target')),
        ];
      case 'URI':
        return [String(priority ?? 0), number('weight'), quoteString(f('target'))];
      case 'NAPTR':
        return [
          number('order'),
          number('preference'),
          quoteString(f('flags')),
          quoteString(f('service')),
          quoteString(f('regex')),
          style.name(f('replacement')),
        ];
      case 'HTTPS':
      case 'SVCB': {
        const params = style.svc(f('value'));
        return [number('priority'), style.name(f('target')), ...(params === '' ? [] : [params])];
      }
      case 'LOC':
        return [
          number('lat_degrees'),
          number('lat_minutes'),
          number('lat_seconds'),
          f('lat_direction').toUpperCase(),
          number('long_degrees'),
          number('long_minutes'),
          number('long_seconds'),
          f('long_direction').toUpperCase(),
          `${number('altitude')}m`,
          `${number('size')}m`,
          `${number('precision_horz')}m`,
          `${number('precision_vert')}m`,
        ];
      default:
        return undefined;
    }
  })();
  if (!parts || parts.some((part) => part === '' || part === 'NaN' || part === 'NaNm')) return undefined;
  return parts.join(' ');
}

const QUOTED_STRINGS = /^"(?:[^"\\]|\\.)*"(?:\s+"(?:[^"\\]|\\.)*")*$/;

/** TXT content as quoted character-strings; unquoted content is one text that Cloudflare splits at 255 octets. */
function txtStrings(content: string): string {
  const trimmed = content.trim();
  if (QUOTED_STRINGS.test(trimmed)) {
    const strings = trimmed.match(/"(?:[^"\\]|\\.)*"|[^\s"]+/g) ?? [];
    return strings.map((text) => encodeCharacterString(decodeCharacterString(text).octets)).join(' ');
  }
  return splitOctets(new TextEncoder().encode(trimmed)).map(encodeCharacterString).join(' ');
}

function formatContent(record: CloudflareApiRecord, type: string, style: Style): string {
  const content = (record.content ?? '').trim();
  switch (type) {
    case 'CNAME':
    case 'NS':
    case 'PTR':
      return style.name(content);
    case 'MX':
      return `${record.priority ?? 0} ${style.name(content)}`;
    case 'TXT':
      return txtStrings(content);
    case 'AAAA':
      return canonicalIpv6(content) ?? content;
    case 'OPENPGPKEY':
      return style.base64(content);
    default:
      return content;
  }
}

/** Where a data type's formatted `content` holds a domain name: SRV's target is last, SVCB's and HTTPS's second. */
function contentNameIndex(type: string, words: readonly string[]): number | undefined {
  if (type === 'SRV') return words.length - 1;
  return type === 'HTTPS' || type === 'SVCB' ? 1 : undefined;
}

function contentWithName(type: string, content: string, style: Style): string {
  const words = content.split(' ');
  const index = contentNameIndex(type, words);
  const word = index === undefined ? undefined : words[index];
  if (index === undefined || word === undefined || index < 1 || word === '' || word.includes('"')) return content;
  words[index] = style.contentName(word);
  return words.join(' ');
}

function rdataIn(record: CloudflareApiRecord, style: Style): string {
  const type = record.type.toUpperCase();
  if (dataTypes.has(type) && record.data) {
    const formatted = formatData(type, record.data, record.priority, style);
    if (formatted !== undefined) return formatted;
  }
  if (dataTypes.has(type)) {
    // Without usable `data`, Cloudflare's formatted `content` is the best reading (URI keeps priority outside it).
    const content = contentWithName(type, (record.content ?? '').trim().replace(/\s+/g, ' '), style);
    return type === 'URI' && record.priority != null ? `${record.priority} ${content}` : content;
  }
  return formatContent(record, type, style);
}

/** The rdata of an API record as zone-file text (names absolute with a trailing dot). */
export function cloudflareRdata(record: CloudflareApiRecord): string {
  return rdataIn(record, zoneStyle);
}

/**
 * The content of a record (API record or request body) in one canonical form: names in Punycode, lower case, no
 * trailing dot; IPv6 in RFC 5952 form; TXT strings re-escaped; hex lower case; MX and URI priority first; SvcParams
 * sorted. Equal records give equal strings whichever side they come from.
 */
export function canonicalContent(record: CloudflareApiRecord): string {
  return rdataIn(record, canonicalStyle);
}

export interface ZoneLineOptions {
  /** Write the owner relative to this origin (`@`, `www`); absolute when absent. */
  readonly origin?: string;
}

/** One zone-file line for an API record: `name ttl IN type rdata ; comment cf_tags=...`. */
export function toZoneLine(record: CloudflareApiRecord, options: ZoneLineOptions = {}): string {
  const type = record.type.toUpperCase();
  // Request bodies may say `@` for the apex (responses always carry the full name).
  const apex = record.name === '@' || record.name === '';
  const absolute = withTrailingDot(record.name);
  const owner = apex
    ? '@'
    : options.origin === undefined
      ? absolute
      : relativize(absolute, withTrailingDot(options.origin));
  const comment = formatCfComment({
    comment: record.comment,
    tags: record.tags ?? [],
    proxied: proxiableTypes.has(type) ? record.proxied === true : undefined,
    flattenCname: record.settings?.flatten_cname === true ? true : undefined,
  });
  const line = `${owner} ${record.ttl} IN ${type} ${cloudflareRdata(record)}`;
  return comment === '' ? line : `${line} ${comment}`;
}
