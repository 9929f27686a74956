import type { CommentFilter, ListRecordsQuery, ListZonesQuery, TagFilter, TextFilter } from './types';

const TEXT_OPERATORS = ['exact', 'contains', 'startswith', 'endswith'] as const;
const TAG_OPERATORS = ['present', 'absent', ...TEXT_OPERATORS] as const;

/**
 * The list endpoint's query string, with Cloudflare's dotted operator names (`name.contains=…`,
 * `tag.present=…`). A bare string filter uses the parameter's own name (the API's alias of `.exact`).
 */
export function recordsQueryParams(query: ListRecordsQuery): URLSearchParams {
  const params = new URLSearchParams();
  addText(params, 'name', query.name);
  add(params, 'type', query.type);
  addText(params, 'content', query.content);
  add(params, 'proxied', query.proxied);
  add(params, 'match', query.match);
  addComment(params, query.comment);
  addTag(params, query.tag);
  add(params, 'tag_match', query.tag_match);
  add(params, 'search', query.search);
  add(params, 'order', query.order);
  add(params, 'direction', query.direction);
  add(params, 'page', query.page);
  add(params, 'per_page', query.per_page);
  add(params, 'include_shadow_metadata', query.include_shadow_metadata);
  add(params, 'shadowed_by_name', query.shadowed_by_name);
  add(params, 'shadowing_name', query.shadowing_name);
  return params;
}

/** The zones list's query string; `type` is one comma-separated value (form style, not exploded). */
export function zonesQueryParams(query: ListZonesQuery): URLSearchParams {
  const params = new URLSearchParams();
  add(params, 'name', query.name);
  add(params, 'status', query.status);
  if (query.type !== undefined && query.type.length > 0) params.append('type', query.type.join(','));
  add(params, 'account.id', query['account.id']);
  add(params, 'account.name', query['account.name']);
  add(params, 'page', query.page);
  add(params, 'per_page', query.per_page);
  add(params, 'order', query.order);
  add(params, 'direction', query.direction);
  add(params, 'match', query.match);
  return params;
}

function add(params: URLSearchParams, name: string, value: string | number | boolean | undefined): void {
  if (value !== undefined) params.append(name, String(value));
}

function addText(params: URLSearchParams, field: string, filter: string | TextFilter | undefined): void {
  if (typeof filter === 'string' || filter === undefined) {
    add(params, field, filter);
    return;
  }
  for (const operator of TEXT_OPERATORS) add(params, `${field}.${operator}`, filter[operator]);
}

function addComment(params: URLSearchParams, filter: string | CommentFilter | undefined): void {
  addText(params, 'comment', filter);
  if (typeof filter !== 'object') return;
  // The API selects on the parameter's presence, whatever its value.
  if (filter.present === true) params.append('comment.present', 'true');
  if (filter.absent === true) params.append('comment.absent', 'true');
}

function addTag(params: URLSearchParams, filter: string | TagFilter | undefined): void {
  if (typeof filter === 'string' || filter === undefined) {
    add(params, 'tag', filter);
    return;
  }
  for (const operator of TAG_OPERATORS) {
    const value = filter[operator];
    const values: readonly string[] = value === undefined ? [] : typeof value === 'string' ? [value] : value;
    for (const item of values) params.append(`tag.${operator}`, item);
  }
}
