import type { Rule } from '../rule';

/** Cloudflare's import refuses `$INCLUDE` ("$INCLUDE directive not allowed"). */
export const cloudflareInclude: Rule = {
  code: 'cloudflare-include',
  scope: 'zone',
  description:
    "Cloudflare's DNS import does not accept `$INCLUDE`; a sync through the API works, an import of this file would fail.",
  defaultSeverity: 'warning',
  profiles: ['cloudflare'],
  create(context) {
    return {
      directive(directive) {
        if (directive.name !== '$INCLUDE') return;
        context.report({
          message:
            'Cloudflare\'s import refuses $INCLUDE ("$INCLUDE directive not allowed"): inline the included records before importing, or sync with zone-records apply.',
          range: directive.range,
          file: directive.file,
        });
      },
    };
  },
};
