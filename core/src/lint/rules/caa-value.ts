import { caaRecordValueProblem } from '../../rdata';
import type { Rule } from '../rule';

/** RFC 8659 (and RFC 9495 for issuemail) give issue-like tags an issuer domain and iodef a URL. */
export const caaValue: Rule = {
  code: 'caa-value',
  scope: 'record',
  description:
    'A CAA issue, issuewild, issuemail or issuevmc value is not an issuer domain with key=value parameters, or an iodef value is not a mailto:, http: or https: URL (RFC 8659 section 4). Cloudflare refuses it; named and kzonecheck load it.',
  // named-checkzone and kzonecheck load any CAA value (tried on both); CAs ignore a value they cannot read.
  defaultSeverity: { cloudflare: 'error', bind: 'warning', knot: 'warning' },
  profiles: ['cloudflare', 'bind', 'knot'],
  create(context) {
    return {
      recordTypes: ['CAA'],
      record(record) {
        const problem = caaRecordValueProblem(record);
        if (problem !== undefined) context.report({ ...problem, file: record.file });
      },
    };
  },
};
