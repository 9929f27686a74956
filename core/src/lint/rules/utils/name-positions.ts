import { recordTypes } from '../../../rdata';
import type { Token, ZoneRecord } from '../../../types';

// From the type catalogue's name fields, as a map for the per-record lookup: most types (A, AAAA, TXT...) have
// none and are left out, which a map answers quickly.
const nameTokenPositions: ReadonlyMap<string, readonly number[]> = new Map(
  [...recordTypes.values()].filter((info) => info.nameFields.length > 0).map((info) => [info.name, info.nameFields]),
);

const none: readonly number[] = [];

/**
 * Where the domain-name tokens of a record sit in its rdata (none for RFC 3597 generic rdata); read each with
 * rdataNameToken. Positions rather than tokens so that rules asking this of every record build no array.
 */
export function rdataNamePositions(record: ZoneRecord): readonly number[] {
  const positions = nameTokenPositions.get(record.type);
  return positions === undefined || record.generic ? none : positions;
}

/** The rdata token at a position from rdataNamePositions, when the record has a word there. */
export function rdataNameToken(record: ZoneRecord, position: number): Token | undefined {
  const token = record.rdata[position];
  return token !== undefined && token.kind === 'word' ? token : undefined;
}

/** The single domain-name target of MX, NS and SRV records (what RFC 2181 10.3 says must not be an alias). */
export function targetToken(record: ZoneRecord): { token: Token; position: number } | undefined {
  const position = record.type === 'MX' ? 1 : record.type === 'NS' ? 0 : record.type === 'SRV' ? 3 : -1;
  if (position < 0 || record.generic) return undefined;
  const token = record.rdata[position];
  return token !== undefined && token.kind === 'word' ? { token, position } : undefined;
}
