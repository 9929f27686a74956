/** CAA (RFC 8659): flags, a property tag and its value, with the value forms of the registered tags. */
import type { Range, ZoneRecord } from '../types';
import { RdataReader } from './reader';
import type { RdataParser } from './types';

/** Property tags registered with IANA (RFC 8659, RFC 8657, RFC 9495, CA/B Forum). */
export const caaTags: readonly string[] = [
  'issue',
  'issuewild',
  'iodef',
  'issuemail',
  'issuevmc',
  'contactemail',
  'contactphone',
];

const ISSUER_DOMAIN = /^[A-Za-z0-9](?:-*[A-Za-z0-9])*(?:\.[A-Za-z0-9](?:-*[A-Za-z0-9])*)*$/;
const ISSUE_PARAMETER = /^[A-Za-z0-9](?:-*[A-Za-z0-9])*=[\x21-\x3a\x3c-\x7e]*$/;
const IODEF_URL = /^(?:mailto:[^\s@]+@[^\s@]+|https?:\/\/\S+)$/i;

/** Why an issue/issuewild/issuemail value is malformed, or undefined when it is fine. */
export function checkIssueValue(value: string): string | undefined {
  if (!value.includes(';')) {
    const domain = value.trim();
    return domain === '' || ISSUER_DOMAIN.test(domain) ? undefined : notIssuerDomain(domain);
  }
  const [domainPart = '', ...parameters] = value.split(';');
  const domain = domainPart.trim();
  if (domain !== '' && !ISSUER_DOMAIN.test(domain)) return notIssuerDomain(domain);
  for (const raw of parameters) {
    const parameter = raw.trim();
    if (parameter === '' && parameters.length === 1 && domain === '') continue;
    if (!ISSUE_PARAMETER.test(parameter)) {
      return `"${parameter}" is not a parameter of the form key=value (RFC 8659 section 4.2).`;
    }
  }
  return undefined;
}

function notIssuerDomain(domain: string): string {
  return `"${domain}" is not an issuer domain name (for example "letsencrypt.org"; ";" alone forbids issuance).`;
}

/**
 * Why a CAA value is not of the form its tag's RFC gives (issue, issuewild, issuemail, issuevmc: an issuer domain and
 * parameters; iodef: a mailto: or http(s): URL), or undefined when it is fine or the tag has no checked form. The
 * parser does not report it: named and kzonecheck load any value, Cloudflare refuses these (the `caa-value` rule).
 */
export function caaValueProblem(tag: string, value: string): string | undefined {
  switch (tag.toLowerCase()) {
    case 'issue':
    case 'issuewild':
    case 'issuemail':
    case 'issuevmc':
      return checkIssueValue(value);
    case 'iodef':
      return IODEF_URL.test(value) ? undefined : `iodef value "${value}" must be a mailto:, http: or https: URL.`;
    default:
      return undefined;
  }
}

/** A parsed CAA record's value problem (caaValueProblem) with the value's range, or undefined. */
export function caaRecordValueProblem(record: ZoneRecord): { message: string; range: Range } | undefined {
  if (record.type !== 'CAA' || record.generic) return undefined;
  const tag = record.fields.find((field) => field.name === 'tag');
  const value = record.fields.find((field) => field.name === 'value');
  if (tag === undefined || value === undefined) return undefined;
  const problem = caaValueProblem(tag.value, value.value);
  return problem === undefined
    ? undefined
    : { message: `CAA ${tag.value.toLowerCase()}: ${problem}`, range: value.range };
}

export const parseCaa: RdataParser = (tokens, context) => {
  const reader = new RdataReader(tokens, context, 'CAA');
  const flagsToken = reader.peek();
  const flags = reader.integer('flags', 255);
  if (flagsToken && flags !== undefined && (flags & 0x7f) !== 0) {
    reader.report(
      'bad-caa',
      `CAA flags ${flags} set reserved bits; only 0 and 128 (issuer critical) are defined.`,
      flagsToken.range,
      'warning',
    );
  }
  const tagToken = reader.take('tag');
  if (tagToken) {
    reader.tokenField('tag', tagToken.text, tagToken);
    if (tagToken.kind !== 'word' || !/^[A-Za-z0-9]{1,15}$/.test(tagToken.text)) {
      reader.report('bad-caa', `CAA tag "${tagToken.text}" must be 1 to 15 letters and digits.`, tagToken.range);
    } else {
      if (!caaTags.includes(tagToken.text.toLowerCase())) {
        reader.report(
          'caa-unknown-tag',
          `CAA tag "${tagToken.text}" is not registered (known tags: ${caaTags.join(', ')}); CAs ignore it.`,
          tagToken.range,
          'warning',
        );
      }
    }
  }
  reader.characterString('value', Number.MAX_SAFE_INTEGER);
  reader.end();
  return reader.result();
};
