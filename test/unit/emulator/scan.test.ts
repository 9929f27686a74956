/* eslint-disable @typescript-eslint/no-unsafe-member-access -- the tests read JSON answers (result: any) and assert the shape of each field they use */
import assert from 'node:assert/strict';
import { errorCode, startTestApi, type TestApi } from './helpers';

describe('emulator: DNS scan', () => {
  let api: TestApi;
  beforeEach(async () => {
    api = await startTestApi({
      scanCandidates: [
        { name: '@', type: 'A', content: '192.0.2.1' },
        { name: 'www', type: 'CNAME', content: '@' },
        { name: '@', type: 'MX', content: 'mail', priority: 10 },
      ],
    });
  });
  afterEach(async () => {
    await api.emulator.stop();
  });

  it('triggers a scan whose proposals wait for review, then accepts and rejects them', async () => {
    const trigger = await api.call('POST', `${api.records}/scan/trigger`, {});
    assert.equal(trigger.status, 200);
    assert.equal(trigger.body.success, true);
    assert.equal('result' in trigger.body, false, 'the trigger answer has no result');
    assert.equal(api.emulator.records('example.com').length, 0, 'a triggered scan adds nothing by itself');

    const review = await api.call('GET', `${api.records}/scan/review`);
    const proposals = review.body.result as { id: string; type: string; name: string; content: string }[];
    assert.deepEqual(proposals.map((record) => `${record.type} ${record.name} ${record.content}`).sort(), [
      'A example.com 192.0.2.1',
      'CNAME www.example.com example.com',
      'MX example.com mail.example.com',
    ]);
    const a = proposals.find((record) => record.type === 'A');
    const mx = proposals.find((record) => record.type === 'MX');
    assert.ok(a !== undefined && mx !== undefined);

    const applied = await api.call('POST', `${api.records}/scan/review`, {
      accepts: [{ type: 'A', name: a.name, content: a.content, ttl: 1 }],
      rejects: [{ id: mx.id }],
    });
    assert.equal(applied.status, 200, JSON.stringify(applied.body.errors));
    assert.equal(applied.body.result.accepts[0].content, '192.0.2.1');
    assert.deepEqual(applied.body.result.rejects, [mx.id]);
    assert.deepEqual(
      api.emulator.records('example.com').map((record) => record['type']),
      ['A'],
    );
    const left = (await api.call('GET', `${api.records}/scan/review`)).body.result as { type: string }[];
    assert.deepEqual(
      left.map((record) => record.type),
      ['CNAME'],
    );
  });

  it('accepts a proposal by id, with fields to change', async () => {
    await api.call('POST', `${api.records}/scan/trigger`, {});
    const proposals = (await api.call('GET', `${api.records}/scan/review`)).body.result as {
      id: string;
      type: string;
    }[];
    const cname = proposals.find((record) => record.type === 'CNAME');
    assert.ok(cname !== undefined);
    const applied = await api.call('POST', `${api.records}/scan/review`, { accepts: [{ id: cname.id, ttl: 300 }] });
    assert.equal(applied.status, 200, JSON.stringify(applied.body.errors));
    assert.equal(applied.body.result.accepts[0].name, 'www.example.com');
    assert.equal(applied.body.result.accepts[0].ttl, 300);
    assert.notEqual(applied.body.result.accepts[0].id, cname.id, 'the accepted record is a new zone record');
    const left = (await api.call('GET', `${api.records}/scan/review`)).body.result as { type: string }[];
    assert.deepEqual(left.map((record) => record.type).sort(), ['A', 'MX']);
  });

  it('rejects an unknown proposal id without applying the accepts', async () => {
    await api.call('POST', `${api.records}/scan/trigger`, {});
    const answer = await api.call('POST', `${api.records}/scan/review`, {
      accepts: [{ type: 'A', name: 'ok', content: '192.0.2.9', ttl: 1 }],
      rejects: [{ id: 'e'.repeat(32) }],
    });
    assert.equal(errorCode(answer), 81044);
    assert.equal(api.emulator.records('example.com').length, 0);
  });

  it('proposes only what fits next to the existing records', async () => {
    await api.create({ type: 'CNAME', name: '@', content: 'elsewhere.example.net' });
    await api.call('POST', `${api.records}/scan/trigger`, {});
    const proposals = (await api.call('GET', `${api.records}/scan/review`)).body.result as { type: string }[];
    assert.deepEqual(
      proposals.map((record) => record.type).sort(),
      ['CNAME', 'MX'],
      'no apex A next to the apex CNAME',
    );
  });

  it('adds the records at once with the deprecated scan endpoint', async () => {
    const answer = await api.call('POST', `${api.records}/scan`, {});
    assert.deepEqual(answer.body.result, { recs_added: 3, total_records_parsed: 3 });
    assert.equal(api.emulator.records('example.com').length, 3);
    const again = await api.call('POST', `${api.records}/scan`, {});
    assert.deepEqual(again.body.result, { recs_added: 0, total_records_parsed: 0 }, 'nothing new the second time');
  });
});
