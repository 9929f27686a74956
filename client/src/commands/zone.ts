import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  type DnsRecord,
  type ImportResult,
  liveRecordOf,
  type RecordPatch,
  type RecordUsage,
  type ScanReviewResult,
} from '../../../cloudflare/src/index';
import { UserError } from '../errors';
import { formatUsage, recordRdata } from '../text/recordText';
import { describeDiagnostics, loadZoneDocument, zoneDocument } from '../zoneFile';
import { pick, resolveZone, type CommandContext, type ZoneTarget } from './context';
import { languageId } from '../../../protocol/src/index';

/** Cloudflare's import limit. */
const importLimitBytes = 256 * 1024;

/** Opens the zone's BIND export in an untitled `dns-zone` editor (the language server lints it). */
export async function exportZone(context: CommandContext, target?: ZoneTarget): Promise<vscode.TextDocument> {
  const zone = await resolveZone(context, target);
  const client = await context.session.client();
  const text = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Exporting ${zone.name}…` },
    () => client.exportZone(zone.id),
  );
  // Named after the zone: the language server lints it with the right origin, the CodeLens compares it with the
  // live zone, and Save proposes example.com.zone. Comments, tags and proxy status are in it as cf_tags.
  const document = await vscode.workspace.openTextDocument(
    vscode.Uri.from({ scheme: 'untitled', path: `${zone.name}.zone` }),
  );
  const editor = await vscode.window.showTextDocument(document);
  const whole = new vscode.Range(0, 0, document.lineCount, 0);
  await editor.edit((edit) => edit.replace(whole, text));
  if (document.languageId !== languageId) await vscode.languages.setTextDocumentLanguage(document, languageId);
  context.logger.info(`Exported ${zone.name} (${text.length} characters).`);
  return document;
}

export interface ImportArgs {
  readonly uri?: vscode.Uri;
  /** The zone to import into; defaults to the zone the file names. */
  readonly zone?: string;
  readonly proxied?: boolean;
  /** Imports despite lint warnings without asking. */
  readonly acceptWarnings?: boolean;
}

/**
 * Imports the active zone file: lint first (errors block, warnings ask), then the proxied choice, a pre-flight
 * check of the zone's record quota, then the upload; reports `recs_added` of `total_records_parsed`.
 */
export async function importZone(
  context: CommandContext,
  target: ImportArgs | vscode.Uri = {},
): Promise<ImportResult | undefined> {
  // Menus on an editor pass its URI.
  const args: ImportArgs = target instanceof vscode.Uri ? { uri: target } : target;
  const document = await zoneDocument(args.uri);
  const fileName = path.basename(document.uri.path);
  const file = loadZoneDocument(
    document,
    args.zone,
    (errors) =>
      `${fileName} has ${errors.length} lint error(s); fix them first (see the Problems view):\n` +
      describeDiagnostics(errors),
  );
  if (file.parsed.directives.some((directive) => directive.name === '$INCLUDE')) {
    throw new UserError(`${fileName} uses $INCLUDE, which Cloudflare's import does not accept. Inline the file.`);
  }
  if (Buffer.byteLength(file.text, 'utf8') > importLimitBytes) {
    throw new UserError(`${fileName} is larger than Cloudflare's import limit of 256 KiB. Split it, or use Sync.`);
  }
  if (file.warnings.length > 0 && args.acceptWarnings !== true) {
    const answer = await vscode.window.showWarningMessage(
      `${fileName} has ${file.warnings.length} lint warning(s). Import anyway?`,
      { modal: true, detail: describeDiagnostics(file.warnings) },
      'Import',
    );
    if (answer !== 'Import') return undefined;
  }
  const zone = await resolveZone(context, { zone: file.zone });
  const proxied =
    args.proxied ??
    (
      await pick(
        [
          {
            label: 'Proxy imported records',
            description: 'A, AAAA and CNAME records through Cloudflare, as the dashboard offers',
            value: true,
          },
          { label: 'DNS only', description: 'A, AAAA and CNAME records unproxied', value: false },
        ],
        {
          title: `Zone Records: import ${fileName} into ${zone.name}`,
          // Cloudflare's import lets a record's own tag win over the form field.
          placeHolder: "Proxy imported records? A record's cf-proxied tag in the file takes precedence.",
        },
      )
    ).value;
  const client = await context.session.client();
  const incoming = file.parsed.records.filter((record) => record.type !== 'SOA').length;
  const usage = await client.usage(zone.id);
  if (usage.record_quota !== null && usage.record_usage + incoming > usage.record_quota) {
    throw new UserError(
      `Importing ${incoming} records into ${zone.name} would exceed its quota ` +
        `(${formatUsage(usage.record_usage, usage.record_quota)} used). Delete records or upgrade the plan first.`,
    );
  }
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Importing ${fileName} into ${zone.name}…` },
    () => client.importZone(zone.id, file.text, { proxied }),
  );
  const message = `Imported ${result.recs_added} of ${result.total_records_parsed} records from ${fileName} into ${zone.name}.`;
  context.logger.info(message);
  void vscode.window.showInformationMessage(`Zone Records: ${message}`);
  context.tree.refresh();
  return result;
}

/** The deprecated synchronous scan: adds the records it finds at once. */
export async function scanZone(context: CommandContext, target?: ZoneTarget): Promise<ImportResult> {
  const zone = await resolveZone(context, target);
  const client = await context.session.client();
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Scanning ${zone.name} (deprecated API)…` },
    () => client.scan(zone.id),
  );
  const message = `Scan (deprecated API) added ${result.recs_added} of ${result.total_records_parsed} records found in ${zone.name}.`;
  context.logger.info(message);
  void vscode.window.showInformationMessage(`Zone Records: ${message}`);
  context.tree.refresh();
  return result;
}

/** Starts a scan whose findings wait for review. */
export async function triggerScan(context: CommandContext, target?: ZoneTarget): Promise<readonly DnsRecord[]> {
  const zone = await resolveZone(context, target);
  const client = await context.session.client();
  await client.triggerScan(zone.id);
  const found = await client.listScanned(zone.id);
  const message = `Scan of ${zone.name} started; ${found.length} record(s) wait for review so far.`;
  context.logger.info(message);
  void vscode.window.showInformationMessage(`Zone Records: ${message}`, 'Review').then((choice) => {
    if (choice === 'Review') void vscode.commands.executeCommand('zoneRecords.reviewScan', zone.id);
  });
  context.tree.refresh(zone.id);
  return found;
}

/**
 * Reviews scan findings: a multi-select pick of records to accept, then of records to reject; the rest stay for
 * later. `{ accept, reject }` (record ids) answers both without asking.
 */
export async function reviewScan(
  context: CommandContext,
  target?: ZoneTarget,
  args?: { readonly accept?: readonly string[]; readonly reject?: readonly string[] },
): Promise<ScanReviewResult | undefined> {
  const zone = await resolveZone(context, target);
  const client = await context.session.client();
  const scanned = await client.listScanned(zone.id);
  if (scanned.length === 0) {
    void vscode.window.showInformationMessage(`Zone Records: no scan results wait for review in ${zone.name}.`);
    return undefined;
  }
  const item = (record: DnsRecord): vscode.QuickPickItem & { record: DnsRecord } => ({
    label: `${record.type} ${record.name}`,
    description: recordRdata(record),
    record,
  });
  let accepted: DnsRecord[];
  let rejected: DnsRecord[];
  if (args) {
    accepted = scanned.filter((record) => args.accept?.includes(record.id));
    rejected = scanned.filter((record) => args.reject?.includes(record.id));
  } else {
    accepted = (await pickMany(scanned.map(item), `Accept which records into ${zone.name}?`)).map((i) => i.record);
    const rest = scanned.filter((record) => !accepted.includes(record));
    rejected =
      rest.length === 0
        ? []
        : (await pickMany(rest.map(item), 'Reject (discard) which records? Unpicked ones stay for later.')).map(
            (i) => i.record,
          );
  }
  if (accepted.length + rejected.length === 0) return undefined;
  const result = await client.reviewScanned(zone.id, {
    accepts: accepted.map((record) => acceptBody(record)),
    rejects: rejected.map((record) => ({ id: record.id })),
  });
  const left = scanned.length - accepted.length - rejected.length;
  const message = `Accepted ${result.accepts.length} and rejected ${result.rejects.length} scanned record(s) in ${zone.name}; ${left} left for later.`;
  context.logger.info(message);
  void vscode.window.showInformationMessage(`Zone Records: ${message}`);
  context.tree.refresh(zone.id);
  return result;
}

/** Shows the zone's record usage against its quota, and puts it in the status bar. */
export async function showUsage(context: CommandContext, target?: ZoneTarget): Promise<RecordUsage> {
  const zone = await resolveZone(context, target ?? context.statusBar.activeZone?.id);
  const client = await context.session.client();
  const usage = await client.usage(zone.id);
  context.statusBar.show(zone, usage);
  void vscode.window.showInformationMessage(
    `Zone Records: ${zone.name} uses ${formatUsage(usage.record_usage, usage.record_quota)} records.`,
  );
  return usage;
}

/** The scanned record as a record body (the API adds accepted records as if they were created). */
function acceptBody(record: DnsRecord): RecordPatch {
  const { comment, tags, ...body } = liveRecordOf(record).body;
  return {
    ...body,
    ...(comment ? { comment } : {}),
    ...(tags && tags.length > 0 ? { tags } : {}),
  } as unknown as RecordPatch;
}

async function pickMany<T extends vscode.QuickPickItem>(items: readonly T[], title: string): Promise<readonly T[]> {
  const chosen = await vscode.window.showQuickPick(items, { title, canPickMany: true, ignoreFocusOut: true });
  return chosen ?? [];
}
