import { parseCfComment } from '../../cloudflare/cftags';
import { proxiableTypes } from '../../cloudflare/line';
import { subRange } from './utils/ranges';
import type { Rule } from '../rule';

/** Cloudflare's `cf_tags=` in a record's comment must parse, and `cf-proxied:true` fits only A, AAAA and CNAME. */
export const cfTags: Rule = {
  code: 'cf-tags',
  scope: 'record',
  description:
    "A record's `; ... cf_tags=name:value,cf-proxied:true` comment does not parse as Cloudflare's import reads it, or proxies a type other than A, AAAA and CNAME.",
  defaultSeverity: 'error',
  profiles: ['cloudflare'],
  create(context) {
    return {
      record(record) {
        const comment = record.comment;
        if (comment === undefined || !comment.text.includes('cf_tags=')) return;
        const parsed = parseCfComment(comment.text);
        for (const problem of parsed.problems) {
          context.report({
            message: `${problem.message} (${problem.code})`,
            range: subRange(comment.range, problem.start, problem.end),
            file: record.file,
          });
        }
        const span = parsed.tagsSpan
          ? subRange(comment.range, parsed.tagsSpan.start, parsed.tagsSpan.end)
          : comment.range;
        if (parsed.proxied === true && !proxiableTypes.has(record.type)) {
          context.report({
            message: `Only A, AAAA and CNAME records can be proxied; Cloudflare refuses cf-proxied:true on ${record.type} ("This kind of record cannot be proxied"): remove it.`,
            range: span,
            file: record.file,
          });
        }
        if (parsed.flattenCname !== undefined && record.type !== 'CNAME') {
          context.report({
            message: `cf-flatten-cname applies to CNAME records only, not ${record.type}: remove it.`,
            range: span,
            file: record.file,
          });
        }
      },
    };
  },
};
