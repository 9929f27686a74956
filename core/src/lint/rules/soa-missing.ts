import { documentStart } from './utils/ranges';
import type { Rule } from '../rule';
import { TypeBit } from '../index/zone-index';

/** A zone has an SOA at its apex (RFC 1035 section 5.2). */
export const soaMissing: Rule = {
  code: 'soa-missing',
  scope: 'zone',
  description:
    'The zone has no SOA record at its apex (RFC 1035 section 5.2); BIND refuses to load it. Not checked for Cloudflare, which makes its own SOA.',
  defaultSeverity: 'error',
  profiles: ['bind', 'knot'],
  create(context) {
    const { index } = context;
    return {
      end() {
        const apex = index.ownerOf(context.originKey);
        if (apex !== undefined && (index.ownerTypes(apex) & TypeBit.SOA) !== 0) return;
        context.report({
          message: `The zone ${context.origin} has no SOA record at its apex: add one (or lint with the right --origin).`,
          range: index.recordCount > 0 ? index.range(0) : documentStart,
          file: index.recordCount > 0 ? index.file(0) : undefined,
        });
      },
    };
  },
};
