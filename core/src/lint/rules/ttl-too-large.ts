import { parseTtl } from '../../parse/ttl';
import type { Rule } from '../rule';

export const maxTtl = 2147483647;

/** RFC 2181 section 8: a TTL is at most 2^31-1; resolvers read a larger one as 0. */
export const ttlTooLarge: Rule = {
  code: 'ttl-too-large',
  scope: 'record',
  description: 'A TTL is above 2^31-1 seconds; RFC 2181 section 8 says to treat it as 0, and BIND loads it as 0.',
  defaultSeverity: 'warning',
  profiles: ['cloudflare', 'bind', 'knot'],
  create(context) {
    const message = (ttl: number): string =>
      `TTL ${ttl} is above 2147483647 (2^31-1) and will be read as 0: use at most 2147483647, in practice a day or a week.`;
    return {
      record(record) {
        if (record.ttl <= maxTtl || record.ttlRange === undefined) return;
        context.report({ message: message(record.ttl), range: record.ttlRange, file: record.file });
      },
      directive(directive) {
        const argument = directive.arguments[0];
        if (directive.name !== '$TTL' || argument === undefined) return;
        const ttl = parseTtl(argument.text);
        if (ttl !== undefined && ttl > maxTtl) {
          context.report({ message: message(ttl), range: argument.range, file: directive.file });
        }
      },
    };
  },
};
