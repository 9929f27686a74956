import { nameKey, type ZoneRecord } from '../../../core/src/index';
import type { Segment } from './segments';

/**
 * Where things are in a segmented document, so that an edit finds what it touches without walking the whole
 * document: which segments hold records at each owner, which hold SOA records or directives, and which owners
 * have rdata naming each name (an MX pointing at `www` makes `mail` depend on `www`).
 */
export class OwnerIndex {
  private readonly owners = new Map<string, Segment | Set<Segment>>();
  /** Name key -> owner keys whose rdata names it. Entries are never removed: a stale one only costs time. */
  private readonly references = new Map<string, string | Set<string>>();
  /** Wildcard owner keys (`*.` and a name) with records in some segment. */
  private readonly wildcards = new Set<string>();
  readonly soaSegments = new Set<Segment>();
  readonly directiveSegments = new Set<Segment>();

  add(segment: Segment): void {
    for (const record of segment.records) {
      addTo(this.owners, record.ownerKey, segment);
      if (record.ownerKey.startsWith('*.')) this.wildcards.add(record.ownerKey);
      if (record.type === 'SOA') this.soaSegments.add(segment);
      for (const key of namesInRdata(record)) if (key !== record.ownerKey) addTo(this.references, key, record.ownerKey);
    }
    if (segment.directives.length > 0) this.directiveSegments.add(segment);
  }

  remove(segment: Segment): void {
    for (const record of segment.records) {
      const found = this.owners.get(record.ownerKey);
      if (found === segment) this.owners.delete(record.ownerKey);
      else if (found instanceof Set) {
        found.delete(segment);
        if (found.size === 0) this.owners.delete(record.ownerKey);
      }
      if (!this.owners.has(record.ownerKey)) this.wildcards.delete(record.ownerKey);
    }
    this.soaSegments.delete(segment);
    this.directiveSegments.delete(segment);
  }

  /** The segments holding records at the owner key. */
  segmentsAt(key: string): Iterable<Segment> {
    return valuesOf(this.owners.get(key));
  }

  /** Owner keys strictly below `key` (every owner is looked at: only for the rare edit that moves a zone cut). */
  descendantsOf(key: string): string[] {
    const found: string[] = [];
    for (const owner of this.owners.keys()) if (isBelow(owner, key)) found.push(owner);
    return found;
  }

  /** True when some owner is a wildcard. */
  get hasWildcards(): boolean {
    return this.wildcards.size > 0;
  }

  /** Owner keys of records whose rdata names a name strictly below `key` (every named name is looked at). */
  pointingBelow(key: string): string[] {
    const found: string[] = [];
    for (const [name, owners] of this.references) if (isBelow(name, key)) found.push(...valuesOf(owners));
    return found;
  }

  /** Owner keys of records whose rdata names `key`. */
  pointingAt(key: string): Iterable<string> {
    return valuesOf(this.references.get(key));
  }
}

/** True when the name key `name` is strictly below `key` (a dot escaped in the name's last label is no boundary). */
function isBelow(name: string, key: string): boolean {
  const suffix = key === '.' ? '' : `.${key}`;
  return name !== key && name.endsWith(suffix) && !name.endsWith(`\\${suffix}`);
}

/** Maps keep a single value as is and a set once there are more (most owners sit in one segment). */
function addTo<T extends object | string>(map: Map<string, T | Set<T>>, key: string, value: T): void {
  const found = map.get(key);
  if (found === undefined) map.set(key, value);
  else if (found instanceof Set) found.add(value);
  else if (found !== value) map.set(key, new Set([found, value]));
}

function valuesOf<T>(found: T | Set<T> | undefined): Iterable<T> {
  if (found === undefined) return [];
  return found instanceof Set ? found : [found];
}

/** The strict ancestors of a name key (`a.b.example.` -> `b.example.`, `example.`, `.`), escaped dots respected. */
export function ancestorsOf(key: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < key.length - 1; i++) {
    const code = key.charCodeAt(i);
    if (code === 92 /* \ */) i++;
    else if (code === 46 /* . */) found.push(key.slice(i + 1));
  }
  if (key !== '.') found.push('.');
  return found;
}

/** The names a record's rdata points at, as comparison keys. */
export function namesInRdata(record: ZoneRecord): string[] {
  const keys: string[] = [];
  for (const field of record.fields) if (field.value.endsWith('.')) keys.push(nameKey(field.value));
  return keys;
}
