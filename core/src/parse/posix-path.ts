import type { PathOperations } from '../types';

/**
 * POSIX path arithmetic, for callers that pass no `pathOperations` (a browser, a test). The CLI and the language
 * server pass Node's `path`, which also knows Windows drive letters and separators.
 */
export const posixPath: PathOperations = {
  isAbsolute: (path) => path.startsWith('/'),
  normalize,
  dirname(path) {
    const cut = path.replace(/\/+$/, '').lastIndexOf('/');
    if (cut < 0) return '.';
    return cut === 0 ? '/' : path.slice(0, cut);
  },
  join: (...parts) => normalize(parts.filter((part) => part !== '').join('/')),
};

/** Drops `.` and empty segments and resolves `..` where a segment precedes it, as Node's `path.posix.normalize`. */
function normalize(path: string): string {
  if (path === '') return '.';
  const absolute = path.startsWith('/');
  const kept: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && kept.length > 0 && kept[kept.length - 1] !== '..') kept.pop();
    else if (segment !== '..' || !absolute) kept.push(segment);
  }
  const joined = kept.join('/');
  const trailing = path.endsWith('/') && joined !== '' ? '/' : '';
  if (absolute) return `/${joined}${trailing}`;
  return joined === '' ? '.' : `${joined}${trailing}`;
}
