/* eslint-disable @typescript-eslint/no-unsafe-member-access -- the tests read JSON answers (result: any) and assert the shape of each field they use */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { canonicalContent, parse } from '../../../core/src/index';
import { errorCode, importZone, startTestApi, type TestApi } from './helpers';

/**
 * Cloudflare's API stores and returns TXT content exactly as it was sent; only the dashboard shows it quoted
 * (issue 15, from four clients driven against the real API). The zone file export must still write valid TXT.
 */
describe('emulator: TXT content as sent', () => {
  let api: TestApi;
  before(async () => {
    // The property imports once per run, more often than Cloudflare's 3 per minute (rate-limit.test.ts has that).
    api = await startTestApi({ importRateLimit: { requests: 1000, windowMs: 60_000 } });
  });
  afterEach(() => api.emulator.reset());
  after(async () => {
    await api.emulator.stop();
  });

  const listIds = async (query: string): Promise<string[]> => {
    const answer = await api.call('GET', `${api.records}?${query}`);
    assert.equal(answer.status, 200, JSON.stringify(answer.body.errors));
    return (answer.body.result as { id: string }[]).map((record) => record.id);
  };
  const exportText = async (): Promise<string> => (await api.call('GET', `${api.records}/export`)).text;

  it('returns unquoted and quoted content unchanged, and finds it again with content=', async () => {
    for (const content of ['Xk3-token_value', 'v=spf1 include:_spf.example.net ~all', '"already" "quoted"']) {
      const created = await api.create({ type: 'TXT', name: '_acme-challenge', content });
      assert.equal(created.status, 200, JSON.stringify(created.body.errors));
      assert.equal(created.body.result.content, content);
      const details = await api.call('GET', `${api.records}/${created.body.result.id}`);
      assert.equal(details.body.result.content, content);
      const found = await listIds(`type=TXT&name=_acme-challenge.example.com&content=${encodeURIComponent(content)}`);
      assert.deepEqual(found, [created.body.result.id], content);
    }
  });

  it('lets a DNS-01 challenge be created, found by its value and deleted', async () => {
    const value = 'LoqXcYV8q5ONbJQxbmR7SCTNo3tiAXDfowyjxAjEuX0';
    const created = await api.create({ type: 'TXT', name: '_acme-challenge.example.com', content: value, ttl: 120 });
    const [id] = await listIds(`type=TXT&name=_acme-challenge.example.com&content=${value}`);
    assert.equal(id, created.body.result.id);
    assert.equal((await api.call('DELETE', `${api.records}/${id}`)).status, 200);
    assert.deepEqual(await listIds('type=TXT'), []);
  });

  it('treats the quoted and unquoted spelling of one text as a duplicate (81057)', async () => {
    assert.equal((await api.create({ type: 'TXT', name: 'dup', content: 'hello world' })).status, 200);
    assert.equal(errorCode(await api.create({ type: 'TXT', name: 'dup', content: '"hello world"' })), 81057);
    assert.equal((await api.create({ type: 'TXT', name: 'dup', content: '"hello" "world"' })).status, 200);
  });

  it('exports unquoted content quoted (split at 255 bytes) and quoted content as it is', async () => {
    await api.create({ type: 'TXT', name: 'plain', content: 'say "hi" \\ bye' });
    await api.create({ type: 'TXT', name: 'long', content: 'x'.repeat(300) });
    await api.create({ type: 'TXT', name: 'kept', content: '"a b" "c"' });
    const text = await exportText();
    assert.match(text, /^plain\.example\.com\. 1 IN TXT "say \\"hi\\" \\\\ bye"$/m);
    assert.match(text, new RegExp(`^long\\.example\\.com\\. 1 IN TXT "x{255}" "x{45}"$`, 'm'));
    assert.match(text, /^kept\.example\.com\. 1 IN TXT "a b" "c"$/m);
    const errors = parse(text, { origin: 'example.com.' }).diagnostics.filter((d) => d.severity === 'error');
    assert.deepEqual(errors, []);
  });

  it('keeps any text through create, content filter, export and import (property)', async function () {
    this.timeout(60_000);
    const text = fc
      .string({ minLength: 1, maxLength: 400, unit: 'grapheme' })
      .filter((s) => s.trim() !== '' && s === s.trim() && !/[\r\n]/.test(s) && !s.startsWith('"'));
    await fc.assert(
      fc.asyncProperty(text, async (content) => {
        api.emulator.reset();
        const created = await api.create({ type: 'TXT', name: 'prop', content });
        assert.equal(created.status, 200, JSON.stringify(created.body.errors));
        assert.equal(created.body.result.content, content);
        assert.deepEqual(await listIds(`type=TXT&content=${encodeURIComponent(content)}`), [created.body.result.id]);
        const exported = await exportText();
        api.emulator.reset();
        const imported = await importZone(api, exported);
        assert.equal(imported.status, 200, imported.text);
        const [record] = api.emulator.records(api.zoneId);
        const canonical = (value: string) => canonicalContent({ type: 'TXT', name: 'prop', ttl: 1, content: value });
        assert.equal(canonical(String(record?.['content'])), canonical(content));
      }),
      { numRuns: 40 },
    );
  });
});
