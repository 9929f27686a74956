import { ancestorWith, wildcardWith } from './utils/ancestors';
import { inZoneTargets } from './utils/in-zone-targets';
import { delegationAtOrAbove } from './utils/ns-targets';
import type { Rule } from '../rule';
import { TypeBit } from '../index/zone-index';

const ADDRESSES = TypeBit.A | TypeBit.AAAA;

/**
 * A mail exchanger or service host inside the zone needs an address in the zone, or the mail and the service have
 * nowhere to go. (Name servers have their own rule, which BIND makes an error.)
 */
export const targetWithoutAddress: Rule = {
  code: 'target-without-address',
  scope: 'targets',
  description:
    'An MX or SRV record points at a name inside this zone that has no A or AAAA record there (nor a CNAME or a wildcard that gives one), so mail or clients of the service find no address.',
  defaultSeverity: 'warning',
  profiles: ['cloudflare', 'bind', 'knot'],
  create(context) {
    const { index, originKey } = context;
    const targets = inZoneTargets(context);
    return {
      recordTypes: ['MX', 'SRV'],
      record(record, ordinal) {
        targets.add(record, ordinal);
      },
      end() {
        for (let i = 0; i < targets.size; i++) {
          const type = targets.type(i);
          if (type === 'NS') continue;
          const owner = targets.ownerOf(i);
          // A CNAME there is target-is-cname's finding.
          if (owner !== undefined && (index.ownerTypes(owner) & (ADDRESSES | TypeBit.CNAME)) !== 0) continue;
          const key = targets.key(i);
          if (owner === undefined && wildcardWith(index, key, originKey, ADDRESSES)) continue;
          // Below a delegation or a DNAME the addresses live in another zone, or the name is redirected.
          if (delegationAtOrAbove(context, key) !== undefined) continue;
          if (ancestorWith(index, key, originKey, TypeBit.DNAME) !== undefined) continue;
          context.report({
            message: `The ${type} target ${key} is in this zone but has no A or AAAA record: add its address, or point the ${type} record at a host that has one.`,
            range: targets.range(i),
            file: targets.file(i),
          });
        }
      },
    };
  },
};
