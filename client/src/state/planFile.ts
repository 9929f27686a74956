import {
  type CloudflareClient,
  computePlan,
  type DnsRecord,
  type LiveRecord,
  liveRecordOf,
  type Plan,
  type Zone,
} from '../../../cloudflare/src/index';
import { resolveZone, type CommandContext } from '../commands/context';
import { readSettings } from '../config';
import { zoneLinkOf } from '../zoneLink';
import { loadZoneDocument, type LoadedZoneDocument, type ZoneSource } from '../zoneFile';

/** A zone file planned against its live zone: what Plan Sync shows, the CodeLens counts and the tree decorates. */
export interface PlannedFile {
  readonly file: LoadedZoneDocument;
  readonly zone: Zone;
  readonly client: CloudflareClient;
  readonly liveRecords: readonly DnsRecord[];
  readonly live: readonly LiveRecord[];
  readonly plan: Plan;
}

/**
 * Plans a zone file: loaded as `zone-records plan` loads it (lint errors throw), its zone taken from `zone`, else
 * the file's link (setting or `.zone-records.json`), else the file itself; then one list of the live records.
 */
export async function planZoneFile(
  context: Pick<CommandContext, 'session' | 'tree' | 'logger'>,
  document: ZoneSource,
  zone?: string,
): Promise<PlannedFile> {
  const link = zone === undefined ? await zoneLinkOf(document.uri, context.logger) : undefined;
  let file = loadZoneDocument(document, zone ?? link?.zone);
  const found = await resolveZone(context, link?.zoneId === undefined ? { zone: file.zone } : { zoneId: link.zoneId });
  // A link by id alone: the zone's own name is the file's origin.
  if (found.name.toLowerCase() !== file.zone) file = loadZoneDocument(document, found.name);
  const client = await context.session.client();
  const liveRecords = await client.listAllRecords(found.id);
  const live = liveRecords.map(liveRecordOf);
  const plan = computePlan(file.desired, live, {
    zone: found.name,
    skipped: file.skipped,
    deleteThreshold: readSettings(document.uri).deleteConfirmation,
  });
  return { file, zone: found, client, liveRecords, live, plan };
}
