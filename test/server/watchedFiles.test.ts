import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FileChangeType, type Diagnostic, type FileSystemWatcher } from 'vscode-languageserver-protocol';
import { LspClient, ensureBuilt } from './lspClient';

const zone = [
  '$TTL 3600',
  '@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300',
  '@ IN NS ns1',
  'ns1 IN A 192.0.2.1',
  'www IN A 192.0.2.2',
  '',
].join('\n');

/** Findings as code@line, without the Cloudflare profile's note on every $INCLUDE line. */
const found = (diagnostics: readonly Diagnostic[]): string[] =>
  diagnostics
    .filter((d) => d.code !== 'cloudflare-include')
    .map((d) => `${String(d.code)}@${d.range.start.line}`)
    .sort();

/** The watcher's folder and pattern, as the server registered it (relative patterns: the client supports them). */
const watched = (watcher: FileSystemWatcher): string => {
  const glob = watcher.globPattern;
  if (typeof glob === 'string') return glob;
  const base = typeof glob.baseUri === 'string' ? glob.baseUri : glob.baseUri.uri;
  return `${base}|${glob.pattern}`;
};

describe('language server over stdio: $INCLUDEd files changed on disk', function () {
  let client: LspClient;
  let folder: string;

  before(async function () {
    this.timeout(120000);
    ensureBuilt();
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'zone-lsp-watch-'));
    client = await LspClient.start();
  });

  after(async () => {
    await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('watches included files, re-lints the including documents when they change or appear, and stops watching on close', async () => {
    const hosts = path.join(folder, 'hosts.inc');
    const later = path.join(folder, 'later[1].inc');
    fs.writeFileSync(hosts, 'host IN A 192.0.2.10\n');
    const mainUri = pathToFileURL(path.join(folder, 'db.example.com')).toString();
    const text = `${zone}$INCLUDE hosts.inc\nhost IN CNAME www\n$INCLUDE "later[1].inc"\n`;
    const opened = await client.open(mainUri, text);
    assert.deepEqual(found(opened), ['cname-and-other-data@5', 'include-not-found@7']);

    // The server asks to watch both included files, also the one that does not exist yet.
    const folderUri = pathToFileURL(folder).toString();
    const expected = [`${folderUri}|hosts.inc`, `${folderUri}|later?1?.inc`];
    await client.waitForFileWatchers((watchers) => expected.every((w) => watchers.map(watched).includes(w)));

    // hosts.inc changes on disk (it is not open): the including document is linted again with the new text.
    fs.writeFileSync(hosts, 'other IN A 192.0.2.10\n');
    let published = client.nextDiagnostics(mainUri);
    await client.changeWatchedFiles([{ uri: pathToFileURL(hosts).toString(), type: FileChangeType.Changed }]);
    assert.deepEqual(found((await published).diagnostics), ['include-not-found@7']);

    // The missing file is created: its findings show on its $INCLUDE line.
    fs.writeFileSync(later, 'dup IN TXT "a"\ndup IN TXT "a"\n');
    published = client.nextDiagnostics(mainUri);
    await client.changeWatchedFiles([{ uri: pathToFileURL(later).toString(), type: FileChangeType.Created }]);
    assert.deepEqual(found((await published).diagnostics), ['duplicate-record@7']);

    // Deleted again: back to not found.
    fs.rmSync(later);
    published = client.nextDiagnostics(mainUri);
    await client.changeWatchedFiles([{ uri: pathToFileURL(later).toString(), type: FileChangeType.Deleted }]);
    assert.deepEqual(found((await published).diagnostics), ['include-not-found@7']);

    await client.close(mainUri);
    await client.waitForFileWatchers((watchers) => watchers.length === 0);
  });

  it('watches absolute paths when the client takes no relative patterns', async () => {
    const plain = await LspClient.start({ relativePatterns: false });
    try {
      const sub = path.join(folder, 'plain');
      fs.mkdirSync(sub);
      fs.writeFileSync(path.join(sub, 'a{b}.inc'), 'a IN A 192.0.2.1\n');
      const uri = pathToFileURL(path.join(sub, 'db.example.com')).toString();
      await plain.open(uri, `${zone}$INCLUDE "a{b}.inc"\n`);
      const glob = `${sub.split(path.sep).join('/')}/a?b?.inc`;
      await plain.waitForFileWatchers((watchers) => watchers.map(watched).includes(glob));
      await plain.close(uri);
    } finally {
      await plain.stop();
    }
  });
});
