import { targetToken } from './utils/name-positions';
import type { Rule } from '../rule';

const ipv4 = /^\d{1,3}(?:\.\d{1,3}){3}\.?$/;
const ipv6 = /^[0-9a-f]*:[0-9a-f:.]*$/i;

/** MX, NS and SRV name a host, not an address (RFC 1035, RFC 2782); an IP there is read as a domain name. */
export const targetIsAddress: Rule = {
  code: 'target-is-address',
  scope: 'record',
  description:
    'The target of an MX, NS or SRV record is an IP address; these records take a host name (RFC 1035, RFC 2782), so point them at a name with an A/AAAA record.',
  defaultSeverity: 'warning',
  profiles: ['cloudflare', 'bind', 'knot'],
  create(context) {
    return {
      recordTypes: ['MX', 'NS', 'SRV'],
      record(record) {
        const target = targetToken(record);
        if (target === undefined) return;
        const text = target.token.text;
        if (!ipv4.test(text) && !ipv6.test(text)) return;
        context.report({
          message: `The ${record.type} target ${text} is an IP address, but ${record.type} takes a host name: create an A/AAAA record for a name and use that name.`,
          range: target.token.range,
          file: record.file,
        });
      },
    };
  },
};
