import type { Rule } from '../rule';
import { TypeBit } from '../index/zone-index';
import { singletonVisitor } from './utils/singleton';

/** A name has at most one DNAME (RFC 6672 section 2.4); named, kzonecheck and nsd-checkzone refuse a second one. */
export const multipleDnames: Rule = {
  code: 'multiple-dnames',
  scope: 'owner',
  description:
    'A name has at most one DNAME record (RFC 6672 section 2.4); named, kzonecheck and nsd-checkzone refuse the zone. Identical copies are one record (duplicate-record).',
  defaultSeverity: 'error',
  profiles: ['cloudflare', 'bind', 'knot'],
  create: (context) => singletonVisitor(context, 'DNAME', TypeBit.DNAME),
};
