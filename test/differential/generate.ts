// A grammar-based zone generator: an SOA and apex NS (sometimes missing or broken), records of every sampled type at
// random owners, delegations with and without glue (required, sibling), DNSSEC material, wildcards, CNAMEs and
// DNAMEs (sometimes clashing), $GENERATE and $INCLUDE, and the odd file ending. Each input says what it contains
// (`features`), so that a disagreement can be traced to the construct behind it.
import type { Rng } from './rng';
import { samples, sampleTypes } from './samples';

/** One input for the validators: the main file and any file it includes, relative to one folder. */
export interface DifferentialInput {
  readonly id: string;
  readonly origin: string;
  /** The main file's name in the input's folder. */
  readonly main: string;
  readonly files: ReadonlyMap<string, string>;
  readonly features: readonly string[];
}

interface Builder {
  readonly rng: Rng;
  readonly lines: string[];
  readonly features: Set<string>;
  readonly hosts: string[];
  readonly files: Map<string, string>;
}

const outOfZoneHosts = ['ns1.example.net.', 'mail.example.org.', 'host.example.com.'];

function host(builder: Builder): string {
  const { rng, hosts } = builder;
  if (hosts.length === 0 || rng.chance(0.3)) return rng.pick(outOfZoneHosts);
  return rng.pick(hosts);
}

function record(builder: Builder, owner: string, type: string, broken = false): void {
  const maker = samples[type];
  if (maker === undefined) throw new Error(`no sample for ${type}`);
  const rdata = maker({ rng: builder.rng, host: () => host(builder), broken });
  const ttl = builder.rng.chance(0.2) ? `${builder.rng.int(0, 86400)} ` : '';
  builder.lines.push(`${owner} ${ttl}IN ${type} ${rdata}`);
  if (broken) builder.features.add(`broken-${type}`);
}

function apex(builder: Builder): void {
  const { rng, lines, features } = builder;
  if (rng.chance(0.9)) lines.push(`$TTL ${rng.int(60, 86400)}`);
  else features.add('no-$TTL');
  const serial = rng.chance(0.05) ? 4294967296 : rng.int(1, 2 ** 31);
  lines.push(`@ IN SOA ns1 hostmaster ${serial} 7200 3600 1209600 300`);
  if (serial > 4294967295) features.add('bad-serial');
  if (rng.chance(0.05)) {
    lines.push(`@ IN SOA ns1 hostmaster ${rng.chance(0.5) ? serial : serial + 1} 7200 3600 1209600 300`);
    features.add('second-soa');
  }
  if (rng.chance(0.05)) {
    features.add('no-apex-ns');
  } else {
    lines.push('@ IN NS ns1');
    if (rng.chance(0.5)) lines.push(`@ IN NS ${rng.pick(outOfZoneHosts)}`);
  }
  if (rng.chance(0.92)) lines.push(`ns1 IN A 192.0.2.${rng.int(1, 254)}`);
  else features.add('apex-ns-without-address');
  if (rng.chance(0.5)) lines.push(`ns1 IN AAAA 2001:db8::${rng.int(1, 0xffff).toString(16)}`);
  builder.hosts.push('ns1', 'www');
  lines.push(`www IN A 192.0.2.${rng.int(1, 254)}`);
}

function delegation(builder: Builder): void {
  const { rng, lines, features } = builder;
  const child = `d${rng.label(6)}`;
  const kind = rng.pick(['glue', 'no-glue', 'sibling', 'out-of-zone', 'with-ds', 'data-below']);
  features.add(`delegation-${kind}`);
  if (kind === 'out-of-zone') {
    lines.push(`${child} IN NS ${rng.pick(outOfZoneHosts)}`);
    return;
  }
  if (kind === 'sibling') {
    const other = `s${rng.label(6)}`;
    lines.push(`${other} IN NS ns.${other}`, `${child} IN NS ns.${other}`);
    if (rng.chance(0.5)) lines.push(`ns.${other} IN A 192.0.2.${rng.int(1, 254)}`);
    return;
  }
  lines.push(`${child} IN NS ns.${child}`);
  if (kind !== 'no-glue') lines.push(`ns.${child} IN ${rng.pick(['A 192.0.2.7', 'AAAA 2001:db8::7'])}`);
  if (kind === 'with-ds') record(builder, child, 'DS');
  if (kind === 'data-below') lines.push(`x.${child} IN TXT "occluded"`);
}

function aliases(builder: Builder): void {
  const { rng, lines, features } = builder;
  const name = `a${rng.label(6)}`;
  const kind = rng.pick([
    'cname',
    'cname-and-data',
    'two-cnames',
    'same-cname-twice',
    'dname',
    'two-dnames',
    'below-dname',
  ]);
  features.add(kind);
  const type = kind.includes('dname') ? 'DNAME' : 'CNAME';
  const target = host(builder);
  lines.push(`${name} IN ${type} ${target}`);
  if (kind === 'cname-and-data') lines.push(`${name} IN TXT "beside"`);
  if (kind === 'two-cnames' || kind === 'two-dnames') lines.push(`${name} IN ${type} other.example.net.`);
  if (kind === 'same-cname-twice') lines.push(`${name} IN CNAME ${target}`);
  if (kind === 'below-dname') lines.push(`x.${name} IN A 192.0.2.9`);
  if (type === 'CNAME' && rng.chance(0.3)) lines.push(`m${name} IN MX 10 ${name}`);
}

function dnssec(builder: Builder): void {
  const { rng, features } = builder;
  features.add('dnssec');
  record(builder, '@', 'DNSKEY');
  if (rng.chance(0.5)) record(builder, '@', 'RRSIG');
  if (rng.chance(0.3)) record(builder, '@', rng.pick(['CDS', 'CDNSKEY']));
  if (rng.chance(0.2)) {
    builder.lines.push(`@ IN ${rng.pick(['CDS 0 0 0 00', 'CDNSKEY 0 3 0 AA=='])}`);
    features.add('cds-delete');
  }
  if (rng.chance(0.3)) record(builder, '@', 'NSEC3PARAM');
  if (rng.chance(0.3))
    builder.lines.push(`${'0123456789abcdefghijklmnopqrstuv'.slice(0, 32)} IN NSEC3 1 0 0 - ${'0'.repeat(32)} A RRSIG`);
}

function directives(builder: Builder): void {
  const { rng, lines, features } = builder;
  const kind = rng.pick(['generate', 'include', 'origin']);
  features.add(`$${kind}`);
  if (kind === 'generate') lines.push(`$GENERATE 1-${rng.int(1, 20)} host$ A 192.0.2.$`);
  if (kind === 'origin') lines.push(`$ORIGIN sub${rng.int(1, 9)}`, `x IN A 192.0.2.3`);
  if (kind === 'include') {
    const name = `part${rng.int(1, 99)}.inc`;
    builder.files.set(name, `inc${rng.int(1, 99)} IN TXT "included"\n`);
    lines.push(`$INCLUDE ${name}`);
  }
}

/** One generated zone, reproducible from `rng`'s state. */
export function generateZone(rng: Rng, id: string): DifferentialInput {
  const builder: Builder = { rng, lines: [], features: new Set(), hosts: [], files: new Map() };
  const origin = `${rng.label(10)}.${rng.pick(['example', 'test', 'com', 'arpa'])}.`;
  apex(builder);
  const count = rng.int(3, 25);
  for (let i = 0; i < count; i++) {
    const owner = rng.pick(['@', ...builder.hosts, rng.label(), `*.${rng.label()}`, `${rng.label()}.${rng.label()}`]);
    if (!owner.includes('*') && owner !== '@') builder.hosts.push(owner);
    const type = rng.pick(sampleTypes);
    record(builder, owner, type, rng.chance(0.04));
    if (owner.startsWith('*')) builder.features.add('wildcard');
  }
  const extras: ((builder: Builder) => void)[] = [delegation, aliases, dnssec, directives];
  for (const extra of extras) if (rng.chance(0.45)) extra(builder);
  if (rng.chance(0.03)) {
    builder.lines.push(`long${'x'.repeat(64)} IN A 192.0.2.1`);
    builder.features.add('label-over-63');
  }
  // `$ORIGIN` moves the origin: later lines stay relative to it, which is what the validators see too.
  let text = `${builder.lines.join('\n')}\n`;
  if (rng.chance(0.05)) {
    text = text.slice(0, -1);
    builder.features.add('no-final-newline');
  }
  return {
    id,
    origin,
    main: 'zone.db',
    files: new Map([['zone.db', text], ...builder.files]),
    features: [...builder.features],
  };
}
