import { cloudflareRecordWireLimit, cloudflareRrsetContentLimit, cloudflareWireOctets } from '../../cloudflare/limits';
import { toCloudflareRecord } from '../../cloudflare/records';
import { cloudflareTypes } from '../../rdata';
import type { ZoneRecord } from '../../types';
import type { Rule } from '../rule';
import { IntColumn } from '../index/columns';
import { SourceToken } from '../../parse/source';

/** The record's wire size as Cloudflare would store it; undefined when it cannot be sent at all (other rules say why). */
function recordWireSize(record: ZoneRecord, origin: string): number | undefined {
  const converted = toCloudflareRecord(record, { origin });
  return 'body' in converted ? cloudflareWireOctets(converted.body) : undefined;
}

/** The record's content as Cloudflare counts it: its rdata as written, fields one space apart. */
function contentLength(record: ZoneRecord): number {
  let length = Math.max(0, record.rdata.length - 1);
  // A source token's length is its offsets' difference: no slice of the document per token of every record.
  for (const token of record.rdata)
    length += token instanceof SourceToken ? token.end - token.start : token.text.length;
  return length;
}

/** Cloudflare refuses a record over 4,096 octets of wire data and an RRset whose contents pass 8,192 characters. */
export const cloudflareRecordSize: Rule = {
  code: 'cloudflare-record-size',
  scope: 'owner',
  description:
    'A record is larger than the 4,096 octets of wire data Cloudflare stores, or the records of one name and type have more than 8,192 characters of content together.',
  defaultSeverity: 'error',
  profiles: ['cloudflare'],
  create(context) {
    const { index } = context;
    // Per checked record, in file order: its ordinal and content length; RRsets are summed once the index is whole.
    const ordinals = new IntColumn();
    const lengths = new IntColumn();
    return {
      recordTypes: cloudflareTypes,
      record(record, ordinal) {
        const length = contentLength(record);
        ordinals.push(ordinal);
        lengths.push(length);
        // A UTF-16 unit is at most 3 octets and an owner's wire form no longer than its text plus one: most records
        // are far below the limit without decoding a string.
        if (3 * length + record.owner.length + 11 <= cloudflareRecordWireLimit) return;
        const wire = recordWireSize(record, context.origin);
        if (wire !== undefined && wire > cloudflareRecordWireLimit) {
          context.report({
            message: `This ${record.type} record is ${wire} octets on the wire; Cloudflare stores at most ${cloudflareRecordWireLimit}: shorten it or split the data over several records.`,
            range: record.range,
            file: record.file,
          });
        }
      },
      end() {
        const rrsets = new Map<number, { length: number; reported: boolean }>();
        for (let position = 0; position < ordinals.length; position++) {
          const ordinal = ordinals.get(position);
          const length = lengths.get(position);
          const owner = index.ownerOfRecord(ordinal);
          const alone = index.ownerSize(owner) === 1;
          if (alone && length <= cloudflareRrsetContentLimit) continue;
          const key = owner * 65536 + index.typeId(ordinal);
          const rrset = rrsets.get(key) ?? { length: 0, reported: false };
          rrsets.set(key, rrset);
          rrset.length += length;
          if (rrset.length <= cloudflareRrsetContentLimit || rrset.reported) continue;
          rrset.reported = true;
          const type = index.type(ordinal);
          context.report({
            message: `The ${type} records at ${index.ownerKey(owner)} reach ${rrset.length} characters of content with this one; Cloudflare allows ${cloudflareRrsetContentLimit} per name and type: move some of them to another name.`,
            range: index.range(ordinal),
            file: index.file(ordinal),
          });
        }
      },
    };
  },
};
