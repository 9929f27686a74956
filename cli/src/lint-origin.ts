import * as path from 'node:path';

/**
 * The zone origin of a file when `--origin` is not given: the file's first `$ORIGIN` (before any record), else
 * the owner of its SOA when written absolute, else the file name (`db.example.com`, `example.com.zone`).
 * Only the head of the file is read: the answer is there or nowhere.
 */
export function inferOrigin(text: string, file: string): string {
  return originInText(text) ?? originFromFileName(file);
}

const headLines = 2000;
const soaPattern = /(?:^|\s)SOA(?:\s|$|\()/i;

function originInText(text: string): string | undefined {
  let start = 0;
  for (let count = 0; count < headLines && start < text.length; count++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = stripComment(text.slice(start, end)).replace(/\r$/, '');
    start = end + 1;
    if (line.trim() === '') continue;
    const words = line.trim().split(/\s+/);
    const first = words[0] ?? '';
    if (first.toUpperCase() === '$ORIGIN') return words[1] !== undefined ? absolute(words[1]) : undefined;
    if (first.startsWith('$')) continue;
    if (soaPattern.test(line)) {
      const ownerWritten = !/^\s/.test(line);
      if (ownerWritten && first.endsWith('.') && !first.endsWith('\\.')) return first;
      return undefined;
    }
  }
  return undefined;
}

function stripComment(line: string): string {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '\\') i++;
    else if (char === '"') quoted = !quoted;
    else if (char === ';' && !quoted) return line.slice(0, i);
  }
  return line;
}

const zoneExtensions = /\.(zone|dns|bind|db|txt|signed|hosts)$/i;

/** `db.example.com` -> `example.com.`; `example.com.zone` -> `example.com.`; `example.com` -> `example.com.`. */
export function originFromFileName(file: string): string {
  let name = path.basename(file);
  if (/^db\./i.test(name)) name = name.slice(3);
  while (zoneExtensions.test(name)) name = name.replace(zoneExtensions, '');
  name = name.replace(/\.$/, '');
  return name === '' ? '.' : `${name}.`;
}

function absolute(name: string): string {
  return name.endsWith('.') ? name : `${name}.`;
}
