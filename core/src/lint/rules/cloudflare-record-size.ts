import { wireLength } from '../../names';
import { decodeCharacterString } from '../../rdata/text';
import type { Token, ZoneRecord } from '../../types';
import type { Rule } from '../rule';

/** Cloudflare's limits (semantics.md §7): a record of at most 4,096 octets on the wire, an RRset of 8,192 characters. */
export const cloudflareRecordWireLimit = 4096;
export const cloudflareRrsetContentLimit = 8192;

/**
 * Types whose rdata can outgrow the limit, with the octets of their fixed fields and how the rest is written
 * (the names and numbers of the other types stay far below it).
 */
const encodedTail: Readonly<
  Record<string, { readonly fixed: number; readonly fields: number; readonly as: 'base64' | 'hex' }>
> = {
  DNSKEY: { fixed: 4, fields: 3, as: 'base64' },
  CDNSKEY: { fixed: 4, fields: 3, as: 'base64' },
  CERT: { fixed: 5, fields: 3, as: 'base64' },
  OPENPGPKEY: { fixed: 0, fields: 0, as: 'base64' },
  TLSA: { fixed: 3, fields: 3, as: 'hex' },
  SMIMEA: { fixed: 3, fields: 3, as: 'hex' },
  SSHFP: { fixed: 2, fields: 2, as: 'hex' },
  DS: { fixed: 4, fields: 3, as: 'hex' },
};

const textTypes = new Set(['TXT', 'SPF']);
const checkedTypes = [...textTypes, ...Object.keys(encodedTail)];

/** The record's wire size: owner, type, class, TTL, rdata length, rdata. Undefined for types that cannot be large. */
export function recordWireSize(record: Pick<ZoneRecord, 'owner' | 'type' | 'rdata'>): number | undefined {
  const rdata = rdataWireSize(record.type, record.rdata);
  return rdata === undefined ? undefined : wireLength(record.owner) + 10 + rdata;
}

function rdataWireSize(type: string, tokens: readonly Token[]): number | undefined {
  if (textTypes.has(type)) {
    return tokens.reduce((sum, token) => sum + 1 + decodeCharacterString(token.text).length, 0);
  }
  const tail = encodedTail[type];
  if (tail === undefined) return undefined;
  const text = tokens
    .slice(tail.fields)
    .map((token) => token.text)
    .join('');
  const encoded =
    tail.as === 'hex' ? Math.floor(text.length / 2) : Math.floor((text.replace(/=+$/, '').length * 3) / 4);
  return tail.fixed + encoded;
}

/** The record's content as Cloudflare counts it: its rdata as written, fields one space apart. */
function contentLength(record: ZoneRecord): number {
  return record.rdata.reduce((sum, token) => sum + token.text.length, Math.max(0, record.rdata.length - 1));
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
    const ordinals: number[] = [];
    const lengths: number[] = [];
    return {
      recordTypes: checkedTypes,
      record(record, ordinal) {
        const length = contentLength(record);
        ordinals.push(ordinal);
        lengths.push(length);
        // A UTF-16 unit is at most 3 octets and an owner's wire form no longer than its text plus one: most records
        // are far below the limit without decoding a string.
        if (3 * length + record.owner.length + 11 <= cloudflareRecordWireLimit) return;
        const wire = recordWireSize(record);
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
        ordinals.forEach((ordinal, position) => {
          const length = lengths[position] ?? 0;
          const owner = index.ownerOfRecord(ordinal);
          const alone = index.ownerSize(owner) === 1;
          if (alone && length <= cloudflareRrsetContentLimit) return;
          const key = owner * 65536 + index.typeId(ordinal);
          const rrset = rrsets.get(key) ?? { length: 0, reported: false };
          rrsets.set(key, rrset);
          rrset.length += length;
          if (rrset.length <= cloudflareRrsetContentLimit || rrset.reported) return;
          rrset.reported = true;
          const type = index.type(ordinal);
          context.report({
            message: `The ${type} records at ${index.ownerKey(owner)} reach ${rrset.length} characters of content with this one; Cloudflare allows ${cloudflareRrsetContentLimit} per name and type: move some of them to another name.`,
            range: index.range(ordinal),
            file: index.file(ordinal),
          });
        });
      },
    };
  },
};
