import { nameKey } from '../names';
import { targetToken } from './name-positions';
import { IntColumn } from './columns';
import { inZone } from './out-of-zone';
import { RangeStore } from './range-store';
import { StringTable } from './string-table';
import type { Rule } from './types';
import { relatedAt } from './types';
import { TypeBit } from './zone-index';

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
    // Only in-zone targets can be checked, and only at the end, when every CNAME is known. A zone with a million
    // MX records keeps a million targets, as numbers: the owner id of a target that is already an owner (most
    // are: the host is usually written before the records that point at it), else its name's id in `names`.
    const names = new StringTable();
    const places = new RangeStore();
    /** Per target: owner id, or -1 - (its id in `names`); its type's index in typeCodes; its file's index or -1. */
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
        targets.push(index.ownerOf(key) ?? -1 - names.intern(key));
        targets.push(typeCodes.indexOf(record.type));
        targets.push(record.file === undefined ? -1 : files.push(record.file) - 1);
      },
      end() {
        // Many targets share a name (every MX pointing at one mail host): look each later name up once.
        const ownerOfName = new Int32Array(names.size).fill(-2);
        for (let i = 0; 3 * i < targets.length; i++) {
          let owner = targets.get(3 * i);
          if (owner < 0) {
            const nameId = -1 - owner;
            owner = ownerOfName[nameId] ?? -1;
            if (owner === -2) {
              owner = index.ownerOfEntry(names, nameId) ?? -1;
              ownerOfName[nameId] = owner;
            }
          }
          if (owner < 0 || (index.ownerTypes(owner) & TypeBit.CNAME) === 0) continue;
          const cname = index.firstOfType(owner, 'CNAME');
          const type = typeCodes[targets.get(3 * i + 1)] ?? '';
          const fileIndex = targets.get(3 * i + 2);
          context.report({
            message: `The ${type} target ${index.ownerKey(owner)} is an alias (it has a CNAME): point the ${type} record at the canonical name instead.`,
            range: places.range(i),
            file: fileIndex < 0 ? undefined : files[fileIndex],
            related: [relatedAt(index, cname, 'the CNAME at the target')],
          });
        }
      },
    };
  },
};
