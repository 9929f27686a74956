import type { Rule } from '../rule';
import { atRecord, relatedAt } from '../rule';
import { TypeBit } from '../index/zone-index';

/** RFC 6672 section 2.3: below the apex, a DNAME and NS records cannot share a name. */
export const dnameAndNs: Rule = {
  code: 'dname-and-ns',
  scope: 'owner',
  description:
    'A DNAME and NS records share a name below the apex; RFC 6672 section 2.3 allows them together only at the zone apex.',
  // BIND loads such a zone (its good1.db test has one), Knot refuses it: a warning says it without failing a build.
  // knot: kzonecheck refuses it ("NS record exists beside DNAME"), as kzonecheck 3.2 showed on a zone with it.
  defaultSeverity: { cloudflare: 'warning', bind: 'warning', knot: 'error' },
  profiles: ['cloudflare', 'bind', 'knot'],
  create(context) {
    const { index } = context;
    return {
      end() {
        for (const owner of index.ownersWith(TypeBit.DNAME | TypeBit.NS)) {
          if (index.ownerKey(owner) === context.originKey) continue;
          const dname = relatedAt(index, index.firstOfType(owner, 'DNAME'), 'the DNAME at this name');
          const message = `NS records cannot share ${index.ownerKey(owner)} with a DNAME below the apex (RFC 6672 section 2.3): remove the delegation or the DNAME.`;
          for (const ordinal of index.recordsOfType(owner, 'NS'))
            context.report(atRecord(index, ordinal, message, dname));
        }
      },
    };
  },
};
