import type { Token, ZoneRecord } from '../types';

/** Which rdata tokens hold domain names, by type (0-based token positions in presentation order). */
const nameTokenPositions: Readonly<Record<string, readonly number[]>> = {
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

const none: readonly Token[] = [];

/** The rdata tokens of a record that are domain names (none for RFC 3597 generic rdata). */
export function rdataNameTokens(record: ZoneRecord): readonly Token[] {
  const positions = nameTokenPositions[record.type];
  if (positions === undefined || record.generic) return none;
  const tokens: Token[] = [];
  for (const position of positions) {
    const token = record.rdata[position];
    if (token !== undefined && token.kind === 'word') tokens.push(token);
  }
  return tokens;
}

/** The single domain-name target of MX, NS and SRV records (what RFC 2181 10.3 says must not be an alias). */
export function targetToken(record: ZoneRecord): { token: Token; position: number } | undefined {
  const position = record.type === 'MX' ? 1 : record.type === 'NS' ? 0 : record.type === 'SRV' ? 3 : -1;
  if (position < 0 || record.generic) return undefined;
  const token = record.rdata[position];
  return token !== undefined && token.kind === 'word' ? { token, position } : undefined;
}
