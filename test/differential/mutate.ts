// Mutations of the shared corpus's files that named loads: the edits a person makes (a CNAME at an existing owner,
// NS beside data, a bad address, a long label, a second or repeated SOA, no $TTL, a repeated or removed line, a
// missing final newline, a second DNAME, a CDS), each on a file whose verdict is known to be "loads".
import { parse } from '../../core/src/parse/parser';
import type { ZoneRecord } from '../../core/src/types';
import type { DifferentialInput } from './generate';
import type { Rng } from './rng';

/** A corpus file the mutator may start from. */
export interface Seed {
  readonly file: string;
  readonly origin: string;
  readonly text: string;
}

interface Mutation {
  readonly name: string;
  apply(rng: Rng, seed: Seed, records: readonly ZoneRecord[]): string | undefined;
}

function append(text: string, line: string): string {
  return `${text.endsWith('\n') ? text : `${text}\n`}${line}\n`;
}

function recordText(seed: Seed, record: ZoneRecord): string {
  return seed.text.slice(record.range.start.offset, record.range.end.offset);
}

function pickRecord(
  rng: Rng,
  records: readonly ZoneRecord[],
  test: (record: ZoneRecord) => boolean,
): ZoneRecord | undefined {
  const candidates = records.filter((record) => record.file === undefined && test(record));
  return candidates.length === 0 ? undefined : rng.pick(candidates);
}

/** The text without the record's line(s) (a record on one line only, so that nothing else goes with it). */
function without(seed: Seed, record: ZoneRecord): string | undefined {
  if (record.range.start.line !== record.range.end.line || record.ownerRange === undefined) return undefined;
  const start = record.range.start.offset - record.range.start.character;
  const newline = seed.text.indexOf('\n', record.range.end.offset);
  return seed.text.slice(0, start) + (newline < 0 ? '' : seed.text.slice(newline + 1));
}

const mutations: readonly Mutation[] = [
  {
    name: 'cname-at-existing-owner',
    apply: (rng, seed, records) => {
      const record = pickRecord(rng, records, (r) => r.type !== 'CNAME');
      return record && append(seed.text, `${record.owner} 3600 IN CNAME target.example.net.`);
    },
  },
  {
    name: 'ns-beside-data',
    apply: (rng, seed, records) => {
      const record = pickRecord(rng, records, (r) => r.ownerKey !== records[0]?.ownerKey && r.type !== 'NS');
      return record && append(seed.text, `${record.owner} 3600 IN NS ns.example.net.`);
    },
  },
  {
    name: 'bad-address',
    apply: (rng, seed, records) => {
      const record = pickRecord(rng, records, () => true);
      const address = rng.pick(['A 192.0.2.256', 'A 1.2.3', 'AAAA 2001:db8::1::2', 'AAAA 2001:db8:g::1', 'A 01.2.3.4']);
      return record && append(seed.text, `${record.owner} 3600 IN ${address}`);
    },
  },
  {
    name: 'label-over-63',
    apply: (rng, seed) => append(seed.text, `${'l'.repeat(rng.int(63, 70))}.${seed.origin} 3600 IN A 192.0.2.1`),
  },
  {
    name: 'second-soa',
    apply: (rng, seed, records) => {
      const soa = pickRecord(rng, records, (r) => r.type === 'SOA');
      return (
        soa && append(seed.text, `${soa.owner} 3600 IN SOA ns.example.net. h.example.net. ${rng.int(1, 9999)} 1 2 3 4`)
      );
    },
  },
  {
    name: 'repeated-soa',
    apply: (rng, seed, records) => {
      const soa = pickRecord(rng, records, (r) => r.type === 'SOA' && r.ownerRange !== undefined);
      return soa && append(seed.text, recordText(seed, soa));
    },
  },
  {
    name: 'no-$TTL',
    apply: (_rng, seed) => (/^\$TTL/im.test(seed.text) ? seed.text.replace(/^\$TTL[^\n]*\n/gim, '') : undefined),
  },
  {
    name: 'repeated-record',
    apply: (rng, seed, records) => {
      const record = pickRecord(
        rng,
        records,
        (r) => r.ownerRange !== undefined && r.range.start.line === r.range.end.line,
      );
      return record && append(seed.text, recordText(seed, record));
    },
  },
  {
    name: 'removed-address',
    apply: (rng, seed, records) => {
      const record = pickRecord(rng, records, (r) => r.type === 'A' || r.type === 'AAAA');
      return record && without(seed, record);
    },
  },
  {
    name: 'removed-apex-ns',
    apply: (rng, seed, records) => {
      const record = pickRecord(rng, records, (r) => r.type === 'NS' && r.ownerKey === records[0]?.ownerKey);
      return record && without(seed, record);
    },
  },
  {
    name: 'no-final-newline',
    apply: (_rng, seed) => (seed.text.endsWith('\n') ? seed.text.replace(/\n+$/, '') : undefined),
  },
  {
    name: 'two-dnames',
    apply: (rng, seed) => {
      const owner = `dn${rng.int(1, 99)}.${seed.origin}`;
      const second = rng.chance(0.3) ? 'a.example.net.' : 'b.example.net.';
      return append(append(seed.text, `${owner} 3600 IN DNAME a.example.net.`), `${owner} 3600 IN DNAME ${second}`);
    },
  },
  {
    name: 'apex-cds',
    apply: (rng, seed) =>
      append(seed.text, `${seed.origin} 3600 IN CDS ${rng.int(1, 65535)} ${rng.pick([8, 13])} 2 ${rng.hex(32)}`),
  },
  {
    name: 'delegation-without-glue',
    apply: (rng, seed) => {
      const child = `c${rng.int(1, 99)}.${seed.origin}`;
      return append(seed.text, `${child} 3600 IN NS ns.${child}`);
    },
  },
];

/** One mutated corpus file; undefined when the mutation drawn does not apply to it. */
export function mutateSeed(rng: Rng, seed: Seed, id: string): DifferentialInput | undefined {
  const mutation = rng.pick(mutations);
  const records = parse(seed.text, { origin: seed.origin }).records;
  const text = mutation.apply(rng, seed, records);
  if (text === undefined || text === seed.text) return undefined;
  return {
    id,
    origin: seed.origin,
    main: 'zone.db',
    files: new Map([['zone.db', text]]),
    features: [`mutation:${mutation.name}`, `seed:${seed.file}`],
  };
}

/** True when a corpus file can seed mutations: it loads alone (no $INCLUDE) and is of class IN. */
export function usableSeed(text: string): boolean {
  return !/^\s*\$INCLUDE/im.test(text) && !/\s(CH|HS|CLASS\d+)\s/.test(text);
}
