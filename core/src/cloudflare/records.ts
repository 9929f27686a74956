/**
 * Zone-file records and Cloudflare API records, both ways: a `ZoneRecord` becomes the body Cloudflare's DNS records
 * API accepts (or a reason it cannot be served), an API record becomes one zone-file line, and `canonicalContent`
 * gives both sides one comparable form so a planner can match local and live records.
 */
import { parseCfComment } from './cftags';
import { canonicalContent, cloudflareName, formatSvcParams, proxiableTypes } from './line';
import { canonicalIpv6, cloudflareTypes, decodeCharacterString, encodeCharacterString, parseRdata } from '../rdata';
import type { ZoneRecord } from '../types';

const cloudflareTypeSet: ReadonlySet<string> = new Set(cloudflareTypes);

/** The body of a create/overwrite request, in the shape of dns-records.openapi.json. */
export interface CloudflareRecordBody {
  readonly type: string;
  /** Absolute, Punycode, lower case, without the trailing dot. */
  readonly name: string;
  readonly ttl: number;
  readonly content?: string;
  readonly data?: Readonly<Record<string, string | number>>;
  /** MX and URI only. */
  readonly priority?: number;
  /** A, AAAA and CNAME only. */
  readonly proxied?: boolean;
  readonly comment?: string;
  readonly tags?: readonly string[];
  readonly settings?: { readonly flatten_cname?: boolean };
}

/** Why a record cannot go to Cloudflare. */
export type NotServableCode =
  | 'unsupported-type'
  | 'soa-managed'
  | 'bad-rdata'
  | 'generic-rdata'
  | 'bad-name'
  | 'ttl-out-of-range'
  | 'not-proxiable'
  | 'bad-cf-tags'
  | 'unsupported-class'
  | 'cname-loop';

export type ToCloudflareResult =
  | { readonly body: CloudflareRecordBody; readonly display: string }
  | { readonly reason: string; readonly code: NotServableCode };

export interface ToCloudflareOptions {
  /** The origin to check rdata against (relative names in the record are already resolved by the parser). */
  readonly origin?: string;
  /** `proxied` for proxiable records without `cf-proxied` in their comment (the import form's `proxied`). */
  readonly proxiedDefault?: boolean;
  /** Lowest TTL the zone accepts besides 1 (60, or 30 on Enterprise). */
  readonly minTtl?: number;
  /** Bring TTLs outside 1 / minTtl..86400 into range instead of refusing the record. */
  readonly clampTtl?: boolean;
}

const MAX_TTL = 86400;

function fail(code: NotServableCode, reason: string): ToCloudflareResult {
  return { code, reason };
}

function ttlFor(record: ZoneRecord, proxied: boolean, options: ToCloudflareOptions): number | string {
  if (proxied) return 1;
  const min = options.minTtl ?? 60;
  const ttl = record.ttl;
  if (ttl === 1 || (ttl >= min && ttl <= MAX_TTL)) return ttl;
  if (options.clampTtl) return ttl < min ? min : MAX_TTL;
  return `TTL ${ttl} is outside what Cloudflare accepts (1 for automatic, or ${min} to ${MAX_TTL} seconds).`;
}

/**
 * Why Cloudflare cannot hold a record whatever its data says: a class other than IN, a type it does not serve, or
 * rdata in RFC 3597 generic form. Undefined when none of these applies (the SOA is left to the caller).
 */
export function cloudflareRefusal(
  record: ZoneRecord,
): { readonly code: NotServableCode; readonly reason: string } | undefined {
  const type = record.type.toUpperCase();
  if (record.class.toUpperCase() !== 'IN') {
    return {
      code: 'unsupported-class',
      reason: `Cloudflare serves class IN only; this record is class ${record.class}.`,
    };
  }
  if (!cloudflareTypeSet.has(type)) {
    // RFC 7208 section 3.1 retired the SPF type: the policy belongs in a TXT record, which Cloudflare serves.
    const hint = type === 'SPF' ? ' Publish the SPF policy as a TXT record instead (RFC 7208 section 3.1).' : '';
    return {
      code: 'unsupported-type',
      reason: `Cloudflare does not serve ${type} records (it serves ${cloudflareTypes.join(', ')}).${hint}`,
    };
  }
  if (record.generic || record.rdata[0]?.text === '\\#') {
    return {
      code: 'generic-rdata',
      reason: `This ${type} record is written in RFC 3597 generic form (\\#); write its rdata in the usual form to send it to Cloudflare.`,
    };
  }
  return undefined;
}

/** Converts one zone-file record to a Cloudflare API body, or says why Cloudflare cannot serve it. Never throws. */
export function toCloudflareRecord(record: ZoneRecord, options: ToCloudflareOptions = {}): ToCloudflareResult {
  try {
    return convert(record, options);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail('bad-rdata', `This record could not be converted (internal error: ${detail}); please report it.`);
  }
}

function convert(record: ZoneRecord, options: ToCloudflareOptions): ToCloudflareResult {
  const type = record.type.toUpperCase();
  if (type === 'SOA') return fail('soa-managed', 'Cloudflare manages the SOA record itself.');
  const refusal = cloudflareRefusal(record);
  if (refusal !== undefined) return refusal;
  const checked = parseRdata(type, record.rdata, { origin: options.origin ?? '.', file: record.file });
  const error = checked.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
  if (error || record.fields.length === 0) {
    return fail('bad-rdata', `The ${type} rdata is not valid${error ? `: ${error.message}` : '.'}`);
  }
  const name = cloudflareName(record.owner);
  if (name === undefined)
    return fail('bad-name', `The name ${record.owner} cannot be written in Punycode without escapes.`);

  const annotations = parseCfComment(record.comment?.text ?? '');
  const problem = annotations.problems[0];
  if (problem) return fail('bad-cf-tags', `The cf_tags in this record's comment do not parse: ${problem.message}`);
  if (annotations.proxied === true && !proxiableTypes.has(type)) {
    return fail(
      'not-proxiable',
      `Only A, AAAA and CNAME records can be proxied; this is ${type} with cf-proxied:true.`,
    );
  }
  if (annotations.flattenCname !== undefined && type !== 'CNAME') {
    return fail('bad-cf-tags', `cf-flatten-cname applies to CNAME records only; this is ${type}.`);
  }
  const proxied = proxiableTypes.has(type) ? (annotations.proxied ?? options.proxiedDefault ?? false) : undefined;
  const ttl = ttlFor(record, proxied === true, options);
  if (typeof ttl === 'string') return fail('ttl-out-of-range', ttl);

  const comment = withoutLintDirective(annotations.comment);
  const rdata = rdataOf(type, record);
  if ('reason' in rdata) return fail('bad-rdata', rdata.reason);
  if (type === 'CNAME' && rdata.content === name) {
    return fail(
      'cname-loop',
      `The CNAME ${name} points to itself; Cloudflare requires a target other than the record's name.`,
    );
  }
  const body: CloudflareRecordBody = {
    type,
    name,
    ttl,
    ...rdata,
    ...(proxied === undefined ? {} : { proxied }),
    ...(comment === undefined ? {} : { comment }),
    ...(annotations.tags.length === 0 ? {} : { tags: annotations.tags }),
    ...(annotations.flattenCname === undefined ? {} : { settings: { flatten_cname: annotations.flattenCname } }),
  };
  return { body, display: canonicalContent(body) };
}

const DISABLE_DIRECTIVE = /zone-records-disable-line(?:[\s,]+[a-z0-9][a-z0-9-]*)*[\s,]*/;

/** The comment without `zone-records-disable-line CODE...`: that directive is for the linter, not for Cloudflare. */
function withoutLintDirective(comment: string | undefined): string | undefined {
  if (comment === undefined || !comment.includes('zone-records-disable-line')) return comment;
  const rest = comment.replace(DISABLE_DIRECTIVE, ' ').replace(/\s+/g, ' ').trim();
  return rest === '' ? undefined : rest;
}

type RdataPart = Pick<CloudflareRecordBody, 'content' | 'data' | 'priority'> | { readonly reason: string };

function rdataOf(type: string, record: ZoneRecord): RdataPart {
  const value = (name: string): string => record.fields.find((field) => field.name === name)?.value ?? '';
  const number = (name: string): number => Number(value(name));
  const host = (name: string): string | { reason: string } =>
    cloudflareName(value(name)) ?? { reason: `${type} ${name} ${value(name)} cannot be written in Punycode.` };
  const withHost = (name: string, build: (target: string) => RdataPart): RdataPart => {
    const target = host(name);
    return typeof target === 'string' ? build(target) : target;
  };
  switch (type) {
    case 'A':
      return { content: value('address') };
    case 'AAAA':
      return { content: canonicalIpv6(value('address')) ?? value('address') };
    case 'CNAME':
    case 'PTR':
      return withHost('target', (content) => ({ content }));
    case 'NS':
      return withHost('nameserver', (content) => ({ content }));
    case 'MX':
      return withHost('target', (content) => ({ content, priority: number('priority') }));
    case 'TXT':
      return {
        content: record.rdata.map((token) => encodeCharacterString(decodeCharacterString(token.text).octets)).join(' '),
      };
    case 'OPENPGPKEY':
      return { content: value('public_key') };
    case 'CAA':
      return { data: { flags: number('flags'), tag: value('tag').toLowerCase(), value: value('value') } };
    case 'CERT':
      return {
        data: {
          type: number('type'),
          key_tag: number('key_tag'),
          algorithm: number('algorithm'),
          certificate: value('certificate'),
        },
      };
    case 'DNSKEY':
      return {
        data: {
          flags: number('flags'),
          protocol: number('protocol'),
          algorithm: number('algorithm'),
          public_key: value('public_key'),
        },
      };
    case 'DS':
      return {
        data: {
          key_tag: number('key_tag'),
          algorithm: number('algorithm'),
          digest_type: number('digest_type'),
          digest: value('digest'),
        },
      };
    case 'SMIMEA':
    case 'TLSA':
      return {
        data: {
          usage: number('usage'),
          selector: number('selector'),
          matching_type: number('matching_type'),
          certificate: value('certificate'),
        },
      };
    case 'SSHFP':
      return { data: { algorithm: number('algorithm'), type: number('type'), fingerprint: value('fingerprint') } };
    case 'SRV':
      return withHost('target', (target) => ({
        data: { priority: number('priority'), weight: number('weight'), port: number('port'), target },
      }));
    case 'URI':
      return { data: { weight: number('weight'), target: value('target') }, priority: number('priority') };
    case 'NAPTR':
      return withHost('replacement', (replacement) => ({
        data: {
          order: number('order'),
          preference: number('preference'),
          flags: value('flags'),
          service: value('service'),
          regex: value('regex'),
          replacement,
        },
      }));
    case 'HTTPS':
    case 'SVCB':
      return withHost('target', (target) => ({
        data: {
          priority: number('priority'),
          target,
          value: formatSvcParams(record.fields.slice(2).map((field) => [field.name, field.value])),
        },
      }));
    case 'LOC':
      return { data: locData(value) };
    default:
      return { reason: `No Cloudflare mapping for ${type}.` };
  }
}

/** LOC data with RFC 1876 defaults for the optional fields (size 1 m, precision 10 km horizontal, 10 m vertical). */
function locData(value: (name: string) => string): Record<string, string | number> {
  const numberOr = (name: string, fallback: number): number => (value(name) === '' ? fallback : Number(value(name)));
  return {
    lat_degrees: numberOr('lat_degrees', 0),
    lat_minutes: numberOr('lat_minutes', 0),
    lat_seconds: numberOr('lat_seconds', 0),
    lat_direction: value('lat_direction'),
    long_degrees: numberOr('long_degrees', 0),
    long_minutes: numberOr('long_minutes', 0),
    long_seconds: numberOr('long_seconds', 0),
    long_direction: value('long_direction'),
    altitude: numberOr('altitude', 0),
    size: numberOr('size', 1),
    precision_horz: numberOr('precision_horz', 10000),
    precision_vert: numberOr('precision_vert', 10),
  };
}

export {
  canonicalContent,
  canonicalSvcParams,
  cloudflareName,
  cloudflareRdata,
  formatSvcParams,
  proxiableTypes,
  toZoneLine,
  type CloudflareApiRecord,
  type ZoneLineOptions,
} from './line';
