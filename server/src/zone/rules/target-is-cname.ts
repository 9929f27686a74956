import { nameKey } from '../names';
import type { Range } from '../types';
import { targetToken } from './name-positions';
import { inZone } from './out-of-zone';
import type { Rule } from './types';
import { relatedAt } from './types';
import { TypeBit } from './zone-index';

/** RFC 2181 section 10.3: MX, NS and SRV must point at a name with addresses, never at an alias. */
export const targetIsCname: Rule = {
  code: 'target-is-cname',
  description:
    'The target of an MX, NS or SRV record is a name in this zone that has a CNAME; RFC 2181 section 10.3 forbids pointing these records at an alias.',
  defaultSeverity: 'warning',
  profiles: ['cloudflare', 'bind'],
  create(context) {
    const { index } = context;
    // Only in-zone targets can be checked; they are kept until the end, when every CNAME is known.
    const targets: { key: string; type: string; range: Range; file: string | undefined }[] = [];
    return {
      record(record) {
        const target = targetToken(record);
        if (target === undefined) return;
        const absolute = record.fields[target.position]?.value;
        if (absolute === undefined || !absolute.endsWith('.')) return;
        const key = nameKey(absolute);
        if (key === '.' || !inZone(key, context.originKey)) return;
        targets.push({ key, type: record.type, range: target.token.range, file: record.file });
      },
      end() {
        for (const target of targets) {
          const owner = index.ownerOf(target.key);
          if (owner === undefined || (index.ownerTypes(owner) & TypeBit.CNAME) === 0) continue;
          let cname = -1;
          for (const ordinal of index.recordsAt(owner)) {
            if (index.type(ordinal) === 'CNAME') {
              cname = ordinal;
              break;
            }
          }
          context.report({
            message: `The ${target.type} target ${target.key} is an alias (it has a CNAME): point the ${target.type} record at the canonical name instead.`,
            range: target.range,
            file: target.file,
            related: [relatedAt(index, cname, 'the CNAME at the target')],
          });
        }
      },
    };
  },
};
