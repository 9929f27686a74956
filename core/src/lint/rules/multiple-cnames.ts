import type { Related, Rule } from '../rule';
import { atRecord, relatedAt } from '../rule';
import { TypeBit } from '../index/zone-index';

/** A name has at most one CNAME (RFC 2181 section 10.1). */
export const multipleCnames: Rule = {
  code: 'multiple-cnames',
  scope: 'owner',
  description: 'A name has at most one CNAME record (RFC 2181 section 10.1).',
  defaultSeverity: 'error',
  profiles: ['cloudflare', 'bind'],
  create(context) {
    const { index } = context;
    return {
      end() {
        for (const owner of index.ownersWith(TypeBit.CNAME)) {
          if (index.ownerSize(owner) < 2) continue;
          let first: Related | undefined;
          for (const ordinal of index.recordsOfType(owner, 'CNAME')) {
            if (first === undefined) {
              first = relatedAt(index, ordinal, 'the first CNAME at this name');
              continue;
            }
            const message = `${index.ownerKey(owner)} already has a CNAME; a name has at most one: keep one of them.`;
            context.report(atRecord(index, ordinal, message, first));
          }
        }
      },
    };
  },
};
