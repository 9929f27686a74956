import { nameKey } from '../../names';
import type { Rule } from '../rule';

/** The number of labels of an absolute name in key form, the root not counted (RFC 4034 section 3.1.3). */
function labelCount(key: string): number {
  if (key === '.' || key === '') return 0;
  let count = 0;
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    if (code === 92 /* \ */) i++;
    else if (code === 46 /* . */) count++;
  }
  return count;
}

/**
 * RFC 4034 section 3.1.3: the Labels field counts the owner's labels (fewer for a wildcard expansion), and the
 * signer is the owner or one of its ancestors, so Labels is never below the signer's label count. named refuses
 * such a record ("out of range").
 */
export const rrsigLabels: Rule = {
  code: 'rrsig-labels',
  scope: 'record',
  description:
    "An RRSIG's Labels field is smaller than its signer name's label count, so the signer cannot be the owner's zone (RFC 4034 section 3.1.3); named refuses the record.",
  // knot: kzonecheck loads it (it checks signatures only with its DNSSEC checks, on a signed SOA), as kzonecheck 3.2 showed on a zone with it.
  defaultSeverity: { cloudflare: 'error', bind: 'error', knot: 'warning' },
  profiles: ['cloudflare', 'bind', 'knot'],
  create(context) {
    return {
      recordTypes: ['RRSIG'],
      record(record) {
        if (record.type !== 'RRSIG' || record.generic) return;
        const labels = record.fields.find((field) => field.name === 'labels')?.value;
        const signer = record.fields.find((field) => field.name === 'signer')?.value;
        if (labels === undefined || signer === undefined || !/^\d+$/.test(labels) || !signer.endsWith('.')) return;
        const signerLabels = labelCount(nameKey(signer));
        if (Number(labels) >= signerLabels) return;
        context.report({
          message: `The RRSIG's Labels field (${labels}) is below the ${signerLabels} labels of its signer ${signer}; named refuses it: re-sign the RRset.`,
          range: record.range,
          file: record.file,
        });
      },
    };
  },
};
