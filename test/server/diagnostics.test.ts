import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeTextDocumentNotification, type Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient, ensureBuilt } from './lspClient';

const zone = [
  '$TTL 3600',
  '@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300',
  '@ IN NS ns1',
  'ns1 IN A 192.0.2.1',
  'www IN A 192.0.2.2',
  'mail IN MX 10 www',
  '',
].join('\n');

const codes = (diagnostics: readonly Diagnostic[]): string[] => diagnostics.map((d) => String(d.code)).sort();
const line = (n: number, from = 0, to = from) => ({
  start: { line: n, character: from },
  end: { line: n, character: to },
});

describe('language server over stdio: diagnostics', function () {
  let client: LspClient;
  let folder: string;

  before(async function () {
    this.timeout(120000);
    ensureBuilt();
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'zone-lsp-'));
    client = await LspClient.start({ settings: { lint: { profile: 'cloudflare' } } });
  });

  after(async () => {
    await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('publishes parse and lint findings on open, with code, source and related places', async () => {
    const uri = 'file:///virtual/conflict.example.com.zone';
    const diagnostics = await client.open(uri, `${zone}www IN CNAME ns1\nbad IN A 300.1.1.1\n`);
    const conflict = diagnostics.find((d) => d.code === 'cname-and-other-data');
    assert.ok(conflict, JSON.stringify(diagnostics));
    assert.equal(conflict.source, 'zone-records');
    assert.equal(conflict.range.start.line, 4);
    assert.equal(conflict.relatedInformation?.[0]?.location.range.start.line, 6);
    assert.ok(
      diagnostics.some((d) => d.range.start.line === 7 && d.severity === 1),
      'the bad address is an error',
    );
    await client.close(uri);
  });

  it('follows edits: a conflict appears, moves with inserted lines, and goes away', async () => {
    const uri = 'file:///virtual/edits.example.com.zone';
    assert.deepEqual(codes(await client.open(uri, zone)), []);
    let diagnostics = await client.edit(uri, line(6), 'www IN CNAME ns1\n');
    assert.deepEqual(codes(diagnostics), ['cname-and-other-data', 'target-is-cname']);
    diagnostics = await client.edit(uri, line(0), '; header\n; more\n');
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line]).sort(), [
      ['cname-and-other-data', 6],
      ['target-is-cname', 7],
    ]);
    diagnostics = await client.edit(uri, { start: { line: 8, character: 0 }, end: { line: 9, character: 0 } }, '');
    assert.deepEqual(codes(diagnostics), []);
    await client.close(uri);
  });

  it('a series of quick edits ends with the same findings as opening the final text', async () => {
    const uri = 'file:///virtual/typing.example.com.zone';
    await client.open(uri, zone);
    let last: Diagnostic[] = [];
    const typed = 'dup IN A 192.0.2.9\ndup IN A 192.0.2.9\nbücher 30 IN TXT "x"\n';
    let character = 0;
    let lineNumber = 6;
    for (const char of typed) {
      last = await client.edit(uri, line(lineNumber, character), char);
      if (char === '\n') {
        lineNumber++;
        character = 0;
      } else character++;
    }
    const fresh = await client.open('file:///virtual/fresh/typing.example.com.zone', zone + typed);
    const shape = (list: readonly Diagnostic[]) => list.map((d) => [d.code, d.range, d.message]).sort();
    assert.deepEqual(shape(last), shape(fresh));
    assert.deepEqual(codes(last), ['cloudflare-ttl', 'duplicate-record', 'non-punycode-name']);
    await client.close(uri);
    await client.close('file:///virtual/fresh/typing.example.com.zone');
  });

  it('takes whole-document changes from clients that send full text', async () => {
    const uri = 'file:///virtual/full.example.com.zone';
    assert.deepEqual(codes(await client.open(uri, zone)), []);
    const published = client.nextDiagnostics(uri, 2);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: `${zone}www IN CNAME ns1\n` }],
    });
    assert.deepEqual(codes((await published).diagnostics), ['cname-and-other-data', 'target-is-cname']);
    await client.close(uri);
  });

  it('takes the zone apex from the first $ORIGIN, also after it is edited', async () => {
    const uri = 'file:///virtual/origin/zone.txt';
    const text = '$ORIGIN example.com.\n$TTL 300\nwww IN A 192.0.2.1\nhost.other.org. IN A 192.0.2.2\n';
    const opened = await client.open(uri, text);
    assert.deepEqual(
      opened.map((d) => [d.code, d.range.start.line]),
      [['out-of-zone', 3]],
    );
    const edited = await client.edit(
      uri,
      { start: { line: 0, character: 8 }, end: { line: 0, character: 20 } },
      'other.org.',
    );
    assert.deepEqual(codes(edited), []);
    await client.close(uri);
  });

  it('takes the zone apex from the SOA owner when no $ORIGIN comes first, as zone-records lint does', async () => {
    const uri = 'file:///virtual/origin/db.wrong.example';
    const text =
      '$TTL 300\nexample.com. IN SOA ns1.example.com. h.example.com. 1 2 3 4 300\nwww IN A 192.0.2.1\nhost.other.org. IN A 192.0.2.2\n';
    const opened = await client.open(uri, text);
    assert.deepEqual(
      opened.map((d) => [d.code, d.range.start.line]),
      [['out-of-zone', 3]],
    );
    assert.match(JSON.stringify(opened[0]?.message), /example\.com\./);
    await client.close(uri);
  });

  it('reads $INCLUDEs of vscode-remote documents from the server’s file system (code-server, remote VS Code)', async () => {
    fs.writeFileSync(path.join(folder, 'remote.inc'), 'alias IN A 192.0.2.10\n');
    const uri = `vscode-remote://remote-host${pathToFileURL(path.join(folder, 'db.remote.example')).pathname}`;
    const diagnostics = await client.open(uri, `${zone}$INCLUDE remote.inc\nalias IN CNAME www\n`);
    assert.ok(
      diagnostics.some((d) => d.code === 'cname-and-other-data' && d.range.start.line === 6),
      JSON.stringify(diagnostics),
    );
    assert.ok(!diagnostics.some((d) => d.code === 'include-not-found'));
    await client.close(uri);
  });

  it('publishes at most 1000 findings, errors first, and says how many there are', async () => {
    const uri = 'file:///virtual/many.example.com.zone';
    // 1,200 warnings (each name's record twice), then 3 errors (a TTL Cloudflare refuses) at the end of the file.
    const duplicates = Array.from({ length: 2400 }, (_, i) => `d${i % 1200} IN A 192.0.2.1`);
    const errors = Array.from({ length: 3 }, (_, i) => `h${i} 30 IN A 192.0.2.1`);
    const diagnostics = await client.open(uri, `${zone}${[...duplicates, ...errors].join('\n')}\n`);
    assert.equal(diagnostics.length, 1001);
    assert.equal(diagnostics.filter((d) => d.code === 'cloudflare-ttl').length, 3);
    const duplicateLines = diagnostics.filter((d) => d.code === 'duplicate-record').map((d) => d.range.start.line);
    assert.equal(duplicateLines.length, 997);
    assert.deepEqual(
      duplicateLines,
      [...duplicateLines].sort((a, b) => a - b),
      'in document order',
    );
    const summary = diagnostics.find((d) => d.code === 'too-many-findings');
    assert.match(JSON.stringify(summary?.message), /Only 1000 of 1203 findings are shown, errors first/);
    await client.close(uri);
  });

  it('clears a document’s diagnostics when it is closed', async () => {
    const uri = 'file:///virtual/close.example.com.zone';
    assert.ok((await client.open(uri, `${zone}x IN A 1.2.3\n`)).length > 0);
    assert.deepEqual(await client.close(uri), []);
  });

  it('re-lints open documents when the settings change', async () => {
    const uri = 'file:///virtual/settings.example.com.zone';
    const text = `${zone}short 30 IN A 192.0.2.3\n`;
    assert.deepEqual(codes(await client.open(uri, text)), ['cloudflare-ttl']);
    let published = client.nextDiagnostics(uri);
    await client.changeSettings({ lint: { profile: 'bind' } });
    assert.deepEqual(codes((await published).diagnostics), []);
    published = client.nextDiagnostics(uri);
    await client.changeSettings({ lint: { profile: 'cloudflare', rules: { 'cloudflare-ttl': 'hint' } } });
    const hinted = (await published).diagnostics;
    assert.deepEqual(codes(hinted), ['cloudflare-ttl']);
    assert.equal(hinted[0]?.severity, 4);
    published = client.nextDiagnostics(uri);
    await client.changeSettings({ lint: { profile: 'cloudflare' } });
    assert.equal((await published).diagnostics[0]?.severity, 1);
    await client.close(uri);
  });

  it('reads the settings of each document at its own scope, as a multi-root workspace has them', async () => {
    const bindUri = 'file:///workspace/bind/db.example.com';
    const cloudflareUri = 'file:///workspace/cloudflare/db.example.com';
    const text = `${zone}short 30 IN A 192.0.2.3\n`;
    const asked: (string | undefined)[] = [];
    await client.changeSettings((scope?: string) => {
      asked.push(scope);
      return { lint: { profile: scope?.includes('/bind/') ? 'bind' : 'cloudflare' } };
    });
    assert.deepEqual(codes(await client.open(bindUri, text)), []);
    assert.deepEqual(codes(await client.open(cloudflareUri, text)), ['cloudflare-ttl']);
    assert.ok(asked.includes(bindUri) && asked.includes(cloudflareUri), JSON.stringify(asked));
    await client.close(bindUri);
    await client.close(cloudflareUri);
    await client.changeSettings({ lint: { profile: 'cloudflare' } });
  });

  it('shows findings of an $INCLUDEd file on the $INCLUDE line and re-lints when the included file changes', async () => {
    const included = path.join(folder, 'hosts.inc');
    fs.writeFileSync(included, 'host IN A 192.0.2.10\n');
    const main = path.join(folder, 'db.example.com');
    const mainUri = pathToFileURL(main).toString();
    const includedUri = pathToFileURL(included).toString();
    const text = `${zone}$INCLUDE hosts.inc\nhost IN CNAME www\n`;
    fs.writeFileSync(main, text);
    const diagnostics = await client.open(mainUri, text);
    const fromInclude = diagnostics.find((d) => d.code === 'cname-and-other-data' && d.range.start.line === 6);
    assert.ok(fromInclude, JSON.stringify(diagnostics));
    assert.match(JSON.stringify(fromInclude.message), /hosts\.inc:1/);
    assert.equal(fromInclude.relatedInformation?.[0]?.location.uri, includedUri);
    assert.ok(diagnostics.some((d) => d.code === 'cloudflare-include'));

    // Open the included file in the editor and change it: the including document is linted again with the new text.
    await client.open(includedUri, 'host IN A 192.0.2.10\n');
    const relinted = client.nextDiagnostics(mainUri);
    await client.edit(
      includedUri,
      { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } },
      'other IN A 192.0.2.10\n',
    );
    const after = (await relinted).diagnostics;
    assert.ok(!after.some((d) => d.code === 'cname-and-other-data'), JSON.stringify(after));
    await client.close(includedUri);
    await client.close(mainUri);
  });
});
