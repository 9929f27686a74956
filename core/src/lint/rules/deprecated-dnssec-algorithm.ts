import { dnssecAlgorithms } from '../../rdata';
import type { RdataField } from '../../types';
import type { Rule } from '../rule';

// RFC 8624 section 3.1 (algorithms) and 3.3 (DS digests), for signing and publishing: MUST NOT, or NOT RECOMMENDED.
const mustNotAlgorithms: ReadonlySet<number> = new Set([1, 3, 6, 12]);
const notRecommendedAlgorithms: ReadonlySet<number> = new Set([5, 7]);
const digestNames: Readonly<Record<number, string>> = { 1: 'SHA-1', 3: 'GOST R 34.11-94' };
const algorithmNames: ReadonlyMap<number, string> = new Map(
  Object.entries(dnssecAlgorithms).map(([name, number]) => [number, name]),
);

function fieldNamed(fields: readonly RdataField[], name: string): RdataField | undefined {
  return fields.find((field) => field.name === name);
}

/** DNSSEC material with an algorithm or digest that RFC 8624 retires, which validators treat as insecure or ignore. */
export const deprecatedDnssecAlgorithm: Rule = {
  code: 'deprecated-dnssec-algorithm',
  scope: 'record',
  description:
    'A DS, CDS, DNSKEY, CDNSKEY or RRSIG record uses a DNSSEC algorithm (RSAMD5, DSA, RSASHA1, RSASHA1-NSEC3-SHA1, ECC-GOST ...) or a DS digest (SHA-1, GOST) that RFC 8624 says not to use; BIND warns about them too.',
  defaultSeverity: 'warning',
  profiles: ['cloudflare', 'bind', 'knot'],
  create(context) {
    return {
      recordTypes: ['DS', 'CDS', 'DNSKEY', 'CDNSKEY', 'RRSIG'],
      record(record) {
        if (record.generic) return;
        const algorithm = fieldNamed(record.fields, 'algorithm');
        const number = algorithm === undefined ? NaN : Number(algorithm.value);
        if (algorithm !== undefined && (mustNotAlgorithms.has(number) || notRecommendedAlgorithms.has(number))) {
          const name = algorithmNames.get(number) ?? String(number);
          const verdict = mustNotAlgorithms.has(number) ? 'must not be used' : 'is not recommended';
          context.report({
            message: `DNSSEC algorithm ${number} (${name}) ${verdict} (RFC 8624 section 3.1): sign with 13 (ECDSAP256SHA256), 15 (ED25519) or 8 (RSASHA256) and publish the new key's ${record.type === 'RRSIG' ? 'signatures' : 'records'} instead.`,
            range: algorithm.range,
            file: record.file,
          });
        }
        if (record.type !== 'DS' && record.type !== 'CDS') return;
        const digestType = fieldNamed(record.fields, 'digest_type');
        const digestName = digestType === undefined ? undefined : digestNames[Number(digestType.value)];
        if (digestType === undefined || digestName === undefined) return;
        context.report({
          message: `DS digest type ${digestType.value} (${digestName}) must not be used for new DS records (RFC 8624 section 3.3): publish the digest with type 2 (SHA-256).`,
          range: digestType.range,
          file: record.file,
        });
      },
    };
  },
};
