import type { Rule } from '../rule';
import {
  apexKeyVisitor,
  cdnskeyMatches,
  cdsMatches,
  dnskeyData,
  isDeleteRequest,
  numberField,
} from './utils/dnssec-keys';

/**
 * RFC 7344 section 4: CDS and CDNSKEY records at a zone's apex state which of its DNSKEYs the parent's DS RRset should
 * point to; one that matches no DNSKEY there would have the parent publish a DS that validates nothing. named 9.18
 * only checks that each algorithm has a DNSKEY (cds-without-dnskey) and loads such a zone, so this is a warning.
 */
export const cdsKeyMismatch: Rule = {
  code: 'cds-key-mismatch',
  scope: 'owner',
  description:
    'A CDS or CDNSKEY record at the apex describes none of the DNSKEY records of its algorithm there (key tag and digest, or flags and key; RFC 7344 section 4); the parent would publish a DS that validates nothing.',
  defaultSeverity: 'warning',
  profiles: ['cloudflare', 'bind', 'knot'],
  create(context) {
    return apexKeyVisitor(context, ({ kept, unreadable, dnskeys }) => {
      const keys = dnskeys();
      for (const record of kept) {
        if (record.type === 'DNSKEY' || isDeleteRequest(record) || unreadable.has(record.ownerKey)) continue;
        const algorithm = numberField(record.fields, 'algorithm');
        const candidates = (keys.get(record.ownerKey) ?? []).filter((key) => key.algorithm === algorithm);
        // Without a DNSKEY of its algorithm cds-without-dnskey speaks.
        if (candidates.length === 0) continue;
        let matched: boolean;
        if (record.type === 'CDS') matched = candidates.some((dnskey) => cdsMatches(record, dnskey, record.ownerKey));
        else {
          const cdnskey = dnskeyData(record);
          if (cdnskey === undefined) continue;
          matched = candidates.some((dnskey) => cdnskeyMatches(cdnskey, dnskey));
        }
        if (matched) continue;
        const what = record.type === 'CDS' ? 'key tag and digest' : 'flags and key';
        context.report({
          message: `This ${record.type} record matches none of the DNSKEY records of its algorithm at ${record.ownerKey} (${what}; RFC 7344 section 4): regenerate it from the current keys or remove it.`,
          range: record.range,
          file: record.file,
        });
      }
    });
  },
};
