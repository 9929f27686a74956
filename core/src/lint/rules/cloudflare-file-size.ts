import { documentStart } from './utils/ranges';
import type { Rule } from '../rule';

export const cloudflareImportLimit = 262144;

/** Cloudflare imports a zone file of at most 256 KiB. */
export const cloudflareFileSize: Rule = {
  code: 'cloudflare-file-size',
  scope: 'zone',
  description:
    "The file is larger than 256 KiB, the most Cloudflare's DNS import accepts; a sync through the API is not limited this way.",
  defaultSeverity: 'warning',
  profiles: ['cloudflare'],
  create(context) {
    return {
      end() {
        const bytes = context.documentBytes;
        if (bytes === undefined || bytes <= cloudflareImportLimit) return;
        context.report({
          message: `The file is ${bytes} bytes; Cloudflare imports at most 262144 (256 KiB): split it into several imports, or sync with zone-records apply.`,
          range: documentStart,
        });
      },
    };
  },
};
