import type { Rule } from '../rule';
import { TypeBit } from '../index/zone-index';
import { ancestorWith } from './utils/ancestors';
import { delegationAtOrAbove, hasAddress, nsTargetVisitor } from './utils/ns-targets';

/**
 * The zone's own name servers (its apex NS) inside the zone need their A/AAAA records in the zone, or nobody can
 * reach them; named and kzonecheck refuse such a zone. A server at or below a delegation is the child's to answer
 * for (named does not look there); delegations' own servers are missing-glue's.
 */
export const nsTargetWithoutAddress: Rule = {
  code: 'ns-target-without-address',
  scope: 'targets',
  description:
    "An apex NS record names a server inside this zone (not below a delegation) that has no A or AAAA record in the zone, so resolvers cannot reach it; named refuses the zone. Delegations' servers are missing-glue's.",
  defaultSeverity: { cloudflare: 'warning', bind: 'error', knot: 'error' },
  profiles: ['cloudflare', 'bind', 'knot'],
  create(context) {
    return nsTargetVisitor(
      context,
      (ownerKey) => ownerKey === context.originKey,
      (target) => {
        // named looks the server up as a resolver would: below a DNAME (the apex's included) it is rewritten.
        const dname = ancestorWith(context.index, target.key, context.originKey, TypeBit.DNAME);
        if (dname !== undefined) {
          context.report({
            message: `The name server ${target.key} is below the DNAME at ${context.index.ownerKey(dname)}, so named refuses the zone: name a server outside the DNAME's subtree.`,
            range: target.range(),
            file: target.file,
          });
          return;
        }
        if (hasAddress(context, target) || delegationAtOrAbove(context, target.key) !== undefined) return;
        context.report({
          message: `The name server ${target.key} is in this zone but has no A or AAAA record (or is an alias), so named refuses the zone: add its address.`,
          range: target.range(),
          file: target.file,
        });
      },
    );
  },
};
