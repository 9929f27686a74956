import type { Page } from './types';

/**
 * Walks a paged collection from `firstPage`. Stops after the page the server calls the last one
 * (`result_info.total_pages`), after a short page when the server gives no page count, and on an empty page.
 */
export async function* paginate<T>(
  fetchPage: (page: number, perPage: number) => Promise<Page<T>>,
  firstPage: number,
  perPage: number,
): AsyncGenerator<T> {
  for (let page = firstPage; ; page++) {
    const { items, resultInfo } = await fetchPage(page, perPage);
    yield* items;
    if (items.length === 0) return;
    const totalPages = resultInfo?.total_pages;
    if (typeof totalPages === 'number' && Number.isFinite(totalPages)) {
      if (page >= totalPages) return;
    } else if (items.length < (resultInfo?.per_page ?? perPage)) {
      return;
    }
  }
}
