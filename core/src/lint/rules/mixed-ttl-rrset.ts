import type { Rule } from '../rule';
import { ownerWalkLimit } from '../index/zone-index';
import { relatedAt } from '../rule';

/** RFC 2181 5.2: the records of an RRset (same owner, class and type) have the same TTL. */
export const mixedTtlRrset: Rule = {
  code: 'mixed-ttl-rrset',
  scope: 'owner',
  description:
    'Records of one RRset (same name, class and type) have different TTLs; RFC 2181 section 5.2 deprecates it and servers use one of them.',
  defaultSeverity: 'warning',
  profiles: ['cloudflare', 'bind', 'knot'],
  create(context) {
    const { index } = context;
    return {
      end() {
        // RRSIG TTLs follow the RRset they cover, so RRSIGs over different types legitimately differ.
        const rrsig = index.typeIdOf('RRSIG');
        const firstOfType = new Map<number, number>();
        for (let owner = 0; owner < index.ownerCount; owner++) {
          const size = index.ownerSize(owner);
          if (size < 2) continue;
          firstOfType.clear();
          let ownerKey: string | undefined;
          for (let ordinal = index.firstAt(owner); ordinal >= 0; ordinal = index.nextAtOwner(ordinal)) {
            const type = index.typeId(ordinal);
            if (type === rrsig) continue;
            // Most owners have a handful of records: walking them beats a map.
            const first = size <= ownerWalkLimit ? index.firstOfTypeId(owner, type) : firstOfType.get(type);
            if (first === undefined || first === ordinal) {
              firstOfType.set(type, ordinal);
              continue;
            }
            if (index.ttl(ordinal) === index.ttl(first)) continue;
            const typeName = index.type(ordinal);
            // One name with thousands of TTLs makes a finding for each: its key is made once.
            ownerKey ??= index.ownerKey(owner);
            context.report({
              message: `TTL ${index.ttl(ordinal)} differs from ${index.ttl(first)} of the other ${typeName} records at ${ownerKey}: give the RRset one TTL.`,
              range: index.range(ordinal),
              file: index.file(ordinal),
              ...(context.keepsRelated
                ? { related: [relatedAt(index, first, `the first ${typeName} record, TTL ${index.ttl(first)}`)] }
                : {}),
            });
          }
        }
      },
    };
  },
};
