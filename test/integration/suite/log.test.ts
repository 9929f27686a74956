import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, extensionApi, testEnv, waitFor } from '../helpers';

describe('log channel, refresh and settings', () => {
  after(closeAll);

  it('logs the API requests without the token', async () => {
    const api = await extensionApi();
    const lines = api.logLines();
    assert.ok(
      lines.some((line) => /^GET \/zones\?.* → 200 in \d+ ms/.test(line)),
      'requests are logged',
    );
    assert.ok(lines.some((line) => /^POST \/zones\/[0-9a-f]{32}\/dns_records\/batch → 200/.test(line)));
    assert.equal(lines.filter((line) => line.includes(testEnv.token)).length, 0);
  });

  it('refresh reloads the zones from the API', async () => {
    const api = await extensionApi();
    const before = api.logLines().length;
    await vscode.commands.executeCommand('zoneRecords.refresh');
    const zones = await api.tree.getChildren();
    assert.deepEqual(
      zones.map((node) => (node.kind === 'zone' ? node.zone.name : node.kind)),
      ['example.com', 'example.org'],
    );
    assert.ok(
      api
        .logLines()
        .slice(before)
        .some((line) => line.startsWith('GET /zones?')),
      'the zones were listed again',
    );
  });

  it('shows the log and opens the settings without failing', async () => {
    const api = await extensionApi();
    const failures = api.failures.length;
    await vscode.commands.executeCommand('zoneRecords.showLog');
    await vscode.commands.executeCommand('zoneRecords.openSettings');
    await waitFor('the settings editor', () =>
      /Settings/.test(vscode.window.tabGroups.activeTabGroup.activeTab?.label ?? ''),
    );
    assert.equal(api.failures.length, failures);
  });
});
