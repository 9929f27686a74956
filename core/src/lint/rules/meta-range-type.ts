import type { Rule } from '../rule';

/** `TYPEnnn` in presentation form: the only way a record of an unassigned code reaches the linter. */
const GENERIC_TYPE = /^TYPE(\d+)$/;

/**
 * Type codes 128-255 are reserved for query and meta types (RFC 6895 section 3.1). The parser lets an unassigned one
 * through as NSD does; named and kzonecheck refuse the zone ("invalid use of a meta type").
 */
export const metaRangeType: Rule = {
  code: 'meta-range-type',
  scope: 'record',
  description:
    'A record of a type code in 128-255, the range RFC 6895 section 3.1 reserves for query and meta types; named and kzonecheck refuse the zone, NSD loads it.',
  // knot: kzonecheck loads it, as kzonecheck 3.2 showed on a zone with it.
  defaultSeverity: { cloudflare: 'error', bind: 'error', knot: 'warning' },
  profiles: ['bind', 'knot'],
  create(context) {
    return {
      record(record) {
        // Named types are caught by the parser; only TYPEnnn of an unassigned code gets here.
        if (record.type.charCodeAt(0) !== 84 /* T */ || record.type.length < 5) return;
        const match = GENERIC_TYPE.exec(record.type);
        const code = match === null ? NaN : Number(match[1]);
        if (!(code >= 128 && code <= 255)) return;
        context.report({
          message: `${record.type} is in the range of query and meta types (128-255), which named refuses in a zone: use a type code outside it.`,
          range: record.range,
          file: record.file,
        });
      },
    };
  },
};
