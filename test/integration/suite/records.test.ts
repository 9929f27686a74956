import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DnsRecord, RecordUsage } from '../../../cloudflare/src/api';
import type { NameNode, RecordNode, TreeNode } from '../../../client/src/views/nodes';
import type { ViewQuery } from '../../../client/src/views/viewQuery';
import { closeAll, extensionApi, screenshot, testEnv, waitFor } from '../helpers';

const zoneId = (): string => testEnv.zoneIds['example.com'];

async function nameNodes(): Promise<NameNode[]> {
  const api = await extensionApi();
  const zone = await api.tree.findZone('example.com');
  assert.ok(zone);
  const children: TreeNode[] = await api.tree.getChildren(zone);
  return children.filter((node): node is NameNode => node.kind === 'name');
}

async function recordNode(name: string, type: string): Promise<RecordNode> {
  const api = await extensionApi();
  const group = (await nameNodes()).find((node) => node.name === name);
  assert.ok(group, `${name} is in the tree`);
  const records = (await api.tree.getChildren(group)) as RecordNode[];
  const node = records.find((candidate) => candidate.record.type === type);
  assert.ok(node, `${type} ${name} is in the tree`);
  return node;
}

describe('records: tree and record actions', () => {
  let created: DnsRecord;
  after(closeAll);

  it('creates a proxied record from the form arguments', async () => {
    created = await vscode.commands.executeCommand<DnsRecord>('zoneRecords.createRecord', 'example.com', {
      type: 'A',
      name: 'test',
      rdata: '192.0.2.99',
      ttl: 1,
      proxied: true,
      comment: 'created by the integration test',
    });
    assert.ok(created, 'the record was created');
    assert.deepEqual(
      [created.name, created.content, created.ttl, created.proxied],
      ['test.example.com', '192.0.2.99', 1, true],
    );
    const api = await extensionApi();
    const usage = await vscode.commands.executeCommand<RecordUsage>('zoneRecords.showUsage', 'example.com');
    await waitFor('the zone to show the new usage', async () => {
      const zone = await api.tree.findZone('example.com');
      return (
        zone !== undefined &&
        String(api.tree.getTreeItem(zone).description).endsWith(
          ` ${usage.record_usage} / ${(usage.record_quota ?? 0).toLocaleString('en-US')}`,
        )
      );
    });
  });

  it('shows the record in the tree: type and content, TTL and proxy, an icon, the comment in the tooltip', async () => {
    const api = await extensionApi();
    const node = await recordNode('test.example.com', 'A');
    const item = api.tree.getTreeItem(node);
    assert.equal(item.label, 'A 192.0.2.99');
    assert.equal(item.description, 'auto · proxied');
    assert.equal(item.contextValue, 'record.proxiable');
    assert.match((item.tooltip as vscode.MarkdownString).value, /created by the integration test/);
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'cloud');
    const mx = api.tree.getTreeItem(await recordNode('example.com', 'MX'));
    assert.equal(mx.label, 'MX 10 mail.example.com.');
    assert.equal(mx.description, '1 h');
    assert.equal((mx.iconPath as vscode.ThemeIcon).id, 'mail');
  });

  it('shows the tree in the sidebar (screenshot)', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('workbench.view.extension.zoneRecords');
    // The view renders its first level asynchronously; reveal works once the zone is there.
    await waitFor(
      'the tree to show example.com',
      async () => {
        const zone = await api.tree.findZone('example.com');
        assert.ok(zone);
        return api.view.reveal(zone, { expand: true, focus: false, select: false }).then(
          () => true,
          () => new Promise<false>((resolve) => setTimeout(() => resolve(false), 300)),
        );
      },
      15_000,
    );
    await waitFor(
      'the record to show',
      async () =>
        api.view.reveal(await recordNode('test.example.com', 'A'), { focus: true, select: true }).then(
          () => true,
          () => new Promise<false>((resolve) => setTimeout(() => resolve(false), 300)),
        ),
      15_000,
    );
    for (let step = 0; step < 6; step++) await vscode.commands.executeCommand('workbench.action.increaseViewWidth');
    await screenshot('records-tree');
  });

  it('rejects invalid record data before sending anything', async () => {
    const api = await extensionApi();
    const before = api.failures.length;
    const result = await vscode.commands.executeCommand('zoneRecords.createRecord', 'example.com', {
      type: 'A',
      name: 'bad',
      rdata: '999.1.2.3',
      ttl: 300,
      proxied: false,
      comment: '',
    });
    assert.equal(result, undefined);
    assert.equal(api.failures.length, before + 1);
    assert.doesNotMatch(api.failures.at(-1)!, /Cloudflare \d/);
  });

  it("shows Cloudflare's code and message when the API refuses a record", async () => {
    const api = await extensionApi();
    const result = await vscode.commands.executeCommand('zoneRecords.createRecord', 'example.com', {
      type: 'CNAME',
      name: 'test',
      rdata: 'www.example.com.',
      ttl: 1,
      proxied: false,
      comment: '',
    });
    assert.equal(result, undefined);
    assert.match(api.failures.at(-1)!, /\b8\d{4}\b/);
  });

  it('quick-updates TTL and proxied with a PATCH', async () => {
    const updated = await vscode.commands.executeCommand<DnsRecord>(
      'zoneRecords.quickUpdateRecord',
      { zoneId: zoneId(), recordId: created.id },
      { ttl: 300, proxied: false },
    );
    assert.deepEqual([updated.ttl, updated.proxied, updated.comment], [300, false, 'created by the integration test']);
  });

  it('edits the record with a PUT', async () => {
    const updated = await vscode.commands.executeCommand<DnsRecord>(
      'zoneRecords.editRecord',
      await recordNode('test.example.com', 'A'),
      { name: 'test', rdata: '192.0.2.100', ttl: 600, proxied: false, comment: 'edited' },
    );
    assert.deepEqual(
      [updated.id, updated.content, updated.ttl, updated.comment],
      [created.id, '192.0.2.100', 600, 'edited'],
    );
  });

  it('copies the record as a zone-file line', async () => {
    const line = await vscode.commands.executeCommand<string>('zoneRecords.copyRecordAsZoneLine', {
      zoneId: zoneId(),
      recordId: created.id,
    });
    assert.equal(line, 'test.example.com. 600 IN A 192.0.2.100 ; edited cf_tags=cf-proxied:false');
    assert.equal(await vscode.env.clipboard.readText(), line);
  });

  it('shows the details as read-only JSON', async () => {
    await vscode.commands.executeCommand('zoneRecords.showRecordDetails', await recordNode('test.example.com', 'A'));
    const document = vscode.window.activeTextEditor?.document;
    assert.ok(document);
    assert.equal(document.uri.scheme, 'zone-records');
    assert.equal(document.languageId, 'json');
    assert.equal((JSON.parse(document.getText()) as DnsRecord).id, created.id);
  });

  it('filters, searches and sorts through the list endpoint', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand<ViewQuery>('zoneRecords.filterRecords', { type: 'MX' });
    assert.deepEqual(
      (await nameNodes()).map((node) => node.name),
      ['example.com'],
    );
    await vscode.commands.executeCommand('zoneRecords.clearFilter');
    await vscode.commands.executeCommand('zoneRecords.searchRecords', '192.0.2.100');
    assert.deepEqual(
      (await nameNodes()).map((node) => node.name),
      ['test.example.com'],
    );
    await vscode.commands.executeCommand('zoneRecords.clearFilter');
    await vscode.commands.executeCommand('zoneRecords.sortRecords', { order: 'ttl', direction: 'desc' });
    const first = (await nameNodes())[0];
    assert.ok(first);
    assert.equal(Math.max(...first.records.map((record) => record.ttl)), 3600);
    assert.match(api.tree.describeQuery(), /by ttl desc/);
    await vscode.commands.executeCommand('zoneRecords.clearFilter');
  });

  it('creates, copies and deletes a structured (data) record: SRV', async () => {
    const srv = await vscode.commands.executeCommand<DnsRecord>('zoneRecords.createRecord', 'example.com', {
      type: 'SRV',
      name: '_sip._tcp',
      rdata: '10 60 5060 sip.example.com.',
      ttl: 3600,
      proxied: false,
      comment: '',
    });
    assert.ok(srv, 'the SRV record was created');
    const line = await vscode.commands.executeCommand<string>('zoneRecords.copyRecordAsZoneLine', {
      zoneId: zoneId(),
      recordId: srv.id,
    });
    assert.equal(line, '_sip._tcp.example.com. 3600 IN SRV 10 60 5060 sip.example.com.');
    const deleted = await vscode.commands.executeCommand<boolean>(
      'zoneRecords.deleteRecord',
      { zoneId: zoneId(), recordId: srv.id },
      { confirm: true },
    );
    assert.equal(deleted, true);
  });

  it('asks with a quick pick when no argument is given (the test answers it)', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('zoneRecords.sortRecords', { order: 'ttl', direction: 'desc' });
    let settled = false;
    const sorting = vscode.commands
      .executeCommand<ViewQuery | undefined>('zoneRecords.sortRecords')
      .then((result) => ((settled = true), result));
    // The first item is "name ascending"; accepting it answers the prompt (tried until the pick is there).
    await waitFor('the quick pick to be answered', async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await new Promise((resolve) => setTimeout(resolve, 200));
      return settled;
    });
    const query = await sorting;
    assert.deepEqual([query?.order, query?.direction], ['name', 'asc']);
    assert.equal(api.tree.describeQuery(), '');
  });

  it('takes the clicked node when a tree menu also passes the selection, and asks for the rest', async () => {
    const node = await recordNode('test.example.com', 'A');
    let settled = false;
    // A context menu calls (node, selectedNodes); quick update then asks what to change and the new value.
    const updating = vscode.commands
      .executeCommand<DnsRecord | undefined>('zoneRecords.quickUpdateRecord', node, [node])
      .then((result) => ((settled = true), result));
    await waitFor('the prompts to be answered (TTL, then its current value)', async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await new Promise((resolve) => setTimeout(resolve, 200));
      return settled;
    });
    const updated = await updating;
    assert.ok(updated, 'the record was updated');
    assert.deepEqual([updated.id, updated.ttl, updated.content], [created.id, 600, '192.0.2.100']);
  });

  it('deletes the record after confirmation', async () => {
    const deleted = await vscode.commands.executeCommand<boolean>(
      'zoneRecords.deleteRecord',
      { zoneId: zoneId(), recordId: created.id },
      { confirm: true },
    );
    assert.equal(deleted, true);
    assert.equal(
      (await nameNodes()).some((node) => node.name === 'test.example.com'),
      false,
    );
  });
});
