import type { Rule } from '../rule';
import { TypeBit } from '../index/zone-index';
import { singletonVisitor } from './utils/singleton';

/** A resolver publishes one RESINFO record (RFC 9606 section 4); named refuses a second ("singleton type"). */
export const multipleResinfo: Rule = {
  code: 'multiple-resinfo',
  scope: 'owner',
  description:
    'A name has more than one RESINFO record; RESINFO is a singleton (RFC 9606 section 4) and named refuses the zone. Identical copies are one record (duplicate-record).',
  defaultSeverity: 'error',
  profiles: ['cloudflare', 'bind', 'knot'],
  create: (context) => singletonVisitor(context, 'RESINFO', TypeBit.OTHER),
};
