import type { Rule } from '../rule';

/** The SOA belongs at the zone apex only. */
export const soaNotAtApex: Rule = {
  code: 'soa-not-at-apex',
  scope: 'record',
  description: 'An SOA record is not at the zone apex; a zone has its SOA at the top (RFC 1035 section 5.2).',
  // knot: kzonecheck loads it, as kzonecheck 3.2 showed on a zone with it.
  defaultSeverity: { cloudflare: 'error', bind: 'error', knot: 'warning' },
  profiles: ['cloudflare', 'bind', 'knot'],
  create(context) {
    return {
      recordTypes: ['SOA'],
      record(record) {
        if (record.type !== 'SOA' || record.ownerKey === context.originKey) return;
        context.report({
          message: `The SOA record is at ${record.owner}, not at the zone apex ${context.origin}: move it to @ (or lint with the right --origin).`,
          range: record.ownerRange ?? record.range,
          file: record.file,
        });
      },
    };
  },
};
