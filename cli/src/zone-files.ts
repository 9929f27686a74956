// Which files `zone-records lint DIR` lints: the names the extension's dns-zone language claims in package.json.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** File extensions of zone files (package.json, contributes.languages: dns-zone). */
export const zoneFileExtensions: readonly string[] = ['.zone', '.dns', '.bind'];
/** File name prefixes of zone files (the `db.*` pattern). */
export const zoneFilePrefixes: readonly string[] = ['db.'];

export function isZoneFileName(name: string): boolean {
  return (
    zoneFileExtensions.some((extension) => name.endsWith(extension)) ||
    zoneFilePrefixes.some((prefix) => name.startsWith(prefix) && name.length > prefix.length)
  );
}

/**
 * The zone files under `folder`, recursively and sorted, or undefined when `folder` is not a folder. Hidden folders
 * and node_modules are skipped.
 */
export function zoneFilesUnder(folder: string): string[] | undefined {
  let stats: fs.Stats;
  try {
    stats = fs.statSync(folder);
  } catch {
    return undefined;
  }
  if (!stats.isDirectory()) return undefined;
  const found: string[] = [];
  const visit = (dir: string): void => {
    const entries = fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && entry.name !== 'node_modules') visit(full);
      } else if (entry.isFile() && isZoneFileName(entry.name)) found.push(full);
    }
  };
  visit(folder);
  return found;
}
