import { toAsciiName } from '../../core/src/index';
import { apiErrors } from './errors';
import type { StoredRecord } from './model';

type Predicate = (record: StoredRecord) => boolean;
type Operator = 'exact' | 'contains' | 'startswith' | 'endswith';

const operators: readonly Operator[] = ['exact', 'contains', 'startswith', 'endswith'];

/** The record filter a list query describes (semantics.md §6). */
export interface RecordQuery {
  readonly matches: Predicate;
}

/**
 * Builds the filter from the list query: name/content/comment/tag operators, type, proxied, search, combined by
 * `match` (all = AND, any = OR), with the tag conditions first combined among themselves by `tag_match`.
 * Every comparison is case-insensitive. Repeated parameters each add a condition.
 */
export function parseRecordQuery(query: URLSearchParams): RecordQuery {
  const match = choice(query, 'match', ['all', 'any'], 'all');
  const tagMatch = choice(query, 'tag_match', ['all', 'any'], 'all');
  const conditions: Predicate[] = [];
  const tagConditions: Predicate[] = [];
  for (const [key, rawValue] of query) {
    const value = rawValue.toLowerCase();
    const [field, operator] = splitKey(key);
    switch (field) {
      case 'name':
        if (operator === undefined || isOperator(operator)) {
          conditions.push(textCondition((record) => record.name, operator ?? 'exact', nameValue(value)));
        }
        break;
      case 'content':
        if (operator === undefined || isOperator(operator)) {
          conditions.push(textCondition((record) => record.content, operator ?? 'exact', value));
        }
        break;
      case 'comment':
        if (operator === 'present') conditions.push((record) => record.comment !== undefined);
        else if (operator === 'absent') conditions.push((record) => record.comment === undefined);
        else if (operator === undefined || isOperator(operator)) {
          conditions.push(textCondition((record) => record.comment, operator ?? 'exact', value));
        }
        break;
      case 'tag':
        tagConditions.push(tagCondition(operator, value));
        break;
      case 'type':
        if (operator === undefined) conditions.push((record) => record.type === rawValue.toUpperCase());
        break;
      case 'proxied':
        if (operator === undefined) {
          const proxied = choice(query, 'proxied', ['true', 'false'], 'false') === 'true';
          conditions.push((record) => record.proxied === proxied);
        }
        break;
      case 'search':
        if (operator === undefined) conditions.push((record) => searchText(record).includes(value));
        break;
      default:
        break;
    }
  }
  if (tagConditions.length > 0) {
    conditions.push(
      tagMatch === 'all'
        ? (record) => tagConditions.every((condition) => condition(record))
        : (record) => tagConditions.some((condition) => condition(record)),
    );
  }
  if (conditions.length === 0) return { matches: () => true };
  return {
    matches:
      match === 'all'
        ? (record) => conditions.every((condition) => condition(record))
        : (record) => conditions.some((condition) => condition(record)),
  };
}

/** Reads a parameter that must be one of `allowed`; a bad value is a 400 as on Cloudflare. */
export function choice<T extends string>(query: URLSearchParams, name: string, allowed: readonly T[], fallback: T): T {
  const value = query.get(name);
  if (value === null) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw apiErrors.invalidParameter(name, `expected one of ${allowed.join(', ')}`);
  }
  return value as T;
}

function splitKey(key: string): [string, string | undefined] {
  const dot = key.indexOf('.');
  return dot < 0 ? [key, undefined] : [key.slice(0, dot), key.slice(dot + 1)];
}

function isOperator(text: string): text is Operator {
  return (operators as readonly string[]).includes(text);
}

/** Name filters compare against stored names, which are Punycode without the trailing dot. */
function nameValue(value: string): string {
  const trimmed = value.endsWith('.') ? value.slice(0, -1) : value;
  return toAsciiName(trimmed)?.toLowerCase() ?? trimmed;
}

function compare(actual: string, operator: Operator, expected: string): boolean {
  switch (operator) {
    case 'exact':
      return actual === expected;
    case 'contains':
      return actual.includes(expected);
    case 'startswith':
      return actual.startsWith(expected);
    case 'endswith':
      return actual.endsWith(expected);
  }
}

function textCondition(
  read: (record: StoredRecord) => string | undefined,
  operator: Operator,
  expected: string,
): Predicate {
  return (record) => {
    const actual = read(record);
    return actual !== undefined && compare(actual.toLowerCase(), operator, expected);
  };
}

/** `tag=name` is tag.present, `tag=name:value` is tag.exact; the operators test the value of the named tag. */
function tagCondition(operator: string | undefined, value: string): Predicate {
  const colon = value.indexOf(':');
  const tagName = colon < 0 ? value : value.slice(0, colon);
  const tagValue = colon < 0 ? undefined : value.slice(colon + 1);
  if (operator === undefined) operator = tagValue === undefined ? 'present' : 'exact';
  if (operator === 'present') return (record) => tagValues(record, tagName).length > 0;
  if (operator === 'absent') return (record) => tagValues(record, tagName).length === 0;
  if (!isOperator(operator)) throw apiErrors.invalidParameter(`tag.${operator}`, 'unknown tag operator');
  const op: Operator = operator;
  if (tagValue === undefined) throw apiErrors.invalidParameter(`tag.${operator}`, 'expected <name>:<value>');
  return (record) => tagValues(record, tagName).some((actual) => compare(actual.toLowerCase(), op, tagValue));
}

function tagValues(record: StoredRecord, tagName: string): string[] {
  const values: string[] = [];
  for (const tag of record.tags) {
    const colon = tag.indexOf(':');
    const name = colon < 0 ? tag : tag.slice(0, colon);
    if (name.toLowerCase() === tagName) values.push(colon < 0 ? '' : tag.slice(colon + 1));
  }
  return values;
}

/** `search` is unspecified on Cloudflare; here: a substring of name, content, comment or a tag (GUESS). */
function searchText(record: StoredRecord): string {
  return [record.name, record.content, record.comment ?? '', ...record.tags].join('\n').toLowerCase();
}
