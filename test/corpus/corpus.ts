// Reads ../shared/zones (manifest, reference verdicts) and lints each corpus file as its upstream harness loads it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../../core/src/lint/engine';
import { parse } from '../../core/src/parse/parser';
import type { ParseResult, Profile, ZoneDiagnostic } from '../../core/src/types';

export const projectRoot = path.resolve(__dirname, '../..');
export const zonesRoot = path.join(path.resolve(projectRoot, '../shared'), 'zones');

export function corpusAvailable(): boolean {
  return fs.existsSync(path.join(zonesRoot, 'manifest.tsv')) && fs.existsSync(path.join(zonesRoot, 'reference.tsv'));
}

export interface CorpusEntry {
  readonly file: string;
  readonly origin: string;
  readonly expect: string;
  readonly why: string;
  readonly cwd: string;
}

export type Verdict = 'valid' | 'invalid';

function readTsv(name: string): string[][] {
  const lines = fs.readFileSync(path.join(zonesRoot, name), 'utf8').split('\n');
  return lines
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split('\t'));
}

export function readManifest(): CorpusEntry[] {
  return readTsv('manifest.tsv').map(([file = '', , , , , origin = '', expect = '', why = '', cwd = '']) => ({
    file,
    origin,
    expect,
    why,
    cwd,
  }));
}

/** A reference validator's verdict per file (exit 0 is valid), as reference.tsv recorded it. */
export function readReferenceVerdicts(tool: string): Map<string, { verdict: Verdict; message: string }> {
  const verdicts = new Map<string, { verdict: Verdict; message: string }>();
  for (const [file = '', , name, exitCode, message = ''] of readTsv('reference.tsv')) {
    if (name === tool) verdicts.set(file, { verdict: exitCode === '0' ? 'valid' : 'invalid', message });
  }
  return verdicts;
}

/** named-checkzone's verdict per file (exit 0 is valid). */
export function readNamedVerdicts(): Map<string, { verdict: Verdict; message: string }> {
  return readReferenceVerdicts('named-checkzone');
}

/** The verdict `expect` states, when it states one (`valid-with-warning` loads, so it is valid). */
export function statedVerdict(expect: string): Verdict | undefined {
  if (expect === 'valid' || expect === 'valid-with-warning') return 'valid';
  if (expect === 'invalid') return 'invalid';
  return undefined;
}

export interface CorpusLint {
  readonly text: string;
  readonly origin: string;
  readonly result: ParseResult;
  readonly diagnostics: ZoneDiagnostic[];
  /** The verdict with the options of the reference runs (named-checkzone -i local). */
  readonly verdict: Verdict;
  /** The verdict with the upstream test harness's options (`-k fail` where its `why` says so), to compare with expect. */
  readonly harnessVerdict: Verdict;
}

/** The findings of BIND's check-names, which `named-checkzone -k fail` turns into errors. */
const checkNamesCodes: ReadonlySet<string> = new Set(['bad-hostname', 'owner-not-hostname']);

/**
 * Parses and lints one corpus file with the bind profile (or `profile`). `$INCLUDE` resolves from the upstream
 * harness's working directory (the manifest's cwd), as the validators did when the reference verdicts were taken.
 */
export function lintCorpusFile(entry: CorpusEntry, profile: Profile = 'bind'): CorpusLint {
  const text = fs.readFileSync(path.join(zonesRoot, 'corpus', entry.file), 'utf8');
  const origin = entry.origin.endsWith('.') ? entry.origin : `${entry.origin}.`;
  const cwd = path.join(zonesRoot, 'corpus', entry.cwd);
  const readFile = (file: string): string | undefined => {
    try {
      return fs.statSync(file).isFile() ? fs.readFileSync(file, 'utf8') : undefined;
    } catch {
      return undefined;
    }
  };
  // The parser resolves includes against the including file's folder. named resolves them against its working
  // directory, so the document is placed in the harness's cwd; Knot resolves them against the file's own folder.
  const folder = profile === 'knot' ? path.dirname(path.join(zonesRoot, 'corpus', entry.file)) : cwd;
  const result = parse(text, { origin, path: path.join(folder, path.basename(entry.file)), readFile });
  const diagnostics = lint(result, { origin, text, settings: { profile, rules: {} } });
  const verdict = diagnostics.some((diagnostic) => diagnostic.severity === 'error') ? 'invalid' : 'valid';
  // `named-checkzone -k fail` makes check-names findings errors, as `--rule bad-hostname=error` does here.
  const checkNamesFail = entry.why.includes('with -k fail');
  const harnessVerdict =
    verdict === 'valid' && checkNamesFail && diagnostics.some((diagnostic) => checkNamesCodes.has(diagnostic.code))
      ? 'invalid'
      : verdict;
  return { text, origin, result, diagnostics, verdict, harnessVerdict };
}

/** The first errors, for readable failure messages. */
export function firstErrors(lintResult: CorpusLint, count = 2): string {
  return lintResult.diagnostics
    .filter((diagnostic) => diagnostic.severity === 'error')
    .slice(0, count)
    .map((diagnostic) => `${diagnostic.range.start.line + 1}: ${diagnostic.code}: ${diagnostic.message}`)
    .join(' | ');
}
