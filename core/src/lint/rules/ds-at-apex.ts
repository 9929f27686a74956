import type { Rule } from '../rule';

/** RFC 4035 section 2.4: a DS record lives in the parent zone, at the delegation point, never at a zone's apex. */
export const dsAtApex: Rule = {
  code: 'ds-at-apex',
  scope: 'record',
  description:
    "A DS record is at the zone apex; DS records belong in the parent zone (RFC 4035 section 2.4): give them to the parent's operator or registrar.",
  // knot: kzonecheck loads it, as kzonecheck 3.2 showed on a zone with it.
  defaultSeverity: { cloudflare: 'error', bind: 'error', knot: 'warning' },
  profiles: ['cloudflare', 'bind', 'knot'],
  create(context) {
    return {
      recordTypes: ['DS'],
      record(record) {
        if (record.type !== 'DS' || record.ownerKey !== context.originKey) return;
        context.report({
          message:
            "A DS record at the apex belongs in the parent zone (RFC 4035 section 2.4): remove it here and give it to the parent's operator or registrar.",
          range: record.range,
          file: record.file,
        });
      },
    };
  },
};
