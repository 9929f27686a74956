import type { PathOperations, ReadFile } from '../types';
import { posixPath } from './posix-path';

/** How deep `$INCLUDE`s may nest before the parser stops following them (BIND has no limit; loops are caught apart). */
export const maxIncludeDepth = 32;

/** How many `$INCLUDE`s one parse follows in all, so that files including each other many times cannot explode. */
export const maxIncludedFiles = 1000;

/**
 * The path of an `$INCLUDE`d file. A relative path resolves against `includeDirectory` when given (BIND's and
 * NSD's working directory), else against the folder of the including file.
 */
export function resolveIncludePath(
  target: string,
  includingFile: string | undefined,
  includeDirectory: string | undefined,
  path: PathOperations = posixPath,
): string {
  if (path.isAbsolute(target)) return path.normalize(target);
  const base = includeDirectory ?? (includingFile === undefined ? undefined : path.dirname(includingFile));
  return base === undefined ? path.normalize(target) : path.join(base, target);
}

/** The file name written after `$INCLUDE`, without quotes and with backslash escapes resolved. */
export function includeTarget(tokenText: string): string {
  const quoted = tokenText.length >= 2 && tokenText.startsWith('"') && tokenText.endsWith('"');
  const inner = quoted ? tokenText.slice(1, -1) : tokenText;
  return inner.indexOf('\\') < 0
    ? inner
    : inner.replace(/\\(\d{3}|.)/g, (_all, escaped: string) =>
        escaped.length === 3 ? String.fromCharCode(Number(escaped)) : escaped,
      );
}

/** Reads an included file, treating a throwing reader like a missing file (the parser must never throw). */
export function readIncluded(readFile: ReadFile, file: string): string | undefined {
  try {
    return readFile(file);
  } catch {
    return undefined;
  }
}
