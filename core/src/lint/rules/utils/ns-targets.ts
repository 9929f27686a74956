import { nameKey } from '../../../names';
import type { Range } from '../../../types';
import type { RuleContext, RuleVisitor } from '../../rule';
import { TypeBit } from '../../index/zone-index';
import { inZone } from '../out-of-zone';
import { ancestorWith, wildcardWith } from './ancestors';

/** An in-zone NS target as the NS rules keep it until the end of the zone. */
export interface NsTarget {
  readonly key: string;
  readonly ownerKey: string;
  readonly range: Range;
  readonly file: string | undefined;
}

const addresses = TypeBit.A | TypeBit.AAAA;

/** True when the zone has an address for `key`: at the name itself, or from a wildcard when the name does not exist. */
export function hasAddress(context: RuleContext, key: string): boolean {
  const { index } = context;
  const owner = index.ownerOf(key);
  if (owner !== undefined) return (index.ownerTypes(owner) & addresses) !== 0;
  return wildcardWith(index, key, context.originKey, addresses);
}

/** The delegation (a non-apex owner with NS) at or above `key`, or undefined. */
export function delegationAtOrAbove(context: RuleContext, key: string): number | undefined {
  const { index, originKey } = context;
  const owner = index.ownerOf(key);
  if (owner !== undefined && key !== originKey && (index.ownerTypes(owner) & TypeBit.NS) !== 0) return owner;
  const above = ancestorWith(index, key, originKey, TypeBit.NS);
  return above !== undefined && index.ownerKey(above) !== originKey ? above : undefined;
}

/**
 * Collects the in-zone targets of the NS records `wanted` picks (by owner key) and hands them to `check` at the end.
 * NS records hidden by a DNAME or a delegation above their owner are never used, so they are not collected.
 */
export function nsTargetVisitor(
  context: RuleContext,
  wanted: (ownerKey: string) => boolean,
  check: (target: NsTarget) => void,
): RuleVisitor {
  const { index, originKey } = context;
  const targets: NsTarget[] = [];
  return {
    recordTypes: ['NS'],
    record(record) {
      if (record.type !== 'NS' || record.generic || !wanted(record.ownerKey)) return;
      const token = record.rdata[0];
      const absolute = record.fields[0]?.value;
      if (token === undefined || absolute === undefined || !absolute.endsWith('.')) return;
      const key = nameKey(absolute);
      if (!inZone(key, originKey)) return;
      targets.push({ key, ownerKey: record.ownerKey, range: token.range, file: record.file });
    },
    end() {
      for (const target of targets) {
        if (ancestorWith(index, target.ownerKey, originKey, TypeBit.DNAME) !== undefined) continue;
        const above = ancestorWith(index, target.ownerKey, originKey, TypeBit.NS);
        if (above !== undefined && index.ownerKey(above) !== originKey) continue;
        check(target);
      }
    },
  };
}

/**
 * A test for the names that exist in the zone (owners, and the empty non-terminals above them), built on the first
 * call by one pass over the owners: for checks that need it only on the rare missing address.
 */
export function existingNames(context: RuleContext): (key: string) => boolean {
  let names: Set<string> | undefined;
  return (key) => {
    if (names === undefined) {
      names = new Set();
      const { index, originKey } = context;
      for (let owner = 0; owner < index.ownerCount; owner++) {
        for (let name = index.ownerKey(owner); name.length > originKey.length && !names.has(name);) {
          names.add(name);
          const dot = name.indexOf('.');
          if (dot < 0) break;
          name = name.slice(dot + 1);
        }
      }
    }
    return names.has(key);
  };
}
