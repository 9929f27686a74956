import * as vscode from 'vscode';
import { MissingCredentialsError } from './api';
import { CloudflareError } from '../../cloudflare/src/index';
import type { Logger } from './log';

/** A failure the user caused or can fix, with the message to show as it is (no "Cloudflare" prefix). */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/**
 * Shows a failed action: what was being done, Cloudflare's code and message when there is one (the client's
 * errors carry them, with a hint), and a next step as a button. Never shows a stack trace; the log keeps it.
 */
export async function showError(logger: Logger, action: string, error: unknown): Promise<void> {
  if (error instanceof UserError) {
    logger.warn(`${action}: ${error.message}`);
  }
  const message = errorText(error);
  if (!(error instanceof UserError)) logger.error(`${action} failed: ${message}`);
  if (error instanceof Error && !(error instanceof CloudflareError) && !(error instanceof UserError)) {
    if (!(error instanceof MissingCredentialsError) && error.stack) logger.error(error.stack);
  }
  const actions = nextSteps(error);
  const choice = await vscode.window.showErrorMessage(`${action} failed: ${message}`, ...actions.map((a) => a.title));
  const chosen = actions.find((a) => a.title === choice);
  if (chosen) await vscode.commands.executeCommand(chosen.command);
}

/** The message of any thrown value. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

function nextSteps(error: unknown): { title: string; command: string }[] {
  const kind = error instanceof CloudflareError ? error.kind : undefined;
  if (error instanceof MissingCredentialsError || kind === 'auth') {
    return [
      { title: 'Set API Token', command: 'zoneRecords.setToken' },
      { title: 'Show Log', command: 'zoneRecords.showLog' },
    ];
  }
  if (kind === 'not-found') return [{ title: 'Refresh', command: 'zoneRecords.refresh' }, logStep];
  if (kind === 'config') return [{ title: 'Open Settings', command: 'zoneRecords.openSettings' }, logStep];
  return [logStep];
}

const logStep = { title: 'Show Log', command: 'zoneRecords.showLog' };
