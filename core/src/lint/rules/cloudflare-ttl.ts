import type { Fix, Range } from '../../types';
import { parseTtl } from '../../parse/ttl';
import type { Rule } from '../rule';

export const cloudflareMinTtl = 60;
export const cloudflareMaxTtl = 86400;

export function isCloudflareTtl(ttl: number): boolean {
  return ttl === 1 || (ttl >= cloudflareMinTtl && ttl <= cloudflareMaxTtl);
}

/** The allowed TTL nearest to `ttl` in 60..86400 (1 means "automatic", a different intent, so it is never offered). */
export function nearestCloudflareTtl(ttl: number): number {
  return Math.min(cloudflareMaxTtl, Math.max(cloudflareMinTtl, ttl));
}

function replaceFix(range: Range, ttl: number): Fix {
  const allowed = nearestCloudflareTtl(ttl);
  return { title: `Set the TTL to ${allowed}`, edits: [{ range, newText: String(allowed) }] };
}

function message(ttl: number): string {
  return `Cloudflare accepts a TTL of 1 (automatic) or 60 to 86400 seconds, not ${ttl}: use ${nearestCloudflareTtl(ttl)} or 1.`;
}

/** Cloudflare's TTL: 1 (automatic) or 60..86400 (30 on Enterprise). */
export const cloudflareTtl: Rule = {
  code: 'cloudflare-ttl',
  scope: 'ttl-group',
  description:
    'Cloudflare accepts a TTL of 1 (automatic) or 60 to 86400 seconds (30 on Enterprise plans); the fix sets the nearest allowed value.',
  defaultSeverity: 'error',
  profiles: ['cloudflare'],
  create(context) {
    const reportedDirectiveTtls = new Set<number>();
    // Records that inherit a bad TTL are reported once per value (at the first of them), not once per record.
    const inherited = new Map<
      number,
      { range: Range; insertAt: Range['start']; file: string | undefined; count: number }
    >();
    return {
      record(record) {
        // Cloudflare manages the SOA itself and ignores an imported one.
        if (record.type === 'SOA' || isCloudflareTtl(record.ttl)) return;
        if (record.ttlRange !== undefined) {
          context.report({
            message: message(record.ttl),
            range: record.ttlRange,
            file: record.file,
            fixes: [replaceFix(record.ttlRange, record.ttl)],
          });
          return;
        }
        const seen = inherited.get(record.ttl);
        if (seen) seen.count += 1;
        else {
          // The TTL goes before the class when there is one: `name 60 IN A`, as zone files usually write it.
          const insertAt = (record.classRange ?? record.typeRange).start;
          inherited.set(record.ttl, { range: record.typeRange, insertAt, file: record.file, count: 1 });
        }
      },
      directive(directive) {
        const argument = directive.arguments[0];
        if (directive.name !== '$TTL' || argument === undefined) return;
        const ttl = parseTtl(argument.text);
        if (ttl === undefined || isCloudflareTtl(ttl)) return;
        reportedDirectiveTtls.add(ttl);
        context.report({
          message: message(ttl),
          range: argument.range,
          file: directive.file,
          // The parser drops a $TTL with extra arguments: changing its value would change no record's TTL.
          ...(directive.arguments.length === 1 ? { fixes: [replaceFix(argument.range, ttl)] } : {}),
        });
      },
      end() {
        for (const [ttl, first] of inherited) {
          if (reportedDirectiveTtls.has(ttl)) continue;
          const allowed = nearestCloudflareTtl(ttl);
          const others = first.count > 1 ? ` (${first.count} records inherit it)` : '';
          context.report({
            message: `This record inherits TTL ${ttl}${others}; Cloudflare accepts 1 (automatic) or 60 to 86400 seconds: set a TTL such as ${allowed}.`,
            range: first.range,
            file: first.file,
            fixes: [
              {
                title: `Give the record TTL ${allowed}`,
                edits: [{ range: { start: first.insertAt, end: first.insertAt }, newText: `${allowed} ` }],
              },
            ],
          });
        }
      },
    };
  },
};
