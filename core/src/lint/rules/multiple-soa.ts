import type { Rule } from '../rule';
import { relatedAt } from '../rule';
import { rdataHash } from './utils/rdata-key';

/** A zone has exactly one SOA record; a repeated identical one is the same record (named merges it). */
export const multipleSoa: Rule = {
  code: 'multiple-soa',
  scope: 'zone',
  description:
    'The zone has more than one distinct SOA record; SOA is a singleton (RFC 1035 section 5.2). An identical repeat is only a duplicate-record.',
  // knot: kzonecheck loads it (it keeps the first SOA), as kzonecheck 3.2 showed on a zone with it.
  defaultSeverity: { cloudflare: 'error', bind: 'error', knot: 'warning' },
  profiles: ['cloudflare', 'bind', 'knot'],
  create(context) {
    let first = -1;
    let firstHash = 0;
    return {
      recordTypes: ['SOA'],
      record(record, ordinal) {
        if (record.type !== 'SOA') return;
        const hash = rdataHash(record);
        if (first < 0) {
          first = ordinal;
          firstHash = hash;
          return;
        }
        if (hash === firstHash) return;
        context.report({
          message: 'The zone already has a different SOA record; a zone has exactly one: remove this one.',
          range: record.range,
          file: record.file,
          related: [relatedAt(context.index, first, 'the first SOA record')],
        });
      },
    };
  },
};
