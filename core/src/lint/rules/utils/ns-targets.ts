import type { Range } from '../../../types';
import type { RuleContext, RuleVisitor } from '../../rule';
import { TypeBit } from '../../index/zone-index';
import { inZoneTargets } from './in-zone-targets';
import { ancestorWith, wildcardWith } from './ancestors';

/** An in-zone NS target, read from the run's InZoneTargets when the end-of-zone check comes to it. */
export interface NsTarget {
  readonly key: string;
  /** The owner id of the target's name, or undefined when no record has it. */
  readonly owner: number | undefined;
  /** The owner of the NS record: the apex or a delegation. */
  readonly ownerKey: string;
  readonly file: string | undefined;
  /** Where the target is written; made only for a finding (most targets never become one). */
  range(): Range;
}

const addresses = TypeBit.A | TypeBit.AAAA;

/** True when the zone has an address for the target: at its name, or from a wildcard when the name does not exist. */
export function hasAddress(context: RuleContext, target: NsTarget): boolean {
  const { index } = context;
  if (target.owner !== undefined) return (index.ownerTypes(target.owner) & addresses) !== 0;
  return wildcardWith(index, target.key, context.originKey, addresses);
}

/** The delegation (a non-apex owner with NS) at or above `key`, or undefined. */
export function delegationAtOrAbove(context: RuleContext, key: string): number | undefined {
  const { index, originKey } = context;
  if (index.delegationCount === 0) return undefined;
  const owner = index.ownerOf(key);
  if (owner !== undefined && key !== originKey && (index.ownerTypes(owner) & TypeBit.NS) !== 0) return owner;
  return delegationAbove(context, key);
}

/** The nearest delegation strictly above `key`, or undefined; at once when the zone has no delegation. */
function delegationAbove(context: RuleContext, key: string): number | undefined {
  const { index, originKey } = context;
  if (index.delegationCount === 0) return undefined;
  const above = ancestorWith(index, key, originKey, TypeBit.NS);
  return above !== undefined && index.ownerKey(above) !== originKey ? above : undefined;
}

/**
 * Hands the in-zone targets of the NS records `wanted` picks (by owner key) to `check` at the end of the zone. The
 * targets are the run's shared InZoneTargets, kept as numbers: a zone of 100,000 NS records keeps no object for each.
 * NS records hidden by a DNAME or a delegation above their owner are never used, so they are not checked.
 */
export function nsTargetVisitor(
  context: RuleContext,
  wanted: (ownerKey: string) => boolean,
  check: (target: NsTarget) => void,
): RuleVisitor {
  const { index, originKey } = context;
  const targets = inZoneTargets(context);
  const used = (ownerKey: string): boolean => {
    if (!wanted(ownerKey) || ancestorWith(index, ownerKey, originKey, TypeBit.DNAME) !== undefined) return false;
    return delegationAbove(context, ownerKey) === undefined;
  };
  return {
    recordTypes: ['NS'],
    record(record, ordinal) {
      targets.add(record, ordinal);
    },
    end() {
      // The NS records of one owner come together (an owner's NS set), so each owner is judged once per run of them.
      let lastOwner = -1;
      let ownerKey = '';
      let lastUsed = false;
      for (let i = 0; i < targets.size; i++) {
        if (targets.type(i) !== 'NS') continue;
        const owner = targets.recordOwner(i);
        if (owner !== lastOwner) {
          lastOwner = owner;
          ownerKey = index.ownerKey(owner);
          lastUsed = used(ownerKey);
        }
        if (!lastUsed) continue;
        check({
          key: targets.key(i),
          owner: targets.ownerOf(i),
          ownerKey,
          file: targets.file(i),
          range: () => targets.range(i),
        });
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
