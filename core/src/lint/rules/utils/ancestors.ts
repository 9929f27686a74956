import { inZone } from '../out-of-zone';
import type { ZoneIndex } from '../../index/zone-index';

/**
 * The nearest strict ancestor of `key` inside the zone (apex included) whose owner has any of `bits`, or undefined.
 * Walks up one label at a time with a map lookup each: O(depth) for one name.
 */
export function ancestorWith(index: ZoneIndex, key: string, apexKey: string, bits: number): number | undefined {
  if ((index.typesInZone & bits) === 0 || key === apexKey || !inZone(key, apexKey)) return undefined;
  let at = nextLabel(key, 0);
  while (at >= 0 && at < key.length) {
    const ancestor = key.slice(at);
    const owner = index.ownerOf(ancestor);
    if (owner !== undefined && (index.ownerTypes(owner) & bits) !== 0) return owner;
    if (ancestor === apexKey) return undefined;
    at = nextLabel(key, at);
  }
  return undefined;
}

/** True when a wildcard that would answer for `key` (`*.` and an ancestor, nearest first) has any of `bits`. */
export function wildcardWith(index: ZoneIndex, key: string, apexKey: string, bits: number): boolean {
  if (index.wildcardCount === 0) return false;
  for (let dot = key.indexOf('.'); dot >= 0 && dot < key.length - 1; dot = key.indexOf('.', dot + 1)) {
    const parent = key.slice(dot + 1);
    const wildcard = index.ownerOf(`*.${parent}`);
    if (wildcard !== undefined) return (index.ownerTypes(wildcard) & bits) !== 0;
    // A name that exists between the target and the wildcard stops the wildcard from applying (RFC 4592).
    if (index.ownerOf(parent) !== undefined || parent === apexKey) return false;
  }
  return false;
}

/** The offset just after the first unescaped dot at or after `from`, or -1. */
function nextLabel(key: string, from: number): number {
  for (let i = from; i < key.length; i++) {
    const code = key.charCodeAt(i);
    if (code === 92 /* \ */) i++;
    else if (code === 46 /* . */) return i + 1 < key.length ? i + 1 : -1;
  }
  return -1;
}
