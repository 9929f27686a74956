import { nameKey } from '../names';
import type { Range } from '../types';
import { targetToken } from './name-positions';
import { inZone } from './out-of-zone';
import type { Rule } from './types';
import { relatedAt } from './types';
import { IntColumn, TypeBit } from './zone-index';

const typeCodes = ['MX', 'NS', 'SRV'];

/** RFC 2181 section 10.3: MX, NS and SRV must point at a name with addresses, never at an alias. */
export const targetIsCname: Rule = {
  code: 'target-is-cname',
  description:
    'The target of an MX, NS or SRV record is a name in this zone that has a CNAME; RFC 2181 section 10.3 forbids pointing these records at an alias.',
  defaultSeverity: 'warning',
  profiles: ['cloudflare', 'bind'],
  create(context) {
    const { index } = context;
    // Only in-zone targets can be checked; they are kept until the end, when every CNAME is known. A zone with
    // a million MX records keeps a million targets: their names in one array, the rest as numbers.
    const keys: string[] = [];
    const where = new IntColumn();
    const files: (string | undefined)[] = [];
    return {
      record(record) {
        const target = targetToken(record);
        if (target === undefined) return;
        const absolute = record.fields[target.position]?.value;
        if (absolute === undefined || !absolute.endsWith('.')) return;
        const key = nameKey(absolute);
        if (key === '.' || !inZone(key, context.originKey)) return;
        const { start, end } = target.token.range;
        keys.push(key);
        where.push(typeCodes.indexOf(record.type));
        where.push(start.line);
        where.push(start.character);
        where.push(start.offset);
        where.push(end.line);
        where.push(end.character);
        where.push(end.offset);
        where.push(record.file === undefined ? -1 : files.push(record.file) - 1);
      },
      end() {
        for (let i = 0; i < keys.length; i++) {
          const owner = index.ownerOf(keys[i] ?? '');
          if (owner === undefined || (index.ownerTypes(owner) & TypeBit.CNAME) === 0) continue;
          const cname = index.firstOfType(owner, 'CNAME');
          const at = i * 8;
          const type = typeCodes[where.get(at)] ?? '';
          const range: Range = {
            start: { line: where.get(at + 1), character: where.get(at + 2), offset: where.get(at + 3) },
            end: { line: where.get(at + 4), character: where.get(at + 5), offset: where.get(at + 6) },
          };
          const fileIndex = where.get(at + 7);
          context.report({
            message: `The ${type} target ${keys[i] ?? ''} is an alias (it has a CNAME): point the ${type} record at the canonical name instead.`,
            range,
            file: fileIndex < 0 ? undefined : files[fileIndex],
            related: [relatedAt(index, cname, 'the CNAME at the target')],
          });
        }
      },
    };
  },
};
