import type { Rule } from './types';
import { relatedAt } from './types';
import { TypeBit } from './zone-index';

/** A name has at most one CNAME (RFC 2181 section 10.1). */
export const multipleCnames: Rule = {
  code: 'multiple-cnames',
  description: 'A name has at most one CNAME record (RFC 2181 section 10.1).',
  defaultSeverity: 'error',
  profiles: ['cloudflare', 'bind'],
  create(context) {
    const { index } = context;
    return {
      end() {
        for (let owner = 0; owner < index.ownerCount; owner++) {
          if ((index.ownerTypes(owner) & TypeBit.CNAME) === 0) continue;
          let first = -1;
          for (const ordinal of index.recordsAt(owner)) {
            if (index.type(ordinal) !== 'CNAME') continue;
            if (first < 0) {
              first = ordinal;
              continue;
            }
            context.report({
              message: `${index.ownerKey(owner)} already has a CNAME; a name has at most one: keep one of them.`,
              range: index.range(ordinal),
              file: index.file(ordinal),
              related: [relatedAt(index, first, 'the first CNAME at this name')],
            });
          }
        }
      },
    };
  },
};
