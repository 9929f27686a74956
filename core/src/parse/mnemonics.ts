// Reading type and class words. Types come from the rdata layer's IANA catalogue; classes are few enough to list.
import { typeCatalog } from '../rdata/catalog';

const typesByName: ReadonlyMap<string, { readonly name: string; readonly code: number; readonly meta?: boolean }> =
  new Map(typeCatalog.map((entry) => [entry.name, entry]));
const typesByCode: ReadonlyMap<number, { readonly name: string; readonly meta?: boolean }> = new Map(
  typeCatalog.map((entry) => [entry.code, entry]),
);

const classCodes: ReadonlyMap<string, number> = new Map([
  ['IN', 1],
  ['CS', 2],
  ['CH', 3],
  ['CHAOS', 3],
  ['HS', 4],
  ['HESIOD', 4],
]);
const classNames: ReadonlyMap<number, string> = new Map([
  [1, 'IN'],
  [2, 'CS'],
  [3, 'CH'],
  [4, 'HS'],
]);

/** What a word in type position turned out to be. */
export type TypeLookup =
  | { readonly kind: 'type'; readonly name: string; readonly code: number }
  | { readonly kind: 'meta'; readonly name: string }
  | { readonly kind: 'unknown' };

const unknown: TypeLookup = { kind: 'unknown' };
const typeCache = new Map<string, TypeLookup>();

/**
 * Reads a type word (any case): a registered mnemonic, or `TYPEnnn` (RFC 3597), normalised to the mnemonic when
 * the number has one. Query and transport types (ANY, OPT, ...) come back as `meta`.
 */
export function lookupType(word: string): TypeLookup {
  const cached = typeCache.get(word);
  if (cached !== undefined) return cached;
  const result = computeType(word);
  if (keepable(word) && typeCache.size < 4096) typeCache.set(word, result);
  return result;
}

function computeType(word: string): TypeLookup {
  const upper = word.toUpperCase();
  const known = typesByName.get(upper);
  if (known !== undefined)
    return known.meta === true
      ? { kind: 'meta', name: known.name }
      : { kind: 'type', name: known.name, code: known.code };
  const number = numberAfter(upper, 'TYPE');
  if (number === undefined) return unknown;
  const named = typesByCode.get(number);
  if (named?.meta === true) return { kind: 'meta', name: named.name };
  return { kind: 'type', name: named?.name ?? `TYPE${number}`, code: number };
}

const classCache = new Map<string, string | null>();

/**
 * Whether a head word may be kept in a cache. Every mnemonic is short; a long word is a mistake not worth keeping,
 * and it may be a slice of the document that would keep the whole document alive.
 */
export function keepable(word: string): boolean {
  return word.length <= 12;
}

/** Reads a class word (any case): IN, CH, HS, CS, their long forms, or `CLASSnnn`; the canonical name or undefined. */
export function lookupClass(word: string): string | undefined {
  let cached = classCache.get(word);
  if (cached === undefined) {
    cached = computeClass(word) ?? null;
    if (keepable(word) && classCache.size < 4096) classCache.set(word, cached);
  }
  return cached ?? undefined;
}

function computeClass(word: string): string | undefined {
  const upper = word.toUpperCase();
  const code = classCodes.get(upper);
  if (code !== undefined) return classNames.get(code);
  const number = numberAfter(upper, 'CLASS');
  if (number === undefined) return undefined;
  return classNames.get(number) ?? `CLASS${number}`;
}

/** True when the word looks like an attempt at `CLASSnnn` (so a bad one is reported as a class, not a type). */
export function looksLikeClass(word: string): boolean {
  return word.length > 5 && word.slice(0, 5).toUpperCase() === 'CLASS';
}

function numberAfter(upper: string, prefix: string): number | undefined {
  if (!upper.startsWith(prefix) || upper.length === prefix.length || upper.length > prefix.length + 5) return undefined;
  let value = 0;
  for (let index = prefix.length; index < upper.length; index++) {
    const code = upper.charCodeAt(index);
    if (code < 48 || code > 57) return undefined;
    value = value * 10 + (code - 48);
  }
  return value <= 65535 ? value : undefined;
}
