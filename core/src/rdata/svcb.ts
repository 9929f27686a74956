/** SVCB and HTTPS (RFC 9460): priority, target and SvcParams, with AliasMode and ServiceMode rules. */
import type { Range, Token } from '../types';
import { isIpv4, isIpv6 } from './address';
import { base64Length } from './encodings';
import { checkHostname } from './hostnames';
import { RdataReader, spanRange, subRange } from './reader';
import { decodeCharacterString } from './text';
import type { RdataParser } from './types';
import type { OffsetToken } from '../parse/record';

/** SvcParamKeys registered with IANA, by presentation name. */
export const svcParamKeys: Readonly<Record<string, number>> = {
  mandatory: 0,
  alpn: 1,
  'no-default-alpn': 2,
  port: 3,
  ipv4hint: 4,
  ech: 5,
  ipv6hint: 6,
  dohpath: 7,
  ohttp: 8,
  'tls-supported-groups': 9,
  // RFC 9953 section 3.2.1 (DNS over CoAP): the CoAP path, a list of segments; no value means the root path.
  docpath: 10,
  // Registered since RFC 9460; their numbers and wire forms match NSD's RFC 9460 test vectors (svcb.test-vectors-wf).
  pvd: 11,
  oots: 12,
};

/** The key number of a presentation key (`alpn`, `key1`), or undefined when it is not a valid key. */
export function svcParamKeyNumber(key: string): number | undefined {
  const known = svcParamKeys[key];
  if (known !== undefined) return known;
  const generic = /^key(\d{1,5})$/.exec(key);
  if (!generic) return undefined;
  const number = Number(generic[1]);
  return number < 65535 ? number : undefined;
}

// Drafts of ECH in DNS named key 5 "echconfig"; zones written then (crypto.cloudflare.com's among them) still use it.
const DRAFT_ECH_KEY = 'echconfig';

interface SvcParam {
  readonly key: string;
  readonly number: number | undefined;
  /** Raw value text (escapes kept, without quotes); undefined when written without `=`. */
  readonly raw: string | undefined;
  readonly value: string | undefined;
  readonly keyToken: Token;
  /** The key's token, or the key and the quoted value after it (`key="..."`, two tokens). */
  readonly lastToken: Token;
}

// Ranges are made only for what is reported: every parameter becomes a field, and a range each would be two
// positions computed for every parameter of a large zone.
function paramRange(param: SvcParam): Range {
  return param.lastToken === param.keyToken ? param.keyToken.range : spanRange(param.keyToken, param.lastToken);
}

/** True when `next` starts where `token` ends (offsets when the tokens have them, else their ranges). */
function adjacent(token: Token, next: Token): boolean {
  const end = (token as Partial<OffsetToken>).end;
  const start = (next as Partial<OffsetToken>).start;
  if (typeof end === 'number' && typeof start === 'number') return start === end;
  return next.range.start.offset === token.range.end.offset;
}

/** The items of a comma-separated SvcParam value (alpn, mandatory). */
function splitValueList(raw: string): string[] {
  // Two levels (RFC 9460 appendix A.1): the character-string is unescaped first, then split at commas that are not
  // escaped at the second level, so a literal comma in an item is written `\\,` in the zone file.
  const value = decodeCharacterString(raw).value;
  const items: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i += 1) {
    const char = value[i] ?? '';
    if (char === '\\' && i + 1 < value.length) {
      current += value[i + 1] ?? '';
      i += 1;
    } else if (char === ',') {
      items.push(current);
      current = '';
    } else current += char;
  }
  items.push(current);
  return items;
}

function readParams(reader: RdataReader): SvcParam[] {
  const params: SvcParam[] = [];
  const tokens = reader.takeRest();
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (!token) continue;
    if (token.kind !== 'word') {
      reader.report(
        'bad-svcb-param',
        `${reader.type} parameters are written key=value; "${token.text}" has no key.`,
        token.range,
      );
      continue;
    }
    const equals = token.text.indexOf('=');
    const key = (equals < 0 ? token.text : token.text.slice(0, equals)).toLowerCase();
    let raw = equals < 0 ? undefined : token.text.slice(equals + 1);
    let lastToken = token;
    const next = tokens[i + 1];
    if (raw === '' && next && next.kind === 'string' && adjacent(token, next)) {
      raw = next.text;
      lastToken = next;
      i += 1;
    }
    let value: string | undefined;
    if (raw !== undefined) {
      const quoted = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"');
      if (quoted) raw = raw.slice(1, -1);
      const decoded = decodeCharacterString(raw);
      value = decoded.value;
    }
    params.push({ key, number: svcParamKeyNumber(key), raw, value, keyToken: token, lastToken });
  }
  return params;
}

function checkParam(param: SvcParam, present: ReadonlySet<number>): string | undefined {
  const { key, raw, value } = param;
  const needsValue = (): string | undefined =>
    value === undefined || value === '' ? `${key} needs a value.` : undefined;
  switch (param.number) {
    case 0: {
      const missing = needsValue();
      if (missing || raw === undefined) return missing;
      const seen = new Set<number>();
      for (const item of splitValueList(raw)) {
        const number = svcParamKeyNumber(item);
        if (number === undefined) return `mandatory lists "${item}", which is not a parameter key.`;
        if (number === 0) return 'mandatory must not list itself.';
        if (seen.has(number)) return `mandatory lists "${item}" twice.`;
        seen.add(number);
        if (!present.has(number)) return `mandatory lists "${item}", but the record has no ${item} parameter.`;
      }
      return undefined;
    }
    case 1: {
      const missing = needsValue();
      if (missing || raw === undefined) return missing;
      return splitValueList(raw).some((item) => item === '') ? 'alpn has an empty protocol id.' : undefined;
    }
    case 2:
    case 8:
    case 11:
      return raw === undefined ? undefined : `${key} takes no value.`;
    case 3:
      return value !== undefined && /^\d+$/.test(value) && Number(value) <= 0xffff
        ? undefined
        : `port must be a number from 0 to 65535, not "${value ?? ''}".`;
    case 4:
    case 6: {
      const missing = needsValue();
      if (missing || value === undefined) return missing;
      const check = param.number === 4 ? isIpv4 : isIpv6;
      const bad = value.split(',').find((item) => !check(item));
      return bad === undefined
        ? undefined
        : `${key}: "${bad}" is not an ${param.number === 4 ? 'IPv4' : 'IPv6'} address.`;
    }
    case 5:
      return value !== undefined && value !== '' && base64Length(value) !== undefined
        ? undefined
        : 'ech must be a base64 ECHConfigList.';
    case 7:
      return needsValue();
    case 9:
      return value !== undefined && value.split(',').every((item) => /^\d+$/.test(item) && Number(item) <= 0xffff)
        ? undefined
        : 'tls-supported-groups must be a list of numbers from 0 to 65535.';
    case 12:
      return value !== undefined && value.split(',').every(isTransportWeight)
        ? undefined
        : 'oots must be a list of transport:weight items, each weight from 0 to 255 (do53:100,dot:10).';
    default:
      return undefined;
  }
}

/** One `oots` item: a transport name (one length-prefixed octet string on the wire) and a one-octet weight. */
function isTransportWeight(item: string): boolean {
  const colon = item.lastIndexOf(':');
  if (colon < 1 || colon > 255) return false;
  const weight = item.slice(colon + 1);
  return /^\d{1,3}$/.test(weight) && Number(weight) <= 0xff;
}

function reportUnknownKey(reader: RdataReader, param: SvcParam): void {
  const range = subRange(param.keyToken, 0, param.key.length);
  if (param.key === DRAFT_ECH_KEY) {
    reader.report(
      'bad-svcb-param',
      `${reader.type} parameter key "${param.key}" is the draft name of ech (key 5), which the IANA registry does not list and BIND and Knot refuse: write ech.`,
      range,
      'error',
      // Renaming helps only when the value is a valid ech value (a base64 ECHConfigList): else no fix to offer.
      param.value === undefined || param.value === '' || base64Length(param.value) === undefined
        ? undefined
        : [{ title: 'Rename echconfig to ech', edits: [{ range, newText: 'ech' }] }],
    );
    return;
  }
  reader.report(
    'bad-svcb-param',
    `${reader.type} parameter key "${param.key}" is unknown (use a registered key or keyNNNNN).`,
    range,
  );
}

function svcbLike(type: 'SVCB' | 'HTTPS'): RdataParser {
  return (tokens, context) => {
    const reader = new RdataReader(tokens, context, type);
    const priority = reader.integer('priority', 0xffff);
    const targetToken = reader.peek();
    const target = reader.name('target');
    // An AliasMode target is a name to look SVCB up at again (RFC 9460 section 2.4.2), often `_port._scheme` labels.
    if (priority !== 0) checkHostname(reader, targetToken, target, 'target');
    const params = readParams(reader);
    const present = new Set<number>();
    for (const param of params) {
      if (param.lastToken === param.keyToken) reader.tokenField(param.key, param.value ?? '', param.keyToken);
      else reader.field(param.key, param.value ?? '', paramRange(param));
      if (param.number === undefined) {
        reportUnknownKey(reader, param);
        continue;
      }
      if (present.has(param.number)) {
        reader.report('bad-svcb-param', `${type} parameter "${param.key}" appears more than once.`, paramRange(param));
        continue;
      }
      present.add(param.number);
    }
    for (const param of params) {
      if (param.number === undefined) continue;
      const problem = checkParam(param, present);
      if (problem) reader.report('bad-svcb-param', `${type} ${problem}`, paramRange(param));
    }
    const first = params[0];
    const last = params[params.length - 1];
    if (priority === 0 && first && last) {
      reader.report(
        'svcb-alias-params',
        `${type} priority 0 is AliasMode: its parameters are ignored by clients (RFC 9460 section 2.4.2).`,
        { start: paramRange(first).start, end: paramRange(last).end },
        'warning',
      );
    } else if (priority !== undefined && priority > 0 && present.has(2) && !present.has(1)) {
      const param = params.find((candidate) => candidate.number === 2);
      if (param)
        reader.report(
          'bad-svcb-param',
          `${type} no-default-alpn requires an alpn parameter (RFC 9460 section 7.1.1).`,
          paramRange(param),
        );
    }
    return reader.result();
  };
}

export const parseSvcb = svcbLike('SVCB');
export const parseHttps = svcbLike('HTTPS');
