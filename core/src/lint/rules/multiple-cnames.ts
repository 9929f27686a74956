import type { Rule } from '../rule';
import { TypeBit } from '../index/zone-index';
import { singletonVisitor } from './utils/singleton';

/** A name has at most one CNAME (RFC 2181 section 10.1). */
export const multipleCnames: Rule = {
  code: 'multiple-cnames',
  scope: 'owner',
  description:
    'A name has at most one CNAME record (RFC 2181 section 10.1); identical copies are one record (duplicate-record).',
  defaultSeverity: 'error',
  profiles: ['cloudflare', 'bind', 'knot'],
  create: (context) => singletonVisitor(context, 'CNAME', TypeBit.CNAME),
};
