// The output formats of `zone-records lint`: compiler-style text, JSON with LSP ranges, and GitHub Actions annotations.
import type { ZoneDiagnostic } from '../../core/src/index';

/** The diagnostics of one linted file; those found in `$INCLUDE`d files are listed under their own path. */
export interface FileReport {
  readonly file: string;
  readonly diagnostics: ZoneDiagnostic[];
}

export type OutputFormat = 'text' | 'json' | 'github';
export const outputFormats: readonly OutputFormat[] = ['text', 'json', 'github'];

export function isOutputFormat(value: unknown): value is OutputFormat {
  return typeof value === 'string' && (outputFormats as readonly string[]).includes(value);
}

function oneLine(message: string): string {
  // Nearly no message has a line break: two plain searches cost less than a regular expression on each.
  if (!message.includes('\n') && !message.includes('\r')) return message;
  return message.replace(/\r?\n|\r/g, ' ');
}

function textLine(file: string, diagnostic: ZoneDiagnostic): string {
  const { line, character } = diagnostic.range.start;
  return `${file}:${line + 1}:${character + 1}: ${diagnostic.severity} ${diagnostic.code} ${oneLine(diagnostic.message)}\n`;
}

// GitHub's workflow commands: data escapes %, CR and LF; property values also escape : and ,.
function commandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function commandProperty(text: string): string {
  return commandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const githubLevels: Readonly<Record<ZoneDiagnostic['severity'], string>> = {
  error: 'error',
  warning: 'warning',
  information: 'notice',
  hint: 'notice',
};

function githubLine(file: string, diagnostic: ZoneDiagnostic): string {
  const { start, end } = diagnostic.range;
  const properties = [
    `file=${commandProperty(file)}`,
    `line=${start.line + 1}`,
    `col=${start.character + 1}`,
    `endLine=${end.line + 1}`,
    `endColumn=${end.character + 1}`,
    `title=${commandProperty(`zone-records ${diagnostic.code}`)}`,
  ];
  return `::${githubLevels[diagnostic.severity]} ${properties.join(',')}::${commandData(diagnostic.message)}\n`;
}

/**
 * Writes one line per finding, in chunks so that a file with a million findings is not one giant string. A chunk is
 * joined from an array: one flat string, which the stream turns into bytes in one pass (a `+=` chain is a rope it
 * must flatten first).
 */
function writeLines(
  reports: readonly FileReport[],
  line: (file: string, diagnostic: ZoneDiagnostic) => string,
  write: (text: string) => void,
): void {
  const chunk: string[] = [];
  let length = 0;
  for (const report of reports) {
    for (const diagnostic of report.diagnostics) {
      const text = line(report.file, diagnostic);
      chunk.push(text);
      length += text.length;
      if (length > 65536) {
        write(chunk.join(''));
        chunk.length = 0;
        length = 0;
      }
    }
  }
  if (chunk.length > 0) write(chunk.join(''));
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

/** Writes the reports in `format`. */
export function writeReports(
  reports: readonly FileReport[],
  format: OutputFormat,
  write: (text: string) => void,
): void {
  if (format === 'json') writeJson(reports, write);
  else writeLines(reports, format === 'github' ? githubLine : textLine, write);
}
