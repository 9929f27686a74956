/**
 * Cloudflare's convention for a record's comment and tags in a zone file (semantics.md §7 and §10):
 * `; comment text cf_tags=name:value,other:"quoted, value",cf-proxied:true`.
 * Values holding `"`, `=`, `,` or `\` are written as JSON strings, and so are values with edge spaces or control
 * characters (which could not be read back otherwise). `cf-proxied` and `cf-flatten-cname` are reserved.
 */

/** Stable codes of problems in a `cf_tags=` list. */
export type CfTagProblemCode =
  | 'cf-tag-bad-name'
  | 'cf-tag-bad-value'
  | 'cf-tag-empty'
  | 'cf-tag-duplicate'
  | 'cf-proxied-bad-value'
  | 'cf-flatten-cname-bad-value';

/** What each problem code means. */
export const cfTagProblemCodes: Readonly<Record<CfTagProblemCode, string>> = {
  'cf-tag-bad-name': 'A tag name may contain only letters, digits, "-" and "_".',
  'cf-tag-bad-value': 'A tag value with ", =, , or \\ must be a JSON string ("..."), and a JSON string must be valid.',
  'cf-tag-empty': 'The cf_tags list has an empty entry (two commas in a row, or a trailing comma).',
  'cf-tag-duplicate': 'The same tag name appears twice (tag names are case-insensitive).',
  'cf-proxied-bad-value': 'cf-proxied must be true or false.',
  'cf-flatten-cname-bad-value': 'cf-flatten-cname must be true or false.',
};

/** A problem, with UTF-16 offsets into the text given to `parseCfComment`. */
export interface CfTagProblem {
  readonly code: CfTagProblemCode;
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

/** The parts of a record comment. */
export interface CfComment {
  /** The comment text before `cf_tags=`, trimmed; undefined when empty. */
  readonly comment: string | undefined;
  /** User tags as `name:value` (an empty value gives `name:`), reserved tags excluded, in written order. */
  readonly tags: readonly string[];
  /** From `cf-proxied:true|false`; undefined when absent. */
  readonly proxied: boolean | undefined;
  /** From `cf-flatten-cname:true|false`; undefined when absent. */
  readonly flattenCname: boolean | undefined;
  readonly problems: readonly CfTagProblem[];
  /** Offsets of the `cf_tags=...` part in the text, when present. */
  readonly tagsSpan?: { readonly start: number; readonly end: number };
}

const TAG_NAME = /^[A-Za-z0-9_-]+$/;
const MARKER = /(^|\s)cf_tags=/;
const RESERVED = new Set(['cf-proxied', 'cf-flatten-cname']);

interface TagEntry {
  readonly name: string;
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t';
}

/** Reads a JSON string starting at `start` (on the opening quote); returns its value and end, or undefined. */
function readJsonString(text: string, start: number): { value: string; end: number } | undefined {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  if (i >= text.length) return undefined;
  try {
    const value: unknown = JSON.parse(text.slice(start, i + 1));
    return typeof value === 'string' ? { value, end: i + 1 } : undefined;
  } catch {
    return undefined;
  }
}

function parseTagList(text: string, start: number, problems: CfTagProblem[]): TagEntry[] {
  const entries: TagEntry[] = [];
  let itemHasProblem = false;
  const problem = (code: CfTagProblemCode, message: string, from: number, to: number): void => {
    problems.push({ code, message, start: from, end: Math.max(to, from + 1) });
    itemHasProblem = true;
  };
  let i = start;
  for (;;) {
    itemHasProblem = false;
    while (isSpace(text[i])) i += 1;
    const itemStart = i;
    let nameEnd = i;
    while (nameEnd < text.length && text[nameEnd] !== ':' && text[nameEnd] !== ',') nameEnd += 1;
    const name = text.slice(i, nameEnd).trimEnd();
    let value = '';
    i = nameEnd;
    if (text[i] === ':') {
      i += 1;
      while (isSpace(text[i])) i += 1;
      if (text[i] === '"') {
        const json = readJsonString(text, i);
        if (json) {
          value = json.value;
          i = json.end;
          while (isSpace(text[i])) i += 1;
          if (i < text.length && text[i] !== ',') {
            problem('cf-tag-bad-value', `Unexpected text after the quoted value of tag "${name}".`, i, text.length);
            i = text.indexOf(',', i) < 0 ? text.length : text.indexOf(',', i);
          }
        } else {
          problem('cf-tag-bad-value', `The value of tag "${name}" is not a valid JSON string.`, i, text.length);
          i = text.length;
        }
      } else {
        const comma = text.indexOf(',', i);
        const valueEnd = comma < 0 ? text.length : comma;
        value = text.slice(i, valueEnd).trim();
        const bad = /["=\\]/.exec(value);
        if (bad) {
          problem(
            'cf-tag-bad-value',
            `The value of tag "${name}" contains "${bad[0]}": write the value as a JSON string, e.g. ${name}:${JSON.stringify(value)}.`,
            i,
            valueEnd,
          );
        }
        i = valueEnd;
      }
    }
    const itemEnd = i;
    if (name === '') {
      problem('cf-tag-empty', 'Empty entry in cf_tags (two commas in a row or a trailing comma).', itemStart, itemEnd);
    } else if (!TAG_NAME.test(name)) {
      problem(
        'cf-tag-bad-name',
        `Tag name "${name}" may contain only letters, digits, "-" and "_".`,
        itemStart,
        itemStart + name.length,
      );
    } else if (!itemHasProblem) {
      entries.push({ name, value, start: itemStart, end: itemEnd });
    }
    if (text[i] !== ',') break;
    i += 1;
  }
  return entries;
}

function booleanTag(entry: TagEntry, code: CfTagProblemCode, problems: CfTagProblem[]): boolean | undefined {
  const value = entry.value.toLowerCase();
  if (value === 'true') return true;
  if (value === 'false') return false;
  problems.push({
    code,
    message: `${entry.name} must be true or false, not "${entry.value}".`,
    start: entry.start,
    end: entry.end,
  });
  return undefined;
}

/**
 * Parses a record's comment, with or without its leading `;`. Offsets in problems are into `text`. Never throws.
 */
export function parseCfComment(text: string): CfComment {
  const body = text.startsWith(';') ? 1 : 0;
  const marker = MARKER.exec(text.slice(body));
  const problems: CfTagProblem[] = [];
  if (!marker) {
    const comment = text.slice(body).trim();
    return {
      comment: comment === '' ? undefined : comment,
      tags: [],
      proxied: undefined,
      flattenCname: undefined,
      problems,
    };
  }
  const markerStart = body + marker.index + (marker[1] ?? '').length;
  const listStart = markerStart + 'cf_tags='.length;
  const comment = text.slice(body, markerStart).trim();
  const entries = parseTagList(text, listStart, problems);
  const tags: string[] = [];
  let proxied: boolean | undefined;
  let flattenCname: boolean | undefined;
  const seen = new Set<string>();
  for (const entry of entries) {
    const key = entry.name.toLowerCase();
    if (seen.has(key)) {
      problems.push({
        code: 'cf-tag-duplicate',
        message: `Tag "${entry.name}" appears more than once.`,
        start: entry.start,
        end: entry.end,
      });
      continue;
    }
    seen.add(key);
    if (key === 'cf-proxied') proxied = booleanTag(entry, 'cf-proxied-bad-value', problems);
    else if (key === 'cf-flatten-cname') flattenCname = booleanTag(entry, 'cf-flatten-cname-bad-value', problems);
    else tags.push(`${entry.name}:${entry.value}`);
  }
  return {
    comment: comment === '' ? undefined : comment,
    tags,
    proxied,
    flattenCname,
    problems,
    tagsSpan: { start: markerStart, end: text.trimEnd().length },
  };
}

/** What `formatCfComment` writes. */
export interface CfCommentParts {
  readonly comment?: string | null | undefined;
  readonly tags?: readonly string[] | undefined;
  readonly proxied?: boolean | undefined;
  readonly flattenCname?: boolean | undefined;
}

function formatTag(tag: string): string {
  const colon = tag.indexOf(':');
  const name = colon < 0 ? tag : tag.slice(0, colon);
  const value = colon < 0 ? '' : tag.slice(colon + 1);
  // Quoted too: edge spaces (an unquoted value is trimmed) and control characters (a line break would end the line).
  // eslint-disable-next-line no-control-regex
  const needsQuotes = /["=,\\\u0000-\u001f]/.test(value) || value !== value.trim();
  return `${name}:${needsQuotes ? JSON.stringify(value) : value}`;
}

/**
 * Writes the comment for a record line, `; comment cf_tags=...` with reserved tags last, or '' when there is
 * nothing to write. `parseCfComment` reads it back to the same parts.
 */
export function formatCfComment(parts: CfCommentParts): string {
  const tags = (parts.tags ?? [])
    .filter((tag) => !RESERVED.has((tag.split(':')[0] ?? '').toLowerCase()))
    .map(formatTag);
  if (parts.flattenCname !== undefined) tags.push(`cf-flatten-cname:${String(parts.flattenCname)}`);
  if (parts.proxied !== undefined) tags.push(`cf-proxied:${String(parts.proxied)}`);
  // A comment cannot hold line breaks in a zone file (and Cloudflare rejects them).
  const comment = (parts.comment ?? '').replace(/[\r\n]+/g, ' ').trim();
  const pieces = [comment, tags.length > 0 ? `cf_tags=${tags.join(',')}` : ''].filter((piece) => piece !== '');
  return pieces.length === 0 ? '' : `; ${pieces.join(' ')}`;
}
