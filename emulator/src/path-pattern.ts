/**
 * Matches request paths against simple globs used by fault rules and log queries: `*` is one path segment (or part
 * of one), `**` any number of segments. Paths are below `/client/v4`; a pattern may include that prefix.
 */
export function pathMatcher(pattern: string): (path: string) => boolean {
  const body = stripApiPrefix(pattern)
    .split('**')
    .map((part) =>
      part
        .split('*')
        .map((literal) => literal.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*'),
    )
    .join('.*');
  const regex = new RegExp(`^${body}$`);
  return (path) => regex.test(stripApiPrefix(path));
}

export function stripApiPrefix(path: string): string {
  return path.startsWith('/client/v4') ? path.slice('/client/v4'.length) || '/' : path;
}
