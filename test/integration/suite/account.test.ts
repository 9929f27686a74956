import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CredentialCheck } from '../../../client/src/commands/account';
import { extensionApi, testEnv, waitFor } from '../helpers';

describe('account: credentials in SecretStorage', () => {
  it('shows no zones (the welcome view) before credentials are set', async () => {
    const api = await extensionApi();
    assert.deepEqual(await api.tree.getChildren(), []);
  });

  it('saves a wrong token but says Cloudflare rejected it', async () => {
    const check = await vscode.commands.executeCommand<CredentialCheck>('zoneRecords.setToken', 'not-the-right-token');
    assert.equal(check.saved, true);
    assert.equal(check.verified, false);
    assert.match(check.message, /did not accept/);
  });

  it('verifies and saves the right token', async () => {
    const check = await vscode.commands.executeCommand<CredentialCheck>('zoneRecords.setToken', testEnv.token);
    assert.deepEqual([check.saved, check.verified], [true, true]);
    assert.match(check.message, /valid and active/);
    const verify = await vscode.commands.executeCommand<CredentialCheck>('zoneRecords.verifyToken');
    assert.equal(verify.verified, true);
  });

  it('an email + global key the API does not know is reported, then clearing removes every credential', async () => {
    const check = await vscode.commands.executeCommand<CredentialCheck>('zoneRecords.setGlobalKey', {
      email: 'someone@example.com',
      key: 'a-global-key-the-emulator-does-not-know',
    });
    assert.equal(check.verified, false);
    await vscode.commands.executeCommand('zoneRecords.clearToken');
    const api = await extensionApi();
    assert.deepEqual(await api.tree.getChildren(), []);
    const verify = await vscode.commands.executeCommand<CredentialCheck>('zoneRecords.verifyToken');
    assert.equal(verify.saved, false);
  });

  it('sets the token again for the other tests and lists both zones', async () => {
    await vscode.commands.executeCommand('zoneRecords.setToken', testEnv.token);
    const api = await extensionApi();
    const zones = await api.tree.getChildren();
    const names = zones.map((node) => (node.kind === 'zone' ? node.zone.name : node.kind));
    assert.deepEqual(names, ['example.com', 'example.org']);
    const item = api.tree.getTreeItem(zones[0]);
    assert.match(String(item.description), /^Free.* · 0 \/ [\d,]+$/);
    assert.equal(item.contextValue, 'zone');
  });

  it('shows only the zones the zone filter setting matches', async () => {
    const api = await extensionApi();
    const zoneNames = async (): Promise<string[]> =>
      (await api.tree.getChildren()).map((node) => (node.kind === 'zone' ? node.zone.name : node.kind));
    const settings = vscode.workspace.getConfiguration('zoneRecords');
    await settings.update('zoneFilter', '.org', vscode.ConfigurationTarget.Global);
    try {
      await waitFor('only example.org', async () => (await zoneNames()).join() === 'example.org');
    } finally {
      await settings.update('zoneFilter', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor('both zones again', async () => (await zoneNames()).join() === 'example.com,example.org');
  });
});
