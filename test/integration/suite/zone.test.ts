import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DnsRecord, ImportResult, RecordUsage, ScanReviewResult } from '../../../cloudflare/src/api';
import type { TreeNode } from '../../../client/src/views/nodes';
import { closeAll, extensionApi, fixtureUri, waitFor } from '../helpers';

async function zoneChildren(zone: string): Promise<TreeNode[]> {
  const api = await extensionApi();
  const node = await api.tree.findZone(zone);
  assert.ok(node, `zone ${zone} is in the tree`);
  return api.tree.getChildren(node);
}

function names(children: readonly TreeNode[]): string[] {
  return children.flatMap((node) => (node.kind === 'name' ? [node.name] : []));
}

describe('zone commands against the emulator', () => {
  after(closeAll);

  it('refuses to import a file with lint errors, naming them', async () => {
    const api = await extensionApi();
    const before = api.failures.length;
    const result = await vscode.commands.executeCommand('zoneRecords.importZone', {
      uri: fixtureUri('lint-demo.zone'),
      proxied: false,
    });
    assert.equal(result, undefined);
    assert.equal(api.failures.length, before + 1);
    assert.match(api.failures.at(-1) ?? '', /lint error\(s\).*\n.*cname-and-other-data/s);
  });

  it('imports a zone file and reports recs_added of total_records_parsed', async () => {
    const result = await vscode.commands.executeCommand<ImportResult>('zoneRecords.importZone', {
      uri: fixtureUri('example.com.zone'),
      proxied: false,
      acceptWarnings: true,
    });
    assert.ok(result, 'the import returned its result');
    assert.equal(result.recs_added, 6);
    assert.ok(result.total_records_parsed >= 6);
    assert.deepEqual(names(await zoneChildren('example.com')), [
      'example.com',
      'api.example.com',
      'blog.example.com',
      'mail.example.com',
      'www.example.com',
    ]);
  });

  it('shows the record usage, also in the status bar', async () => {
    const usage = await vscode.commands.executeCommand<RecordUsage>('zoneRecords.showUsage', 'example.com');
    assert.equal(usage.record_usage, 6);
    const api = await extensionApi();
    assert.match(
      api.statusBar.text,
      new RegExp(`example\\.com 6 / ${(usage.record_quota ?? 0).toLocaleString('en-US')}`),
    );
  });

  it('exports the zone into an untitled example.com.zone, with comments, tags and proxy status', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('zoneRecords.exportZone', 'example.com');
    assert.equal(document.isUntitled, true);
    assert.equal(document.languageId, 'dns-zone');
    assert.match(document.uri.path, /example\.com\.zone$/);
    // The fixture's comment came through the import and goes back out with the proxy status (its tag did not:
    // a Free zone takes no tags).
    assert.match(
      document.getText(),
      /^www\.example\.com\.\s+\d+\s+IN\s+A\s+192\.0\.2\.10 ; web server cf_tags=cf-proxied:false$/m,
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('triggers a scan, shows its results in the tree and reviews them', async () => {
    const found = await vscode.commands.executeCommand<DnsRecord[]>('zoneRecords.triggerScan', 'example.com');
    assert.ok(found.length >= 2, `the scan proposes records (${found.length})`);
    const scanNode = (await zoneChildren('example.com')).find((node) => node.kind === 'scanResults');
    assert.ok(scanNode && scanNode.kind === 'scanResults');
    assert.equal(scanNode.records.length, found.length);
    const [accept, reject] = found;
    const result = await vscode.commands.executeCommand<ScanReviewResult>('zoneRecords.reviewScan', 'example.com', {
      accept: [accept.id],
      reject: [reject.id],
    });
    assert.equal(result.accepts.length, 1);
    assert.deepEqual(result.rejects, [reject.id]);
    const left = (await zoneChildren('example.com')).find((node) => node.kind === 'scanResults');
    assert.equal(left?.kind === 'scanResults' ? left.records.length : 0, found.length - 2);
  });

  it('runs the deprecated scan, which adds what it finds at once', async () => {
    const before = await vscode.commands.executeCommand<RecordUsage>('zoneRecords.showUsage', 'example.com');
    const result = await vscode.commands.executeCommand<ImportResult>('zoneRecords.scanZone', 'example.com');
    const after = await vscode.commands.executeCommand<RecordUsage>('zoneRecords.showUsage', 'example.com');
    assert.equal(after.record_usage, before.record_usage + result.recs_added);
  });

  it('loads a large zone by pages: the first page, then "Load more"', async () => {
    const api = await extensionApi();
    const settings = vscode.workspace.getConfiguration('zoneRecords');
    const usage = await vscode.commands.executeCommand<RecordUsage>('zoneRecords.showUsage', 'example.com');
    assert.ok(usage.record_usage > 5, `example.com has more than one page of records (${usage.record_usage})`);
    await settings.update('recordsPageSize', 5, vscode.ConfigurationTarget.Global);
    try {
      const count = (children: readonly TreeNode[]): number =>
        children.reduce((sum, node) => sum + (node.kind === 'name' ? node.records.length : 0), 0);
      const first = await waitFor('the tree to reload with pages of 5', async () => {
        const children = await zoneChildren('example.com');
        return count(children) === 5 ? children : undefined;
      });
      const more = first.find((node) => node.kind === 'more');
      assert.ok(more && more.kind === 'more');
      assert.deepEqual([more.loaded, more.total], [5, usage.record_usage]);
      assert.match(api.tree.getTreeItem(more).label as string, /^Load more… \(5 of \d+ loaded\)$/);
      await vscode.commands.executeCommand('zoneRecords.loadMore', more.zone);
      const second = await zoneChildren('example.com');
      assert.equal(count(second), Math.min(10, usage.record_usage));
      assert.equal(
        second.some((node) => node.kind === 'more'),
        usage.record_usage > 10,
      );
    } finally {
      await settings.update('recordsPageSize', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
