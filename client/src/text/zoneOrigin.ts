import type { ParseResult } from '../../../core/src/index';

/**
 * The zone a file describes: its first `$ORIGIN`, else its SOA owner, else its file name (`db.example.com`,
 * `example.com.zone`, `example.com.dns`, `example.com.bind`). Lower case, without the trailing dot; undefined
 * when nothing says.
 */
export function zoneNameOf(parsed: Pick<ParseResult, 'directives' | 'records'>, fileName: string): string | undefined {
  const origin = parsed.directives.find((directive) => directive.name === '$ORIGIN')?.arguments[0]?.text;
  if (origin !== undefined && origin.endsWith('.') && origin !== '.') return plain(origin);
  const soa = parsed.records.find((record) => record.type === 'SOA');
  if (soa !== undefined && soa.owner !== '.') return plain(soa.owner);
  return zoneNameFromFileName(fileName);
}

export function zoneNameFromFileName(fileName: string): string | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const match = /^db\.(.+)$/i.exec(base) ?? /^(.+)\.(?:zone|dns|bind)$/i.exec(base);
  const name = match?.[1];
  return name !== undefined && /^[a-z0-9_-]+(\.[a-z0-9_-]+)+\.?$/i.test(name) ? plain(name) : undefined;
}

function plain(name: string): string {
  return name.replace(/\.$/, '').toLowerCase();
}
