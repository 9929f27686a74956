import * as vscode from 'vscode';
import { formatRequestLogEntry, type BudgetSnapshot, type RequestLogEntry } from '../../cloudflare/src/index';
import { redact } from './text/logText';

/**
 * The "Zone Records" log channel. Requests are logged by method, path, status and time only (the client's log
 * hook never sees headers); as a second line of defence every message is scrubbed of the stored secrets.
 */
export class Logger implements vscode.Disposable {
  readonly channel: vscode.LogOutputChannel;
  private secrets: readonly string[] = [];
  /** The newest lines, for the integration tests' check that no secret is logged. */
  private readonly recent: string[] = [];
  private readonly budgetReported = new vscode.EventEmitter<BudgetSnapshot>();
  /** Fires with the rate budget each logged answer reported (for the status bar). */
  readonly onBudget = this.budgetReported.event;

  constructor(name = 'Zone Records') {
    this.channel = vscode.window.createOutputChannel(name, { log: true });
  }

  /** Values that must never appear in the log. */
  setSecrets(values: readonly string[]): void {
    this.secrets = values;
  }

  info(message: string): void {
    this.channel.info(this.keep(message));
  }

  warn(message: string): void {
    this.channel.warn(this.keep(message));
  }

  error(message: string): void {
    this.channel.error(this.keep(message));
  }

  request(entry: RequestLogEntry): void {
    const line = formatRequestLogEntry(entry);
    if (entry.outcome === 'ok') this.channel.info(this.keep(line));
    else this.channel.warn(this.keep(line));
    if (entry.budget !== undefined) this.budgetReported.fire(entry.budget);
  }

  recentLines(): readonly string[] {
    return this.recent;
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.budgetReported.dispose();
    this.channel.dispose();
  }

  private keep(message: string): string {
    const safe = redact(message, this.secrets);
    this.recent.push(safe);
    if (this.recent.length > 2000) this.recent.splice(0, this.recent.length - 2000);
    return safe;
  }
}
