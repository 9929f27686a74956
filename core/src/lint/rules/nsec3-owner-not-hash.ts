import { labelsOf } from '../../names';
import type { Rule } from '../rule';

// RFC 4648 section 7 "base32hex" digits; RFC 5155 section 1.3 leaves out the "=" padding.
const BASE32HEX_LABEL = /^[0-9a-v]+$/i;
// Unpadded base32 of whole octets ends after 2, 4, 5 or 7 digits of a final 8-digit group.
const COMPLETE_LENGTHS = new Set([0, 2, 4, 5, 7]);

/** Why the first label of an NSEC3 owner is not an unpadded base32hex hash, or undefined when it is one. */
function hashLabelProblem(label: string): string | undefined {
  if (label.includes('=')) return 'is padded with "="; NSEC3 writes hashes without padding (RFC 5155 section 1.3)';
  if (!BASE32HEX_LABEL.test(label)) return 'has characters outside base32hex (0-9, a-v)';
  if (!COMPLETE_LENGTHS.has(label.length % 8))
    return `has ${label.length} digits, which no whole number of octets gives`;
  // The bits the last digit holds beyond the last whole octet are zero in a real encoding (named checks them).
  const spareBits = (label.length * 5) % 8;
  const last = parseInt(label.slice(-1), 32);
  if (spareBits > 0 && (last & ((1 << spareBits) - 1)) !== 0) {
    return `ends in a digit whose ${spareBits} bits beyond the last octet are not zero, which no hash gives`;
  }
  return undefined;
}

/**
 * RFC 5155 section 3: the owner of an NSEC3 record is the base32hex encoding of a hashed name, as one label before
 * the zone name. Any other first label can never match a hash, so the record denies nothing; BIND and Knot refuse it.
 */
export const nsec3OwnerNotHash: Rule = {
  code: 'nsec3-owner-not-hash',
  scope: 'record',
  description:
    'The first label of an NSEC3 owner is not an unpadded base32hex hash (RFC 5155 section 3), so the record can never match a query.',
  // knot: kzonecheck loads it (it checks NSEC3 only with its DNSSEC checks, on a signed SOA), as kzonecheck 3.2 showed on a zone with it.
  defaultSeverity: { cloudflare: 'error', bind: 'error', knot: 'warning' },
  profiles: ['cloudflare', 'bind', 'knot'],
  create(context) {
    return {
      recordTypes: ['NSEC3'],
      record(record) {
        if (record.type !== 'NSEC3') return;
        const label = labelsOf(record.owner)[0];
        const problem = label === undefined ? 'is missing' : hashLabelProblem(label);
        if (problem === undefined) return;
        context.report({
          message: `The NSEC3 owner's first label ${label === undefined ? '' : `"${label}" `}${problem}: the owner must be the base32hex hash of a name, as one label before the zone name.`,
          range: record.ownerRange ?? record.range,
          file: record.file,
        });
      },
    };
  },
};
