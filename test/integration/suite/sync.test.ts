import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ApplyReport } from '../../../cloudflare/src/sync/apply';
import type { PlanSummary } from '../../../cloudflare/src/sync/plan-types';
import { closeAll, extensionApi, fixtureUri, screenshot, widenSideBar } from '../helpers';

type PlanResult = { summary: PlanSummary; diff: { live: vscode.Uri; local: vscode.Uri } };

describe('sync: plan in the diff editor, apply by chunks', () => {
  const uri = fixtureUri('example.org.zone');
  after(closeAll);

  it('plans the sync and opens the diff: the file itself against the live zone in its order, or both sorted', async () => {
    // The live zone differs from the file in every way: a record to update, one to delete, two to create.
    for (const [name, rdata, ttl] of [
      ['@', '192.0.2.80', 600],
      ['old', '192.0.2.90', 300],
    ] as const) {
      const created = await vscode.commands.executeCommand('zoneRecords.createRecord', 'example.org', {
        type: 'A',
        name,
        rdata,
        ttl,
        proxied: false,
        comment: '',
      });
      assert.ok(created, `A ${name} was created`);
    }
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.window.showTextDocument(uri);
    // As the editor title menu calls it: with the editor's URI.
    const result = await vscode.commands.executeCommand<PlanResult>('zoneRecords.planSync', uri);
    assert.deepEqual(result.summary, { create: 2, update: 1, delete: 1 });
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab?.input instanceof vscode.TabInputTextDiff, 'a diff editor is active');
    assert.equal(tab.input.original.toString(), result.diff.live.toString());
    // The right side is the file itself, with its comments; the left is the live zone in the file's order.
    assert.equal(tab.input.modified.toString(), uri.toString());
    const live = (await vscode.workspace.openTextDocument(result.diff.live)).getText();
    assert.equal(
      live,
      [
        "; Synced to the emulator's (empty) example.org by the integration tests.",
        '$ORIGIN example.org.',
        '$TTL 300',
        '@       600 IN A     192.0.2.80',
        'old 300 IN A 192.0.2.90 ; cf_tags=cf-proxied:false',
        '',
      ].join('\n'),
    );
    await vscode.commands.executeCommand('workbench.actions.treeView.zoneRecords.records.collapseAll');
    await widenSideBar();
    await screenshot('sync-diff');
    // The other view: both sides normalised and sorted.
    const sorted = await vscode.commands.executeCommand<PlanResult>('zoneRecords.planSync', { uri, view: 'sorted' });
    assert.deepEqual(sorted.summary, result.summary);
    const local = (await vscode.workspace.openTextDocument(sorted.diff.local)).getText();
    assert.match(local, /^example\.org\. 300 IN A 192\.0\.2\.80 ; cf_tags=cf-proxied:false$/m);
    // With the diff active, a command without a file refuses to work on the diff's read-only sides.
    const failures = (await extensionApi()).failures;
    const before = failures.length;
    assert.equal(await vscode.commands.executeCommand('zoneRecords.planSync'), undefined);
    assert.match(failures[before] ?? '', /Open a zone file first/);
  });

  it('applies the plan batch by batch and reports exactly what was applied', async () => {
    const settings = vscode.workspace.getConfiguration('zoneRecords');
    await settings.update('batchSize', 1, vscode.ConfigurationTarget.Global);
    let report: ApplyReport;
    try {
      report = await vscode.commands.executeCommand<ApplyReport>('zoneRecords.applySync', {
        uri,
        include: ['create', 'update', 'delete'],
        // One delete of two records is over the default 25 %: confirmed here instead of in the modal question.
        allowDeletes: true,
      });
    } finally {
      await settings.update('batchSize', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.equal(report.status, 'applied');
    assert.equal(report.chunks.length, 4);
    assert.deepEqual(
      report.chunks.map((chunk) => [chunk.status, chunk.deletes + chunk.patches + chunk.puts + chunk.posts]),
      [
        ['applied', 1],
        ['applied', 1],
        ['applied', 1],
        ['applied', 1],
      ],
    );
    const sum = (field: 'deletes' | 'patches' | 'posts'): number =>
      report.chunks.reduce((total, chunk) => total + chunk[field], 0);
    assert.deepEqual([sum('deletes'), sum('patches'), sum('posts')], [1, 1, 2]);
    assert.match(report.message, /Applied 4 of 4 chunks: 2 created, 1 updated, 1 deleted/);
    const again = await vscode.commands.executeCommand<PlanResult>('zoneRecords.planSync', { uri });
    assert.deepEqual(again.summary, { create: 0, update: 0, delete: 0 });
  });

  it('skips the kinds of change left out, and applies them later', async () => {
    await vscode.commands.executeCommand('zoneRecords.createRecord', 'example.org', {
      type: 'A',
      name: 'extra',
      rdata: '192.0.2.81',
      ttl: 300,
      proxied: false,
      comment: '',
    });
    const plan = await vscode.commands.executeCommand<PlanResult>('zoneRecords.planSync', { uri });
    assert.deepEqual(plan.summary, { create: 0, update: 0, delete: 1 });
    const skipped = await vscode.commands.executeCommand('zoneRecords.applySync', {
      uri,
      include: ['create', 'update'],
    });
    assert.equal(skipped, undefined);
    const report = await vscode.commands.executeCommand<ApplyReport>('zoneRecords.applySync', {
      uri,
      include: ['delete'],
    });
    assert.equal(report.status, 'applied');
    assert.match(report.message, /0 created, 0 updated, 1 deleted/);
    const after = await vscode.commands.executeCommand<PlanResult>('zoneRecords.planSync', { uri });
    assert.deepEqual(after.summary, { create: 0, update: 0, delete: 0 });
  });

  it('asks before deleting more than the threshold: false refuses and sends nothing, true applies', async () => {
    const settings = vscode.workspace.getConfiguration('zoneRecords');
    await settings.update('deleteConfirmation.maxCount', 0, vscode.ConfigurationTarget.Global);
    try {
      await vscode.commands.executeCommand('zoneRecords.createRecord', 'example.org', {
        type: 'TXT',
        name: 'stray',
        rdata: '"left over"',
        ttl: 300,
        proxied: false,
        comment: '',
      });
      const refused = await vscode.commands.executeCommand<ApplyReport>('zoneRecords.applySync', {
        uri,
        include: ['delete'],
        allowDeletes: false,
      });
      assert.equal(refused.status, 'refused');
      assert.deepEqual(
        refused.chunks.map((chunk) => chunk.status),
        ['not-sent'],
      );
      const still = await vscode.commands.executeCommand<PlanResult>('zoneRecords.planSync', { uri });
      assert.deepEqual(still.summary, { create: 0, update: 0, delete: 1 });
      const applied = await vscode.commands.executeCommand<ApplyReport>('zoneRecords.applySync', {
        uri,
        include: ['delete'],
        allowDeletes: true,
      });
      assert.equal(applied.status, 'applied');
    } finally {
      await settings.update('deleteConfirmation.maxCount', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('refuses, sending nothing, a file with records Cloudflare would refuse (tags on the Free plan)', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'zone-preflight-'));
    const file = path.join(folder, 'example.org.zone');
    fs.writeFileSync(file, '$ORIGIN example.org.\n$TTL 300\ntagged IN A 192.0.2.77 ; cf_tags=team:web\n');
    try {
      const tagged = vscode.Uri.file(file);
      const report = await vscode.commands.executeCommand<ApplyReport>('zoneRecords.applySync', {
        uri: tagged,
        include: ['create'],
      });
      assert.equal(report.status, 'refused');
      assert.equal(report.preflight?.length, 1);
      assert.match(report.message, /tagged\.example\.org A .*\(line 3\).*Free/);
      const again = await vscode.commands.executeCommand<PlanResult>('zoneRecords.planSync', { uri: tagged });
      assert.ok(again.summary.create >= 1, 'nothing was created');
    } finally {
      await closeAll();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
