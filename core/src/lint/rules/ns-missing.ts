import type { Rule } from '../rule';
import { TypeBit } from '../index/zone-index';

/** A zone names its servers at its apex (RFC 1034 section 4.2.1); BIND refuses a zone without apex NS records. */
export const nsMissing: Rule = {
  code: 'ns-missing',
  scope: 'zone',
  description:
    'The zone has an SOA but no NS records at its apex (RFC 1034 section 4.2.1); BIND refuses to load it ("has no NS records"). Not checked for Cloudflare, which serves its own name servers.',
  // An error: the bind profile promises that named loads the zone, and named (like kzonecheck) refuses it. A file
  // that is only part of a zone turns it down with `--rule ns-missing=warning`.
  defaultSeverity: 'error',
  profiles: ['bind', 'knot'],
  create(context) {
    const { index } = context;
    return {
      end() {
        const apex = index.ownerOf(context.originKey);
        // Without an SOA soa-missing speaks for the apex.
        if (apex === undefined || (index.ownerTypes(apex) & TypeBit.SOA) === 0) return;
        if ((index.ownerTypes(apex) & TypeBit.NS) !== 0) return;
        const soa = index.firstOfType(apex, 'SOA');
        context.report({
          message: `The zone ${context.origin} has no NS records at its apex, so BIND refuses to load it: add the zone's name servers (@ IN NS ns1.example.net.).`,
          range: index.range(soa),
          file: index.file(soa),
        });
      },
    };
  },
};
