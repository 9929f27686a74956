import type { Rule } from './types';
import { relatedAt } from './types';

/** RFC 2181 5.2: the records of an RRset (same owner, class and type) have the same TTL. */
export const mixedTtlRrset: Rule = {
  code: 'mixed-ttl-rrset',
  description:
    'Records of one RRset (same name, class and type) have different TTLs; RFC 2181 section 5.2 deprecates it and servers use one of them.',
  defaultSeverity: 'warning',
  profiles: ['cloudflare', 'bind'],
  create(context) {
    const { index } = context;
    return {
      end() {
        const firstOfType = new Map<string, number>();
        for (let owner = 0; owner < index.ownerCount; owner++) {
          if (index.ownerSize(owner) < 2) continue;
          firstOfType.clear();
          for (const ordinal of index.recordsAt(owner)) {
            const type = index.type(ordinal);
            // RRSIG TTLs follow the RRset they cover, so RRSIGs over different types legitimately differ.
            if (type === 'RRSIG') continue;
            const first = firstOfType.get(type);
            if (first === undefined) {
              firstOfType.set(type, ordinal);
              continue;
            }
            if (index.ttl(ordinal) === index.ttl(first)) continue;
            context.report({
              message: `TTL ${index.ttl(ordinal)} differs from ${index.ttl(first)} of the other ${type} records at ${index.ownerKey(owner)}: give the RRset one TTL.`,
              range: index.range(ordinal),
              file: index.file(ordinal),
              related: [relatedAt(index, first, `the first ${type} record, TTL ${index.ttl(first)}`)],
            });
          }
        }
      },
    };
  },
};
