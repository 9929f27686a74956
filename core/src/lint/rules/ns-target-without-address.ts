import { nameKey } from '../../names';
import type { Range } from '../../types';
import { ancestorWith, wildcardWith } from './utils/ancestors';
import { inZone } from './out-of-zone';
import type { Rule } from '../rule';
import { TypeBit } from '../index/zone-index';

/**
 * A name server inside the zone needs its A/AAAA records in the zone (glue below a delegation, plain address
 * records elsewhere), or nobody can reach it. BIND refuses a zone whose apex NS lack them.
 */
export const nsTargetWithoutAddress: Rule = {
  code: 'ns-target-without-address',
  scope: 'targets',
  description:
    'An NS record names a server inside this zone that has no A or AAAA record in the zone, so resolvers cannot reach it (missing glue or address).',
  defaultSeverity: { cloudflare: 'warning', bind: 'error' },
  profiles: ['cloudflare', 'bind'],
  create(context) {
    const { index } = context;
    const targets: { key: string; ownerKey: string; range: Range; file: string | undefined }[] = [];
    return {
      recordTypes: ['NS'],
      record(record) {
        if (record.type !== 'NS' || record.generic) return;
        const token = record.rdata[0];
        const absolute = record.fields[0]?.value;
        if (token === undefined || absolute === undefined || !absolute.endsWith('.')) return;
        const key = nameKey(absolute);
        if (!inZone(key, context.originKey)) return;
        targets.push({ key, ownerKey: record.ownerKey, range: token.range, file: record.file });
      },
      end() {
        const addresses = TypeBit.A | TypeBit.AAAA;
        for (const target of targets) {
          const owner = index.ownerOf(target.key);
          if (owner !== undefined && (index.ownerTypes(owner) & addresses) !== 0) continue;
          if (owner === undefined && wildcardWith(index, target.key, context.originKey, addresses)) continue;
          // An NS hidden by a DNAME or by a delegation above it is never used, so it needs no address.
          if (ancestorWith(index, target.ownerKey, context.originKey, TypeBit.DNAME) !== undefined) continue;
          const delegation = ancestorWith(index, target.ownerKey, context.originKey, TypeBit.NS);
          if (delegation !== undefined && index.ownerKey(delegation) !== context.originKey) continue;
          context.report({
            message: `The name server ${target.key} is in this zone but has no A or AAAA record: add its address (glue, when it is below a delegation).`,
            range: target.range,
            file: target.file,
          });
        }
      },
    };
  },
};
