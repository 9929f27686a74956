import { cloudflareRefusal } from '../../cloudflare/records';
import { publishAsTxt } from './spf-type';
import type { Rule } from '../rule';

/** Records Cloudflare cannot hold at all: a sync leaves them out (and says so), so the file and the zone differ. */
export const cloudflareUnsupported: Rule = {
  code: 'cloudflare-unsupported',
  scope: 'record',
  description:
    'A record Cloudflare cannot hold: a type it does not serve (SPF, HINFO, DNAME ...), a class other than IN, or rdata in RFC 3597 generic form (`\\#`). A sync leaves it out and says so.',
  defaultSeverity: 'warning',
  profiles: ['cloudflare'],
  create(context) {
    return {
      record(record) {
        if (record.type === 'SOA') return;
        const refusal = cloudflareRefusal(record);
        if (refusal === undefined) return;
        const range =
          refusal.code === 'unsupported-class'
            ? (record.classRange ?? record.range)
            : refusal.code === 'unsupported-type'
              ? record.typeRange
              : record.range;
        context.report({
          // TXT fixes a refused type only: a CH-class SPF record stays out as a CH-class TXT record, and \# rdata as \# TXT.
          ...(record.type === 'SPF' && refusal.code === 'unsupported-type' && !record.generic
            ? { fixes: [publishAsTxt(record.typeRange)] }
            : {}),
          message: `${refusal.reason} A sync to Cloudflare leaves this record out.`,
          range,
          file: record.file,
        });
      },
    };
  },
};
