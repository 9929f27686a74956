import type { Fix, Range } from '../../types';
import type { Rule } from '../rule';

/** The fix that turns an SPF record into the TXT record receivers read: the type token becomes TXT. */
export function publishAsTxt(typeRange: Range): Fix {
  return { title: 'Publish it as TXT (change the type)', edits: [{ range: typeRange, newText: 'TXT' }] };
}

/** RFC 7208 section 3.1: SPF policies are published as TXT only; the SPF type of the experimental phase is retired. */
export const spfType: Rule = {
  code: 'spf-type',
  scope: 'owner',
  description:
    'A record of type SPF: RFC 7208 section 3.1 retired the type, receivers read SPF policies from TXT records only. BIND warns when no TXT record sits beside it.',
  defaultSeverity: 'warning',
  // For Cloudflare, cloudflare-unsupported says the same: Cloudflare does not serve the type.
  profiles: ['bind', 'knot'],
  create(context) {
    const { index } = context;
    const found: { ownerKey: string; range: Range; file: string | undefined }[] = [];
    return {
      recordTypes: ['SPF'],
      record(record) {
        found.push({ ownerKey: record.ownerKey, range: record.typeRange, file: record.file });
      },
      end() {
        for (const { ownerKey, range, file } of found) {
          const owner = index.ownerOf(ownerKey);
          const hasTxt = owner !== undefined && index.recordsOfType(owner, 'TXT').next().done === false;
          context.report({
            ...(hasTxt ? {} : { fixes: [publishAsTxt(range)] }),
            message: hasTxt
              ? `Type SPF is retired (RFC 7208 section 3.1) and receivers read the TXT record at ${ownerKey}: remove this record.`
              : `Type SPF is retired (RFC 7208 section 3.1) and ${ownerKey} has no TXT record, so receivers find no policy: publish it as TXT.`,
            range,
            file,
          });
        }
      },
    };
  },
};
