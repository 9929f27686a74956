import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { RecordUsage } from '../../../cloudflare/src/api';
import type { ApplyReport } from '../../../cloudflare/src/sync/apply';
import type { PlanSummary } from '../../../cloudflare/src/sync/plan-types';
import { liveRecords, requestCount, withWindowFunction } from '../emulator';
import { closeAll, extensionApi, fixtureUri } from '../helpers';

type PlanResult = { summary: PlanSummary };
type ProgressStep = { message?: string; increment?: number };
type WarningCall = { message: string; options: unknown; items: string[] };

const zone = 'example.org';
const batchPath = '/dns_records/batch';
const importPath = '/dns_records/import';

/** Writes a zone file next to the fixtures and returns its URI. */
function writeZoneFile(name: string, text: string): vscode.Uri {
  const uri = fixtureUri(name);
  writeFileSync(uri.fsPath, text);
  return uri;
}

/** Records `showWarningMessage` calls; a modal one is answered with `answer`, a notification with nothing. */
function answeringWarnings(calls: WarningCall[], answer: string | undefined) {
  return () =>
    (...args: never[]): Promise<string | undefined> => {
      const [message, second, ...rest] = args as unknown[];
      const options = typeof second === 'object' && second !== null ? second : undefined;
      const items = (options === undefined ? [second, ...rest] : rest).filter(
        (i): i is string => typeof i === 'string',
      );
      calls.push({ message: String(message), options, items });
      const modal = (options as { modal?: boolean } | undefined)?.modal === true;
      return Promise.resolve(modal ? answer : undefined);
    };
}

async function namesOf(type: string): Promise<string[]> {
  return (await liveRecords(zone))
    .filter((record) => record.type === type)
    .map((record) => record.name)
    .sort();
}

describe('safeguards: cancelling an apply, confirming deletes, the import quota check', () => {
  const inSync = fixtureUri('example.org.zone');
  after(closeAll);

  afterEach(async () => {
    // Whatever a test left behind, example.org goes back to its fixture for the tests after this suite.
    const settings = vscode.workspace.getConfiguration('zoneRecords');
    await settings.update('batchSize', undefined, vscode.ConfigurationTarget.Global);
    await settings.update('deleteConfirmation.maxCount', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('zoneRecords.applySync', {
      uri: inSync,
      include: ['create', 'update', 'delete'],
      allowDeletes: true,
    });
    const plan = await vscode.commands.executeCommand<PlanResult>('zoneRecords.planSync', { uri: inSync });
    assert.deepEqual(plan.summary, { create: 0, update: 0, delete: 0 }, 'example.org is back in sync');
  });

  it('cancelling the progress between chunks stops there: the first chunk is live, the rest never sent', async () => {
    const extra = ['c1', 'c2', 'c3'].map((name, i) => `${name} IN A 192.0.2.${101 + i}`).join('\n');
    const uri = writeZoneFile('cancel.example.org.zone', `${readFileSync(inSync.fsPath, 'utf8')}\n${extra}\n`);
    await vscode.workspace.getConfiguration('zoneRecords').update('batchSize', 1, vscode.ConfigurationTarget.Global);
    const batchesBefore = await requestCount('POST', batchPath);
    const progressTitles: string[] = [];
    const warnings: WarningCall[] = [];
    // The notification's Cancel button cannot be clicked from the extension host: the real withProgress runs (the
    // notification shows), but the task gets a token this test cancels when the first chunk reports progress,
    // exactly what pressing Cancel at that moment does. The command's own token subscription does the rest.
    const cancelAfterFirstChunk =
      (original: (...args: never[]) => unknown) =>
      (...args: never[]): unknown => {
        const [options, task] = args as unknown as [
          vscode.ProgressOptions,
          (progress: vscode.Progress<ProgressStep>, token: vscode.CancellationToken) => Thenable<unknown>,
        ];
        if (options.cancellable !== true) return (original as typeof vscode.window.withProgress)(options, task);
        progressTitles.push(options.title ?? '');
        return (original as typeof vscode.window.withProgress)(options, async (progress, token) => {
          const source = new vscode.CancellationTokenSource();
          const forward = token.onCancellationRequested(() => source.cancel());
          const reporting: vscode.Progress<ProgressStep> = {
            report: (value) => {
              progress.report(value);
              source.cancel();
            },
          };
          try {
            return await task(reporting, source.token);
          } finally {
            forward.dispose();
            source.dispose();
          }
        });
      };
    const report = await withWindowFunction('withProgress', cancelAfterFirstChunk, () =>
      withWindowFunction('showWarningMessage', answeringWarnings(warnings, undefined), () =>
        vscode.commands.executeCommand<ApplyReport>('zoneRecords.applySync', { uri, include: ['create'] }),
      ),
    );
    assert.deepEqual(progressTitles, [`Applying cancel.example.org.zone to ${zone}`]);
    assert.ok(report, 'the command returned its report');
    assert.equal(report.status, 'cancelled');
    assert.deepEqual(
      report.chunks.map((chunk) => [chunk.status, chunk.posts]),
      [
        ['applied', 1],
        ['not-sent', 1],
        ['not-sent', 1],
      ],
    );
    assert.match(report.message, /^Cancelled after 1 of 3 chunks applied \(chunk 1\); the rest was not sent\.$/);
    // The user is told, with a way to see what is left.
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]?.message, `Zone Records: ${zone}: ${report.message}`);
    assert.deepEqual(warnings[0]?.items, ['Plan Again']);
    // The live zone has exactly what the report says: one batch sent, one of the three records created.
    assert.equal((await requestCount('POST', batchPath)) - batchesBefore, 1);
    const created = (await namesOf('A')).filter((name) => /^c[123]\./.test(name));
    assert.equal(created.length, 1, `one of c1..c3 is live (${created.join(', ')})`);
    const again = await vscode.commands.executeCommand<PlanResult>('zoneRecords.planSync', { uri });
    assert.deepEqual(again.summary, { create: 2, update: 0, delete: 0 });
  });

  it('asks "Delete and Apply" before deleting more than the threshold: dismissed sends nothing, accepted deletes', async () => {
    await vscode.workspace
      .getConfiguration('zoneRecords')
      .update('deleteConfirmation.maxCount', 1, vscode.ConfigurationTarget.Global);
    for (const name of ['stray-a', 'stray-b']) {
      const created = await vscode.commands.executeCommand('zoneRecords.createRecord', zone, {
        type: 'TXT',
        name,
        rdata: `"${name}"`,
        ttl: 300,
        proxied: false,
        comment: '',
      });
      assert.ok(created, `TXT ${name} was created`);
    }
    const strays = [`stray-a.${zone}`, `stray-b.${zone}`];
    const apply = (): Thenable<ApplyReport | undefined> =>
      vscode.commands.executeCommand<ApplyReport | undefined>('zoneRecords.applySync', {
        uri: inSync,
        include: ['delete'],
      });

    const dismissed: WarningCall[] = [];
    const batchesBefore = await requestCount('POST', batchPath);
    const refused = await withWindowFunction('showWarningMessage', answeringWarnings(dismissed, undefined), apply);
    assert.equal(refused, undefined);
    assert.equal(dismissed.length, 1, 'the modal question was asked once');
    const question = dismissed[0];
    assert.equal(question?.message, `Delete 2 records from ${zone}?`);
    assert.equal((question?.options as { modal?: boolean }).modal, true);
    const detail = (question?.options as { detail?: string }).detail ?? '';
    assert.match(detail, /^The plan deletes 2 of \d+ records \(\d+ %\), more than the limit of 1 records or 25 %\./);
    assert.doesNotMatch(detail, /--allow-deletes/);
    assert.deepEqual(question?.items, ['Delete and Apply']);
    assert.equal((await requestCount('POST', batchPath)) - batchesBefore, 0, 'nothing was sent');
    assert.deepEqual(
      (await namesOf('TXT')).filter((name) => name.startsWith('stray-')),
      strays,
    );

    const accepted: WarningCall[] = [];
    const report = await withWindowFunction(
      'showWarningMessage',
      answeringWarnings(accepted, 'Delete and Apply'),
      apply,
    );
    assert.equal(accepted.length, 1);
    assert.ok(report, 'the command returned its report');
    assert.equal(report.status, 'applied');
    assert.match(report.message, /0 created, 0 updated, 2 deleted/);
    assert.equal((await requestCount('POST', batchPath)) - batchesBefore, 1);
    assert.deepEqual(
      (await namesOf('TXT')).filter((name) => name.startsWith('stray-')),
      [],
    );
  });

  it('refuses an import that the usage pre-flight shows would exceed the quota, before sending it', async () => {
    const usage = await vscode.commands.executeCommand<RecordUsage>('zoneRecords.showUsage', zone);
    assert.ok(usage.record_quota !== null, 'the emulator zone has a per-zone quota');
    // One record more than fits: the boundary of the check.
    const incoming = usage.record_quota - usage.record_usage + 1;
    const lines = Array.from({ length: incoming }, (_, i) => `q${i} IN TXT "quota ${i}"`);
    const uri = writeZoneFile('quota.example.org.zone', `$ORIGIN ${zone}.\n$TTL 300\n${lines.join('\n')}\n`);
    const api = await extensionApi();
    const failuresBefore = api.failures.length;
    const importsBefore = await requestCount('POST', importPath);
    const before = await liveRecords(zone);
    const result = await vscode.commands.executeCommand('zoneRecords.importZone', {
      uri,
      proxied: false,
      acceptWarnings: true,
    });
    assert.equal(result, undefined);
    assert.equal(api.failures.length, failuresBefore + 1);
    const quota = usage.record_quota.toLocaleString('en-US');
    assert.match(
      api.failures.at(-1) ?? '',
      new RegExp(
        `^Importing the zone file failed: Importing ${incoming} records into example\\.org would exceed its quota ` +
          `\\(${usage.record_usage} / ${quota} used\\)\\. Delete records or upgrade the plan first\\.$`,
      ),
    );
    assert.equal((await requestCount('POST', importPath)) - importsBefore, 0, 'the file was not sent');
    assert.deepEqual(await liveRecords(zone), before);
  });
});
