import type { Rule } from '../rule';
import { atRecord } from '../rule';
import { TypeBit } from '../index/zone-index';

/** RFC 4035 section 2.4: DS records only exist where the zone delegates (a name with NS records). */
export const dsNotAtDelegation: Rule = {
  code: 'ds-not-at-delegation',
  scope: 'owner',
  description:
    'A DS record below the apex at a name without NS records; DS records exist only at delegation points (RFC 4035 section 2.4).',
  // named 9.18, kzonecheck and nsd-checkzone load such a zone: for BIND it is a warning.
  defaultSeverity: { cloudflare: 'error', bind: 'warning', knot: 'warning' },
  profiles: ['cloudflare', 'bind', 'knot'],
  create(context) {
    const { index } = context;
    return {
      end() {
        for (const owner of index.ownersWith(TypeBit.DS, (bits) => (bits & TypeBit.NS) === 0)) {
          if (index.ownerKey(owner) === context.originKey) continue;
          const message = `The DS record at ${index.ownerKey(owner)} has no delegation (no NS records at that name): add the NS records of the child zone or remove the DS.`;
          for (const ordinal of index.recordsOfType(owner, 'DS')) context.report(atRecord(index, ordinal, message));
        }
      },
    };
  },
};
