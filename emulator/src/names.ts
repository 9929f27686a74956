import { toAsciiName } from '../../core/src/index';

/** A name normalised the way Cloudflare stores it, or the reason it is not a valid record name. */
export type NameResult = { readonly name: string } | { readonly error: string };

const maxLabelLength = 63;
const maxNameLength = 253;

/**
 * Normalises a record name given in a request: `@` is the apex, a name outside the zone is taken as relative to it
 * (Cloudflare appends the zone name), a trailing dot is dropped, Unicode labels become Punycode, all lower case.
 */
export function normaliseRecordName(input: string, zoneName: string): NameResult {
  let text = input.trim();
  if (text === '' || text === '.') return { error: 'the name is empty' };
  if (text === '@') return { name: zoneName };
  if (text.endsWith('.')) text = text.slice(0, -1);
  const ascii = toAscii(text);
  if (ascii === undefined) return { error: `'${input}' cannot be converted to Punycode` };
  const name = ascii === zoneName || ascii.endsWith(`.${zoneName}`) ? ascii : `${ascii}.${zoneName}`;
  return checkName(name, input);
}

/** Normalises a hostname used as content (a CNAME, MX, NS or PTR target): no trailing dot, Punycode, lower case. */
export function normaliseHostname(input: string): NameResult {
  let text = input.trim();
  if (text.endsWith('.') && text !== '.') text = text.slice(0, -1);
  if (text === '' || text === '.') return { error: 'the hostname is empty' };
  const ascii = toAscii(text);
  if (ascii === undefined) return { error: `'${input}' is not a valid hostname` };
  return checkName(ascii, input);
}

/** Normalises a zone name (for options and the zones list filter). */
export function normaliseZoneName(input: string): string | undefined {
  const text = input.trim().replace(/\.$/, '');
  const ascii = toAscii(text);
  if (ascii === undefined || ascii === '') return undefined;
  const checked = checkName(ascii, input);
  return 'name' in checked ? checked.name : undefined;
}

/** Names are compared case-insensitively; Unicode labels go through the zone core's IDNA (UTS 46). */
function toAscii(text: string): string | undefined {
  return toAsciiName(text)?.toLowerCase();
}

function checkName(name: string, input: string): NameResult {
  if (name.length > maxNameLength) return { error: `'${input}' is longer than ${maxNameLength} characters` };
  for (const label of name.split('.')) {
    if (label === '') return { error: `'${input}' has an empty label` };
    if (label.length > maxLabelLength)
      return { error: `'${input}' has a label longer than ${maxLabelLength} characters` };
    if (/\s/.test(label)) return { error: `'${input}' contains white space` };
  }
  return { name };
}
