import * as assert from 'node:assert/strict';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  type CodeAction,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient, ensureBuilt } from './lspClient';

const zone = [
  '$TTL 30',
  '@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300',
  '@ 3600 IN NS ns1',
  'ns1 3600 IN A 192.0.2.1',
  'www 3600 IN A 192.0.2.2',
  'www 3600 IN A 192.0.2.2',
  '    3600 IN AAAA 2001:db8::2',
  'bücher 3600 IN A 192.0.2.3',
  'short 20 IN TXT "too short for Cloudflare"',
  '',
].join('\n');

const key = (d: Diagnostic): string => `${String(d.code)}@${d.range.start.line}`;
const what = (d: Diagnostic): string =>
  `${String(d.code)} ${typeof d.message === 'string' ? d.message : d.message.value}`;

describe('language server over stdio: code actions', function () {
  let client: LspClient;
  let opened = 0;

  before(async function () {
    this.timeout(120000);
    ensureBuilt();
    client = await LspClient.start({ settings: { lint: { profile: 'cloudflare' } } });
  });

  after(async () => {
    await client.stop();
  });

  async function actionsFor(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    const result = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    return (result ?? []).filter((item): item is CodeAction => 'title' in item && 'edit' in item);
  }

  /** Applies a workspace edit the way an editor does: one change notification, edits from the bottom up. */
  async function apply(
    uri: string,
    text: string,
    action: CodeAction,
    version: number,
  ): Promise<{ text: string; diagnostics: Diagnostic[] }> {
    const edits: TextEdit[] = action.edit?.changes?.[uri] ?? [];
    assert.ok(edits.length > 0, `${action.title} has edits for the document`);
    const document = TextDocument.create(uri, 'dns-zone', version - 1, text);
    const sorted = [...edits].sort(
      (a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character,
    );
    const published = client.nextDiagnostics(uri, version);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: sorted.map((edit) => ({ range: edit.range, text: edit.newText })),
    });
    return { text: TextDocument.applyEdits(document, edits), diagnostics: (await published).diagnostics };
  }

  /** A zone without $TTL: records take the SOA minimum (30), too short for Cloudflare; the fix gives one a TTL. */
  const inherited = [
    '@ IN SOA ns1 hostmaster 1 7200 3600 1209600 30',
    'www IN A 192.0.2.2',
    '@ 3600 IN NS ns1',
    'ns1 3600 IN A 192.0.2.1',
    '',
  ].join('\n');

  const fixtures: readonly { name: string; text: string; fixable: string[] }[] = [
    {
      name: 'records',
      text: zone,
      fixable: ['cloudflare-ttl', 'cloudflare-ttl', 'duplicate-record', 'non-punycode-name'],
    },
    { name: 'inherited TTL', text: inherited, fixable: ['cloudflare-ttl'] },
  ];

  for (const fixture of fixtures) {
    it(`offers a fix for each finding that has one, and each fix re-lints clean (${fixture.name})`, async () => {
      const zone = fixture.text;
      const uri = `file:///virtual/all-${opened++}/example.com.zone`;
      const diagnostics = await client.open(uri, zone);
      await client.close(uri);
      const fixable: Diagnostic[] = [];
      for (const diagnostic of diagnostics) {
        const data = diagnostic.data as { fixes?: unknown[] } | undefined;
        if ((data?.fixes?.length ?? 0) > 0) fixable.push(diagnostic);
      }
      assert.deepEqual(fixable.map((d) => String(d.code)).sort(), fixture.fixable, JSON.stringify(diagnostics));
      for (const diagnostic of fixable) {
        const copy = `file:///virtual/fix${++opened}/example.com.zone`;
        await client.open(copy, zone);
        const actions = await actionsFor(copy, diagnostic);
        const fix = actions.find((action) => !action.title.startsWith('Disable'));
        assert.ok(fix, `a fix for ${key(diagnostic)}: ${JSON.stringify(actions)}`);
        const { text, diagnostics: after } = await apply(copy, zone, fix, 2);
        // Lines may move (a removed duplicate), so findings are compared by code and message.
        const count = (list: readonly Diagnostic[], wanted: string) => list.filter((d) => what(d) === wanted).length;
        for (const finding of after) {
          const added = what(finding);
          assert.ok(
            count(after, added) <= count(diagnostics, added),
            `${fix.title} adds no finding (${added}):\n${text}`,
          );
        }
        const fixed = what(diagnostic);
        assert.ok(count(after, fixed) < count(diagnostics, fixed), `${fix.title} removes ${key(diagnostic)}:\n${text}`);
        assert.ok(after.length < diagnostics.length, `${fix.title}: fewer findings`);
        await client.close(copy);
      }
    });
  }

  it('rewrites a Unicode owner to Punycode', async () => {
    const uri = 'file:///virtual/puny/example.com.zone';
    const diagnostics = await client.open(uri, zone);
    const finding = diagnostics.find((d) => d.code === 'non-punycode-name')!;
    const [fix] = await actionsFor(uri, finding);
    assert.equal(fix?.title, 'Write it as xn--bcher-kva');
    assert.equal(fix?.isPreferred, true);
    const { text } = await apply(uri, zone, fix, 2);
    assert.match(text, /^xn--bcher-kva 3600 IN A 192\.0\.2\.3$/m);
    await client.close(uri);
  });

  it('offers to disable a finding on its line, which the linter then honours', async () => {
    const uri = 'file:///virtual/disable/example.com.zone';
    const diagnostics = await client.open(uri, zone);
    const finding = diagnostics.find((d) => d.code === 'cloudflare-ttl' && d.range.start.line === 8)!;
    const disable = (await actionsFor(uri, finding)).find(
      (action) => action.title === 'Disable cloudflare-ttl on this line',
    );
    assert.ok(disable);
    const { text, diagnostics: after } = await apply(uri, zone, disable, 2);
    assert.match(text, /^short 20 IN TXT "too short for Cloudflare" ; zone-records-disable-line cloudflare-ttl$/m);
    assert.ok(!after.some((d) => key(d) === key(finding)));
    assert.equal(after.length, diagnostics.length - 1);
    await client.close(uri);
  });

  it('disables on lines whose strings hold ; and \\", adding to a comment already there', async () => {
    const uri = 'file:///virtual/disable-strings/example.com.zone';
    const text = zone.replace(
      'short 20 IN TXT "too short for Cloudflare"',
      'short 20 IN TXT "a;b \\"c;\\"" ; note\nshort2 20 IN TXT "x\\\\" "y;z"',
    );
    const diagnostics = await client.open(uri, text);
    const disableOn = async (line: number): Promise<CodeAction> => {
      const finding = diagnostics.find((d) => d.code === 'cloudflare-ttl' && d.range.start.line === line)!;
      const action = (await actionsFor(uri, finding)).find((a) => a.title === 'Disable cloudflare-ttl on this line');
      assert.ok(action, `disable action on line ${line}`);
      return action;
    };
    const first = await apply(uri, text, await disableOn(8), 2);
    assert.equal(
      first.text.split('\n')[8],
      'short 20 IN TXT "a;b \\"c;\\"" ; note zone-records-disable-line cloudflare-ttl',
    );
    const second = await apply(uri, first.text, await disableOn(9), 3);
    assert.equal(
      second.text.split('\n')[9],
      'short2 20 IN TXT "x\\\\" "y;z" ; zone-records-disable-line cloudflare-ttl',
    );
    assert.ok(!second.diagnostics.some((d) => d.code === 'cloudflare-ttl' && d.range.start.line >= 8));
    await client.close(uri);
  });
});
