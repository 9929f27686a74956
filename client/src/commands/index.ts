import * as vscode from 'vscode';
import { showError } from '../errors';
import { clearCredentials, setGlobalKey, setToken, verifyCredentials } from './account';
import { handlerArguments } from './arguments';
import { Cancelled, type CommandContext } from './context';
import { excludeChange, linkZoneFile, stopEmulator, toggleDriftOnly, tryEmulator } from './editor';
import {
  copyRecordAsZoneLine,
  createRecord,
  deleteRecord,
  editRecord,
  quickUpdateRecord,
  showRecordDetails,
} from './records';
import { applySync, planSync } from './sync';
import { clearFilter, filterRecords, loadMore, openSettings, refresh, searchRecords, sortRecords } from './view';
import { exportZone, importZone, reviewScan, scanZone, showUsage, triggerScan } from './zone';

/* eslint-disable @typescript-eslint/no-explicit-any -- command arguments come untyped from VS Code */
type Handler = (context: CommandContext, ...args: any[]) => unknown;

/**
 * Every command: its id (without the `zoneRecords.` prefix), what a failure is reported as, and its handler.
 * package.json `contributes.commands` lists the same ids (a unit test checks both agree).
 */
export const commandTable: Readonly<Record<string, { readonly action: string; readonly run: Handler }>> = {
  setToken: { action: 'Setting the API token', run: setToken },
  setGlobalKey: { action: 'Setting the global API key', run: setGlobalKey },
  clearToken: { action: 'Clearing the credentials', run: clearCredentials },
  verifyToken: { action: 'Verifying the credentials', run: verifyCredentials },
  refresh: { action: 'Refreshing', run: refresh },
  filterRecords: { action: 'Filtering records', run: filterRecords },
  searchRecords: { action: 'Searching records', run: searchRecords },
  sortRecords: { action: 'Sorting records', run: sortRecords },
  clearFilter: { action: 'Clearing the filter', run: clearFilter },
  loadMore: { action: 'Loading more records', run: loadMore },
  showRecordDetails: { action: 'Showing the record', run: showRecordDetails },
  editRecord: { action: 'Editing the record', run: editRecord },
  quickUpdateRecord: { action: 'Updating the record', run: quickUpdateRecord },
  deleteRecord: { action: 'Deleting the record', run: deleteRecord },
  copyRecordAsZoneLine: { action: 'Copying the record', run: copyRecordAsZoneLine },
  createRecord: { action: 'Creating a record', run: createRecord },
  exportZone: { action: 'Exporting the zone', run: exportZone },
  importZone: { action: 'Importing the zone file', run: importZone },
  scanZone: { action: 'Scanning the zone', run: scanZone },
  triggerScan: { action: 'Starting a scan', run: triggerScan },
  reviewScan: { action: 'Reviewing scan results', run: reviewScan },
  showUsage: { action: 'Reading the record usage', run: showUsage },
  planSync: { action: 'Planning the sync', run: planSync },
  applySync: { action: 'Applying the sync', run: applySync },
  showLog: { action: 'Showing the log', run: (context) => context.logger.show() },
  openSettings: { action: 'Opening the settings', run: openSettings },
  toggleDriftOnly: { action: 'Showing only drift', run: toggleDriftOnly },
  linkZoneFile: { action: 'Linking the zone file', run: linkZoneFile },
  tryEmulator: { action: 'Starting the local emulator', run: tryEmulator },
  stopEmulator: { action: 'Stopping the local emulator', run: stopEmulator },
  excludeChange: { action: 'Excluding the change', run: excludeChange },
};
/* eslint-enable @typescript-eslint/no-explicit-any */

/** The messages of failed commands, newest last (the integration tests read them). */
export const failures: string[] = [];

/**
 * Registers every command. A command resolves to its result (tests use it); a failure is shown to the user
 * with a next step and resolves to undefined, a dismissed prompt resolves to undefined quietly.
 */
export function registerCommands(context: CommandContext): vscode.Disposable[] {
  return Object.entries(commandTable).map(([name, command]) =>
    vscode.commands.registerCommand(`zoneRecords.${name}`, async (...args: unknown[]) => {
      try {
        return await command.run(context, ...handlerArguments(args));
      } catch (error) {
        if (error instanceof Cancelled) return undefined;
        failures.push(`${command.action} failed: ${error instanceof Error ? error.message : String(error)}`);
        // Not awaited: the notification stays until dismissed, and the command is over.
        void showError(context.logger, command.action, error);
        return undefined;
      }
    }),
  );
}
