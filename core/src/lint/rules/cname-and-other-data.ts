import type { Rule } from '../rule';
import { atRecord, relatedAt } from '../rule';
import { TypeBit, typeBitOf } from '../index/zone-index';
import { inZone } from './out-of-zone';

// RFC 2181 10.1 and RFC 4035 2.5: DNSSEC data may live beside a CNAME.
const besideCnameAllowed = TypeBit.CNAME | TypeBit.DNSSEC;

/** RFC 1034 3.6.2: a name with a CNAME has no other data. Cloudflare refuses A/AAAA beside a CNAME. */
export const cnameAndOtherData: Rule = {
  code: 'cname-and-other-data',
  scope: 'owner',
  description:
    'A name that has a CNAME has no other records (RFC 1034 section 3.6.2); Cloudflare refuses A/AAAA records at a CNAME name.',
  defaultSeverity: 'error',
  profiles: ['cloudflare', 'bind', 'knot'],
  create(context) {
    const { index } = context;
    return {
      end() {
        const clashes = (bits: number): boolean => (bits & ~besideCnameAllowed) !== 0;
        for (const owner of index.ownersWith(TypeBit.CNAME, clashes)) {
          // Servers drop records outside the zone (out-of-zone says so), so they clash with nothing.
          if (!inZone(index.ownerKey(owner), context.originKey)) continue;
          // Cloudflare manages the apex SOA and NS itself and flattens an apex CNAME, so they do not clash there.
          const atCloudflareApex = context.profile === 'cloudflare' && index.ownerKey(owner) === context.originKey;
          const cname = relatedAt(index, index.firstOfType(owner, 'CNAME'), 'the CNAME at this name');
          for (const ordinal of index.recordsAt(owner)) {
            const type = index.type(ordinal);
            if ((typeBitOf(type) & besideCnameAllowed) !== 0) continue;
            if (atCloudflareApex && (type === 'SOA' || type === 'NS')) continue;
            const message =
              type === 'A' || type === 'AAAA'
                ? `A/AAAA records cannot share a name with a CNAME (Cloudflare); RFC 1034 forbids other data beside a CNAME: remove the ${type} record or the CNAME.`
                : `A ${type} record cannot share a name with a CNAME (RFC 1034 section 3.6.2): remove it or the CNAME.`;
            context.report(atRecord(index, ordinal, message, cname));
          }
        }
      },
    };
  },
};
