import {
  cloudflareZoneNameOf,
  lint,
  parse,
  plainName,
  type LintSettings,
  type ParseResult,
  type PathOperations,
  type ReadFile,
  type ZoneDiagnostic,
} from '../../../core/src/index';
import { convertZoneRecord } from './plan-convert';
import { desiredRecordsOf } from './plan-records';
import type { DesiredRecord, PlanSkip } from './plan-types';

/** A zone file's text with what is needed to follow its `$INCLUDE`s; the caller does the I/O. */
export interface ZoneFileSource {
  readonly text: string;
  /** Absolute path of the file: resolves `$INCLUDE` and names the file in messages. */
  readonly path: string;
  readonly readFile?: ReadFile;
  readonly pathOperations?: PathOperations;
}

export interface LoadZoneOptions {
  /** The Cloudflare zone (`example.com`); else the one the file names with `$ORIGIN`, its SOA or its file name. */
  readonly zone?: string;
  readonly lintSettings?: LintSettings;
}

export type ZoneForSync =
  | {
      readonly ok: true;
      readonly zone: string;
      readonly parsed: ParseResult;
      readonly desired: DesiredRecord[];
      readonly skipped: PlanSkip[];
      readonly warnings: readonly ZoneDiagnostic[];
    }
  | { readonly ok: false; readonly reason: 'unknown-zone'; readonly message: string }
  | {
      readonly ok: false;
      readonly reason: 'lint-errors';
      readonly message: string;
      readonly errors: readonly ZoneDiagnostic[];
    };

/**
 * A zone file read for a sync, the same way from the CLI and the editor: the zone it is for, parsed with that zone
 * as origin, linted with the user's settings (errors block the sync, warnings travel along), and turned into the
 * records Cloudflare should hold.
 */
export function loadZoneForSync(source: ZoneFileSource, options: LoadZoneOptions = {}): ZoneForSync {
  const zone = options.zone === undefined ? cloudflareZoneNameOf(source.text, source.path) : plainName(options.zone);
  if (zone === undefined) {
    return {
      ok: false,
      reason: 'unknown-zone',
      message:
        `cannot tell which zone ${baseName(source.path)} is: add "$ORIGIN example.com." at the top, ` +
        'name the file db.example.com or example.com.zone, or name the zone',
    };
  }
  const origin = `${zone}.`;
  const parsed = parse(source.text, {
    origin,
    path: source.path,
    ...(source.readFile ? { readFile: source.readFile } : {}),
    ...(source.pathOperations ? { pathOperations: source.pathOperations } : {}),
  });
  const diagnostics = lint(parsed, {
    text: source.text,
    origin,
    ...(options.lintSettings ? { settings: options.lintSettings } : {}),
  });
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) {
    return { ok: false, reason: 'lint-errors', errors, message: lintErrorsMessage(source.path, errors) };
  }
  const warnings = diagnostics.filter((diagnostic) => diagnostic.severity === 'warning');
  return { ok: true, zone, parsed, warnings, ...desiredRecordsOf(parsed, convertZoneRecord) };
}

/** How many findings a message lists before it says how many more there are. */
const listedErrors = 10;

function lintErrorsMessage(file: string, errors: readonly ZoneDiagnostic[]): string {
  const count = errors.length === 1 ? '1 lint error; fix it' : `${errors.length} lint errors; fix them`;
  const lines = errors.slice(0, listedErrors).map((diagnostic) => {
    const { line, character } = diagnostic.range.start;
    const where = `${diagnostic.file ?? file}:${line + 1}:${character + 1}`;
    return `${where}: ${diagnostic.severity} ${diagnostic.code} ${diagnostic.message}`;
  });
  if (errors.length > listedErrors) lines.push(`… and ${errors.length - listedErrors} more`);
  return `${baseName(file)} has ${count} before syncing:\n${lines.join('\n')}`;
}

function baseName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}
