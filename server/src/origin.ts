import * as path from 'node:path';

const zoneExtensions = ['.zone', '.dns', '.bind', '.db', '.txt'];
const label = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;

/**
 * The zone origin for a document, as `zone-records lint` chooses it without `--origin`: the first `$ORIGIN` of
 * the file, else the file name (`db.example.com`, `example.com.zone`), else undefined (the root).
 */
export function inferOrigin(text: string, filePath: string | undefined): string | undefined {
  const head = text.length > 65536 ? text.slice(0, 65536) : text;
  const directive = /^\$ORIGIN[ \t]+([^ \t\r\n;]+)/im.exec(head);
  if (directive?.[1] !== undefined) return absolute(directive[1]);
  if (filePath === undefined) return undefined;
  let name = path.basename(filePath);
  if (name.toLowerCase().startsWith('db.')) name = name.slice(3);
  else {
    const extension = zoneExtensions.find((candidate) => name.toLowerCase().endsWith(candidate));
    if (extension === undefined) return undefined;
    name = name.slice(0, -extension.length);
  }
  return label.test(name) ? absolute(name) : undefined;
}

function absolute(name: string): string {
  return name.endsWith('.') ? name : `${name}.`;
}
