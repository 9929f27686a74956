import type { Related, RuleContext, RuleVisitor } from '../../rule';
import { atRecord, relatedAt } from '../../rule';
import { IntColumn } from '../../index/columns';
import { rdataHash } from './rdata-key';

/**
 * The visitor of a rule about a singleton type (CNAME, DNAME, RESINFO: RFC 2181 10.1, RFC 6672 2.4, RFC 9606 4): a name
 * has at most one distinct record of `type`. Identical copies are one record (named merges them and loads the zone;
 * duplicate-record reports them), so only records whose data differs from the first one's are reported.
 */
export function singletonVisitor(context: RuleContext, type: 'CNAME' | 'DNAME' | 'RESINFO', bit: number): RuleVisitor {
  const { index } = context;
  // The data hash of each record of `type` by ordinal (zero for others): four bytes a record, no copy of the data.
  const hashes = new IntColumn();
  return {
    recordTypes: [type],
    record(record, ordinal) {
      if (record.type !== type) return;
      while (hashes.length < ordinal) hashes.push(0);
      hashes.push(rdataHash(record));
    },
    end() {
      for (const owner of index.ownersWith(bit)) {
        if (index.ownerSize(owner) < 2) continue;
        let first: { hash: number; related: Related } | undefined;
        for (const ordinal of index.recordsOfType(owner, type)) {
          if (first === undefined) {
            first = { hash: hashes.get(ordinal), related: relatedAt(index, ordinal, `the first ${type} at this name`) };
            continue;
          }
          if (hashes.get(ordinal) === first.hash) continue;
          const message = `${index.ownerKey(owner)} already has a ${type}; a name has at most one: keep one of them.`;
          context.report(atRecord(index, ordinal, message, first.related));
        }
      }
    },
  };
}
