import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ApplyReport } from '../../../cloudflare/src/sync/apply';
import type { MissingRecordNode, NameNode, RecordNode, TreeNode, ZoneNode } from '../../../client/src/views/nodes';
import { createLiveRecord, liveRecords } from '../emulator';
import {
  closeAll,
  extensionApi,
  fixtureUri,
  openFixture,
  screenshot,
  testEnv,
  waitFor,
  widenSideBar,
} from '../helpers';

/** The titles of the CodeLenses VS Code shows on a document. */
async function lensTitles(uri: vscode.Uri): Promise<string[]> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
  return lenses.map((lens) => lens.command?.title ?? '');
}

async function waitForLenses(uri: vscode.Uri, expected: readonly string[]): Promise<void> {
  let last: string[] = [];
  await waitFor(`the CodeLens to read ${expected.join(' | ')} (last: ${last.join(' | ')})`, async () => {
    last = await lensTitles(uri);
    return last.join(' | ') === expected.join(' | ');
  });
}

async function zoneNode(name: string): Promise<ZoneNode> {
  const zone = await (await extensionApi()).tree.findZone(name);
  assert.ok(zone, `${name} is in the tree`);
  return zone;
}

async function nodesAt(zone: ZoneNode, name: string): Promise<TreeNode[]> {
  const api = await extensionApi();
  const group = (await api.tree.getChildren(zone)).find(
    (node): node is NameNode => node.kind === 'name' && node.name === name,
  );
  assert.ok(group, `${name} is in the tree`);
  return api.tree.getChildren(group);
}

async function badgeOf(uri: vscode.Uri | undefined): Promise<string | undefined> {
  assert.ok(uri, 'the item has a resource URI for its decoration');
  const decoration = (await extensionApi()).decorations.provideFileDecoration(uri);
  return decoration?.badge;
}

describe('editor: the sync state on the file, drift in the tree', () => {
  const uri = fixtureUri('example.org.zone');
  let strayId = '';
  after(async () => {
    // A failed test must not leave the later suites talking to the local emulator.
    await vscode.commands.executeCommand('zoneRecords.stopEmulator');
    await vscode.workspace.getConfiguration('zoneRecords').update('syncCheckSeconds', undefined, true);
    await closeAll();
  });

  it('shows the zone and its sync state above the first record, and in the status bar', async () => {
    // The sync tests left example.org equal to its file.
    await openFixture('example.org.zone');
    await waitForLenses(uri, ['example.org on Cloudflare · in sync']);
    const api = await extensionApi();
    await waitFor('the status bar to say in sync', () => api.syncStatus.text === '$(check) example.org: in sync');
  });

  it('notices a change made in Cloudflare on its timer (one list of records)', async () => {
    strayId = await createLiveRecord('example.org', {
      type: 'A',
      name: 'dash.example.org',
      content: '192.0.2.7',
      ttl: 300,
    });
    await vscode.workspace.getConfiguration('zoneRecords').update('syncCheckSeconds', 1, true);
    await waitForLenses(uri, ['example.org on Cloudflare · 1 to delete', 'Plan Sync']);
    await vscode.workspace.getConfiguration('zoneRecords').update('syncCheckSeconds', undefined, true);
    const api = await extensionApi();
    await waitFor('the status bar to count it', () => api.syncStatus.text === '$(cloud-upload) example.org: 1 to sync');
    assert.equal(await badgeOf(uri), '1', 'the explorer badge counts the changes');
  });

  it('counts an edit once the file is saved', async () => {
    const editor = await openFixture('example.org.zone');
    await editor.edit((edit) =>
      edit.insert(new vscode.Position(editor.document.lineCount, 0), 'new IN A 192.0.2.81\n'),
    );
    await editor.document.save();
    await waitForLenses(uri, ['example.org on Cloudflare · 1 to create, 1 to delete', 'Plan Sync']);
  });

  it('decorates drift in the tree: created in Cloudflare, missing from it', async () => {
    const api = await extensionApi();
    const zone = await zoneNode('example.org');
    assert.equal(await badgeOf(api.tree.getTreeItem(zone).resourceUri), '2');
    const stray = (await nodesAt(zone, 'dash.example.org')).find(
      (node): node is RecordNode => node.kind === 'record' && node.record.id === strayId,
    );
    assert.ok(stray, 'the record made in Cloudflare is in the tree');
    const strayItem = api.tree.getTreeItem(stray);
    assert.equal(strayItem.label, 'A 192.0.2.7');
    assert.equal(await badgeOf(strayItem.resourceUri), 'C');
    assert.match(
      (strayItem.tooltip as vscode.MarkdownString).value,
      /Created in Cloudflare: not in example\.org\.zone/,
    );
    const missing = (await nodesAt(zone, 'new.example.org')).find(
      (node): node is MissingRecordNode => node.kind === 'missingRecord',
    );
    assert.ok(missing, 'the record only the file has is in the tree');
    const missingItem = api.tree.getTreeItem(missing);
    assert.deepEqual([missingItem.label, missingItem.description], ['A 192.0.2.81', 'not in Cloudflare']);
    assert.equal(await badgeOf(missingItem.resourceUri), '-');
  });

  it('filters the tree to only the drift', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('zoneRecords.toggleDriftOnly', true);
    assert.equal(api.tree.describeQuery(), 'only drift');
    const zone = await zoneNode('example.org');
    const names = (await api.tree.getChildren(zone)).map((node) => (node.kind === 'name' ? node.name : node.kind));
    assert.deepEqual(names, ['dash.example.org', 'new.example.org']);
    await vscode.commands.executeCommand('workbench.view.extension.zoneRecords');
    await api.view.reveal(zone, { expand: 2 });
    await vscode.window.showTextDocument(uri, { preview: false });
    await widenSideBar();
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await screenshot('drift-and-codelens');
    await vscode.commands.executeCommand('zoneRecords.toggleDriftOnly', false);
    assert.equal(api.tree.describeQuery(), '');
  });

  it('applies from what the lens offers, and the file is in sync again', async () => {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const planSync = lenses.find((lens) => lens.command?.title === 'Plan Sync')?.command;
    assert.ok(planSync, 'the lens offers Plan Sync');
    await vscode.commands.executeCommand(planSync.command, ...((planSync.arguments ?? []) as unknown[]));
    const report = await vscode.commands.executeCommand<ApplyReport>('zoneRecords.applySync', {
      uri,
      include: ['create', 'update', 'delete'],
      allowDeletes: true,
    });
    assert.equal(report.status, 'applied');
    const names = (await liveRecords('example.org')).map((record) => record.name);
    assert.ok(names.includes('new.example.org') && !names.includes('dash.example.org'), names.join(', '));
    await waitForLenses(uri, ['example.org on Cloudflare · in sync']);
  });

  it('links a file its origin does not name to a zone, in .zone-records.json', async () => {
    const other = fixtureUri('records.zone');
    await vscode.workspace.fs.writeFile(other, new TextEncoder().encode('solo 300 IN A 192.0.2.200\n'));
    await vscode.window.showTextDocument(other);
    await waitForLenses(other, ['Which zone is this? Link it to a zone']);
    const link = await vscode.commands.executeCommand('zoneRecords.linkZoneFile', other, { zone: 'example.org' });
    assert.deepEqual(link, {
      pattern: 'records.zone',
      zone: 'example.org',
      zoneId: testEnv.zoneIds['example.org'],
    });
    const saved = JSON.parse(
      new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri('.zone-records.json'))),
    ) as { files: Record<string, unknown> };
    assert.deepEqual(saved.files['records.zone'], {
      zone: 'example.org',
      zoneId: testEnv.zoneIds['example.org'],
    });
    // Its one record is new; example.org's others are not in it.
    await waitForLenses(other, ['example.org on Cloudflare · 1 to create, 4 to delete', 'Plan Sync']);
    await vscode.workspace.fs.delete(other);
    await vscode.workspace.fs.delete(fixtureUri('.zone-records.json'));
  });

  it('excludes a change from the apply in the diff, and applies the rest', async () => {
    await createLiveRecord('example.org', { type: 'A', name: 'stray.example.org', content: '192.0.2.8', ttl: 300 });
    const editor = await openFixture('example.org.zone');
    const line = editor.document.lineCount - 1;
    await editor.edit((edit) => edit.insert(new vscode.Position(line, 0), 'later IN A 192.0.2.82\n'));
    await editor.document.save();
    const planned = await vscode.commands.executeCommand<{ summary: unknown }>('zoneRecords.planSync', { uri });
    assert.deepEqual(planned.summary, { create: 1, update: 0, delete: 1 });
    const excluded = await vscode.commands.executeCommand('zoneRecords.excludeChange', { uri, line });
    assert.deepEqual(excluded, { excluded: true, count: 1 });
    const report = await vscode.commands.executeCommand<ApplyReport>('zoneRecords.applySync', {
      uri,
      include: ['create', 'update', 'delete'],
      allowDeletes: true,
    });
    assert.equal(report.status, 'applied');
    assert.match(report.message, /0 created, 0 updated, 1 deleted/);
    const names = (await liveRecords('example.org')).map((record) => record.name);
    assert.ok(!names.includes('stray.example.org') && !names.includes('later.example.org'), names.join(', '));
    await waitForLenses(uri, ['example.org on Cloudflare · 1 to create', 'Plan Sync']);
  });

  it("reads the lint settings of the file's folder (resource scope)", async () => {
    const folderSettings = vscode.workspace.getConfiguration('zoneRecords', uri);
    // The BIND profile wants an SOA, which a Cloudflare zone file may leave out.
    await folderSettings.update('lint.profile', 'bind', vscode.ConfigurationTarget.WorkspaceFolder);
    try {
      await waitFor('the lens to count the lint errors', async () =>
        (await lensTitles(uri)).some((title) => /^example\.org · \d+ lint errors? to fix before a sync$/.test(title)),
      );
    } finally {
      await folderSettings.update('lint.profile', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    }
    await waitForLenses(uri, ['example.org on Cloudflare · 1 to create', 'Plan Sync']);
  });

  it('opens the getting-started walkthrough', async () => {
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand(
      'workbench.action.openWalkthrough',
      'zone-records.zone-records#gettingStarted',
      false,
    );
    await waitFor('the walkthrough to open', () =>
      /Welcome|Walkthrough/i.test(vscode.window.tabGroups.activeTabGroup.activeTab?.label ?? ''),
    );
    await screenshot('walkthrough');
    await closeAll();
  });

  it('tries the local emulator from inside VS Code: sync, import with proxying, stop', async () => {
    const api = await extensionApi();
    const started = await vscode.commands.executeCommand<{ url: string; zones: string[] }>('zoneRecords.tryEmulator', {
      persist: false,
      zones: ['example.net'],
    });
    assert.deepEqual(started.zones, ['example.net']);
    assert.notEqual(new URL(started.url).port, new URL(testEnv.apiUrl).port);
    await waitFor('the tree to show the local zone', async () => {
      const zones = await api.tree.zoneNodes();
      return zones.map((zone) => zone.zone.name).join() === 'example.net';
    });
    const file = fixtureUri('example.net.zone');
    await vscode.workspace.fs.writeFile(
      file,
      new TextEncoder().encode('$ORIGIN example.net.\n$TTL 300\n@ IN A 192.0.2.1\nwww IN CNAME example.net.\n'),
    );
    await vscode.window.showTextDocument(file);
    await waitForLenses(file, ['example.net on Cloudflare · 2 to create', 'Plan Sync']);
    const report = await vscode.commands.executeCommand<ApplyReport>('zoneRecords.applySync', {
      uri: file,
      include: ['create'],
    });
    assert.equal(report.status, 'applied');
    await waitForLenses(file, ['example.net on Cloudflare · in sync']);
    // Import asks, as the dashboard does, whether to proxy the imported records (the first answer: yes).
    const importFile = fixtureUri('import.zone');
    await vscode.workspace.fs.writeFile(
      importFile,
      new TextEncoder().encode('$ORIGIN example.net.\n$TTL 300\napi IN A 192.0.2.9\n'),
    );
    const failures = (await extensionApi()).failures;
    const failuresBefore = failures.length;
    let settled = false;
    const importing = vscode.commands
      .executeCommand('zoneRecords.importZone', { uri: importFile, acceptWarnings: true })
      .then(() => (settled = true));
    await waitFor('the proxy question to be answered', async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await new Promise((resolve) => setTimeout(resolve, 200));
      return settled;
    });
    await importing;
    assert.deepEqual(failures.slice(failuresBefore), [], 'the import went through');
    const imported = await waitFor('the imported record in the tree', async () => {
      const zone = await zoneNode('example.net');
      const names = await (await extensionApi()).tree.getChildren(zone);
      if (!names.some((node) => node.kind === 'name' && node.name === 'api.example.net')) return undefined;
      return (await nodesAt(zone, 'api.example.net')).find((node): node is RecordNode => node.kind === 'record');
    });
    assert.equal(imported.record.proxied, true, 'the imported record is proxied');
    await vscode.workspace.fs.delete(importFile);
    await vscode.commands.executeCommand('zoneRecords.stopEmulator');
    await waitFor('the tree to show the test emulator again', async () => {
      const zones = await api.tree.zoneNodes();
      return zones.map((zone) => zone.zone.name).join() === 'example.com,example.org';
    });
    await closeAll();
    await vscode.workspace.fs.delete(file);
  });
});
