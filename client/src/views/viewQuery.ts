import type { ListRecordsQuery, RecordOrder, RecordType, SortDirection } from '../../../cloudflare/src/index';

/** What the view title's filter, search and sort buttons chose; sent to the list endpoint, except `driftOnly`. */
export interface ViewQuery {
  readonly search?: string;
  readonly type?: RecordType;
  readonly nameContains?: string;
  readonly contentContains?: string;
  readonly order: RecordOrder;
  readonly direction: SortDirection;
  /** Only records that differ from the zone's linked file (applied locally: the API knows no files). */
  readonly driftOnly?: boolean;
}

export const defaultViewQuery: ViewQuery = { order: 'name', direction: 'asc' };

export function isFiltered(query: ViewQuery): boolean {
  return (
    query.search !== undefined ||
    query.type !== undefined ||
    query.nameContains !== undefined ||
    query.contentContains !== undefined ||
    query.driftOnly === true
  );
}

/** The list endpoint's parameters for one page of the view. */
export function listQueryOf(query: ViewQuery, page: number, perPage: number): ListRecordsQuery {
  return {
    ...(query.search === undefined ? {} : { search: query.search }),
    ...(query.type === undefined ? {} : { type: query.type }),
    ...(query.nameContains === undefined ? {} : { name: { contains: query.nameContains } }),
    ...(query.contentContains === undefined ? {} : { content: { contains: query.contentContains } }),
    order: query.order,
    direction: query.direction,
    page,
    per_page: perPage,
  };
}

/** One line for the view's description: `type A · search "www" · by ttl desc`. */
export function describeViewQuery(query: ViewQuery): string {
  const parts: string[] = [];
  if (query.driftOnly === true) parts.push('only drift');
  if (query.type !== undefined) parts.push(`type ${query.type}`);
  if (query.nameContains !== undefined) parts.push(`name ∋ "${query.nameContains}"`);
  if (query.contentContains !== undefined) parts.push(`content ∋ "${query.contentContains}"`);
  if (query.search !== undefined) parts.push(`search "${query.search}"`);
  if (query.order !== defaultViewQuery.order || query.direction !== defaultViewQuery.direction) {
    parts.push(`by ${query.order} ${query.direction}`);
  }
  return parts.join(' · ');
}
