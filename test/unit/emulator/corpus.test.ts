import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { importZone, recordLines, startTestApi, type TestApi } from './helpers';

const projectRoot = resolve(__dirname, '../../..');
const shared = resolve(projectRoot, '../shared/zones');

interface CorpusFile {
  readonly file: string;
  readonly origin: string;
}

/** The corpus files that load in their upstream harness, are small enough to import and include nothing. */
function importableCandidates(): CorpusFile[] {
  const rows = readFileSync(join(shared, 'manifest.tsv'), 'utf8').trim().split('\n').slice(1);
  return rows
    .map((row) => row.split('\t'))
    .filter((columns) => columns[6] === 'valid' && Number(columns[9]) <= 262_144)
    .map((columns) => ({ file: columns[0] ?? '', origin: (columns[5] ?? '').replace(/\.$/, '') }))
    .filter(
      (entry) => entry.origin !== '' && !/^\$INCLUDE/im.test(readFileSync(join(shared, 'corpus', entry.file), 'utf8')),
    );
}

describe('emulator: import/export round trip on the zone corpus', function () {
  this.timeout(60_000);
  if (!existsSync(join(shared, 'manifest.tsv'))) {
    it('skipped: ../shared/zones is absent (the corpus is read in place, never copied)');
    return;
  }
  const files = importableCandidates();
  const origins = [...new Set(files.map((entry) => entry.origin.toLowerCase()))];
  let api: TestApi;
  before(async () => {
    api = await startTestApi({ plan: 'enterprise', zones: origins.map((name) => ({ name })) });
  });
  after(async () => {
    await api.emulator.stop();
  });

  it('every file Cloudflare accepts exports to text that imports back to the same records', async () => {
    const accepted: string[] = [];
    const refused: string[] = [];
    for (const entry of files) {
      api.emulator.reset();
      const zone: TestApi = { ...api, zoneId: api.emulator.zoneId(entry.origin) };
      const text = readFileSync(join(shared, 'corpus', entry.file), 'utf8');
      const first = await importZone(zone, text);
      if (first.status !== 200) {
        refused.push(`${entry.file}: ${first.body.errors[0]?.message ?? first.status}`);
        continue;
      }
      accepted.push(entry.file);
      const before = recordLines(zone);
      const exported = await fetch(`${api.emulator.url}/zones/${zone.zoneId}/dns_records/export`, {
        headers: { authorization: `Bearer ${api.emulator.token}` },
      });
      const exportedText = await exported.text();
      api.emulator.reset();
      const second = await importZone(zone, exportedText);
      assert.equal(second.status, 200, `${entry.file}: the export does not import: ${second.text}`);
      assert.deepEqual(recordLines(zone), before, `${entry.file}: the round trip changed records`);
    }
    // Most corpus files use types or TTLs Cloudflare refuses; enough must still be served to make this test mean something.
    if (process.env['SHOW_REFUSED']) process.stdout.write(refused.join('\n') + '\n');
    process.stdout.write(`      ${accepted.length} of ${files.length} corpus files imported and round-tripped\n`);
    assert.ok(accepted.length >= 10, `only ${accepted.length} corpus files imported:\n${refused.join('\n')}`);
  });
});
