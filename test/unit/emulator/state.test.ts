/* eslint-disable @typescript-eslint/no-unsafe-member-access -- the tests read JSON answers (result: any) and assert the shape of each field they use */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../../../emulator/src/index';
import { startTestApi } from './helpers';

describe('emulator: state file', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'zone-records-state-'));
  });
  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('keeps zones and records across restarts', async () => {
    const statePath = join(folder, 'state.json');
    const first = await startTestApi({
      statePath,
      // example.com is a Pro zone: the record below has tags, which a Free zone refuses.
      zones: [{ name: 'example.com', plan: 'pro' }, { name: 'example.org' }],
    });
    const created = await first.create({
      type: 'A',
      name: 'www',
      content: '192.0.2.1',
      comment: 'kept',
      tags: ['a:b'],
    });
    await first.emulator.stop();
    assert.deepEqual(readdirSync(folder), ['state.json'], 'no temporary file is left behind');

    const second = await startTestApi({ statePath, zones: [{ name: 'example.com' }] });
    try {
      assert.deepEqual(
        second.emulator.zones.map((zone) => `${zone.name} ${zone.plan}`),
        ['example.com pro', 'example.org free'],
      );
      const read = await second.call('GET', `${second.records}/${created.body.result.id}`);
      assert.deepEqual(read.body.result, created.body.result);
      await second.call('DELETE', `${second.records}/${created.body.result.id}`);
      const saved = JSON.parse(readFileSync(statePath, 'utf8')) as { zones: { records: unknown[] }[] };
      assert.equal(saved.zones[0]?.records.length, 0, 'a delete is written at once');
    } finally {
      await second.emulator.stop();
    }
  });

  it('writes failed requests nowhere: a refused change leaves the file as it was', async () => {
    const statePath = join(folder, 'state.json');
    const api = await startTestApi({ statePath });
    try {
      await api.create({ type: 'A', name: 'www', content: '192.0.2.1' });
      const before = readFileSync(statePath, 'utf8');
      assert.equal((await api.create({ type: 'CNAME', name: 'www', content: 'x.example.net' })).status, 400);
      assert.equal(readFileSync(statePath, 'utf8'), before);
    } finally {
      await api.emulator.stop();
    }
  });

  it('refuses a state file that is not one, saying which file and why', async () => {
    const statePath = join(folder, 'broken.json');
    writeFileSync(statePath, '{"version": 1, "zones": [');
    await assert.rejects(startEmulator({ statePath }), /broken\.json is not valid JSON/);
    writeFileSync(statePath, '{"version": 7, "zones": []}');
    await assert.rejects(startEmulator({ statePath }), /unsupported version 7/);
    await assert.rejects(
      startEmulator({ statePath: join(folder, 'missing-folder', 'state.json') }),
      /cannot write the state file .*missing-folder.*state\.json/,
    );
  });
});
