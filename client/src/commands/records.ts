import * as vscode from 'vscode';
import { type DnsRecord, RECORD_TYPES, type RecordBody, type RecordPatch } from '../../../cloudflare/src/index';
import { proxiableTypes } from '../../../core/src/index';
import { UserError } from '../errors';
import { buildRecordBody, checkTtl, type RecordFormInput } from '../text/recordForm';
import { formatTtl, isReadOnly, recordRdata, relativeOwner, zoneFileLine } from '../text/recordText';
import {
  ask,
  pick,
  resolveRecord,
  resolveZone,
  type CommandContext,
  type RecordTarget,
  type ZoneTarget,
} from './context';

/** Opens the record as read-only JSON, exactly as the API returned it. */
export async function showRecordDetails(context: CommandContext, target: RecordTarget): Promise<vscode.Uri> {
  const { zone, record } = await resolveRecord(context, target);
  const uri = context.documents.set(
    `/${zone.name}/${relativeOwner(record.name, zone.name)} ${record.type} ${record.id.slice(0, 8)}.json`,
    `${JSON.stringify(record, null, 2)}\n`,
  );
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.languages.setTextDocumentLanguage(document, 'json');
  await vscode.window.showTextDocument(document, { preview: true });
  return uri;
}

/** Copies the record as one zone-file line (comment and tags as `cf_tags`). */
export async function copyRecordAsZoneLine(context: CommandContext, target: RecordTarget): Promise<string> {
  const { record } = await resolveRecord(context, target);
  const line = zoneFileLine(record);
  await vscode.env.clipboard.writeText(line);
  void vscode.window.setStatusBarMessage(`Copied: ${line}`, 4000);
  return line;
}

/** The form's answers; any field given here is not asked for. */
export type RecordFormArgs = Partial<RecordFormInput>;

/** Creates a record: type picker, then name, data, TTL, proxied and comment, validated before sending. */
export async function createRecord(
  context: CommandContext,
  target?: ZoneTarget,
  args: RecordFormArgs = {},
): Promise<DnsRecord> {
  const zone = await resolveZone(context, target);
  const type =
    args.type ??
    (
      await pick(
        RECORD_TYPES.map((label) => ({ label })),
        { title: `Zone Records: new record in ${zone.name}`, placeHolder: 'Record type' },
      )
    ).label;
  const input = await recordForm(zone.name, type, args, undefined);
  const client = await context.session.client();
  const body = validated(zone.name, input);
  const created = await client.createRecord(zone.id, body);
  context.logger.info(`Created ${created.type} ${created.name} (${created.id}) in ${zone.name}.`);
  void vscode.window.showInformationMessage(`Zone Records: created ${created.type} ${created.name}.`);
  context.tree.refresh(zone.id);
  return created;
}

/** Overwrites a record (PUT) from a form prefilled with its current values. */
export async function editRecord(
  context: CommandContext,
  target: RecordTarget,
  args: RecordFormArgs = {},
): Promise<DnsRecord> {
  const { zone, record, client } = await resolveRecord(context, target);
  refuseReadOnly(record);
  const input = await recordForm(zone.name, record.type, args, record);
  const body = validated(zone.name, input);
  const updated = await client.overwriteRecord(zone.id, record.id, body);
  context.logger.info(`Overwrote ${updated.type} ${updated.name} (${updated.id}) in ${zone.name}.`);
  void vscode.window.showInformationMessage(`Zone Records: saved ${updated.type} ${updated.name}.`);
  context.tree.refresh(zone.id);
  return updated;
}

/** Quick update (PATCH) of TTL, proxied and comment; the rest of the record stays as it is. */
export async function quickUpdateRecord(
  context: CommandContext,
  target: RecordTarget,
  args: { readonly ttl?: number; readonly proxied?: boolean; readonly comment?: string } = {},
): Promise<DnsRecord> {
  const { zone, record, client } = await resolveRecord(context, target);
  refuseReadOnly(record);
  const given = args.ttl !== undefined || args.proxied !== undefined || args.comment !== undefined;
  const patch: { ttl?: number; proxied?: boolean; comment?: string } = { ...args };
  if (!given) {
    const fields = await pick(
      [
        { label: 'TTL', description: formatTtl(record.ttl), field: 'ttl' as const },
        ...(record.proxiable
          ? [{ label: 'Proxied', description: record.proxied ? 'on' : 'off', field: 'proxied' as const }]
          : []),
        { label: 'Comment', description: record.comment ?? '', field: 'comment' as const },
      ],
      { title: `Zone Records: quick update of ${record.type} ${record.name}`, placeHolder: 'What to change' },
    );
    if (fields.field === 'ttl') patch.ttl = Number(await askTtl(record.ttl));
    else if (fields.field === 'proxied') patch.proxied = await askProxied(record.proxied === true);
    else patch.comment = await ask({ title: 'Comment', value: record.comment ?? '', prompt: 'Empty removes it.' });
  }
  if (patch.ttl !== undefined) {
    const problem = checkTtl(String(patch.ttl));
    if (problem) throw new UserError(problem);
  }
  if (patch.proxied === true && !record.proxiable) throw new UserError(`${record.type} records cannot be proxied.`);
  const body = { type: record.type, ...patch } as RecordPatch;
  const updated = await client.updateRecord(zone.id, record.id, body);
  context.logger.info(`Updated ${Object.keys(patch).join(', ')} of ${updated.type} ${updated.name} (${updated.id}).`);
  void vscode.window.showInformationMessage(`Zone Records: updated ${updated.type} ${updated.name}.`);
  context.tree.refresh(zone.id);
  return updated;
}

/** Deletes a record after a modal confirmation (`{ confirm: true }` skips it). */
export async function deleteRecord(
  context: CommandContext,
  target: RecordTarget,
  args: { readonly confirm?: boolean } = {},
): Promise<boolean> {
  const { zone, record, client } = await resolveRecord(context, target);
  refuseReadOnly(record);
  if (args.confirm !== true) {
    const answer = await vscode.window.showWarningMessage(
      `Delete ${record.type} ${record.name} → ${recordRdata(record)}?`,
      { modal: true, detail: 'The record is removed from Cloudflare at once. This cannot be undone.' },
      'Delete',
    );
    if (answer !== 'Delete') return false;
  }
  await client.deleteRecord(zone.id, record.id);
  context.logger.info(`Deleted ${record.type} ${record.name} (${record.id}) from ${zone.name}.`);
  void vscode.window.showInformationMessage(`Zone Records: deleted ${record.type} ${record.name}.`);
  context.tree.refresh(zone.id);
  return true;
}

function refuseReadOnly(record: DnsRecord): void {
  if (isReadOnly(record)) {
    throw new UserError(`${record.type} ${record.name} is managed by Cloudflare and read-only.`);
  }
}

function validated(zone: string, input: RecordFormInput): RecordBody {
  const result = buildRecordBody(zone, input);
  if ('error' in result) throw new UserError(result.error);
  // The form's body has the shape of the API's record variants (checked by the zone core and the converter).
  return result.body as unknown as RecordBody;
}

/** Asks for every field `args` does not give, each input validated as it is typed. */
async function recordForm(
  zone: string,
  type: string,
  args: RecordFormArgs,
  current: DnsRecord | undefined,
): Promise<RecordFormInput> {
  const title = current ? `Zone Records: edit ${current.type} ${current.name}` : `Zone Records: new ${type} record`;
  const name =
    args.name ??
    (await ask({
      title,
      prompt: `Name, relative to ${zone} (@ for the apex)`,
      value: current ? relativeOwner(current.name, zone) : '',
      validateInput: (text) => (/\s|;/.test(text.trim()) ? 'A name has no spaces or semicolons' : undefined),
    }));
  const rdata =
    args.rdata ??
    (await ask({
      title,
      prompt: `${type} data as in a zone file (${rdataExample(type)})`,
      value: current ? recordRdata(current) : '',
      validateInput: (text) => {
        const check = buildRecordBody(zone, { name: name || '@', type, rdata: text, ttl: 1 });
        return 'error' in check ? check.error : undefined;
      },
    }));
  const ttl = args.ttl ?? Number(await askTtl(current?.ttl ?? 1));
  const proxied = args.proxied ?? (proxiableTypes.has(type) ? await askProxied(current?.proxied === true) : undefined);
  const comment = args.comment ?? (await ask({ title, prompt: 'Comment (optional)', value: current?.comment ?? '' }));
  return {
    name,
    type,
    rdata,
    ttl,
    ...(proxied === undefined ? {} : { proxied }),
    comment,
    ...(args.tags ? { tags: args.tags } : current?.tags ? { tags: current.tags } : {}),
  };
}

function askTtl(current: number): Promise<string> {
  return ask({
    title: 'TTL',
    prompt: 'Seconds (60 to 86400), or 1 for automatic',
    value: String(current),
    validateInput: checkTtl,
  });
}

async function askProxied(current: boolean): Promise<boolean> {
  const choice = await pick(
    [
      { label: 'Proxied', description: 'traffic goes through Cloudflare', value: true, picked: current },
      { label: 'DNS only', description: 'Cloudflare only answers DNS queries', value: false, picked: !current },
    ],
    { title: 'Proxy status', placeHolder: current ? 'Currently proxied' : 'Currently DNS only' },
  );
  return choice.value;
}

function rdataExample(type: string): string {
  const examples: Readonly<Record<string, string>> = {
    A: '192.0.2.1',
    AAAA: '2001:db8::1',
    CNAME: 'target.example.com.',
    MX: '10 mail.example.com.',
    TXT: '"v=spf1 -all"',
    NS: 'ns1.example.net.',
    SRV: '10 5 443 target.example.com.',
    CAA: '0 issue "letsencrypt.org"',
    PTR: 'host.example.com.',
  };
  return `e.g. ${examples[type] ?? 'the fields in zone-file order'}`;
}
