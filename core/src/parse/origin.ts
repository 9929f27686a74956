import type { DocumentText } from '../document-text';
import { plainName, withTrailingDot } from '../names';
import { withoutComment } from './line-comment';
import { detachedFromSource } from './source';

/**
 * How far into a file the origin is looked for: the `$ORIGIN` or SOA that names a zone comes first, and the editor
 * calls this on edits near the top of large files.
 */
export const originHeadLines = 2000;

const soaWord = /(?:^|\s)SOA(?:\s|$|\()/i;
const zoneExtensions = /\.(zone|dns|bind|db|txt|signed|hosts)$/i;
// Characters that cannot stand unescaped in a zone-file name; a file name holding one says nothing about the zone.
const notInName = /[\s;"()\\@$]/;

/**
 * The zone origin of a file read without an explicit one (`zone-records lint` without `--origin`, the language
 * server): whichever comes first in the head of the text of a `$ORIGIN` directive (its name) and an SOA record
 * (its owner, when written absolute); else the file name (`db.example.com`, `example.com.zone`, `example.com`);
 * else undefined (the root). Pure: `fileName` is only looked at, never opened.
 */
export function inferOrigin(text: DocumentText, fileName: string | undefined): string | undefined {
  const written = originInText(text);
  if (written !== undefined) return detachedFromSource(written);
  return fileName !== undefined ? originFromFileName(fileName) : undefined;
}

/**
 * The origin a file name stands for, without its folder, a `db.` prefix and zone-file extensions:
 * `/etc/bind/db.example.com` and `example.com.zone` give `example.com.`; undefined when no name is left or it
 * could not be a zone-file name (blanks, quotes, empty labels).
 */
export function originFromFileName(fileName: string): string | undefined {
  let name = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  if (/^db\./i.test(name)) name = name.slice(3);
  while (zoneExtensions.test(name)) name = name.replace(zoneExtensions, '');
  name = name.replace(/\.$/, '');
  if (name === '' || notInName.test(name) || name.split('.').includes('')) return undefined;
  return `${name}.`;
}

/**
 * The Cloudflare zone a file stands for (`example.com`, lower case, no trailing dot): its inferred origin, when that
 * has at least two labels. Cloudflare holds no root or top-level zones, so `notes.zone` names none.
 */
export function cloudflareZoneNameOf(text: string, fileName: string | undefined): string | undefined {
  const origin = inferOrigin(text, fileName);
  if (origin === undefined) return undefined;
  const name = plainName(origin);
  return name !== '.' && name.includes('.') ? name : undefined;
}

function originInText(text: DocumentText): string | undefined {
  let start = 0;
  for (let count = 0; count < originHeadLines && start < text.length; count++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = withoutComment(text.slice(start, end)).replace(/\r$/, '');
    start = end + 1;
    const words = line.trim().split(/\s+/);
    const first = words[0] ?? '';
    if (first === '') continue;
    if (first.toUpperCase() === '$ORIGIN') return words[1] !== undefined ? withTrailingDot(words[1]) : undefined;
    if (first.startsWith('$')) continue;
    if (soaWord.test(line)) {
      const ownerWritten = !/^\s/.test(line);
      return ownerWritten && first.endsWith('.') && !first.endsWith('\\.') ? first : undefined;
    }
  }
  return undefined;
}
