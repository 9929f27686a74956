import { hostTargetTypes, inZoneTargets } from './utils/in-zone-targets';
import type { Rule } from '../rule';
import { relatedAt } from '../rule';
import { TypeBit } from '../index/zone-index';

/** RFC 2181 section 10.3: MX, NS and SRV must point at a name with addresses, never at an alias. */
export const targetIsCname: Rule = {
  code: 'target-is-cname',
  scope: 'targets',
  description:
    'The target of an MX, NS or SRV record is a name in this zone that has a CNAME; RFC 2181 section 10.3 forbids pointing these records at an alias.',
  defaultSeverity: 'warning',
  profiles: ['cloudflare', 'bind', 'knot'],
  create(context) {
    const { index } = context;
    // Only in-zone targets can be checked, and only at the end, when every CNAME is known.
    const targets = inZoneTargets(context);
    return {
      recordTypes: hostTargetTypes,
      record(record, ordinal) {
        targets.add(record, ordinal);
      },
      end() {
        for (let i = 0; i < targets.size; i++) {
          const owner = targets.ownerOf(i);
          if (owner === undefined || (index.ownerTypes(owner) & TypeBit.CNAME) === 0) continue;
          const cname = index.firstOfType(owner, 'CNAME');
          const type = targets.type(i);
          context.report({
            message: `The ${type} target ${index.ownerKey(owner)} is an alias (it has a CNAME): point the ${type} record at the canonical name instead.`,
            range: targets.range(i),
            file: targets.file(i),
            related: [relatedAt(index, cname, 'the CNAME at the target')],
          });
        }
      },
    };
  },
};
