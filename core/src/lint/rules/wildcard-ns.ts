import type { Rule } from '../rule';
import { atRecord } from '../rule';
import { TypeBit } from '../index/zone-index';

/**
 * A delegation at a wildcard (`*.example. NS ...`) is undefined behaviour (RFC 4592 section 4.2): servers differ
 * on what it means. named refuses the zone ("invalid NS owner name (wildcard)").
 */
export const wildcardNs: Rule = {
  code: 'wildcard-ns',
  scope: 'owner',
  description:
    'NS records at a wildcard owner (`*.name`): RFC 4592 section 4.2 leaves a wildcard delegation undefined, and named refuses the zone.',
  // knot: kzonecheck loads it, as kzonecheck 3.2 showed on a zone with it.
  defaultSeverity: { cloudflare: 'warning', bind: 'error', knot: 'warning' },
  profiles: ['cloudflare', 'bind', 'knot'],
  create(context) {
    const { index } = context;
    return {
      end() {
        for (const owner of index.ownersWith(TypeBit.NS)) {
          if (!index.ownerKey(owner).startsWith('*.')) continue;
          const message = `${index.ownerKey(owner)} is a wildcard; NS records there make an undefined delegation and named refuses the zone: delegate a named child instead.`;
          for (const ordinal of index.recordsOfType(owner, 'NS')) context.report(atRecord(index, ordinal, message));
        }
      },
    };
  },
};
