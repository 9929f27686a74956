import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  applyPlan,
  type ApplyReport,
  batchLimitOfPlan,
  type CloudflareClient,
  deleteGuardMessage,
  formatSummary,
  isEmptyPlan,
  isPaidPlan,
  type Plan,
  type PlanSummary,
  type PreflightProblem,
  preflightProblems,
  summarizePlan,
  type SyncApi,
  type Zone,
} from '../../../cloudflare/src/index';
import { readSettings } from '../config';
import { hasSeveralOrigins, liveInFileOrder } from '../text/fileOrderDiff';
import { syncDiffTexts } from '../text/syncDiff';
import { planZoneFile } from '../state/planFile';
import { zoneDocument } from '../zoneFile';
import type { CommandContext } from './context';

export interface SyncArgs {
  readonly uri?: vscode.Uri;
  /** The zone to sync with; defaults to the zone the file names. */
  readonly zone?: string;
  /**
   * The diff: `file` (the file itself against the live zone in its order and style) or `sorted` (both sides
   * normalised and sorted); default: the `zoneRecords.syncDiff` setting.
   */
  readonly view?: SyncDiffView;
}

export type SyncDiffView = 'file' | 'sorted';

export type ChangeKind = 'create' | 'update' | 'delete';

export interface ApplySyncArgs extends SyncArgs {
  /** Which kinds of change to apply (default: ask, all preselected). */
  readonly include?: readonly ChangeKind[];
  /**
   * For a plan that deletes more than the delete-confirmation threshold: `true` confirms, `false` refuses without
   * asking (nothing is sent), undefined asks.
   */
  readonly allowDeletes?: boolean;
}

interface PlannedSync {
  /** The zone file (the diff editor becomes the active editor, so later steps must not look there). */
  readonly uri: vscode.Uri;
  readonly zone: Zone;
  readonly client: CloudflareClient;
  readonly plan: Plan;
  readonly fileName: string;
  readonly diff: { live: vscode.Uri; local: vscode.Uri };
  readonly view: SyncDiffView;
  /** Records of the file Cloudflare would refuse: the apply then sends nothing and names them. */
  readonly preflight: readonly PreflightProblem[];
}

/** Plans the sync of a zone file and opens the diff (live zone ↔ file) with a summary. */
export async function planSync(
  context: CommandContext,
  target: SyncArgs | vscode.Uri = {},
): Promise<{ summary: PlanSummary; diff: { live: vscode.Uri; local: vscode.Uri } }> {
  // Menus on an editor pass its URI.
  const args: SyncArgs = target instanceof vscode.Uri ? { uri: target } : target;
  const planned = await plan(context, args);
  await openDiff(planned);
  const summary = summarizePlan(planned.plan);
  const text = isEmptyPlan(planned.plan)
    ? `${planned.fileName} and ${planned.zone.name} are in sync.`
    : `Sync ${planned.fileName} → ${planned.zone.name}: ${formatSummary(summary)}.`;
  context.logger.info(text);
  if (!isEmptyPlan(planned.plan)) {
    const other = planned.view === 'file' ? 'Sorted View' : 'File View';
    void vscode.window.showInformationMessage(`Zone Records: ${text}`, 'Apply…', other).then((choice) => {
      if (choice === 'Apply…') {
        void vscode.commands.executeCommand('zoneRecords.applySync', {
          uri: planned.uri,
          zone: planned.zone.name,
        });
      } else if (choice === other) {
        void vscode.commands.executeCommand('zoneRecords.planSync', {
          uri: planned.uri,
          zone: planned.zone.name,
          view: planned.view === 'file' ? 'sorted' : 'file',
        });
      }
    });
  } else {
    void vscode.window.showInformationMessage(`Zone Records: ${text}`);
  }
  return { summary, diff: planned.diff };
}

/**
 * Plans again (the live zone may have changed), lets the user skip creates, updates or deletes, asks before
 * many deletes, then applies chunk by chunk with progress; cancelling stops between chunks. The report says
 * exactly which chunks were applied.
 */
export async function applySync(
  context: CommandContext,
  target: ApplySyncArgs | vscode.Uri = {},
): Promise<ApplyReport | undefined> {
  const args: ApplySyncArgs = target instanceof vscode.Uri ? { uri: target } : target;
  const planned = await plan(context, args);
  const full = planned.plan;
  if (isEmptyPlan(full)) {
    void vscode.window.showInformationMessage(
      `Zone Records: ${planned.zone.name} already matches ${planned.fileName}.`,
    );
    return undefined;
  }
  // Changes excluded in the diff editor stay out; the kinds chosen next apply to the rest.
  const { plan: kept, left } = context.exclusions.filter(planned.uri, full);
  if (left > 0) context.logger.info(`Apply ${planned.fileName}: ${left} change(s) excluded in the diff stay out.`);
  if (isEmptyPlan(kept)) {
    void vscode.window.showInformationMessage(`Zone Records: every change to ${planned.zone.name} is excluded.`);
    return undefined;
  }
  const include = new Set(args.include ?? (await chooseKinds(kept)));
  if (include.size === 0) return undefined;
  const chosen: Plan = {
    ...kept,
    posts: include.has('create') ? kept.posts : [],
    patches: include.has('update') ? kept.patches : [],
    puts: include.has('update') ? kept.puts : [],
    deletes: include.has('delete') ? kept.deletes : [],
  };
  if (isEmptyPlan(chosen)) return undefined;
  let allowDeletes = args.allowDeletes === true;
  if (chosen.deletes.length > 0 && full.deleteGuard.exceeded && args.allowDeletes === undefined) {
    const answer = await vscode.window.showWarningMessage(
      `Delete ${chosen.deletes.length} records from ${planned.zone.name}?`,
      { modal: true, detail: deleteGuardMessage(full).replace(/ \(--allow-deletes[^)]*\)/, '') },
      'Delete and Apply',
    );
    if (answer !== 'Delete and Apply') return undefined;
    allowDeletes = true;
  }
  const settings = readSettings();
  const batchSize = settings.batchSize > 0 ? settings.batchSize : batchLimitOfPlan(planned.zone.plan);
  const report = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: `Applying ${planned.fileName} to ${planned.zone.name}`,
      cancellable: true,
    },
    async (progress, token) => {
      const abort = new AbortController();
      const subscription = token.onCancellationRequested(() => abort.abort());
      try {
        return await applyPlan(planned.client as unknown as SyncApi, planned.zone.id, chosen, {
          batchSize,
          allowDeletes,
          preflight: planned.preflight,
          signal: abort.signal,
          onChunk: (step) => {
            progress.report({
              increment:
                (100 * (step.chunk.deletes + step.chunk.patches + step.chunk.puts + step.chunk.posts)) /
                Math.max(1, step.totalChanges),
              message: `chunk ${step.index + 1} of ${step.total} applied (${step.appliedChanges} of ${step.totalChanges} changes)`,
            });
          },
        });
      } finally {
        subscription.dispose();
      }
    },
  );
  logReport(context, planned, report);
  if (report.status === 'applied') context.exclusions.clear(planned.uri);
  context.tree.refresh(planned.zone.id);
  // The planner's message names the CLI flag; here the confirmation is the modal question.
  const text = `Zone Records: ${planned.zone.name}: ${report.message.replace(/ \(--allow-deletes[^)]*\)/, '')}`;
  if (report.status === 'applied') void vscode.window.showInformationMessage(text);
  const planAgain = (choice: string | undefined): void => {
    if (choice === 'Plan Again') void vscode.commands.executeCommand('zoneRecords.planSync', { uri: planned.uri });
    if (choice === 'Show Log') void vscode.commands.executeCommand('zoneRecords.showLog');
  };
  if (report.status === 'cancelled') void vscode.window.showWarningMessage(text, 'Plan Again').then(planAgain);
  else if (report.status !== 'applied')
    void vscode.window.showErrorMessage(text, 'Plan Again', 'Show Log').then(planAgain);
  return report;
}

async function plan(context: CommandContext, args: SyncArgs): Promise<PlannedSync> {
  const document = await zoneDocument(args.uri);
  const fileName = path.basename(document.uri.path);
  const planned = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: `Reading the live zone of ${fileName}…` },
    () => planZoneFile(context, document, args.zone),
  );
  const { zone, plan: computed } = planned;
  const view = args.view ?? readSettings(document.uri).syncDiff;
  let diff: { live: vscode.Uri; local: vscode.Uri };
  if (view === 'file') {
    const live = liveInFileOrder(planned.file.text, planned.file.parsed, computed);
    diff = { live: context.documents.set(`/sync/live/${fileName}`, live), local: document.uri };
    context.exclusions.setDiff({
      file: document.uri,
      live: diff.live,
      plan: computed,
      severalOrigins: hasSeveralOrigins(planned.file.parsed),
    });
  } else {
    const texts = syncDiffTexts(zone.name, computed, planned.live, planned.file.desired);
    diff = {
      live: context.documents.set(`/sync/${zone.name} (live).zone`, texts.live),
      local: context.documents.set(`/sync/${fileName} (${zone.name}).zone`, texts.local),
    };
  }
  const preflight = preflightProblems(planned.file.desired, { freePlan: !isPaidPlan(zone.plan) });
  return { uri: document.uri, zone, client: planned.client, plan: computed, fileName, diff, view, preflight };
}

async function openDiff(planned: PlannedSync): Promise<void> {
  await vscode.commands.executeCommand(
    'vscode.diff',
    planned.diff.live,
    planned.diff.local,
    `${planned.zone.name} (live) ↔ ${planned.fileName}`,
    { preview: true },
  );
}

async function chooseKinds(plan: Plan): Promise<ChangeKind[]> {
  const summary = summarizePlan(plan);
  const items = (
    [
      { label: `Create ${summary.create} record(s)`, change: 'create', count: summary.create },
      { label: `Update ${summary.update} record(s)`, change: 'update', count: summary.update },
      { label: `Delete ${summary.delete} record(s)`, change: 'delete', count: summary.delete },
    ] as const
  )
    .filter((item) => item.count > 0)
    .map((item) => ({ ...item, picked: true }));
  const chosen = await vscode.window.showQuickPick(items, {
    title: 'Zone Records: apply which changes? (unpick to skip)',
    canPickMany: true,
    ignoreFocusOut: true,
  });
  return (chosen ?? []).map((item) => item.change);
}

function logReport(context: CommandContext, planned: PlannedSync, report: ApplyReport): void {
  context.logger.info(`Apply ${planned.fileName} → ${planned.zone.name}: ${report.status}. ${report.message}`);
  for (const chunk of report.chunks) {
    context.logger.info(
      `  chunk ${chunk.index + 1}: ${chunk.status} (${chunk.deletes} deletes, ${chunk.patches} patches, ` +
        `${chunk.puts} puts, ${chunk.posts} posts)`,
    );
  }
}
