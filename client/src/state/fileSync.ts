import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DnsRecord, Plan, Zone } from '../../../cloudflare/src/index';
import { summarizePlan } from '../../../cloudflare/src/index';
import { cloudflareZoneNameOf } from '../../../core/src/index';
import { MissingCredentialsError } from '../api';
import type { CommandContext } from '../commands/context';
import { readSettings, section } from '../config';
import { errorText, UserError } from '../errors';
import type { SyncProblem, SyncStatus } from '../text/syncStatusText';
import { linksFileName } from '../text/zoneLinks';
import { ZoneFileError, type ZoneSource } from '../zoneFile';
import { driftOf, type ZoneDrift } from './drift';
import { planZoneFile } from './planFile';
import { languageId } from '../../../protocol/src/index';

/** A file's sync state, with what the tree needs when it was planned. */
export type FileSyncState =
  | Exclude<SyncStatus, { kind: 'planned' }>
  | (Extract<SyncStatus, { kind: 'planned' }> & {
      readonly zoneInfo: Zone;
      readonly plan: Plan;
      readonly liveRecords: readonly DnsRecord[];
      readonly drift: ZoneDrift;
    });

/** The zone files the tracker looks at without them being open (the explorer's badges), at most this many. */
const workspaceFileLimit = 50;
const zoneFileGlob = '**/{*.zone,*.dns,*.bind,db.*}';

/**
 * Keeps the sync state of the zone files in the workspace and the open ones: each planned against its live zone
 * with one list of records, on open and save, when records change through the extension, and on a timer.
 */
export class FileSyncTracker implements vscode.Disposable {
  private readonly states = new Map<string, { uri: vscode.Uri; state: FileSyncState }>();
  private readonly changed = new vscode.EventEmitter<readonly vscode.Uri[]>();
  /** Fires with the files whose state changed. */
  readonly onDidChange = this.changed.event;
  private workspaceFiles: vscode.Uri[] = [];
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;
  private queue: Promise<void> = Promise.resolve();
  private allQueued: Promise<void> | undefined;

  constructor(private readonly context: Pick<CommandContext, 'session' | 'tree' | 'logger'>) {
    const isZoneFile = (document: vscode.TextDocument): boolean =>
      document.languageId === languageId && (document.uri.scheme === 'file' || document.uri.scheme === 'untitled');
    this.subscriptions.push(
      this.changed,
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (path.basename(document.uri.path) === linksFileName) void this.refresh();
        else if (isZoneFile(document)) void this.refresh([document.uri]);
      }),
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (isZoneFile(document) && !this.states.has(document.uri.toString())) void this.refresh([document.uri]);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (!this.workspaceFiles.some((uri) => uri.toString() === document.uri.toString())) this.forget(document.uri);
      }),
      vscode.workspace.onDidCreateFiles(() => void this.rescan()),
      vscode.workspace.onDidDeleteFiles(() => void this.rescan()),
      vscode.workspace.onDidRenameFiles(() => void this.rescan()),
      context.tree.onDidRefresh(() => void this.refresh()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${section}.syncCheckSeconds`)) this.startTimer();
        if (event.affectsConfiguration(`${section}.zoneFiles`) || event.affectsConfiguration(`${section}.lint`)) {
          void this.refresh();
        }
      }),
    );
    this.startTimer();
    void this.rescan();
  }

  /** The state of a file, undefined when it is not tracked. */
  state(uri: vscode.Uri): FileSyncState | undefined {
    return this.states.get(uri.toString())?.state;
  }

  /** The first zone file on disk planned against this zone, with its drift. */
  linkedFile(zoneId: string): { uri: vscode.Uri; state: Extract<FileSyncState, { kind: 'planned' }> } | undefined {
    for (const { uri, state } of this.states.values()) {
      if (uri.scheme === 'file' && state.kind === 'planned' && state.zoneInfo.id === zoneId) return { uri, state };
    }
    return undefined;
  }

  /** The zones the tracked files name (planned or not), sorted. */
  zoneNames(): string[] {
    const names = new Set<string>();
    for (const { state } of this.states.values()) if (state.zone !== undefined) names.add(state.zone);
    return [...names].sort();
  }

  /** Checks the given files again (default: every tracked file); resolves when done. */
  refresh(uris?: readonly vscode.Uri[]): Promise<void> {
    if (uris === undefined) {
      // Requests for all files while one waits in the queue are the same request.
      this.allQueued ??= this.enqueue(() => {
        this.allQueued = undefined;
        return this.check(this.tracked());
      });
      return this.allQueued;
    }
    return this.enqueue(() => this.check(uris));
  }

  dispose(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(work, work);
    return this.queue;
  }

  private tracked(): vscode.Uri[] {
    const uris = new Map(this.workspaceFiles.map((uri) => [uri.toString(), uri]));
    for (const document of vscode.workspace.textDocuments) {
      if (document.languageId === languageId && ['file', 'untitled'].includes(document.uri.scheme)) {
        uris.set(document.uri.toString(), document.uri);
      }
    }
    return [...uris.values()];
  }

  private async rescan(): Promise<void> {
    try {
      this.workspaceFiles = await vscode.workspace.findFiles(
        zoneFileGlob,
        '**/{node_modules,.git}/**',
        workspaceFileLimit,
      );
    } catch (error) {
      this.context.logger.warn(`Looking for zone files in the workspace failed: ${errorText(error)}`);
    }
    for (const { uri } of [...this.states.values()]) {
      if (!this.tracked().some((tracked) => tracked.toString() === uri.toString())) this.forget(uri);
    }
    await this.refresh();
  }

  private startTimer(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    const seconds = readSettings().syncCheckSeconds;
    if (seconds > 0) this.timer = setInterval(() => void this.refresh(), seconds * 1000);
  }

  private forget(uri: vscode.Uri): void {
    if (this.states.delete(uri.toString())) this.changed.fire([uri]);
  }

  private async check(uris: readonly vscode.Uri[]): Promise<void> {
    if (uris.length === 0) return;
    const hasCredentials = await this.context.session.hasCredentials();
    const changed: vscode.Uri[] = [];
    for (const uri of uris) {
      const source = await sourceOf(uri);
      if (source === undefined) {
        if (this.states.delete(uri.toString())) changed.push(uri);
        continue;
      }
      if (!this.states.has(uri.toString())) {
        this.states.set(uri.toString(), { uri, state: { kind: 'checking' } });
      }
      const state = await this.plan(source, hasCredentials);
      this.states.set(uri.toString(), { uri, state });
      changed.push(uri);
    }
    if (changed.length > 0) this.changed.fire(changed);
  }

  private async plan(source: ZoneSource, hasCredentials: boolean): Promise<FileSyncState> {
    // For the problems' texts: the zone the file names, when it names one ($ORIGIN and SOA come first).
    const named = cloudflareZoneNameOf(source.getText().slice(0, 20_000), source.uri.path);
    const problem = (reason: SyncProblem, message: string, errorCount = 0): FileSyncState => ({
      kind: 'problem',
      reason,
      message,
      errorCount,
      ...(named === undefined ? {} : { zone: named }),
    });
    if (!hasCredentials) return problem('no-credentials', 'No Cloudflare credentials');
    try {
      const planned = await planZoneFile(this.context, source);
      return {
        kind: 'planned',
        zone: planned.zone.name,
        summary: summarizePlan(planned.plan),
        zoneInfo: planned.zone,
        plan: planned.plan,
        liveRecords: planned.liveRecords,
        drift: driftOf(planned.plan),
      };
    } catch (error) {
      if (error instanceof MissingCredentialsError) return problem('no-credentials', error.message);
      if (error instanceof ZoneFileError) {
        return problem(error.reason, error.message, error.errorCount);
      }
      if (error instanceof UserError) return problem('zone-not-found', error.message);
      this.context.logger.warn(
        `Comparing ${path.basename(source.uri.path)} with Cloudflare failed: ${errorText(error)}`,
      );
      return problem('failed', errorText(error));
    }
  }
}

/** The open document's text (unsaved edits count), else the file on disk; undefined when it is gone. */
async function sourceOf(uri: vscode.Uri): Promise<ZoneSource | undefined> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open !== undefined) return open;
  try {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    return { uri, getText: () => text };
  } catch {
    return undefined;
  }
}
