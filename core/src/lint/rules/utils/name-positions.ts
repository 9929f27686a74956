import type { Token, ZoneRecord } from '../../../types';

/** Which rdata tokens hold domain names, by type (0-based token positions in presentation order). */
const positionsByType: Readonly<Record<string, readonly number[]>> = {
  CNAME: [0],
  NS: [0],
  PTR: [0],
  DNAME: [0],
  MB: [0],
  MD: [0],
  MF: [0],
  MG: [0],
  MR: [0],
  NSEC: [0],
  MX: [1],
  AFSDB: [1],
  KX: [1],
  RT: [1],
  SRV: [3],
  SVCB: [1],
  HTTPS: [1],
  NAPTR: [5],
  SOA: [0, 1],
  RP: [0, 1],
  MINFO: [0, 1],
};

// A map for the per-record lookup: most types (A, AAAA, TXT...) are absent, which an object answers slowly (through
// its prototype chain).
const nameTokenPositions: ReadonlyMap<string, readonly number[]> = new Map(Object.entries(positionsByType));

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
