import * as vscode from 'vscode';
import { RECORD_TYPES, type RecordOrder, type RecordType, type SortDirection } from '../../../cloudflare/src/index';
import type { ZoneNode } from '../views/nodes';
import { defaultViewQuery, type ViewQuery } from '../views/viewQuery';
import { ask, pick, type CommandContext } from './context';

/** Filters the records by type, name and content (server-side). `{}` clears every filter. */
export async function filterRecords(
  context: CommandContext,
  args?: { readonly type?: RecordType; readonly nameContains?: string; readonly contentContains?: string },
): Promise<ViewQuery> {
  const current = context.tree.query;
  let filter = args;
  if (filter === undefined) {
    const type = await pick(
      [{ label: 'Any type', type: undefined }, ...RECORD_TYPES.map((t) => ({ label: t, type: t }))],
      {
        title: 'Zone Records: filter by type',
        placeHolder: current.type ?? 'Any type',
      },
    );
    const nameContains = await ask({ title: 'Name contains (empty: any name)', value: current.nameContains ?? '' });
    const contentContains = await ask({
      title: 'Content contains (empty: any content)',
      value: current.contentContains ?? '',
    });
    filter = {
      ...(type.type ? { type: type.type } : {}),
      ...(nameContains.trim() ? { nameContains: nameContains.trim() } : {}),
      ...(contentContains.trim() ? { contentContains: contentContains.trim() } : {}),
    };
  }
  const query: ViewQuery = {
    order: current.order,
    direction: current.direction,
    ...(current.search === undefined ? {} : { search: current.search }),
    ...filter,
  };
  context.tree.setQuery(query);
  return query;
}

/** Searches records (the list endpoint's `search`); an empty text clears the search. */
export async function searchRecords(context: CommandContext, text?: string): Promise<ViewQuery> {
  const current = context.tree.query;
  const search = (text ?? (await ask({ title: 'Zone Records: search records', value: current.search ?? '' }))).trim();
  const { search: _previous, ...rest } = current;
  const query: ViewQuery = search === '' ? rest : { ...rest, search };
  context.tree.setQuery(query);
  return query;
}

/** Sorts the records (server-side) by a field and direction. */
export async function sortRecords(
  context: CommandContext,
  args?: { readonly order: RecordOrder; readonly direction?: SortDirection },
): Promise<ViewQuery> {
  const current = context.tree.query;
  let order = args?.order;
  let direction = args?.direction;
  if (order === undefined) {
    const orders: RecordOrder[] = ['name', 'type', 'content', 'ttl', 'proxied'];
    const chosen = await pick(
      orders.flatMap((o) => [
        { label: `${o} ascending`, order: o, direction: 'asc' as const },
        { label: `${o} descending`, order: o, direction: 'desc' as const },
      ]),
      { title: 'Zone Records: sort records by', placeHolder: `${current.order} ${current.direction}` },
    );
    order = chosen.order;
    direction = chosen.direction;
  }
  const query: ViewQuery = { ...current, order, direction: direction ?? 'asc' };
  context.tree.setQuery(query);
  return query;
}

export function clearFilter(context: CommandContext): ViewQuery {
  context.tree.setQuery(defaultViewQuery);
  return defaultViewQuery;
}

export async function loadMore(context: CommandContext, zone: ZoneNode): Promise<void> {
  await context.tree.loadMore(zone);
}

export function refresh(context: CommandContext): void {
  context.tree.refresh();
  void context.credentialsChanged();
}

export async function openSettings(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.openSettings', '@ext:zone-records.zone-records');
}
