import { syntaxCodes } from './parse/parser';
import { rdataCodes } from './rdata/codes';
import { rules } from './lint/rules/index';

/**
 * Every diagnostic code the core can report, with what it means: the lint rules, then the parser's and the rdata
 * layer's codes. Settings, `--rule` and disable comments name these.
 */
export const diagnosticCodes: ReadonlyMap<string, string> = new Map([
  ...rules.map((rule): [string, string] => [rule.code, rule.description]),
  ...Object.entries(syntaxCodes),
  ...Object.entries(rdataCodes),
]);

/** The known code closest to a mistyped one (a few edits away, or one that starts with it), for "did you mean". */
export function nearestCode(code: string): string | undefined {
  // Too short to say what was meant.
  if (code.length < 3) return undefined;
  const known = nearestCache.get(code);
  if (known !== undefined || nearestCache.has(code)) return known;
  const nearest = findNearest(code);
  if (nearestCache.size >= nearestCacheSize) nearestCache.clear();
  nearestCache.set(code, nearest);
  return nearest;
}

/** A file can name the same wrong code on thousands of lines: each is looked up once. */
const nearestCache = new Map<string, string | undefined>();
const nearestCacheSize = 4096;

function findNearest(code: string): string | undefined {
  const limit = Math.max(2, Math.floor(code.length / 4));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const known of diagnosticCodes.keys()) {
    // The edit distance is at least the difference in length: a code much longer or shorter is never near.
    if (!known.startsWith(code) && Math.abs(known.length - code.length) > limit) continue;
    const distance = known.startsWith(code) ? 1 : editDistance(code, known, limit);
    if (distance < bestDistance) {
      best = known;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/**
 * Levenshtein distance of `a` and `b`, or `limit + 1` once it is known to exceed `limit` (a row's minimum never
 * goes down). Two rows reused between calls: suggesting codes for thousands of comments allocates nothing.
 */
function editDistance(a: string, b: string, limit: number): number {
  if (rows[0].length <= b.length) rows = [new Int32Array(b.length * 2 + 1), new Int32Array(b.length * 2 + 1)];
  let [previous, current] = rows;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

let rows = [new Int32Array(64), new Int32Array(64)];
