import * as vscode from 'vscode';
import { formatBudget, type BudgetSnapshot, type RecordUsage } from '../../cloudflare/src/index';
import { formatUsage } from './text/recordText';

/** The active zone and its record usage (`$(cloud) example.com 12 / 200`); a click shows the usage. */
export class ZoneStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'zoneRecords.activeZone',
    vscode.StatusBarAlignment.Left,
    10,
  );
  /** The API rate budget Cloudflare reported last (`$(dashboard) 1,180 / 1,200`), beside the zone. */
  private readonly budgetItem = vscode.window.createStatusBarItem(
    'zoneRecords.apiBudget',
    vscode.StatusBarAlignment.Left,
    9,
  );
  private zone: { name: string; id: string } | undefined;

  constructor() {
    this.item.name = 'Zone Records: active zone';
    this.item.command = 'zoneRecords.showUsage';
    this.budgetItem.name = 'Zone Records: API rate budget';
    this.budgetItem.command = 'zoneRecords.showLog';
  }

  /** Shows the requests left in Cloudflare's rate-limit window, as the last answer reported them. */
  showBudget(budget: BudgetSnapshot): void {
    const count = (value: number): string => value.toLocaleString('en-US');
    const of = budget.limit === undefined ? '' : ` / ${count(budget.limit)}`;
    this.budgetItem.text = `$(dashboard) ${count(budget.remaining)}${of}`;
    this.budgetItem.tooltip = `Cloudflare API: ${formatBudget(budget)}. Zone Records waits for the reset rather than exceed it.`;
    this.budgetItem.show();
  }

  /** The budget item's text, for the integration tests. */
  get budgetText(): string {
    return this.budgetItem.text;
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
    this.budgetItem.hide();
  }

  dispose(): void {
    this.item.dispose();
    this.budgetItem.dispose();
  }
}
