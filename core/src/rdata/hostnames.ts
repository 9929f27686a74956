/** Types whose rdata is domain names, optionally after 16-bit numbers: CNAME, NS, PTR, DNAME, MX, SRV, KX, RP ... */
import { labelsOf } from '../names';
import type { Token } from '../types';
import { RdataReader } from './reader';
import type { RdataParser } from './types';

const HOST_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
const HYPHEN = 45;
const DOT = 46;

/** True when every label is a host name label (letters, digits, inner hyphens; RFC 952/1123). The root is a host name. */
export function isHostname(name: string): boolean {
  if (name === '.') return true;
  if (name.includes('\\')) return labelsOf(name).every((label) => HOST_LABEL.test(label));
  // One pass instead of a regular expression: every MX, NS and SRV target is asked this.
  let labelLength = 0;
  let lastIsHyphen = false;
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code === DOT) {
      if (labelLength === 0 || lastIsHyphen) return false;
      labelLength = 0;
      continue;
    }
    if (code === HYPHEN) {
      if (labelLength === 0) return false;
      lastIsHyphen = true;
    } else if (isAlphanumeric(code)) lastIsHyphen = false;
    else return false;
    labelLength++;
  }
  return labelLength === 0 ? name.length > 0 : !lastIsHyphen;
}

function isAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || ((code | 0x20) >= 97 && (code | 0x20) <= 122);
}

/** Warns (`bad-hostname`) when a target that must be a host name is not one, as BIND's check-names does. */
export function checkHostname(
  reader: RdataReader,
  token: Token | undefined,
  name: string | undefined,
  field: string,
): void {
  if (!token || name === undefined || isHostname(name)) return;
  reader.report(
    'bad-hostname',
    `${reader.type} ${field} "${token.text}" is not a valid host name (letters, digits and hyphens only).`,
    token.range,
    'warning',
  );
}

/**
 * Warns (`bad-hostname`) when the domain of a mailbox name (all but its first label, the local part) is not a host
 * name, as BIND's check-names does for the SOA rname.
 */
export function checkMailbox(
  reader: RdataReader,
  token: Token | undefined,
  name: string | undefined,
  field: string,
): void {
  if (!token || name === undefined || name === '.') return;
  const domain = labelsOf(name).slice(1);
  if (domain.every((label) => HOST_LABEL.test(label))) return;
  reader.report(
    'bad-hostname',
    `${reader.type} ${field} "${token.text}" has a mail domain (after its first label) that is not a valid host name (letters, digits and hyphens only).`,
    token.range,
    'warning',
  );
}

interface NameFieldSpec {
  readonly name: string;
  /** Names that must be host names (BIND's check-names applies to NS, MX and SRV targets). */
  readonly hostname?: boolean;
}

interface NumberFieldSpec {
  readonly name: string;
  readonly max: number;
}

/** A parser for rdata of the shape `number* name*` (MX: `priority target`, SRV: `priority weight port target`). */
export function numbersThenNames(
  type: string,
  numbers: readonly NumberFieldSpec[],
  names: readonly NameFieldSpec[],
): RdataParser {
  return (tokens, context) => {
    const reader = new RdataReader(tokens, context, type);
    for (const spec of numbers) reader.integer(spec.name, spec.max);
    for (const spec of names) {
      const token = reader.peek();
      const name = reader.name(spec.name);
      if (spec.hostname) checkHostname(reader, token, name, spec.name);
    }
    reader.end();
    return reader.result();
  };
}

const U16 = 0xffff;

export const parseCname = numbersThenNames('CNAME', [], [{ name: 'target' }]);
export const parseDname = numbersThenNames('DNAME', [], [{ name: 'target' }]);
export const parseNs = numbersThenNames('NS', [], [{ name: 'nameserver', hostname: true }]);
const REVERSE_ZONES = ['in-addr.arpa.', 'ip6.arpa.', 'ip6.int.'];
// RFC 6763 section 11: browse and registration domains are found by PTR queries for these names.
const DNS_SD_BROWSE_LABELS = new Set(['b', 'db', 'r', 'dr', 'lb']);

/** In reverse zones a PTR names a host, so BIND's check-names asks for a host name there; not below DNS-SD names. */
function ptrTargetIsHost(ownerKey: string): boolean {
  const reverse = REVERSE_ZONES.some((zone) => ownerKey === zone || ownerKey.endsWith(`.${zone}`));
  if (!reverse) return false;
  const [first = '', second, third] = labelsOf(ownerKey);
  return !(DNS_SD_BROWSE_LABELS.has(first) && second === '_dns-sd' && third === '_udp');
}

export const parsePtr: RdataParser = (tokens, context) => {
  const reader = new RdataReader(tokens, context, 'PTR');
  const token = reader.peek();
  const name = reader.name('target');
  if (context.owner !== undefined && ptrTargetIsHost(context.owner.key)) checkHostname(reader, token, name, 'target');
  reader.end();
  return reader.result();
};
export const parseMx = numbersThenNames('MX', [{ name: 'priority', max: U16 }], [{ name: 'target', hostname: true }]);
export const parseKx = numbersThenNames('KX', [{ name: 'preference', max: U16 }], [{ name: 'exchanger' }]);
export const parseRt = numbersThenNames('RT', [{ name: 'preference', max: U16 }], [{ name: 'host' }]);
export const parseAfsdb = numbersThenNames('AFSDB', [{ name: 'subtype', max: U16 }], [{ name: 'hostname' }]);
export const parseSrv = numbersThenNames(
  'SRV',
  [
    { name: 'priority', max: U16 },
    { name: 'weight', max: U16 },
    { name: 'port', max: U16 },
  ],
  [{ name: 'target', hostname: true }],
);
export const parseRp = numbersThenNames('RP', [], [{ name: 'mailbox' }, { name: 'text_domain' }]);
export const parseMinfo = numbersThenNames('MINFO', [], [{ name: 'responsible_mailbox' }, { name: 'error_mailbox' }]);
export const parsePx = numbersThenNames(
  'PX',
  [{ name: 'preference', max: U16 }],
  [{ name: 'map822' }, { name: 'mapx400' }],
);
export const parseSingleName = (type: string, field: string): RdataParser =>
  numbersThenNames(type, [], [{ name: field }]);
