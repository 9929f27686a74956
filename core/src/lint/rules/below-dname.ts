import { ancestorWith } from './utils/ancestors';
import type { Rule } from '../rule';
import { atRecord, relatedAt } from '../rule';
import { TypeBit } from '../index/zone-index';

/** RFC 6672 section 2.3: no records below a DNAME; resolvers never see them, the DNAME redirects the whole subtree. */
export const belowDname: Rule = {
  code: 'below-dname',
  scope: 'ancestors',
  description:
    'A record is below a name that has a DNAME; the DNAME redirects the whole subtree, so the record is never served (RFC 6672 section 2.3).',
  // knot: kzonecheck refuses it ("child record exists under DNAME"), as kzonecheck 3.2 showed on a zone with it.
  defaultSeverity: { cloudflare: 'warning', bind: 'warning', knot: 'error' },
  profiles: ['cloudflare', 'bind', 'knot'],
  create(context) {
    const { index } = context;
    let anyDname = false;
    return {
      recordTypes: ['DNAME'],
      record(record) {
        if (record.type === 'DNAME') anyDname = true;
      },
      end() {
        if (!anyDname) return;
        for (let owner = 0; owner < index.ownerCount; owner++) {
          const dnameOwner = ancestorWith(index, index.ownerKey(owner), context.originKey, TypeBit.DNAME);
          if (dnameOwner === undefined) continue;
          const dname = relatedAt(
            index,
            index.firstOfType(dnameOwner, 'DNAME'),
            'the DNAME that redirects this subtree',
          );
          const message = `${index.ownerKey(owner)} is below the DNAME at ${index.ownerKey(dnameOwner)} and will never be served: move the record or remove the DNAME.`;
          for (const ordinal of index.recordsAt(owner)) context.report(atRecord(index, ordinal, message, dname));
        }
      },
    };
  },
};
