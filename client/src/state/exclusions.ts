import * as vscode from 'vscode';
import type { Plan } from '../../../cloudflare/src/index';
import { liveLine } from '../text/fileOrderDiff';

/** A change of a plan: a file record by its line (create, update), or a live record by its id (delete). */
type ChangeKey = `line:${number}` | `id:${string}`;

interface PlannedDiff {
  readonly file: vscode.Uri;
  readonly live: vscode.Uri;
  readonly plan: Plan;
  readonly severalOrigins: boolean;
}

/**
 * Changes the user excluded from the next apply, from the diff editor (either side, at the cursor). They hold
 * until the file changes (lines move) or an apply succeeds.
 */
export class SyncExclusions implements vscode.Disposable {
  private readonly excluded = new Map<string, Set<ChangeKey>>();
  private readonly diffs = new Map<string, PlannedDiff>();
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.subscription = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) this.clear(event.document.uri);
    });
  }

  /** Remembers the plan a diff shows, so that a line of either side names its change. */
  setDiff(diff: PlannedDiff): void {
    this.diffs.set(diff.file.toString(), diff);
    this.diffs.set(diff.live.toString(), diff);
  }

  /** Toggles the change at `line` of `uri` (the file or the live side); undefined when no change is there. */
  toggle(
    uri: vscode.Uri,
    line: number,
    lineText: string,
  ): { file: vscode.Uri; excluded: boolean; count: number } | undefined {
    const diff = this.diffs.get(uri.toString());
    if (diff === undefined) return undefined;
    const key = uri.toString() === diff.file.toString() ? fileChangeAt(diff.plan, line) : liveChangeAt(diff, lineText);
    if (key === undefined) return undefined;
    const set = this.excluded.get(diff.file.toString()) ?? new Set<ChangeKey>();
    const excluded = !set.delete(key);
    if (excluded) set.add(key);
    this.excluded.set(diff.file.toString(), set);
    return { file: diff.file, excluded, count: set.size };
  }

  /** The plan without the excluded changes of `file`, and how many were left out. */
  filter(file: vscode.Uri, plan: Plan): { plan: Plan; left: number } {
    const set = this.excluded.get(file.toString());
    if (set === undefined || set.size === 0) return { plan, left: 0 };
    const keep = (line: number | undefined): boolean => line === undefined || !set.has(`line:${line}`);
    const filtered: Plan = {
      ...plan,
      posts: plan.posts.filter((record) => keep(record.line)),
      patches: plan.patches.filter((update) => keep(update.desired.line)),
      puts: plan.puts.filter((update) => keep(update.desired.line)),
      deletes: plan.deletes.filter((record) => !set.has(`id:${record.id}`)),
    };
    const count = (p: Plan): number => p.posts.length + p.patches.length + p.puts.length + p.deletes.length;
    return { plan: filtered, left: count(plan) - count(filtered) };
  }

  clear(file: vscode.Uri): void {
    this.excluded.delete(file.toString());
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

function fileChangeAt(plan: Plan, line: number): ChangeKey | undefined {
  const lines = [...plan.posts, ...plan.patches.map((u) => u.desired), ...plan.puts.map((u) => u.desired)];
  return lines.some((record) => record.line === line) ? `line:${line}` : undefined;
}

/** On the live side only deletes have lines of their own; updates and creates are excluded from the file side. */
function liveChangeAt(diff: PlannedDiff, lineText: string): ChangeKey | undefined {
  const text = lineText.trim();
  const deleted = diff.plan.deletes.find((record) => liveLine(record, diff.plan.zone, diff.severalOrigins) === text);
  if (deleted !== undefined) return `id:${deleted.id}`;
  const updated = [...diff.plan.patches, ...diff.plan.puts].find(
    (update) => text.includes(update.live.display) && update.desired.line !== undefined,
  );
  return updated?.desired.line === undefined ? undefined : `line:${updated.desired.line}`;
}
