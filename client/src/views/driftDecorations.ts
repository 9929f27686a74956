import * as vscode from 'vscode';
import type { DriftKind } from '../state/drift';
import type { FileSyncTracker } from '../state/fileSync';
import { changeCount, changesText } from '../text/syncStatusText';

/** The scheme of the tree items' resource URIs that carry a drift decoration (never opened as documents). */
export const driftScheme = 'zone-records-drift';

/** What a decorated tree item is: a record with its drift, or a zone with the count of its drifted records. */
type DriftTarget =
  | { readonly zoneId: string; readonly kind: DriftKind; readonly id: string; readonly file: string }
  | { readonly zoneId: string; readonly count: number; readonly file: string };

/** The resource URI of a tree item whose decoration shows its drift. */
export function driftUri(target: DriftTarget): vscode.Uri {
  const what = 'kind' in target ? `${target.kind}/${target.id}` : `zone/${target.count}`;
  return vscode.Uri.from({
    scheme: driftScheme,
    path: `/${target.zoneId}/${what}`,
    query: new URLSearchParams({ file: target.file }).toString(),
  });
}

const recordDecorations: Readonly<Record<DriftKind, { badge: string; color: string; text: string }>> = {
  'cloudflare-only': {
    badge: 'C',
    color: 'gitDecoration.untrackedResourceForeground',
    text: 'Created in Cloudflare, not in',
  },
  changed: {
    badge: 'M',
    color: 'gitDecoration.modifiedResourceForeground',
    text: 'Changed in Cloudflare, differs from',
  },
  missing: { badge: '-', color: 'gitDecoration.deletedResourceForeground', text: 'Missing from Cloudflare, in' },
};

/**
 * Badges like Git's: on zone files in the explorer that differ from their live zone (the number of changes a sync
 * makes), and on the records and zones of the sidebar that differ from their linked file.
 */
export class DriftDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri | vscode.Uri[] | undefined>();
  readonly onDidChangeFileDecorations = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly tracker: FileSyncTracker) {
    // The tree's URIs are new on every redraw; the files' are the ones whose state changed.
    this.subscription = tracker.onDidChange((uris) => this.changed.fire([...uris]));
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme === driftScheme) return treeDecoration(uri);
    const state = this.tracker.state(uri);
    if (state?.kind !== 'planned') return undefined;
    const count = changeCount(state.summary);
    if (count === 0) return undefined;
    const decoration = new vscode.FileDecoration(
      count > 99 ? '99' : String(count),
      `${state.zone} on Cloudflare: ${changesText(state.summary)}`,
      new vscode.ThemeColor('gitDecoration.modifiedResourceForeground'),
    );
    decoration.propagate = false;
    return decoration;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function treeDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
  const [, , what, value] = uri.path.split('/');
  const file = new URLSearchParams(uri.query).get('file') ?? 'the zone file';
  if (what === 'zone') {
    const count = Number(value);
    if (!(count > 0)) return undefined;
    return new vscode.FileDecoration(
      count > 99 ? '99' : String(count),
      `${count} record(s) differ from ${file}`,
      new vscode.ThemeColor('gitDecoration.modifiedResourceForeground'),
    );
  }
  const decoration = recordDecorations[what as DriftKind];
  if (decoration === undefined) return undefined;
  return new vscode.FileDecoration(
    decoration.badge,
    `${decoration.text} ${file}`,
    new vscode.ThemeColor(decoration.color),
  );
}
