import {
  applyPlan,
  type ApplyProgress,
  type ApplyReport,
  batchLimitOfPlan,
  CloudflareClient,
  CloudflareError,
  deleteGuardMessage,
  formatBudget,
  formatPlanText,
  formatRefusedChange,
  isPaidPlan,
  isEmptyPlan,
  type Plan,
  planSync,
  planToJson,
  preflightMessage,
  preflightProblems,
  type PreflightProblem,
  type RefusedChange,
  syncApiOf,
  type Zone,
} from '../../cloudflare/src/index';
import { parseSyncArguments, type SyncArguments } from './sync-args';
import { loadZoneFile } from './sync-zone';

/** `zone-records plan`: exit 0 when there is nothing to do, 3 when there are changes, 1 on error, 2 on bad usage. */
export function runPlan(argv: string[]): Promise<number> {
  return runSync('plan', argv);
}

/** `zone-records apply`: exit 0 when everything was applied, 1 on error or a partial apply, 2 on bad usage. */
export function runApply(argv: string[]): Promise<number> {
  return runSync('apply', argv);
}

class SyncFailure extends Error {}

async function runSync(command: 'plan' | 'apply', argv: string[]): Promise<number> {
  const parsed = parseSyncArguments(command, argv);
  if (parsed.kind === 'help') {
    process.stdout.write(parsed.text);
    return 0;
  }
  if (parsed.kind === 'usage-error') {
    process.stderr.write(
      `zone-records ${command}: ${parsed.message}\n(zone-records ${command} --help shows the options)\n`,
    );
    return 2;
  }
  let client: CloudflareClient | undefined;
  try {
    // Not interactive: a used-up rate window (Cloudflare's is 5 minutes) is waited out rather than failed.
    client = new CloudflareClient({ retry: { maxRetryAfterMs: 6 * 60_000 } });
    const prepared = await preparePlan(client, parsed.args);
    const status =
      command === 'plan' ? printPlan(prepared, parsed.args) : await applyAndReport(client, prepared, parsed.args);
    const budget = client.rateBudget();
    if (budget !== undefined && parsed.args.format === 'text') {
      process.stderr.write(`zone-records ${command}: API budget ${formatBudget(budget)}\n`);
    }
    return status;
  } catch (error) {
    if (error instanceof SyncFailure || error instanceof CloudflareError) {
      process.stderr.write(`zone-records ${command}: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await client?.close();
  }
}

interface PreparedSync {
  readonly plan: Plan;
  readonly zoneId: string;
  readonly batchSize: number;
  /** Records of the file Cloudflare would refuse; apply sends nothing while there are any. */
  readonly preflight: readonly PreflightProblem[];
}

async function preparePlan(client: CloudflareClient, args: SyncArguments): Promise<PreparedSync> {
  const zone = await resolveZone(client, args);
  const loaded = loadZoneFile(args.file, zone.name);
  if (!loaded.ok) throw new SyncFailure(loaded.message);
  const plan = await planSync(syncApiOf(client), loaded, {
    zoneId: zone.id,
    zone: loaded.zone,
    updateMethod: args.updateMethod,
  });
  // An unknown plan counts as Free: tags are then refused before sending rather than by Cloudflare.
  const preflight = preflightProblems(loaded.desired, { freePlan: !isPaidPlan(zone.plan) });
  return { plan, zoneId: zone.id, batchSize: args.batchSize ?? batchLimitOfPlan(zone.plan), preflight };
}

async function resolveZone(
  client: CloudflareClient,
  args: SyncArguments,
): Promise<{ id: string; name: string | undefined; plan: Zone['plan'] | undefined }> {
  if (args.zoneName !== undefined) {
    const zone = await client.findZone(args.zoneName);
    if (zone === undefined) {
      throw new SyncFailure(
        `no zone named ${args.zoneName} is visible to this API token; check the name, or the token's Zone Read permission`,
      );
    }
    return { id: zone.id, name: zone.name, plan: zone.plan };
  }
  const id = args.zoneId as string;
  for await (const zone of client.iterateZones()) {
    if (zone.id === id) return { id, name: zone.name, plan: zone.plan };
  }
  return { id, name: undefined, plan: undefined };
}

function printPlan({ plan, preflight }: PreparedSync, args: SyncArguments): number {
  if (args.format === 'json') process.stdout.write(`${JSON.stringify(planToJson(plan), null, 2)}\n`);
  else {
    process.stdout.write(formatPlanText(plan));
    if (plan.deleteGuard.exceeded) process.stdout.write(`warning: ${deleteGuardMessage(plan)}\n`);
  }
  if (preflight.length > 0) process.stderr.write(`zone-records plan: ${preflightMessage(preflight)}\n`);
  return isEmptyPlan(plan) ? 0 : 3;
}

async function applyAndReport(client: CloudflareClient, prepared: PreparedSync, args: SyncArguments): Promise<number> {
  const { plan, zoneId, batchSize, preflight } = prepared;
  const json = args.format === 'json';
  const controller = new AbortController();
  const stop = (): void => {
    if (controller.signal.aborted) {
      process.stderr.write('zone-records apply: stopped at once; run the plan again to see what is left\n');
      process.exit(130);
    }
    controller.abort();
    process.stderr.write('zone-records apply: stopping after the chunk in flight (Ctrl-C again to stop at once)\n');
  };
  // Listen before printing the plan: a Ctrl-C right after it must stop between chunks, not kill the process.
  process.on('SIGINT', stop);
  if (!json) process.stdout.write(formatPlanText(plan));
  let report: ApplyReport;
  try {
    report = await applyPlan(syncApiOf(client), zoneId, plan, {
      batchSize,
      allowDeletes: args.allowDeletes,
      skipFailing: args.skipFailing,
      preflight,
      signal: controller.signal,
      onChunk: json ? undefined : (progress) => process.stdout.write(`${formatProgress(progress)}\n`),
    });
  } finally {
    process.removeListener('SIGINT', stop);
  }
  if (json) {
    process.stdout.write(`${JSON.stringify({ plan: planToJson(plan), apply: reportToJson(report) }, null, 2)}\n`);
  }
  if (report.status === 'applied' && report.skippedChanges === undefined) {
    if (!json) process.stdout.write(`${report.message}\n`);
    return 0;
  }
  process.stderr.write(`zone-records apply: ${report.message}\n`);
  return 1;
}

function formatProgress(progress: ApplyProgress): string {
  const { chunk } = progress;
  const parts = [
    chunk.deletes > 0 ? `${chunk.deletes} deleted` : '',
    chunk.patches + chunk.puts > 0 ? `${chunk.patches + chunk.puts} updated` : '',
    chunk.posts > 0 ? `${chunk.posts} created` : '',
  ].filter((part) => part !== '');
  return `applied chunk ${progress.index + 1}/${progress.total}: ${parts.join(', ')} (${progress.appliedChanges}/${progress.totalChanges} changes)`;
}

function reportToJson(report: ApplyReport): unknown {
  const error = report.error instanceof Error ? report.error.message : report.error;
  const refused = (change: RefusedChange): unknown => ({
    record: formatRefusedChange(change),
    name: change.name,
    type: change.type,
    ...(change.line === undefined ? {} : { line: change.line + 1 }),
    error: change.error,
  });
  return {
    status: report.status,
    message: report.message,
    chunks: report.chunks,
    ...(error === undefined ? {} : { error }),
    ...(report.failing === undefined ? {} : { failing: refused(report.failing) }),
    ...(report.skippedChanges === undefined ? {} : { skipped: report.skippedChanges.map(refused) }),
    ...(report.preflight === undefined
      ? {}
      : { preflight: report.preflight.map((problem) => ({ ...problem, line: (problem.line ?? -1) + 1 })) }),
  };
}
