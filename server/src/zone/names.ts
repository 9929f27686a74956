// PROVISIONAL: a minimal version so other modules can build against the API; the rdata/names helper replaces it.

/** A name resolved against an origin. */
export interface ResolvedName {
  /** Absolute presentation form with a trailing dot, escapes kept. */
  readonly name: string;
  /** Lower-cased canonical comparison key. */
  readonly key: string;
  /** Set when the name is malformed (the name is still the best-effort reading). */
  readonly error?: { readonly code: string; readonly message: string };
}

/** Resolves `@`, relative and absolute names against `origin` (absolute, with trailing dot). */
export function resolveName(text: string, origin: string): ResolvedName {
  let name: string;
  if (text === '@') name = origin;
  else if (text.endsWith('.') && !text.endsWith('\\.')) name = text;
  else name = origin === '.' ? `${text}.` : `${text}.${origin}`;
  return { name, key: nameKey(name) };
}

/** The comparison key of an absolute name. */
export function nameKey(name: string): string {
  return name.toLowerCase();
}
