import type { Rule } from '../rule';

/**
 * MD and MF were replaced by MX in 1986 (RFC 973, RFC 1035 section 3.3.4); named refuses a zone with either
 * ("type 'MD': obsolete"), though it loads MB, MG and MR.
 */
export const obsoleteMdMf: Rule = {
  code: 'obsolete-md-mf',
  scope: 'record',
  description:
    'An MD or MF record: RFC 1035 section 3.3.4 replaced both with MX, and named refuses a zone that has one ("obsolete").',
  defaultSeverity: 'error',
  profiles: ['bind'],
  create(context) {
    return {
      recordTypes: ['MD', 'MF', 'TYPE3', 'TYPE4'],
      record(record) {
        const type = record.type === 'TYPE3' ? 'MD' : record.type === 'TYPE4' ? 'MF' : record.type;
        if (type !== 'MD' && type !== 'MF') return;
        context.report({
          message: `${type} is obsolete (RFC 1035 section 3.3.4) and named refuses the zone: use an MX record instead.`,
          range: record.range,
          file: record.file,
        });
      },
    };
  },
};
