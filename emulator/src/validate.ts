import { isIPv4, isIPv6 } from 'node:net';
import { checkDataFields } from './data-fields';
import { apiErrors, type ApiError } from './errors';
import { usesData, type RecordData } from './model';
import { normaliseHostname } from './names';
import { formatData } from './presentation';
import { checkRdataWithZoneCore } from './zone-core';

/** The validated, normalised rdata of a record. */
export interface ValidContent {
  readonly content: string;
  readonly data?: RecordData;
}

/** Data fields that hold a domain name and are stored like a CNAME target (Punycode, no trailing dot). */
const hostnameDataFields: Readonly<Record<string, string>> = {
  SRV: 'target',
  HTTPS: 'target',
  SVCB: 'target',
  NAPTR: 'replacement',
};

/**
 * Validates and normalises the `content` (or `data`) of a record of `type` named `name` (absolute, Punycode).
 * Checks the shape here (addresses, hostnames, field ranges), then lets the zone core check the rdata the way a
 * zone file would be checked (MX and URI need their `priority` for that).
 */
export function validateContent(
  type: string,
  name: string,
  content: unknown,
  data: unknown,
  priority: number | undefined,
): ValidContent | ApiError {
  const result = usesData(type) ? validateData(type, data) : validatePlainContent(type, name, content);
  if ('status' in result) return result;
  const problem = checkRdataWithZoneCore(type, result, priority);
  if (problem === undefined) return result;
  return apiErrors.validation(problem.startsWith(`${type} `) ? problem : `${type} record: ${problem}`);
}

function validatePlainContent(type: string, name: string, content: unknown): ValidContent | ApiError {
  if (typeof content !== 'string' || content.trim() === '') {
    return apiErrors.validation(`content is required for ${type} records and must be a non-empty string`);
  }
  switch (type) {
    case 'A':
      return isIPv4(content.trim()) ? { content: content.trim() } : apiErrors.invalidIpv4();
    case 'AAAA':
      return isIPv6(content.trim()) ? { content: content.trim().toLowerCase() } : apiErrors.invalidIpv6();
    case 'CNAME': {
      const target = hostname(type, content);
      if (typeof target !== 'string') return target;
      if (target === name) return apiErrors.validation('the CNAME target must not match the record name');
      return { content: target };
    }
    case 'MX':
      if (content.trim() === '.') return { content: '.' };
      return wrapHostname(type, content);
    case 'NS':
    case 'PTR':
      return wrapHostname(type, content);
    case 'TXT':
      return validateTxt(content);
    case 'OPENPGPKEY':
      return /^[A-Za-z0-9+/\s]+={0,2}$/.test(content)
        ? { content: content.replace(/\s+/g, '') }
        : apiErrors.validation('OPENPGPKEY content must be a single Base64-encoded key');
    default:
      return apiErrors.invalidType(type);
  }
}

function wrapHostname(type: string, content: string): ValidContent | ApiError {
  const target = hostname(type, content);
  return typeof target === 'string' ? { content: target } : target;
}

function hostname(type: string, content: string): string | ApiError {
  const result = normaliseHostname(content);
  if ('error' in result) return apiErrors.validation(`${type} content must be a valid hostname: ${result.error}`);
  return result.name;
}

const maxStringBytes = 255;

/**
 * TXT content is stored and returned exactly as sent: Cloudflare's API does not add quotes (only its dashboard
 * shows them), so a later `content=` filter for the value sent finds the record (issue 15; SPEC `TXTRecord.content`:
 * longer strings "are automatically split" when served, not when stored). Quoted content must be well-formed
 * character-strings of at most 255 bytes each; unquoted content is one text the server splits at 255 bytes.
 */
function validateTxt(content: string): ValidContent | ApiError {
  if (/[\r\n]/.test(content)) return apiErrors.validation('TXT content must not contain line breaks');
  if (!content.trimStart().startsWith('"')) return { content };
  const strings = splitQuotedStrings(content);
  if (strings === undefined) return apiErrors.validation('TXT content has an unterminated quoted string');
  for (const text of strings) {
    if (Buffer.byteLength(text, 'utf8') > maxStringBytes) {
      return apiErrors.validation(`a TXT character-string is longer than ${maxStringBytes} bytes`);
    }
  }
  return { content };
}

/** Splits `"a" "b"` into its unescaped strings; undefined when a quote is left open or text sits outside quotes. */
export function splitQuotedStrings(content: string): string[] | undefined {
  const strings: string[] = [];
  let index = 0;
  while (index < content.length) {
    const character = content[index];
    if (character === ' ' || character === '\t') {
      index += 1;
      continue;
    }
    if (character !== '"') return undefined;
    let text = '';
    index += 1;
    while (index < content.length && content[index] !== '"') {
      if (content[index] === '\\' && index + 1 < content.length) {
        const digits = /^\d{3}/.exec(content.slice(index + 1));
        if (digits !== null) {
          text += String.fromCharCode(Number(digits[0]));
          index += 4;
          continue;
        }
        index += 1;
      }
      text += content[index];
      index += 1;
    }
    if (index >= content.length) return undefined;
    strings.push(text);
    index += 1;
  }
  return strings;
}

function validateData(type: string, input: unknown): ValidContent | ApiError {
  const checked = checkDataFields(type, input);
  if ('error' in checked) return apiErrors.validation(checked.error);
  const data: Record<string, string | number> = { ...checked.data };
  const field = hostnameDataFields[type];
  if (field !== undefined) {
    const value = String(data[field]);
    if (value !== '.' && value !== '') {
      const target = hostname(type, value);
      if (typeof target !== 'string') return target;
      data[field] = target;
    }
  }
  if (type === 'CAA' && !/^[A-Za-z0-9]+$/.test(String(data['tag']))) {
    return apiErrors.validation('CAA data.tag must contain only letters and digits');
  }
  return { content: formatData(type, data), data };
}
