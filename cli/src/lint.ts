import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  applyFixes,
  createLinter,
  inferOrigin,
  isProfile,
  isRuleSetting,
  type LintSettings,
  parseRecords,
  type Profile,
  type RuleSetting,
  ruleSettings,
  withTrailingDot,
  unknownCodeProblem,
  type ZoneDiagnostic,
} from '../../core/src/index';
import { isOutputFormat, outputFormats, writeReports, type FileReport, type OutputFormat } from './lint-output';
import { zoneFilesUnder } from './zone-files';
import { writeStdout } from './stdout';
import { fileErrorReason } from './file-errors';

/** Where the command reads and writes; tests pass their own. */
export interface LintIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Reads a file as UTF-8; throws when it cannot (the message is shown to the user). */
  readonly readFile: (path: string) => string;
  /** Writes a file as UTF-8 (for --fix); throws when it cannot. */
  readonly writeFile: (path: string, text: string) => void;
  /** The zone files under a folder, or undefined when the path is not a folder. */
  readonly zoneFilesUnder: (path: string) => string[] | undefined;
}

const processIo: LintIo = {
  stdout: writeStdout,
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => fs.readFileSync(path).toString('utf8'),
  writeFile: (path, text) => fs.writeFileSync(path, text, 'utf8'),
  zoneFilesUnder,
};

interface LintArguments {
  readonly files: readonly string[];
  readonly origin: string | undefined;
  readonly format: OutputFormat;
  /** Exit 1 when there are more warnings than this. */
  readonly maxWarnings: number | undefined;
  /** Apply the findings' fixes to the files. */
  readonly fix: boolean;
  readonly settings: LintSettings;
}

type Parsed = { kind: 'run'; args: LintArguments } | { kind: 'help' } | { kind: 'usage-error'; message: string };

export const lintHelp = `usage: zone-records lint [options] FILE|FOLDER...

Checks zone files and prints one line per finding: file:line:column: severity code message. A folder stands for the
zone files in it and below it (*.zone, *.dns, *.bind, db.*).
Exit status: 0 no errors, 1 an error was found (or more warnings than --max-warnings), 2 bad usage or a file that
cannot be read.

options:
  --origin NAME                 the zone's origin (default: the file's $ORIGIN or SOA owner, else its name,
                                e.g. db.example.com or example.com.zone)
  --profile cloudflare|bind|knot
                                cloudflare (default) adds Cloudflare's API and import limits; bind errs where
                                named-checkzone refuses the zone, knot where kzonecheck does
  --format text|json|github     text (default), JSON with 0-based LSP ranges, or GitHub Actions annotations
  --max-warnings N              also exit 1 when there are more than N warnings (0: fail on any warning)
  --fix                         apply the quick fixes (Punycode names, allowed TTLs, duplicate lines, ...) to the
                                files, then report what is left
  --rule CODE=SEVERITY          set a rule's severity (error, warning, information, hint) or turn it off (off);
                                repeatable. A line can also say: ; zone-records-disable-line CODE
  -h, --help                    show this help

Every code is described in docs/rules.md.
`;

function parseArguments(argv: readonly string[]): Parsed {
  const files: string[] = [];
  let origin: string | undefined;
  let format: OutputFormat = 'text';
  let maxWarnings: number | undefined;
  let fix = false;
  let profile: Profile = 'cloudflare';
  const rules: Record<string, RuleSetting> = {};
  const error = (message: string): Parsed => ({ kind: 'usage-error', message });

  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] ?? '';
    if (argument === '-h' || argument === '--help') return { kind: 'help' };
    if (argument === '--fix') {
      fix = true;
      continue;
    }
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
    else if (['--origin', '--profile', '--format', '--rule', '--max-warnings'].includes(name)) {
      value = argv[++index];
      if (value === undefined) return error(`${name} needs a value`);
    }
    switch (name) {
      case '--origin':
        if (value === '' || value === undefined) return error('--origin needs a zone name, e.g. --origin example.com');
        origin = withTrailingDot(value);
        break;
      case '--profile':
        if (!isProfile(value)) return error(`--profile must be cloudflare, bind or knot, not '${value ?? ''}'`);
        profile = value;
        break;
      case '--format':
        if (!isOutputFormat(value)) return error(`--format must be ${outputFormats.join(', ')}, not '${value ?? ''}'`);
        format = value;
        break;
      case '--max-warnings':
        if (value === undefined || !/^\d+$/.test(value)) {
          return error(`--max-warnings takes a number of warnings, not '${value ?? ''}'`);
        }
        maxWarnings = Number(value);
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
  return { kind: 'run', args: { files, origin, format, maxWarnings, fix, settings: { profile, rules } } };
}

function lintDocument(file: string, text: string, args: LintArguments, io: LintIo): ZoneDiagnostic[] {
  const origin = args.origin ?? inferOrigin(text, file) ?? '.';
  // The output prints neither fixes nor related places; only --fix needs the fixes.
  const linter = createLinter({
    origin,
    text,
    documentBytes: Buffer.byteLength(text),
    settings: args.settings,
    keepFixes: args.fix,
    keepRelated: false,
  });
  const readIncluded = (path: string): string | undefined => {
    try {
      return io.readFile(path);
    } catch {
      return undefined;
    }
  };
  parseRecords(text, { origin, path: file, readFile: readIncluded, pathOperations: path }, linter);
  return linter.finish();
}

/** The findings of one linted file by the file they are in: the file itself, then its `$INCLUDE`d files. */
function reportsOf(file: string, diagnostics: readonly ZoneDiagnostic[]): FileReport[] {
  const reports = new Map<string, FileReport>([[file, { file, diagnostics: [] }]]);
  for (const diagnostic of diagnostics) {
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

/** Passes of fixing and linting again: a fix can make way for another (two fixes on one line go one at a time). */
const maxFixPasses = 10;

/**
 * `--fix`: applies the findings' fixes to the file, linting again after each pass, and writes the file back when it
 * changed. Returns the findings that are left, or undefined when the file could not be written (said on stderr).
 */
function fixFile(
  file: string,
  text: string,
  diagnostics: ZoneDiagnostic[],
  args: LintArguments,
  io: LintIo,
): ZoneDiagnostic[] | undefined {
  let current = text;
  let left = diagnostics;
  let total = 0;
  for (let pass = 0; pass < maxFixPasses; pass++) {
    const { text: next, fixed } = applyFixes(current, left);
    if (fixed === 0 || next === current) break;
    current = next;
    total += fixed;
    left = lintDocument(file, current, args, io);
  }
  if (current === text) return left;
  try {
    io.writeFile(file, current);
  } catch (error) {
    const reason = fileErrorReason(error);
    io.stderr(`zone-records lint: cannot write the fixes to ${file} (${reason}); the file is unchanged\n`);
    return undefined;
  }
  io.stderr(`zone-records lint: fixed ${total} finding${total === 1 ? '' : 's'} in ${file}\n`);
  return left;
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
  const files: string[] = [];
  for (const argument of args.files) {
    const inFolder = io.zoneFilesUnder(argument);
    if (inFolder === undefined) files.push(argument);
    else if (inFolder.length === 0) {
      io.stderr(`zone-records lint: ${argument} holds no zone files (*.zone, *.dns, *.bind, db.*)\n`);
      unreadable = true;
    } else files.push(...inFolder);
  }
  for (const file of files) {
    let text: string;
    try {
      text = io.readFile(file);
    } catch (error) {
      const reason = fileErrorReason(error);
      io.stderr(`zone-records lint: cannot read ${file} (${reason}): check the path and its permissions\n`);
      unreadable = true;
      continue;
    }
    let diagnostics = lintDocument(file, text, args, io);
    if (args.fix) {
      const fixed = fixFile(file, text, diagnostics, args, io);
      if (fixed === undefined) unreadable = true;
      else diagnostics = fixed;
    }
    reports.push(...reportsOf(file, diagnostics));
  }
  writeReports(reports, args.format, io.stdout);
  if (unreadable) return Promise.resolve(2);
  const anyError = reports.some((report) => report.diagnostics.some((d) => d.severity === 'error'));
  const warnings = reports.reduce(
    (count, report) => count + report.diagnostics.filter((d) => d.severity === 'warning').length,
    0,
  );
  const tooManyWarnings = args.maxWarnings !== undefined && warnings > args.maxWarnings;
  if (tooManyWarnings) {
    io.stderr(`zone-records lint: ${warnings} warnings, more than --max-warnings ${args.maxWarnings}\n`);
  }
  return Promise.resolve(anyError || tooManyWarnings ? 1 : 0);
}
