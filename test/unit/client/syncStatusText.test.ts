import * as assert from 'node:assert/strict';
import { convertZoneRecord } from '../../../cloudflare/src/sync/plan-convert';
import { desiredRecordsOf, liveRecordOf } from '../../../cloudflare/src/sync/plan-records';
import { computePlan } from '../../../cloudflare/src/sync/planner';
import { driftCount, driftOf } from '../../../client/src/state/drift';
import { changesText, syncLenses, syncStatusBarText } from '../../../client/src/text/syncStatusText';
import { parse } from '../../../core/src/parse/parser';

describe('the sync state of a zone file', () => {
  it('counts only the kinds of change there are', () => {
    assert.equal(changesText({ create: 3, update: 1, delete: 0 }), '3 to create, 1 to update');
    assert.equal(changesText({ create: 0, update: 0, delete: 2 }), '2 to delete');
    assert.equal(changesText({ create: 0, update: 0, delete: 0 }), 'in sync');
  });

  it('reads as the CodeLens above the SOA: the state, then Plan Sync', () => {
    const lenses = syncLenses({ kind: 'planned', zone: 'example.com', summary: { create: 3, update: 1, delete: 0 } });
    assert.deepEqual(
      lenses.map((lens) => [lens.title, lens.command]),
      [
        ['example.com on Cloudflare · 3 to create, 1 to update', 'zoneRecords.planSync'],
        ['Plan Sync', 'zoneRecords.planSync'],
      ],
    );
    const inSync = syncLenses({ kind: 'planned', zone: 'example.com', summary: { create: 0, update: 0, delete: 0 } });
    assert.deepEqual(
      inSync.map((lens) => lens.title),
      ['example.com on Cloudflare · in sync'],
    );
  });

  it('says what to do first when it cannot compare', () => {
    const noToken = syncLenses({ kind: 'problem', reason: 'no-credentials', zone: 'example.com', message: '' });
    assert.deepEqual(
      noToken.map((lens) => lens.command),
      ['zoneRecords.setToken', 'zoneRecords.tryEmulator'],
    );
    const lint = syncLenses({
      kind: 'problem',
      reason: 'lint-errors',
      zone: 'example.com',
      message: 'x',
      errorCount: 2,
    });
    assert.equal(lint[0]?.title, 'example.com · 2 lint errors to fix before a sync');
    const unknown = syncLenses({ kind: 'problem', reason: 'unknown-zone', message: 'cannot tell' });
    assert.equal(unknown[0]?.command, 'zoneRecords.linkZoneFile');
  });

  it('keeps the status bar item short', () => {
    assert.equal(
      syncStatusBarText({ kind: 'planned', zone: 'example.com', summary: { create: 3, update: 1, delete: 0 } }).title,
      '$(cloud-upload) example.com: 4 to sync',
    );
    assert.equal(
      syncStatusBarText({ kind: 'planned', zone: 'example.com', summary: { create: 0, update: 0, delete: 0 } }).title,
      '$(check) example.com: in sync',
    );
  });

  it('decorates live records by what a sync would do to them', () => {
    const file = ['$ORIGIN example.com.', 'www 300 IN A 192.0.2.1', 'new 300 IN A 192.0.2.2', ''].join('\n');
    const desired = desiredRecordsOf(parse(file, { origin: 'example.com.' }), convertZoneRecord);
    const live = [
      { id: 'a'.repeat(32), type: 'A', name: 'www.example.com', content: '192.0.2.1', ttl: 600 },
      { id: 'b'.repeat(32), type: 'A', name: 'old.example.com', content: '192.0.2.9', ttl: 300 },
    ].map(liveRecordOf);
    const drift = driftOf(computePlan(desired.desired, live, { zone: 'example.com', skipped: desired.skipped }));
    assert.equal(drift.byRecordId.get('a'.repeat(32)), 'changed');
    assert.equal(drift.byRecordId.get('b'.repeat(32)), 'cloudflare-only');
    assert.deepEqual(
      drift.missing.map((record) => [record.name, record.display, record.line]),
      [['new.example.com', '192.0.2.2', 2]],
    );
    assert.equal(driftCount(drift), 3);
  });
});
