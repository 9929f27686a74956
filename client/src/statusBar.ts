import * as vscode from 'vscode';
import type { RecordUsage } from '../../cloudflare/src/index';
import { formatUsage } from './text/recordText';

/** The active zone and its record usage (`$(cloud) example.com 12 / 200`); a click shows the usage. */
export class ZoneStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'zoneRecords.activeZone',
    vscode.StatusBarAlignment.Left,
    10,
  );
  private zone: { name: string; id: string } | undefined;

  constructor() {
    this.item.name = 'Zone Records: active zone';
    this.item.command = 'zoneRecords.showUsage';
  }

  get activeZone(): { name: string; id: string } | undefined {
    return this.zone;
  }

  /** Shows a zone; `usage` undefined keeps the text without a count. */
  show(zone: { name: string; id: string }, usage: RecordUsage | undefined): void {
    this.zone = zone;
    const count = usage === undefined ? '' : ` ${formatUsage(usage.record_usage, usage.record_quota)}`;
    this.item.text = `$(cloud) ${zone.name}${count}`;
    this.item.tooltip = `Zone Records: ${zone.name}${usage === undefined ? '' : `, records used${count}`}. Click for the record usage.`;
    this.item.show();
  }

  /** The status bar's current text, for the integration tests. */
  get text(): string {
    return this.item.text;
  }

  hide(): void {
    this.zone = undefined;
    this.item.hide();
  }

  dispose(): void {
    this.item.dispose();
  }
}
