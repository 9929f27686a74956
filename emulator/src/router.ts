import type { Handler } from './context';

/** A route: a method and a path template such as `/zones/:zone_id/dns_records/:dns_record_id`. */
export interface Route {
  readonly method: string;
  readonly template: string;
  readonly handler: Handler;
  /** True for operations that change records (they need write permission and are persisted). */
  readonly writes: boolean;
  /** A rate limit of its own on top of the account-wide one (the import endpoint's 3 per minute). */
  readonly ownRateLimit?: 'import';
}

export type RouteMatch =
  | { readonly kind: 'found'; readonly route: Route; readonly params: Record<string, string> }
  | { readonly kind: 'wrong-method' }
  | { readonly kind: 'none' };

/** Finds the route for a method and path; literal segments win over parameters (`/dns_records/export` vs `/:id`). */
export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
  const segments = path.split('/').filter((segment) => segment !== '');
  let best: { route: Route; params: Record<string, string>; literals: number } | undefined;
  let pathMatched = false;
  for (const route of routes) {
    const match = matchTemplate(route.template, segments);
    if (match === undefined) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    if (best === undefined || match.literals > best.literals) best = { route, ...match };
  }
  if (best !== undefined) return { kind: 'found', route: best.route, params: best.params };
  return pathMatched ? { kind: 'wrong-method' } : { kind: 'none' };
}

function matchTemplate(
  template: string,
  segments: readonly string[],
): { params: Record<string, string>; literals: number } | undefined {
  const parts = template.split('/').filter((part) => part !== '');
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  let literals = 0;
  for (let index = 0; index < parts.length; index += 1) {
    const part = parts[index] ?? '';
    const segment = segments[index] ?? '';
    if (part.startsWith(':')) {
      const value = decodeSegment(segment);
      if (value === undefined) return undefined;
      params[part.slice(1)] = value;
    } else if (part === segment) {
      literals += 1;
    } else {
      return undefined;
    }
  }
  return { params, literals };
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
