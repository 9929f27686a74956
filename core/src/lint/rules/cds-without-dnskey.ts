import type { Rule } from '../rule';
import type { KeyRecord } from './utils/dnssec-keys';
import { apexKeyVisitor, isDeleteRequest, numberField } from './utils/dnssec-keys';

/**
 * The CDS/CDNSKEY consistency named checks before it loads a zone (and refuses it otherwise): every algorithm a
 * CDS or CDNSKEY names has a DNSKEY at the apex, and an RFC 8078 delete request (`CDS 0 0 0 00`) stands alone in its
 * RRset. Whether a record's digest or key matches is cds-key-mismatch's.
 */
export const cdsWithoutDnskey: Rule = {
  code: 'cds-without-dnskey',
  scope: 'owner',
  description:
    'A CDS or CDNSKEY record at the apex names an algorithm no DNSKEY there has, or an RFC 8078 delete request shares its RRset with other records; named refuses the zone ("CDS/CDNSKEY consistency checks failed").',
  // knot: kzonecheck loads it (it checks CDS/CDNSKEY only with its DNSSEC checks, on a signed SOA), as kzonecheck 3.2 showed on a zone with it.
  defaultSeverity: { cloudflare: 'error', bind: 'error', knot: 'warning' },
  profiles: ['cloudflare', 'bind', 'knot'],
  create(context) {
    return apexKeyVisitor(context, ({ kept, unreadable, dnskeys }) => {
      const keys = dnskeys();
      for (const type of ['CDS', 'CDNSKEY']) {
        const rrset = kept.filter((record) => record.type === type);
        const deletes = rrset.filter(isDeleteRequest);
        if (deletes.length > 0 && deletes.length < rrset.length) {
          for (const record of deletes)
            report(
              record,
              `The ${type} delete request (RFC 8078 section 4) must be the only ${type} record: remove the others or the request.`,
            );
        }
        for (const record of rrset) {
          if (isDeleteRequest(record) || unreadable.has(record.ownerKey)) continue;
          const algorithm = numberField(record.fields, 'algorithm');
          const candidates = keys.get(record.ownerKey) ?? [];
          if (candidates.some((key) => key.algorithm === algorithm)) continue;
          report(
            record,
            candidates.length === 0
              ? `This ${type} record has no DNSKEY at ${record.ownerKey} to describe (RFC 7344 section 4), so named refuses the zone: publish the key or remove the ${type}.`
              : `No DNSKEY at ${record.ownerKey} has this ${type} record's algorithm (${algorithm ?? '?'}), so named refuses the zone: publish a key of that algorithm or remove the ${type}.`,
          );
        }
      }
    });
    function report(record: KeyRecord, message: string): void {
      context.report({ message, range: record.range, file: record.file });
    }
  },
};
