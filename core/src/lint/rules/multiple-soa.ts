import type { Rule } from '../rule';
import { relatedAt } from '../rule';

/** A zone has exactly one SOA record. */
export const multipleSoa: Rule = {
  code: 'multiple-soa',
  scope: 'zone',
  description: 'The zone has more than one SOA record; SOA is a singleton (RFC 1035 section 5.2).',
  defaultSeverity: 'error',
  profiles: ['cloudflare', 'bind'],
  create(context) {
    let first = -1;
    return {
      recordTypes: ['SOA'],
      record(record, ordinal) {
        if (record.type !== 'SOA') return;
        if (first < 0) {
          first = ordinal;
          return;
        }
        context.report({
          message: 'The zone already has an SOA record; a zone has exactly one: remove this one.',
          range: record.range,
          file: record.file,
          related: [relatedAt(context.index, first, 'the first SOA record')],
        });
      },
    };
  },
};
