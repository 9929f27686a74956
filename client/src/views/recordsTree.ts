import * as vscode from 'vscode';
import type { ApiSession } from '../api';
import type { DesiredRecord, DnsRecord, Zone } from '../../../cloudflare/src/index';
import { plainName } from '../../../core/src/index';
import { readSettings } from '../config';
import { errorText } from '../errors';
import type { Logger } from '../log';
import {
  formatUsage,
  groupByName,
  isReadOnly,
  recordDescription,
  recordIcon,
  recordLabel,
  recordRdata,
  recordTooltip,
  relativeOwner,
} from '../text/recordText';
import type { DriftKind, ZoneDrift } from '../state/drift';
import { driftCount } from '../state/drift';
import { driftUri } from './driftDecorations';
import type {
  MessageNode,
  MissingRecordNode,
  MoreNode,
  NameNode,
  RecordNode,
  ScannedRecordNode,
  TreeNode,
  ZoneNode,
} from './nodes';
import { defaultViewQuery, describeViewQuery, isFiltered, listQueryOf, type ViewQuery } from './viewQuery';

/** What the tree knows about a zone's records: the pages loaded so far and the scan's proposals. */
interface ZoneRecords {
  readonly records: DnsRecord[];
  pagesLoaded: number;
  total: number | undefined;
  scanned: readonly DnsRecord[];
}

/** Where the tree learns how a zone differs from its linked zone file (the file sync tracker). */
export interface DriftSource {
  linkedFile(zoneId: string):
    | {
        readonly uri: vscode.Uri;
        readonly state: { readonly drift: ZoneDrift; readonly liveRecords: readonly DnsRecord[] };
      }
    | undefined;
}

/**
 * The sidebar: zones → names → records, with a "Scan results" node. Records come page by page from the list
 * endpoint with the view's filter, search and sort, so a large zone shows its first page at once.
 */
export class RecordsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly zoneRecords = new Map<string, Promise<ZoneRecords>>();
  private zones: Promise<ZoneNode[]> | undefined;
  private viewQuery: ViewQuery = defaultViewQuery;
  private readonly queryChanged = new vscode.EventEmitter<ViewQuery>();
  readonly onDidChangeQuery = this.queryChanged.event;
  private readonly usageChanged = new vscode.EventEmitter<ZoneNode>();
  /** Fires when a zone's record usage was read again (after its records changed). */
  readonly onDidChangeUsage = this.usageChanged.event;
  private readonly refreshed = new vscode.EventEmitter<void>();
  /** Fires when records may have changed (a refresh), not when the view only redraws. */
  readonly onDidRefresh = this.refreshed.event;
  private driftSource: DriftSource | undefined;

  constructor(
    private readonly session: ApiSession,
    private readonly logger: Logger,
  ) {}

  get query(): ViewQuery {
    return this.viewQuery;
  }

  setQuery(query: ViewQuery): void {
    this.viewQuery = query;
    this.zoneRecords.clear();
    this.queryChanged.fire(query);
    this.changed.fire(undefined);
  }

  /** Decorates records with their drift from the linked zone files. */
  setDriftSource(source: DriftSource): void {
    this.driftSource = source;
  }

  /** Redraws with what is loaded (the drift changed), without reading the API again. */
  redraw(): void {
    this.changed.fire(undefined);
  }

  /** Forgets everything (or one zone's records) and redraws. */
  refresh(zoneId?: string): void {
    this.refreshed.fire();
    if (zoneId === undefined) {
      this.zones = undefined;
      this.zoneRecords.clear();
      this.changed.fire(undefined);
      return;
    }
    this.zoneRecords.delete(zoneId);
    void this.refreshZone(zoneId);
  }

  /** Reloads a zone's usage (its records changed) and redraws it. */
  private async refreshZone(zoneId: string): Promise<void> {
    const node = (await this.zoneNodes().catch(() => [])).find((candidate) => candidate.zone.id === zoneId);
    if (node === undefined) {
      this.changed.fire(undefined);
      return;
    }
    try {
      node.usage = await (await this.session.client()).usage(zoneId);
      this.usageChanged.fire(node);
    } catch (error) {
      this.logger.warn(`Record usage of ${node.zone.name} is unavailable: ${errorText(error)}`);
    }
    this.changed.fire(node);
  }

  /** The zones, loaded once per refresh, each with its usage. */
  async zoneNodes(): Promise<ZoneNode[]> {
    this.zones ??= this.loadZones();
    return this.zones;
  }

  /** Finds a zone by name or id among the zones the credentials can see. */
  async findZone(nameOrId: string): Promise<ZoneNode | undefined> {
    const key = plainName(nameOrId);
    const nodes = await this.zoneNodes().catch(() => []);
    return nodes.find((node) => node.zone.id === key || node.zone.name.toLowerCase() === key);
  }

  /** Loads the next page of a zone's records. */
  async loadMore(zone: ZoneNode): Promise<void> {
    const state = await this.recordsOf(zone);
    await this.loadPage(zone.zone, state, state.pagesLoaded + 1);
    this.changed.fire(zone);
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node === undefined) return this.rootChildren();
    switch (node.kind) {
      case 'zone':
        return this.zoneChildren(node);
      case 'name':
        return [
          ...node.records.map((record): RecordNode => ({ kind: 'record', zone: node.zone, parent: node, record })),
          ...node.missing.map((record): MissingRecordNode => ({
            kind: 'missingRecord',
            zone: node.zone,
            parent: node,
            record,
            file: this.driftSource?.linkedFile(node.zone.zone.id)?.uri.toString() ?? '',
          })),
        ];
      case 'scanResults':
        return node.records.map((record) => ({ kind: 'scannedRecord', zone: node.zone, parent: node, record }));
      default:
        return [];
    }
  }

  getParent(node: TreeNode): TreeNode | undefined {
    switch (node.kind) {
      case 'record':
      case 'missingRecord':
      case 'scannedRecord':
        return node.parent;
      case 'name':
      case 'scanResults':
      case 'more':
        return node.zone;
      default:
        return undefined;
    }
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'zone':
        return zoneItem(node, this.driftSource?.linkedFile(node.zone.id));
      case 'name':
        return nameItem(node);
      case 'record':
        return recordItem(
          node,
          isReadOnly(node.record) ? 'record.readonly' : recordContext(node.record),
          this.driftOfRecord(node),
        );
      case 'missingRecord':
        return missingItem(node);
      case 'scanResults': {
        const item = new vscode.TreeItem(
          `Scan results (${node.records.length})`,
          vscode.TreeItemCollapsibleState.Collapsed,
        );
        item.iconPath = new vscode.ThemeIcon('search');
        item.contextValue = 'scanResults';
        item.tooltip = 'Records a scan found that wait for review (Review Scan Results accepts or rejects them).';
        return item;
      }
      case 'scannedRecord':
        return recordItem(node, 'scannedRecord');
      case 'more':
        return moreItem(node);
      case 'message':
        return messageItem(node);
    }
  }

  private driftOfRecord(node: RecordNode): { kind: DriftKind; file: string } | undefined {
    const linked = this.driftSource?.linkedFile(node.zone.zone.id);
    const kind = linked?.state.drift.byRecordId.get(node.record.id);
    return kind === undefined || linked === undefined ? undefined : { kind, file: fileNameOf(linked.uri) };
  }

  dispose(): void {
    this.refreshed.dispose();
    this.changed.dispose();
    this.queryChanged.dispose();
    this.usageChanged.dispose();
  }

  private async rootChildren(): Promise<TreeNode[]> {
    if (!(await this.session.hasCredentials())) return []; // The welcome view asks for a token.
    try {
      const zones = await this.zoneNodes();
      if (zones.length === 0) {
        const filter = readSettings().zoneFilter;
        return [
          message(filter === '' ? 'No zones: the credentials see none.' : `No zone name contains "${filter}".`, 'info'),
        ];
      }
      return zones;
    } catch (error) {
      this.zones = undefined;
      this.logger.error(`Loading zones failed: ${errorText(error)}`);
      return [message(`Could not load zones: ${errorText(error)}`, 'error', 'zoneRecords.showLog')];
    }
  }

  private async zoneChildren(zone: ZoneNode): Promise<TreeNode[]> {
    if (this.viewQuery.driftOnly === true) return this.driftChildren(zone);
    let state: ZoneRecords;
    try {
      state = await this.recordsOf(zone);
    } catch (error) {
      this.zoneRecords.delete(zone.zone.id);
      return [message(`Could not load records: ${errorText(error)}`, 'error', 'zoneRecords.showLog')];
    }
    const children: TreeNode[] = [];
    if (state.scanned.length > 0) children.push({ kind: 'scanResults', zone, records: state.scanned });
    const groups = groupByName(state.records, zone.zone.name, this.viewQuery.order === 'name');
    // Under a filter the missing records would not match it; without one they join their names.
    const missing = isFiltered(this.viewQuery)
      ? []
      : (this.driftSource?.linkedFile(zone.zone.id)?.state.drift.missing ?? []);
    children.push(...nameNodes(zone, groups, missing, this.viewQuery.order === 'name'));
    if (state.total === undefined ? false : state.records.length < state.total) {
      children.push({ kind: 'more', zone, loaded: state.records.length, total: state.total });
    }
    if (groups.length === 0) {
      children.push(message(isFiltered(this.viewQuery) ? 'No records match the filter.' : 'No records.', 'info'));
    }
    return children;
  }

  /** "Only drift": the records that differ from the linked file, from the tracker's full list of the zone. */
  private driftChildren(zone: ZoneNode): TreeNode[] {
    const linked = this.driftSource?.linkedFile(zone.zone.id);
    if (linked === undefined) return [message('No zone file in the workspace is linked to this zone.', 'info')];
    const { drift, liveRecords } = linked.state;
    if (driftCount(drift) === 0) return [message(`In sync with ${fileNameOf(linked.uri)}.`, 'check')];
    const drifted = liveRecords.filter((record) => drift.byRecordId.has(record.id));
    return nameNodes(zone, groupByName(drifted, zone.zone.name), drift.missing, true);
  }

  private recordsOf(zone: ZoneNode): Promise<ZoneRecords> {
    let state = this.zoneRecords.get(zone.zone.id);
    if (state === undefined) {
      state = this.loadFirstPage(zone.zone);
      this.zoneRecords.set(zone.zone.id, state);
    }
    return state;
  }

  private async loadFirstPage(zone: Zone): Promise<ZoneRecords> {
    const client = await this.session.client();
    const state: ZoneRecords = { records: [], pagesLoaded: 0, total: undefined, scanned: [] };
    const [scanned] = await Promise.all([
      client.listScanned(zone.id).catch((error: unknown) => {
        this.logger.warn(`Listing scan results of ${zone.name} failed: ${errorText(error)}`);
        return [] as readonly DnsRecord[];
      }),
      this.loadPage(zone, state, 1),
    ]);
    state.scanned = scanned;
    return state;
  }

  private async loadPage(zone: Zone, state: ZoneRecords, page: number): Promise<void> {
    const client = await this.session.client();
    const perPage = readSettings().recordsPageSize;
    const result = await client.listRecords(zone.id, listQueryOf(this.viewQuery, page, perPage));
    state.records.push(...result.items);
    state.pagesLoaded = page;
    const total = result.resultInfo?.total_count;
    state.total =
      typeof total === 'number'
        ? total
        : result.items.length < perPage
          ? state.records.length
          : state.records.length + 1;
  }

  private async loadZones(): Promise<ZoneNode[]> {
    const client = await this.session.client();
    const filter = readSettings().zoneFilter;
    const zones: Zone[] = [];
    for await (const zone of client.iterateZones(filter === '' ? {} : { name: `contains:${filter}` })) zones.push(zone);
    zones.sort((a, b) => a.name.localeCompare(b.name));
    const nodes: ZoneNode[] = zones.map((zone) => ({ kind: 'zone', zone }));
    // A few usage calls at a time: an account with hundreds of zones must not burst past the rate limit.
    const queue = [...nodes];
    const worker = async (): Promise<void> => {
      for (let node = queue.shift(); node !== undefined; node = queue.shift()) {
        try {
          node.usage = await client.usage(node.zone.id);
        } catch (error) {
          this.logger.warn(`Record usage of ${node.zone.name} is unavailable: ${errorText(error)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(6, nodes.length) }, worker));
    return nodes;
  }

  /** A one-line description of the active filter, for the view's description. */
  describeQuery(): string {
    return describeViewQuery(this.viewQuery);
  }
}

/** Name nodes for the live groups, with the missing records at their names (new names sorted in when `sort`). */
function nameNodes(
  zone: ZoneNode,
  groups: readonly [string, DnsRecord[]][],
  missing: readonly DesiredRecord[],
  sort: boolean,
): NameNode[] {
  const missingByName = new Map<string, DesiredRecord[]>();
  for (const record of missing) missingByName.set(record.name, [...(missingByName.get(record.name) ?? []), record]);
  const nodes: NameNode[] = groups.map(([name, records]) => {
    const atName = missingByName.get(name) ?? [];
    missingByName.delete(name);
    return { kind: 'name', zone, name, records, missing: atName };
  });
  for (const [name, records] of missingByName) nodes.push({ kind: 'name', zone, name, records: [], missing: records });
  if (!sort) return nodes;
  const apex = zone.zone.name.toLowerCase();
  return nodes.sort((a, b) => (a.name === apex ? -1 : b.name === apex ? 1 : a.name.localeCompare(b.name)));
}

function fileNameOf(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function zoneItem(node: ZoneNode, linked: ReturnType<DriftSource['linkedFile']>): vscode.TreeItem {
  const item = new vscode.TreeItem(node.zone.name, vscode.TreeItemCollapsibleState.Collapsed);
  if (linked !== undefined)
    item.resourceUri = driftUri({
      zoneId: node.zone.id,
      count: driftCount(linked.state.drift),
      file: fileNameOf(linked.uri),
    });
  const plan = node.zone.plan.name ?? 'unknown plan';
  const usage = node.usage === undefined ? '' : ` · ${formatUsage(node.usage.record_usage, node.usage.record_quota)}`;
  item.description = `${plan}${usage}`;
  item.iconPath = new vscode.ThemeIcon('globe');
  item.contextValue = 'zone';
  item.tooltip = new vscode.MarkdownString(
    [
      `**${node.zone.name}**`,
      '',
      `Plan: ${plan}`,
      '',
      `Status: ${node.zone.status ?? 'unknown'}`,
      '',
      node.usage === undefined
        ? 'Records: unknown'
        : `Records: ${formatUsage(node.usage.record_usage, node.usage.record_quota)}`,
      '',
      `Zone ID: \`${node.zone.id}\``,
    ].join('\n'),
  );
  return item;
}

function nameItem(node: NameNode): vscode.TreeItem {
  const item = new vscode.TreeItem(
    relativeOwner(node.name, node.zone.zone.name),
    vscode.TreeItemCollapsibleState.Expanded,
  );
  const types = [...new Set([...node.records, ...node.missing].map((record) => record.type))].join(', ');
  item.description = types;
  item.tooltip = node.name;
  item.iconPath = new vscode.ThemeIcon('symbol-namespace');
  item.contextValue = 'name';
  return item;
}

function recordItem(
  node: RecordNode | ScannedRecordNode,
  contextValue: string,
  drift?: { kind: DriftKind; file: string },
): vscode.TreeItem {
  const record = node.record;
  const item = new vscode.TreeItem(recordLabel(record, recordRdata(record)), vscode.TreeItemCollapsibleState.None);
  item.description = recordDescription(record);
  const icon = contextValue === 'scannedRecord' ? 'question' : recordIcon(record);
  item.iconPath = new vscode.ThemeIcon(icon, icon === 'cloud' ? new vscode.ThemeColor('charts.orange') : undefined);
  const tooltip = recordTooltip(record);
  item.tooltip = new vscode.MarkdownString(drift === undefined ? tooltip : `${tooltip}\n\n${driftTooltip(drift)}`);
  if (drift !== undefined)
    item.resourceUri = driftUri({ zoneId: node.zone.zone.id, kind: drift.kind, id: record.id, file: drift.file });
  item.contextValue = contextValue;
  item.command = { command: 'zoneRecords.showRecordDetails', title: 'Show Record Details', arguments: [node] };
  return item;
}

function driftTooltip(drift: { kind: DriftKind; file: string }): string {
  return drift.kind === 'cloudflare-only'
    ? `_Created in Cloudflare: not in ${drift.file} (a sync deletes it)_`
    : `_Changed in Cloudflare: differs from ${drift.file} (a sync updates it)_`;
}

/** A record of the linked file that Cloudflare lacks: shown in its place, opening the file at its line. */
function missingItem(node: MissingRecordNode): vscode.TreeItem {
  const record = node.record;
  const item = new vscode.TreeItem(recordLabel(record, record.display), vscode.TreeItemCollapsibleState.None);
  item.description = 'not in Cloudflare';
  item.iconPath = new vscode.ThemeIcon(recordIcon(record), new vscode.ThemeColor('disabledForeground'));
  const fileName = node.file.slice(node.file.lastIndexOf('/') + 1);
  item.tooltip = new vscode.MarkdownString(
    `**${record.type}** \`${record.name}\`\n\nContent: \`${record.display}\`\n\n_Missing from Cloudflare: in ${fileName}${record.line === undefined ? '' : ` line ${record.line + 1}`} (a sync creates it)_`,
  );
  item.resourceUri = driftUri({
    zoneId: node.zone.zone.id,
    kind: 'missing',
    id: `${record.line ?? 0}`,
    file: fileName,
  });
  item.contextValue = 'missingRecord';
  if (node.file !== '') {
    const line = record.line ?? 0;
    item.command = {
      command: 'vscode.open',
      title: 'Open in the Zone File',
      arguments: [vscode.Uri.parse(node.file), { selection: new vscode.Range(line, 0, line, 0) }],
    };
  }
  return item;
}

function recordContext(record: DnsRecord): string {
  return record.proxiable ? 'record.proxiable' : 'record';
}

function moreItem(node: MoreNode): vscode.TreeItem {
  const total = node.total === undefined ? '' : ` of ${node.total.toLocaleString('en-US')}`;
  const item = new vscode.TreeItem(`Load more… (${node.loaded.toLocaleString('en-US')}${total} loaded)`);
  item.iconPath = new vscode.ThemeIcon('ellipsis');
  item.contextValue = 'more';
  item.command = { command: 'zoneRecords.loadMore', title: 'Load More Records', arguments: [node.zone] };
  return item;
}

function messageItem(node: MessageNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.text);
  item.iconPath = new vscode.ThemeIcon(node.icon);
  item.tooltip = node.tooltip ?? node.text;
  item.contextValue = 'message';
  if (node.command) item.command = { command: node.command, title: node.text };
  return item;
}

function message(text: string, icon: string, command?: string): MessageNode {
  return { kind: 'message', text, icon, ...(command === undefined ? {} : { command }) };
}
