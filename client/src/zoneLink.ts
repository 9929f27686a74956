import * as vscode from 'vscode';
import { section } from './config';
import type { Logger } from './log';
import { findZoneLink, linksFileName, parseLinksFile, parseZoneLinks, type ZoneLink } from './text/zoneLinks';

/**
 * The zone a file is linked to: the `zoneRecords.zoneFiles` setting of the file's folder first, then the folder's
 * `.zone-records.json`; undefined when neither names it (the file's `$ORIGIN` decides).
 */
export async function zoneLinkOf(uri: vscode.Uri, logger?: Logger): Promise<ZoneLink | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (folder === undefined) return undefined;
  const relative = vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/');
  const fromSetting = parseZoneLinks(
    vscode.workspace.getConfiguration(section, uri).get<unknown>('zoneFiles'),
    `${section}.zoneFiles`,
  );
  const fromFile = await readLinksFile(folder);
  for (const problem of [...fromSetting.problems, ...fromFile.problems]) logger?.warn(problem);
  return findZoneLink(fromSetting.links, relative) ?? findZoneLink(fromFile.links, relative);
}

async function readLinksFile(folder: vscode.WorkspaceFolder): Promise<{ links: ZoneLink[]; problems: string[] }> {
  const uri = vscode.Uri.joinPath(folder.uri, linksFileName);
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch {
    return { links: [], problems: [] };
  }
  return parseLinksFile(new TextDecoder().decode(bytes), vscode.workspace.asRelativePath(uri));
}
