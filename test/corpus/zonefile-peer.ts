// Reduces dns-zonefile's output and ours to comparable record tuples (owner, type, TTL when written, main rdata;
// for the SOA its two names and serial).
import { nameKey } from '../../core/src/names';
import type { ZoneRecord } from '../../core/src/types';

/** The record kinds dns-zonefile returns whose main rdata is one address or name, or TXT's strings as written. */
const peerKinds = {
  a: { type: 'A', field: 'ip', position: 0, isName: false },
  aaaa: { type: 'AAAA', field: 'ip', position: 0, isName: false },
  cname: { type: 'CNAME', field: 'alias', position: 0, isName: true },
  mx: { type: 'MX', field: 'host', position: 1, isName: true },
  ns: { type: 'NS', field: 'host', position: 0, isName: true },
  ptr: { type: 'PTR', field: 'host', position: 0, isName: true },
  srv: { type: 'SRV', field: 'target', position: 3, isName: true },
  txt: { type: 'TXT', field: 'txt', position: -1, isName: false },
} as const;

const comparedTypes = new Set<string>(Object.values(peerKinds).map((kind) => kind.type));

type PeerZone = Record<string, unknown>;

function absoluteKey(name: string, origin: string): string {
  if (name === '@' || name === '') return nameKey(origin);
  if (name.endsWith('.')) return nameKey(name);
  return nameKey(origin === '.' ? `${name}.` : `${name}.${origin}`);
}

function tuple(owner: string, type: string, ttl: number | undefined, value: string): string {
  return `${owner} ${type} ${ttl ?? '-'} ${value}`;
}

/** dns-zonefile's records as sorted tuples; the TTL only where the record wrote one. */
export function peerTuples(zone: PeerZone, fallbackOrigin: string): string[] {
  const originValue = zone.$origin;
  const origin = typeof originValue === 'string' && originValue !== '' ? originValue : fallbackOrigin;
  const tuples: string[] = [];
  for (const [kind, info] of Object.entries(peerKinds)) {
    const records = zone[kind];
    if (!Array.isArray(records)) continue;
    for (const record of records as Record<string, unknown>[]) {
      const name = typeof record.name === 'string' ? record.name : '';
      const raw = record[info.field];
      const value = typeof raw === 'string' ? raw : String(raw);
      const ttl = typeof record.ttl === 'number' ? record.ttl : undefined;
      tuples.push(
        tuple(
          absoluteKey(name, origin),
          info.type,
          ttl,
          info.isName ? absoluteKey(value, origin) : normalize(info.type, value),
        ),
      );
    }
  }
  const soa = zone.soa as Record<string, unknown> | undefined;
  if (soa !== undefined) {
    const name = typeof soa.name === 'string' ? soa.name : '@';
    const ttl = typeof soa.ttl === 'number' ? soa.ttl : undefined;
    const names = `${absoluteKey(String(soa.mname), origin)} ${absoluteKey(String(soa.rname), origin)}`;
    tuples.push(tuple(absoluteKey(name, origin), 'SOA', ttl, `${names} ${String(soa.serial)}`));
  }
  return tuples.sort();
}

/** Addresses compare case-insensitively; TXT as its character-strings written, one space apart. */
function normalize(type: string, value: string): string {
  return type === 'TXT' ? value : value.toLowerCase();
}

/** Our records of the compared types as tuples; the TTL only where the record wrote one. */
export function ourTuples(records: readonly ZoneRecord[]): string[] {
  const tuples: string[] = [];
  for (const record of records) {
    const ttl = record.ttlRange !== undefined ? record.ttl : undefined;
    if (record.type === 'SOA') {
      const [mname = '', rname = '', serial = ''] = record.fields.map((field) => field.value);
      tuples.push(tuple(record.ownerKey, 'SOA', ttl, `${nameKey(mname)} ${nameKey(rname)} ${Number(serial)}`));
      continue;
    }
    if (!comparedTypes.has(record.type)) continue;
    const kind = Object.values(peerKinds).find((candidate) => candidate.type === record.type);
    if (kind === undefined) continue;
    if (kind.type === 'TXT') {
      tuples.push(tuple(record.ownerKey, 'TXT', ttl, record.rdata.map((token) => token.text).join(' ')));
      continue;
    }
    const value = record.fields[kind.position]?.value ?? record.rdata[kind.position]?.text ?? '';
    tuples.push(tuple(record.ownerKey, record.type, ttl, kind.isName ? nameKey(value) : normalize(kind.type, value)));
  }
  return tuples.sort();
}

/** The tuples only one side has (multiset difference both ways), for a readable failure. */
export function tupleDifference(
  ours: readonly string[],
  peer: readonly string[],
): { onlyOurs: string[]; onlyPeer: string[] } {
  const counts = new Map<string, number>();
  for (const item of ours) counts.set(item, (counts.get(item) ?? 0) + 1);
  const onlyPeer: string[] = [];
  for (const item of peer) {
    const count = counts.get(item) ?? 0;
    if (count > 0) counts.set(item, count - 1);
    else onlyPeer.push(item);
  }
  const onlyOurs = [...counts].flatMap(([item, count]) => Array<string>(count).fill(item));
  return { onlyOurs, onlyPeer };
}

/**
 * Why dns-zonefile cannot read a file right, judged from the syntax it is documented or known not to handle;
 * undefined when the file stays within what it reads. Only such files are compared record by record.
 */
export function peerLimitation(text: string, records: readonly ZoneRecord[]): string | undefined {
  if (records.filter((record) => record.type === 'SOA').length > 1) return 'only one SOA record is kept';
  if (/^\s*\$INCLUDE/im.test(text)) return '$INCLUDE is not supported';
  if (/^\s*\$GENERATE/im.test(text)) return '$GENERATE is not supported';
  if ((text.match(/^\s*\$ORIGIN/gim) ?? []).length > 1) return 'only one $ORIGIN is used for the whole file';
  if (/\\#/.test(text)) return 'RFC 3597 generic rdata is not supported';
  let depth = 0;
  let inSoa = false;
  for (const rawLine of text.split('\n')) {
    const line = rawLine.replace(/;.*$/, '');
    if (depth === 0 && /^[ \t]+\S/.test(line) && !/^\s*\$/.test(line))
      return 'a blank owner is not read as the previous owner';
    if (depth === 0) inSoa = /\sSOA\s/i.test(` ${line} `);
    for (const char of line) {
      if (char === '(') {
        if (!inSoa) return 'parentheses outside the SOA record are not supported';
        depth++;
      } else if (char === ')') depth = Math.max(0, depth - 1);
    }
  }
  if (/^\S+\s+(\d+[smhdw])+\s/im.test(text)) return 'TTLs with units are not supported';
  if (/^\S*\s+(\d+\s+)?(in|[a-z]+\s+in)\s/m.test(text)) return 'lower-case classes and types are not recognised';
  return undefined;
}
