import { nameKey } from '../names';
import { targetToken } from './name-positions';
import { inZone } from './out-of-zone';
import { RangeStore } from './range-store';
import { StringTable } from './string-table';
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
    // a million MX records keeps a million targets: the names packed in a string table, the rest as numbers.
    const names = new StringTable();
    const places = new RangeStore();
    /** Per target: its name's id in `names`, its type's index in typeCodes, its file's index in `files` or -1. */
    const targets = new IntColumn();
    const files: (string | undefined)[] = [];
    return {
      recordTypes: ['MX', 'NS', 'SRV'],
      record(record) {
        const target = targetToken(record);
        if (target === undefined) return;
        const absolute = record.fields[target.position]?.value;
        if (absolute === undefined || !absolute.endsWith('.')) return;
        const key = nameKey(absolute);
        if (key === '.' || !inZone(key, context.originKey)) return;
        places.add(record, target.token);
        targets.push(names.intern(key));
        targets.push(typeCodes.indexOf(record.type));
        targets.push(record.file === undefined ? -1 : files.push(record.file) - 1);
      },
      end() {
        // Many targets share a name (every MX pointing at one mail host): look each name up once.
        const aliasOf = new Int32Array(names.size).fill(-2);
        for (let i = 0; 3 * i < targets.length; i++) {
          const nameId = targets.get(3 * i);
          let cname = aliasOf[nameId] ?? -1;
          if (cname === -2) {
            const owner = index.ownerOfEntry(names, nameId);
            const isAlias = owner !== undefined && (index.ownerTypes(owner) & TypeBit.CNAME) !== 0;
            cname = isAlias ? index.firstOfType(owner, 'CNAME') : -1;
            aliasOf[nameId] = cname;
          }
          if (cname < 0) continue;
          const type = typeCodes[targets.get(3 * i + 1)] ?? '';
          const fileIndex = targets.get(3 * i + 2);
          context.report({
            message: `The ${type} target ${names.value(nameId)} is an alias (it has a CNAME): point the ${type} record at the canonical name instead.`,
            range: places.range(i),
            file: fileIndex < 0 ? undefined : files[fileIndex],
            related: [relatedAt(index, cname, 'the CNAME at the target')],
          });
        }
      },
    };
  },
};
