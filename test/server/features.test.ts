import * as assert from 'node:assert/strict';
import {
  CompletionRequest,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  type CompletionItem,
  type CompletionList,
  type DocumentSymbol,
  type Hover,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient, ensureBuilt } from './lspClient';

const zone = [
  '$ORIGIN example.com.',
  '$TTL 1h30m',
  '@ IN SOA ns1 hostmaster (',
  '        2024010101 ; serial',
  '        7200 3600 1209600 300 )',
  '@ IN NS ns1',
  '  IN MX 10 mail',
  'ns1 IN A 192.0.2.1',
  'mail 300 IN A 192.0.2.2',
  'xn--bcher-kva IN CNAME mail',
  '',
  '$ORIGIN sub.example.com.',
  'host IN A 192.0.2.3',
  'host IN TXT "v=spf1 -all"',
  '',
].join('\n');

const uri = 'file:///virtual/features/example.com.zone';

describe('language server over stdio: hover, completion, symbols, folding, formatting', function () {
  let client: LspClient;

  before(async function () {
    this.timeout(120000);
    ensureBuilt();
    client = await LspClient.start();
    await client.open(uri, zone);
  });

  after(async () => {
    await client.stop();
  });

  async function hoverAt(line: number, character: number): Promise<string> {
    const result: Hover | null = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line, character },
    });
    return result === null ? '' : (result.contents as MarkupContent).value;
  }

  async function complete(text: string, line: number, character: number): Promise<CompletionItem[]> {
    const completionUri = `file:///virtual/completion${line}-${character}/example.com.zone`;
    await client.open(completionUri, text);
    const result = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: completionUri },
      position: { line, character },
    })) as CompletionList | null;
    await client.close(completionUri);
    return result?.items ?? [];
  }

  it('hovers a record type with its summary and RFC', async () => {
    const text = await hoverAt(6, 6);
    assert.match(text, /\*\*MX\*\* \(type 15\)/);
    assert.match(text, /RFC 1035/);
  });

  it('hovers an rdata field with its name', async () => {
    assert.match(await hoverAt(6, 9), /\*\*priority\*\*/);
    assert.match(await hoverAt(6, 12), /\*\*target\*\*/);
  });

  it('hovers an xn-- owner with its Unicode form', async () => {
    assert.match(await hoverAt(9, 3), /Unicode: bücher\.example\.com\./);
  });

  it('hovers a TTL in words, a class and a directive', async () => {
    assert.match(await hoverAt(8, 6), /300 seconds \(5 minutes\)/);
    assert.match(await hoverAt(8, 10), /Class IN/);
    assert.match(await hoverAt(0, 3), /\$ORIGIN/);
    assert.match(await hoverAt(1, 7), /Default TTL\*\* 5400 seconds \(1 hour 30 minutes\)/);
    assert.equal(await hoverAt(10, 0), '');
  });

  it('hovers the marker and the codes of a disable comment', async () => {
    const commentUri = 'file:///virtual/disable/example.com.zone';
    const line = 'www IN A 192.0.2.1 ; zone-records-disable-line duplicate-record, no-such-code';
    await client.open(commentUri, `$TTL 300\n${line}\n`);
    const hoverIn = async (character: number): Promise<string> => {
      const result: Hover | null = await client.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri: commentUri },
        position: { line: 1, character },
      });
      return result === null ? '' : (result.contents as MarkupContent).value;
    };
    assert.match(await hoverIn(line.indexOf('zone-records') + 3), /not reported on this line/);
    assert.match(await hoverIn(line.indexOf('duplicate-record') + 2), /^\*\*duplicate-record\*\*: The same record/);
    assert.match(await hoverIn(line.indexOf('no-such-code') + 1), /`no-such-code` is not a diagnostic code/);
    assert.match(await hoverIn(5), /\*\*Class IN\*\*/, 'outside the comment, the record');
    await client.close(commentUri);
  });

  it('completes record types and classes after the owner', async () => {
    const items = await complete('www ', 0, 4);
    const labels = items.map((item) => item.label);
    for (const type of ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'HTTPS', 'SOA', 'IN'])
      assert.ok(labels.includes(type), type);
    const https = items.find((item) => item.label === 'HTTPS');
    const hinfo = items.find((item) => item.label === 'HINFO');
    assert.ok(https && hinfo && String(https.sortText) < String(hinfo.sortText), "Cloudflare's types sort first");
    assert.ok(!(await complete('www IN ', 0, 7)).some((item) => item.label === 'IN'), 'no second class');
  });

  it('completes directives at the start of a line', async () => {
    const labels = (await complete('$', 0, 1)).map((item) => item.label);
    assert.deepEqual(labels.sort(), ['$GENERATE', '$INCLUDE', '$ORIGIN', '$TTL']);
  });

  it('completes in-zone names where the rdata takes a name, and nothing inside comments', async () => {
    const text = 'www IN A 192.0.2.1\nmail IN A 192.0.2.2\nalias IN CNAME \n';
    const labels = (await complete(text, 2, 15)).map((item) => item.label);
    assert.ok(labels.includes('www') && labels.includes('mail'), labels.join());
    assert.deepEqual(await complete('www IN A 192.0.2.1 ; note ', 0, 26), []);
    // Inside a quoted string nothing is offered; after strings that closed (with ; and \" inside), names are.
    assert.deepEqual(await complete('t IN TXT "a; b ', 0, 15), []);
    assert.deepEqual(await complete('t IN TXT "say \\"hi ', 0, 19), []);
    const naptr = `${text}n IN NAPTR 100 10 "u" "E2U+sip" "!^x;y\\"$!z!" `;
    const afterStrings = (await complete(naptr, 3, naptr.length - text.length)).map((item) => item.label);
    assert.ok(afterStrings.includes('www') && afterStrings.includes('mail'), afterStrings.join());
    const owners = (await complete(`${text}m`, 3, 1)).map((item) => item.label);
    assert.deepEqual(owners, ['mail']);
  });

  it('offers names at every field the type catalogue marks as a name, and not at the others', async () => {
    const hosts = 'www IN A 192.0.2.1\n';
    const at = async (line: string): Promise<string[]> =>
      (await complete(`${hosts}${line}`, 1, line.length)).map((item) => item.label);
    // AFSDB and MINFO were missing from the editor's own list before it read the catalogue.
    assert.ok((await at('db IN AFSDB 1 ')).includes('www'));
    assert.ok((await at('m IN MINFO www. ')).includes('www'));
    assert.ok((await at('mx IN MX 10 ')).includes('www'));
    assert.deepEqual(await at('mx IN MX '), [], 'not at the preference');
    assert.deepEqual(await at('s IN SRV 0 5 '), [], 'not at the weight');
  });

  it('completes diagnostic codes after zone-records-disable-line in a comment', async () => {
    const line = 'www IN A 192.0.2.1 ; zone-records-disable-line ';
    const items = await complete(line, 0, line.length);
    const labels = items.map((item) => item.label);
    for (const code of ['duplicate-record', 'cloudflare-ttl', 'missing-ttl', 'bad-ipv4'])
      assert.ok(labels.includes(code), code);
    const documentation = items.find((item) => item.label === 'duplicate-record')?.documentation;
    assert.match(typeof documentation === 'string' ? documentation : '', /same record/);
    const second = 'www IN A 192.0.2.1 ; zone-records-disable-line duplicate-record, cl';
    assert.ok((await complete(second, 0, second.length)).some((item) => item.label === 'cloudflare-ttl'));
    assert.deepEqual(await complete('www IN A 192.0.2.1 ; zone-records-disable-line', 0, 46), [], 'no blank yet');
  });

  it('outlines records by owner, with the records as children', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri },
    })) as DocumentSymbol[];
    const names = symbols.map((symbol) => symbol.name);
    assert.deepEqual(names, [
      '$ORIGIN example.com.',
      '@',
      'ns1',
      'mail',
      'xn--bcher-kva',
      '$ORIGIN sub.example.com.',
      'host.sub',
    ]);
    const apex = symbols[1];
    assert.deepEqual(
      apex.children?.map((child) => child.name),
      ['SOA ns1 hostmaster 2024010101 7200 3600 1209600 300', 'NS ns1', 'MX 10 mail'],
    );
    assert.equal(apex.range.start.line, 2);
    assert.equal(apex.range.end.line, 6);
    assert.equal(symbols[6].children?.length, 2);
  });

  it('folds parentheses, $ORIGIN blocks and comment runs', async () => {
    const ranges = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    const folds = (ranges ?? []).map((range) => [range.startLine, range.endLine, range.kind ?? '']);
    assert.deepEqual(
      folds.sort(),
      [
        [0, 9, 'region'],
        [11, 13, 'region'],
        [2, 4, ''],
      ].sort(),
    );
  });

  it('answers at the current positions after edits above (records reused from before the edit)', async () => {
    const editedUri = 'file:///virtual/shifted/example.com.zone';
    const big = zone + Array.from({ length: 400 }, (_, i) => `extra${i} IN A 192.0.2.${i % 250}`).join('\n') + '\n';
    await client.open(editedUri, big);
    await client.edit(
      editedUri,
      { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      '; one\n; two\n',
    );
    const hover: Hover | null = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: editedUri },
      position: { line: 400 + 2, character: 12 },
    });
    assert.match((hover?.contents as MarkupContent | undefined)?.value ?? '', /\*\*A\*\* \(type 1\)/);
    assert.equal(hover?.range?.start.line, 402);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri: editedUri },
    })) as DocumentSymbol[];
    const last = symbols[symbols.length - 1];
    assert.equal(last.name, 'extra399.sub');
    assert.equal(last.range.start.line, big.split('\n').indexOf('extra399 IN A 192.0.2.149') + 2);
    await client.close(editedUri);
  });

  it('formats into aligned columns, and formatting again changes nothing', async () => {
    const messy = 'www   IN A 192.0.2.1\nmail 300 IN    MX 10 www\n   IN TXT "x"\n';
    const formatUri = 'file:///virtual/format/example.com.zone';
    await client.open(formatUri, messy);
    const edits = (await client.connection.sendRequest(DocumentFormattingRequest.type, {
      textDocument: { uri: formatUri },
      options: { tabSize: 4, insertSpaces: true },
    })) as TextEdit[];
    const formatted = TextDocument.applyEdits(TextDocument.create(formatUri, 'dns-zone', 1, messy), edits);
    assert.equal(formatted, 'www      IN A   192.0.2.1\nmail 300 IN MX  10 www\n         IN TXT "x"\n');
    await client.editMany(
      formatUri,
      [...edits].reverse().map((edit) => ({ range: edit.range, text: edit.newText })),
    );
    const again = (await client.connection.sendRequest(DocumentFormattingRequest.type, {
      textDocument: { uri: formatUri },
      options: { tabSize: 4, insertSpaces: true },
    })) as TextEdit[];
    assert.deepEqual(again, []);
    await client.close(formatUri);
  });
});
