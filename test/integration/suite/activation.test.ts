import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { extensionApi } from '../helpers';

describe('activation', () => {
  it('activates the extension', async () => {
    const extension = vscode.extensions.getExtension('zone-records.zone-records');
    assert.ok(extension, 'the extension under development is loaded');
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('registers every command that package.json declares, and no other', async () => {
    const extension = vscode.extensions.getExtension('zone-records.zone-records');
    assert.ok(extension);
    const manifest = JSON.parse(readFileSync(path.join(extension.extensionPath, 'package.json'), 'utf8')) as {
      contributes: { commands: { command: string }[] };
    };
    const declared = manifest.contributes.commands.map((command) => command.command).sort();
    // VS Code adds `zoneRecords.records.focus` and the like for the view itself.
    const registered = (await vscode.commands.getCommands(true))
      .filter((id) => id.startsWith('zoneRecords.') && !id.startsWith('zoneRecords.records.'))
      .sort();
    assert.deepEqual(registered, declared);
  });

  it('starts the language server', async () => {
    const api = await extensionApi();
    const deadline = Date.now() + 20_000;
    while (api.languageClient() === undefined && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(api.languageClient()?.isRunning(), true);
  });
});
