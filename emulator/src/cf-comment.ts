/**
 * Cloudflare's zone-file comment convention for comments and tags (semantics.md §10):
 * `; comment text cf_tags=name:value,other:"quoted, value",cf-proxied:true`.
 */
export interface CfComment {
  readonly comment: string | undefined;
  readonly tags: readonly string[];
  readonly proxied: boolean | undefined;
  readonly flattenCname: boolean | undefined;
}

/** Reads a record's comment text (without the leading `;`). Malformed tags are kept as written in the comment. */
export function parseCfComment(text: string): CfComment {
  const marker = /(^|\s)cf_tags=/.exec(text);
  if (marker === null)
    return { comment: emptyToUndefined(text.trim()), tags: [], proxied: undefined, flattenCname: undefined };
  const comment = emptyToUndefined(text.slice(0, marker.index).trim());
  const tags: string[] = [];
  let proxied: boolean | undefined;
  let flattenCname: boolean | undefined;
  for (const tag of splitTags(text.slice(marker.index + marker[0].length).trim())) {
    const colon = tag.indexOf(':');
    const name = (colon < 0 ? tag : tag.slice(0, colon)).toLowerCase();
    const value = colon < 0 ? '' : unquote(tag.slice(colon + 1));
    if (name === 'cf-proxied') proxied = value === 'true';
    else if (name === 'cf-flatten-cname') flattenCname = value === 'true';
    else if (name !== '') tags.push(`${name}:${value}`);
  }
  return { comment, tags, proxied, flattenCname };
}

/** Writes the comment text for a record (without the leading `;`), or undefined when there is nothing to say. */
export function formatCfComment(comment: CfComment): string | undefined {
  const tags = [...comment.tags.map(formatTag)];
  if (comment.flattenCname === true) tags.push('cf-flatten-cname:true');
  if (comment.proxied !== undefined) tags.push(`cf-proxied:${String(comment.proxied)}`);
  const parts = [comment.comment, tags.length > 0 ? `cf_tags=${tags.join(',')}` : undefined];
  const text = parts.filter((part) => part !== undefined && part !== '').join(' ');
  return text === '' ? undefined : text;
}

function formatTag(tag: string): string {
  const colon = tag.indexOf(':');
  if (colon < 0) return tag;
  const value = tag.slice(colon + 1);
  return /["=,\\\s]/.test(value) ? `${tag.slice(0, colon)}:${JSON.stringify(value)}` : tag;
}

/** Splits on commas outside double-quoted JSON strings. */
function splitTags(text: string): string[] {
  const tags: string[] = [];
  let current = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index] ?? '';
    if (quoted && character === '\\') {
      current += character + (text[index + 1] ?? '');
      index += 1;
      continue;
    }
    if (character === '"') quoted = !quoted;
    if (character === ',' && !quoted) {
      tags.push(current.trim());
      current = '';
      continue;
    }
    current += character;
  }
  if (current.trim() !== '') tags.push(current.trim());
  return tags;
}

function unquote(value: string): string {
  if (!value.startsWith('"')) return value;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'string' ? parsed : value;
  } catch {
    return value;
  }
}

function emptyToUndefined(text: string): string | undefined {
  return text === '' ? undefined : text;
}
