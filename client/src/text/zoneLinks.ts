/**
 * Links from zone files to Cloudflare zones, for files whose `$ORIGIN` is not enough (the same zone name in two
 * accounts, a file named after something else). Pure: the `zoneRecords.zoneFiles` setting and a workspace folder's
 * `.zone-records.json` are parsed here; matching a file against the globs is the caller's.
 */

import { plainName } from '../../../core/src/index';

/** Which zone a file is for: a zone name (the file's origin), a zone id (picks one of several same-named zones), or both. */
export interface ZoneLink {
  /** A glob relative to the workspace folder, e.g. `zones/example.com.zone` or `prod/*.zone`. */
  readonly pattern: string;
  readonly zone?: string;
  readonly zoneId?: string;
}

/** The file in a workspace folder that links zone files to zones. */
export const linksFileName = '.zone-records.json';

const zoneIdPattern = /^[0-9a-f]{32}$/;

/**
 * Reads `{ "glob": "example.com" | "<zone id>" | { "zone": "example.com", "zoneId": "…" } }` (the setting), or
 * the same object under `"files"` (the links file). Bad entries are reported and left out, never guessed at.
 */
export function parseZoneLinks(value: unknown, where: string): { links: ZoneLink[]; problems: string[] } {
  const links: ZoneLink[] = [];
  const problems: string[] = [];
  if (value === undefined || value === null) return { links, problems };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { links, problems: [`${where}: expected an object of file patterns and zones`] };
  }
  for (const [pattern, target] of Object.entries(value as Record<string, unknown>)) {
    const link = linkOf(pattern, target);
    if (link === undefined) {
      problems.push(`${where}: "${pattern}" needs a zone name, a zone id, or { "zone": …, "zoneId": … }`);
    } else {
      links.push(link);
    }
  }
  return { links, problems };
}

/** The `files` object of a `.zone-records.json`. */
export function parseLinksFile(text: string, where: string): { links: ZoneLink[]; problems: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { links: [], problems: [`${where}: not JSON (${error instanceof Error ? error.message : String(error)})`] };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { links: [], problems: [`${where}: expected { "files": { "pattern": "zone" } }`] };
  }
  return parseZoneLinks((json as { files?: unknown }).files, where);
}

function linkOf(pattern: string, target: unknown): ZoneLink | undefined {
  if (pattern.trim() === '') return undefined;
  if (typeof target === 'string') {
    const value = plainName(target.trim());
    if (value === '') return undefined;
    return zoneIdPattern.test(value) ? { pattern, zoneId: value } : { pattern, zone: value };
  }
  if (typeof target !== 'object' || target === null) return undefined;
  const { zone, zoneId } = target as { zone?: unknown; zoneId?: unknown };
  const name = typeof zone === 'string' && zone.trim() !== '' ? plainName(zone.trim()) : undefined;
  const id =
    typeof zoneId === 'string' && zoneIdPattern.test(zoneId.trim().toLowerCase())
      ? zoneId.trim().toLowerCase()
      : undefined;
  if (name === undefined && id === undefined) return undefined;
  return { pattern, ...(name === undefined ? {} : { zone: name }), ...(id === undefined ? {} : { zoneId: id }) };
}

/**
 * The first link whose pattern matches `relativePath` (forward slashes, relative to the workspace folder). A pattern
 * without a slash matches the file name in any folder, as in .gitignore.
 */
export function findZoneLink(links: readonly ZoneLink[], relativePath: string): ZoneLink | undefined {
  const fileName = relativePath.slice(relativePath.lastIndexOf('/') + 1);
  return links.find((link) => {
    const pattern = link.pattern.replace(/^\.\//, '');
    return globToRegExp(pattern).test(pattern.includes('/') ? relativePath : fileName);
  });
}

/** `*` within a folder, `**` across folders, `?` one character; everything else literal. */
function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let index = 0; index < glob.length; index++) {
    const character = glob[index] ?? '';
    if (character === '*' && glob[index + 1] === '*') {
      // `**/` also matches no folder at all.
      const slash = glob[index + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      index += slash ? 2 : 1;
    } else if (character === '*') {
      source += '[^/]*';
    } else if (character === '?') {
      source += '[^/]';
    } else {
      source += character.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`, 'i');
}
