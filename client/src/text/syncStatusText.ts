/**
 * What a zone file shows about its sync with Cloudflare: the CodeLens on its first line and the status bar item of
 * the active editor. Pure, so the exact texts are unit-tested.
 */
import type { PlanSummary } from '../../../cloudflare/src/index';

/** The sync state of a file, as the texts need it. */
export type SyncStatus =
  | { readonly kind: 'checking'; readonly zone?: string }
  | { readonly kind: 'planned'; readonly zone: string; readonly summary: PlanSummary }
  | {
      readonly kind: 'problem';
      readonly reason: SyncProblem;
      readonly zone?: string;
      readonly message: string;
      readonly errorCount?: number;
    };

export type SyncProblem = 'no-credentials' | 'unknown-zone' | 'lint-errors' | 'zone-not-found' | 'failed';

/** One clickable piece of text; an empty command is plain text. */
export interface StatusAction {
  readonly title: string;
  readonly command: string;
  readonly tooltip?: string;
}

/** `3 to create, 1 to update` (only the kinds there are), or `in sync`. */
export function changesText(summary: PlanSummary): string {
  const parts = [
    summary.create > 0 ? `${summary.create} to create` : '',
    summary.update > 0 ? `${summary.update} to update` : '',
    summary.delete > 0 ? `${summary.delete} to delete` : '',
  ].filter((part) => part !== '');
  return parts.length === 0 ? 'in sync' : parts.join(', ');
}

export function changeCount(summary: PlanSummary): number {
  return summary.create + summary.update + summary.delete;
}

/** The CodeLens line: `example.com on Cloudflare · 3 to create, 1 to update | Plan Sync`, or what to do first. */
export function syncLenses(status: SyncStatus): StatusAction[] {
  switch (status.kind) {
    case 'checking':
      return [{ title: `${status.zone ?? 'Zone'} · checking Cloudflare…`, command: '' }];
    case 'planned': {
      const state: StatusAction = {
        title: `${status.zone} on Cloudflare · ${changesText(status.summary)}`,
        command: 'zoneRecords.planSync',
        tooltip: 'Show the difference between this file and the live zone',
      };
      if (changeCount(status.summary) === 0) return [state];
      return [
        state,
        { title: 'Plan Sync', command: 'zoneRecords.planSync', tooltip: 'Review the changes, then apply' },
      ];
    }
    case 'problem':
      return problemLenses(status);
  }
}

function problemLenses(status: Extract<SyncStatus, { kind: 'problem' }>): StatusAction[] {
  const zone = status.zone ?? 'This zone';
  switch (status.reason) {
    case 'no-credentials':
      return [
        { title: 'Connect to Cloudflare: Set API Token', command: 'zoneRecords.setToken' },
        { title: 'Try with the local emulator', command: 'zoneRecords.tryEmulator' },
      ];
    case 'unknown-zone':
      return [
        {
          title: 'Which zone is this? Link it to a zone',
          command: 'zoneRecords.linkZoneFile',
          tooltip: status.message,
        },
      ];
    case 'lint-errors': {
      const count = status.errorCount ?? 0;
      return [
        {
          title: `${zone} · ${count === 1 ? '1 lint error' : `${count} lint errors`} to fix before a sync`,
          command: 'workbench.actions.view.problems',
          tooltip: status.message,
        },
      ];
    }
    case 'zone-not-found':
      return [
        {
          title: `${zone} is not a zone these credentials see`,
          command: 'zoneRecords.linkZoneFile',
          tooltip: status.message,
        },
      ];
    case 'failed':
      return [
        {
          title: `${zone} · could not compare with Cloudflare`,
          command: 'zoneRecords.showLog',
          tooltip: status.message,
        },
      ];
  }
}

/** The status bar item of the active zone file: `$(cloud-upload) example.com: 4 to sync`, `$(check) example.com: in sync`. */
export function syncStatusBarText(status: SyncStatus): StatusAction {
  switch (status.kind) {
    case 'checking':
      return {
        title: `$(sync~spin) ${status.zone ?? 'zone file'}`,
        command: '',
        tooltip: 'Comparing with Cloudflare…',
      };
    case 'planned': {
      const count = changeCount(status.summary);
      return count === 0
        ? {
            title: `$(check) ${status.zone}: in sync`,
            command: 'zoneRecords.planSync',
            tooltip: 'The file matches the live zone',
          }
        : {
            title: `$(cloud-upload) ${status.zone}: ${count} to sync`,
            command: 'zoneRecords.planSync',
            tooltip: `${changesText(status.summary)}: click to plan the sync`,
          };
    }
    case 'problem': {
      const [first] = problemLenses(status);
      const icon = status.reason === 'no-credentials' ? '$(key)' : '$(warning)';
      return {
        title: `${icon} ${status.zone ?? 'zone file'}`,
        command: first?.command ?? '',
        tooltip: first?.title ?? status.message,
      };
    }
  }
}
