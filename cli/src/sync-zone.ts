import { readFileSync } from 'node:fs';
import path from 'node:path';
import { convertZoneRecord, type DesiredRecord, desiredRecordsOf, type PlanSkip } from '../../cloudflare/src/index';
import { lint, parse, type ZoneDiagnostic } from '../../core/src/index';

export type LoadedZone =
  | { readonly ok: true; readonly desired: DesiredRecord[]; readonly skipped: PlanSkip[]; readonly origin: string }
  | { readonly ok: false; readonly message: string };

/**
 * Reads, parses and lints a zone file for a sync. Lint errors block the sync (the message lists them like
 * `zone-records lint` does); warnings do not.
 */
export function loadZoneFile(file: string, origin: string | undefined): LoadedZone {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    return { ok: false, message: `cannot read ${file}: ${reason}` };
  }
  const readFile = (included: string): string | undefined => {
    try {
      return readFileSync(included, 'utf8');
    } catch {
      return undefined;
    }
  };
  const absoluteOrigin = origin === undefined ? undefined : origin.endsWith('.') ? origin : `${origin}.`;
  const parsed = parse(text, {
    path: path.resolve(file),
    readFile,
    pathOperations: path,
    ...(absoluteOrigin ? { origin: absoluteOrigin } : {}),
  });
  const errors = lint(parsed, { text }).filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) {
    const lines = errors.map((diagnostic) => formatDiagnostic(file, diagnostic));
    return {
      ok: false,
      message: `${file} has ${errors.length === 1 ? '1 lint error; fix it' : `${errors.length} lint errors; fix them`} before syncing:\n${lines.join('\n')}`,
    };
  }
  return { ok: true, ...desiredRecordsOf(parsed, convertZoneRecord), origin: parsed.origin };
}

function formatDiagnostic(file: string, diagnostic: ZoneDiagnostic): string {
  const { line, character } = diagnostic.range.start;
  return `${diagnostic.file ?? file}:${line + 1}:${character + 1}: ${diagnostic.severity} ${diagnostic.code} ${diagnostic.message}`;
}
