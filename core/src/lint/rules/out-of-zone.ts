import { isSubdomainOf, RelativeName } from '../../names';
import { ParsedRecord } from '../../parse/record';
import type { Rule } from '../rule';

/** True when the comparison key `key` is the apex `apexKey` or below it. */
export function inZone(key: string, apexKey: string): boolean {
  if (apexKey === '.' || key === apexKey) return true;
  if (key.includes('\\') || apexKey.includes('\\')) return isSubdomainOf(key, apexKey);
  return key.endsWith(apexKey) && key.charCodeAt(key.length - apexKey.length - 1) === 46; /* . */
}

/** Every owner name must be the zone's apex or below it. */
export const outOfZone: Rule = {
  code: 'out-of-zone',
  scope: 'record',
  description:
    "A record's owner is not the zone apex or below it: BIND and Knot ignore it, and Cloudflare cannot create it in this zone.",
  defaultSeverity: { cloudflare: 'error', bind: 'warning', knot: 'warning' },
  profiles: ['cloudflare', 'bind', 'knot'],
  create(context) {
    // A name written relative to an origin in the zone is in the zone: one check per origin rather than one per
    // record, and the record's key need not be joined for it.
    let checkedOrigin: string | undefined;
    let originInZone = false;
    return {
      record(record) {
        if (record instanceof ParsedRecord && record.ownerName instanceof RelativeName) {
          const originKey = record.ownerName.originKey;
          if (originKey !== checkedOrigin) {
            checkedOrigin = originKey;
            originInZone = inZone(originKey, context.originKey);
          }
          if (originInZone) return;
        }
        if (inZone(record.ownerKey, context.originKey)) return;
        context.report({
          message: `${record.owner} is outside the zone ${context.origin}: move it to its own zone or fix the name (a missing trailing dot or a wrong $ORIGIN).`,
          range: record.ownerRange ?? record.range,
          file: record.file,
        });
      },
    };
  },
};
