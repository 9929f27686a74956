import type { Rule } from '../rule';

/** Cloudflare flattens a CNAME at the apex: it answers with the target's addresses instead. */
export const cnameAtApex: Rule = {
  code: 'cname-at-apex',
  scope: 'record',
  description:
    "A CNAME at the zone apex: standard DNS forbids it beside the SOA and NS, Cloudflare accepts it and flattens it (answers with the target's addresses).",
  defaultSeverity: 'information',
  profiles: ['cloudflare'],
  create(context) {
    return {
      recordTypes: ['CNAME'],
      record(record) {
        if (record.type !== 'CNAME' || record.ownerKey !== context.originKey) return;
        context.report({
          message:
            'Cloudflare flattens this CNAME at the apex: it serves the addresses of its target, not a CNAME. Other DNS providers would refuse it.',
          range: record.range,
          file: record.file,
        });
      },
    };
  },
};
