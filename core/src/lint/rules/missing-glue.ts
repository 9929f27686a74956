import type { Rule } from '../rule';
import type { RuleContext } from '../rule';
import { delegationAtOrAbove, existingNames, hasAddress, nsTargetVisitor } from './utils/ns-targets';

/**
 * A delegation's name server inside this zone without an address here: resolvers that follow the referral find no
 * glue (RFC 9471). named warns and loads the zone ("has no REQUIRED GLUE" / "SIBLING GLUE" / "address records").
 */
export const missingGlue: Rule = {
  code: 'missing-glue',
  scope: 'targets',
  description:
    'A delegation names a server inside this zone that has no A or AAAA record here (required glue below the delegation, sibling glue below another one, or a plain address); named warns, resolvers may not reach the child.',
  // knot: kzonecheck refuses it ("missing glue record"), as kzonecheck 3.2 showed on a zone with it.
  defaultSeverity: { cloudflare: 'warning', bind: 'warning', knot: 'error' },
  profiles: ['cloudflare', 'bind', 'knot'],
  create(context) {
    const knotChecks = context.profile === 'knot' ? knotGlueCheck(context) : undefined;
    return nsTargetVisitor(
      context,
      (ownerKey) => ownerKey !== context.originKey,
      (target) => {
        if (hasAddress(context, target)) return;
        const below = delegationAtOrAbove(context, target.key);
        if (knotChecks !== undefined && !knotChecks(target.ownerKey, target.key, below)) return;
        const kind =
          below === undefined
            ? 'address'
            : context.index.ownerKey(below) === target.ownerKey
              ? 'glue'
              : 'sibling glue (it is below another delegation)';
        context.report({
          message: `The delegation ${target.ownerKey} names the server ${target.key}, which is in this zone but has no ${kind} here: add its A or AAAA record.`,
          range: target.range(),
          file: target.file,
        });
      },
    );
  },
};

/**
 * What kzonecheck 3.2 refuses as "missing glue record", found by running it on each case: a server not below any
 * delegation without an address, and a delegation's own server below it when no name exists between the two (an
 * existing name there, even an empty non-terminal, ends its search). It does not check sibling glue.
 */
function knotGlueCheck(context: RuleContext): (ownerKey: string, key: string, below: number | undefined) => boolean {
  const exists = existingNames(context);
  return (ownerKey, key, below) => {
    if (below === undefined) return true;
    if (context.index.ownerKey(below) !== ownerKey) return false;
    for (
      let name = key.slice(key.indexOf('.') + 1);
      name.length > ownerKey.length;
      name = name.slice(name.indexOf('.') + 1)
    ) {
      if (exists(name)) return false;
    }
    return true;
  };
}
