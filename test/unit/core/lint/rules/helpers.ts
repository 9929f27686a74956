import { lint } from '../../../../../core/src/lint/engine';
import { parse } from '../../../../../core/src/parse/parser';
import type { LintSettings } from '../../../../../core/src/settings';
import type { Profile, Range, ReadFile, ZoneDiagnostic } from '../../../../../core/src/types';

export interface LintTextOptions {
  readonly profile?: Profile;
  readonly origin?: string;
  readonly rules?: LintSettings['rules'];
  readonly readFile?: ReadFile;
  readonly path?: string;
}

/** Parses and lints inline zone text (default origin example.com., cloudflare profile). */
export function lintText(text: string, options: LintTextOptions = {}): ZoneDiagnostic[] {
  const origin = options.origin ?? 'example.com.';
  const result = parse(text, {
    origin,
    ...(options.path !== undefined ? { path: options.path } : {}),
    ...(options.readFile !== undefined ? { readFile: options.readFile } : {}),
  });
  return lint(result, {
    origin,
    text,
    settings: { profile: options.profile ?? 'cloudflare', rules: options.rules ?? {} },
  });
}

/** The findings of one code. */
export function only(code: string, diagnostics: readonly ZoneDiagnostic[]): ZoneDiagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.code === code);
}

/** A range as `line:character-line:character`, 0-based, for compact assertions. */
export function at(range: Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** The ranges of the findings of one code. */
export function rangesOf(code: string, diagnostics: readonly ZoneDiagnostic[]): string[] {
  return only(code, diagnostics).map((diagnostic) => at(diagnostic.range));
}

/** Applies a fix's edits to the text (edits must not overlap), by offsets. */
export function applyEdits(text: string, edits: readonly { range: Range; newText: string }[]): string {
  const sorted = [...edits].sort((a, b) => b.range.start.offset - a.range.start.offset);
  let out = text;
  for (const edit of sorted) {
    out = out.slice(0, edit.range.start.offset) + edit.newText + out.slice(edit.range.end.offset);
  }
  return out;
}

/** A small valid zone head: SOA and two apex NS, so tests add only what they check. */
export const head = [
  '$TTL 3600',
  '@ IN SOA ns1.example.com. hostmaster.example.com. 1 7200 3600 1209600 300',
  '@ IN NS ns1.example.com.',
  '@ IN NS ns2.example.net.',
  'ns1 IN A 192.0.2.53',
].join('\n');

/** `head` plus the given lines; the first given line is line 5 (0-based). */
export function zone(...lines: string[]): string {
  return `${head}\n${lines.join('\n')}\n`;
}
