import * as fs from 'node:fs';
import { createLinter } from '../../server/src/zone/lint';
import { inferOrigin } from '../../server/src/zone/origin';
import { parseRecords } from '../../server/src/zone/parser';
import type { LintSettings, RuleSetting } from '../../server/src/zone/settings';
import { isProfile, isRuleSetting, ruleSettings, unknownCodeProblem } from '../../server/src/zone/settings';
import type { Profile, ZoneDiagnostic } from '../../server/src/zone/types';

/** Where the command reads and writes; tests pass their own. */
export interface LintIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Reads a file as UTF-8; throws when it cannot (the message is shown to the user). */
  readonly readFile: (path: string) => string;
}

const processIo: LintIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => fs.readFileSync(path).toString('utf8'),
};

interface LintArguments {
  readonly files: readonly string[];
  readonly origin: string | undefined;
  readonly format: 'text' | 'json';
  readonly settings: LintSettings;
}

type Parsed = { kind: 'run'; args: LintArguments } | { kind: 'help' } | { kind: 'usage-error'; message: string };

export const lintHelp = `usage: zone-records lint [options] FILE...

Checks zone files and prints one line per finding: file:line:column: severity code message.
Exit status: 0 no errors, 1 an error was found, 2 bad usage or a file that cannot be read.

options:
  --origin NAME                 the zone's origin (default: the file's $ORIGIN or SOA owner, else its name,
                                e.g. db.example.com or example.com.zone)
  --profile cloudflare|bind     cloudflare (default) adds Cloudflare's API and import limits; bind checks RFC/BIND only
  --format text|json            text (default), or JSON with 0-based LSP ranges
  --rule CODE=SEVERITY          set a rule's severity (error, warning, information, hint) or turn it off (off);
                                repeatable. A line can also say: ; zone-records-disable-line CODE
  -h, --help                    show this help

Every code is described in docs/rules.md.
`;

function parseArguments(argv: readonly string[]): Parsed {
  const files: string[] = [];
  let origin: string | undefined;
  let format: 'text' | 'json' = 'text';
  let profile: Profile = 'cloudflare';
  const rules: Record<string, RuleSetting> = {};
  const error = (message: string): Parsed => ({ kind: 'usage-error', message });

  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] ?? '';
    if (argument === '-h' || argument === '--help') return { kind: 'help' };
    if (argument === '--') {
      files.push(...argv.slice(index + 1));
      break;
    }
    if (!argument.startsWith('--') || argument === '-') {
      files.push(argument);
      continue;
    }
    const equals = argument.indexOf('=');
    const name = equals < 0 ? argument : argument.slice(0, equals);
    let value: string | undefined;
    if (equals >= 0) value = argument.slice(equals + 1);
    else if (['--origin', '--profile', '--format', '--rule'].includes(name)) {
      value = argv[++index];
      if (value === undefined) return error(`${name} needs a value`);
    }
    switch (name) {
      case '--origin':
        if (value === '' || value === undefined) return error('--origin needs a zone name, e.g. --origin example.com');
        origin = value.endsWith('.') ? value : `${value}.`;
        break;
      case '--profile':
        if (!isProfile(value)) return error(`--profile must be cloudflare or bind, not '${value ?? ''}'`);
        profile = value;
        break;
      case '--format':
        if (value !== 'text' && value !== 'json') return error(`--format must be text or json, not '${value ?? ''}'`);
        format = value;
        break;
      case '--rule': {
        const [code, setting] = (value ?? '').split('=');
        if (!code || !isRuleSetting(setting)) {
          return error(
            `--rule takes CODE=SEVERITY with SEVERITY one of ${ruleSettings.join(', ')}, not '${value ?? ''}'`,
          );
        }
        const unknown = unknownCodeProblem(code);
        if (unknown !== undefined) return error(`--rule: ${unknown}`);
        rules[code] = setting;
        break;
      }
      default:
        return error(`unknown option '${argument}'`);
    }
  }
  if (files.length === 0) return error('no zone file given');
  return { kind: 'run', args: { files, origin, format, settings: { profile, rules } } };
}

/** The diagnostics of one linted file; those found in `$INCLUDE`d files are listed under their own path. */
interface FileReport {
  readonly file: string;
  readonly diagnostics: ZoneDiagnostic[];
}

function lintFile(file: string, text: string, args: LintArguments, io: LintIo): FileReport[] {
  const origin = args.origin ?? inferOrigin(text, file) ?? '.';
  const linter = createLinter({ origin, text, documentBytes: Buffer.byteLength(text), settings: args.settings });
  const readIncluded = (path: string): string | undefined => {
    try {
      return io.readFile(path);
    } catch {
      return undefined;
    }
  };
  parseRecords(text, { origin, path: file, readFile: readIncluded }, linter);
  const reports = new Map<string, FileReport>([[file, { file, diagnostics: [] }]]);
  for (const diagnostic of linter.finish()) {
    const where = diagnostic.file ?? file;
    let report = reports.get(where);
    if (report === undefined) {
      report = { file: where, diagnostics: [] };
      reports.set(where, report);
    }
    report.diagnostics.push(diagnostic);
  }
  return [...reports.values()];
}

function textLine(file: string, diagnostic: ZoneDiagnostic): string {
  const { line, character } = diagnostic.range.start;
  const message = diagnostic.message.replace(/\r?\n/g, ' ');
  return `${file}:${line + 1}:${character + 1}: ${diagnostic.severity} ${diagnostic.code} ${message}\n`;
}

function jsonDiagnostic(diagnostic: ZoneDiagnostic): object {
  const { start, end } = diagnostic.range;
  return {
    code: diagnostic.code,
    severity: diagnostic.severity,
    message: diagnostic.message,
    range: {
      start: { line: start.line, character: start.character },
      end: { line: end.line, character: end.character },
    },
  };
}

/** Writes in chunks so that a file with a million findings is not one giant string. */
function writeText(reports: readonly FileReport[], write: (text: string) => void): void {
  let chunk = '';
  for (const report of reports) {
    for (const diagnostic of report.diagnostics) {
      chunk += textLine(report.file, diagnostic);
      if (chunk.length > 65536) {
        write(chunk);
        chunk = '';
      }
    }
  }
  if (chunk !== '') write(chunk);
}

function writeJson(reports: readonly FileReport[], write: (text: string) => void): void {
  write('[');
  reports.forEach((report, reportIndex) => {
    write(`${reportIndex > 0 ? ',' : ''}\n{"file":${JSON.stringify(report.file)},"diagnostics":[`);
    let chunk = '';
    report.diagnostics.forEach((diagnostic, index) => {
      chunk += `${index > 0 ? ',' : ''}\n${JSON.stringify(jsonDiagnostic(diagnostic))}`;
      if (chunk.length > 65536) {
        write(chunk);
        chunk = '';
      }
    });
    write(`${chunk}]}`);
  });
  write('\n]\n');
}

/** `zone-records lint`: exit 0 when no errors, 1 when any error, 2 on bad usage or an unreadable file. */
export function runLint(argv: string[], io: LintIo = processIo): Promise<number> {
  const parsed = parseArguments(argv);
  if (parsed.kind === 'help') {
    io.stdout(lintHelp);
    return Promise.resolve(0);
  }
  if (parsed.kind === 'usage-error') {
    io.stderr(`zone-records lint: ${parsed.message}\n\n${lintHelp}`);
    return Promise.resolve(2);
  }
  const { args } = parsed;
  const reports: FileReport[] = [];
  let unreadable = false;
  for (const file of args.files) {
    let text: string;
    try {
      text = io.readFile(file);
    } catch (error) {
      const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
      io.stderr(`zone-records lint: cannot read ${file} (${reason}): check the path and its permissions\n`);
      unreadable = true;
      continue;
    }
    reports.push(...lintFile(file, text, args, io));
  }
  if (args.format === 'json') writeJson(reports, io.stdout);
  else writeText(reports, io.stdout);
  if (unreadable) return Promise.resolve(2);
  const anyError = reports.some((report) => report.diagnostics.some((d) => d.severity === 'error'));
  return Promise.resolve(anyError ? 1 : 0);
}
