import type { Rule } from '../rule';
import { atRecord, relatedAt } from '../rule';
import { TypeBit, typeBitOf } from '../index/zone-index';

// At a delegation, DS and the DNSSEC records of the parent side belong beside the NS (RFC 4035 section 2.4).
const besideDelegationInBind = TypeBit.NS | TypeBit.DS | TypeBit.DNSSEC;

/**
 * Cloudflare: NS records cannot share a name with any other type (the apex NS are Cloudflare's own). For BIND the
 * same records are occluded by the delegation and never served, so they are a warning there.
 */
export const nsAndOtherData: Rule = {
  code: 'ns-and-other-data',
  scope: 'owner',
  description:
    'Below the apex, a name with NS records has no other records: Cloudflare refuses them, and for BIND they are hidden by the delegation (DS and DNSSEC records excepted).',
  defaultSeverity: { cloudflare: 'error', bind: 'warning', knot: 'warning' },
  profiles: ['cloudflare', 'bind', 'knot'],
  create(context) {
    const { index } = context;
    const cloudflare = context.profile === 'cloudflare';
    const allowed = cloudflare ? TypeBit.NS : besideDelegationInBind;
    return {
      end() {
        for (const owner of index.ownersWith(TypeBit.NS, (bits) => (bits & ~allowed) !== 0)) {
          if (index.ownerKey(owner) === context.originKey) continue;
          const ns = relatedAt(index, index.firstOfType(owner, 'NS'), 'the NS record that delegates this name');
          for (const ordinal of index.recordsAt(owner)) {
            const type = index.type(ordinal);
            if ((typeBitOf(type) & allowed) !== 0) continue;
            const message = cloudflare
              ? `NS records cannot share a name with any other record type (Cloudflare): move the ${type} record to another name or remove the delegation.`
              : `The ${type} record is below a delegation (NS at this name) and will not be served: remove it or the NS records.`;
            context.report(atRecord(index, ordinal, message, ns));
          }
        }
      },
    };
  },
};
