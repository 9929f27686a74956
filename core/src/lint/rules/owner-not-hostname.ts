import { hasNonAsciiLabel } from '../../idna';
import { labelsOf, RelativeName } from '../../names';
import { ParsedRecord } from '../../parse/record';
import { isHostname } from '../../rdata/hostnames';
import type { Rule } from '../rule';

// Names BIND's check-names lets through although they are not host names: the Active Directory global catalog
// (gc._msdcs.<forest>) and the names SPF `exists:` macros look up (<ip>._spf.<domain> and its _rate/_verify forms).
const ACTIVE_DIRECTORY_PREFIX = ['gc', '_msdcs'];
const SPF_MACRO_LABELS: ReadonlySet<string> = new Set(['_spf', '_spf_rate', '_spf_verify']);

/** A host name, or one under a leading `*` label: BIND's check-names allows wildcard owners for address records. */
function isHostOwner(name: string): boolean {
  if (name === '*' || name === '*.') return true;
  return isHostname(name.startsWith('*.') ? name.slice(2) : name);
}

/** True for an absolute owner BIND accepts by exception (see above). */
function isCheckNamesException(owner: string): boolean {
  const labels = labelsOf(owner.toLowerCase());
  const hostsFrom = (start: number, end = labels.length): boolean =>
    labels.slice(start, end).every((label) => isHostname(label));
  if (labels[0] === ACTIVE_DIRECTORY_PREFIX[0] && labels[1] === ACTIVE_DIRECTORY_PREFIX[1] && hostsFrom(2)) return true;
  const spf = labels.findIndex((label, at) => at > 0 && SPF_MACRO_LABELS.has(label));
  return spf > 0 && hostsFrom(0, spf) && hostsFrom(spf + 1);
}

/** BIND's check-names for owners: the records that give a host its addresses belong to host names (RFC 952/1123). */
export const ownerNotHostname: Rule = {
  code: 'owner-not-hostname',
  scope: 'record',
  description:
    "An address record (A, AAAA, A6, WKS) has an owner that is not a host name (letters, digits, inner hyphens; a leading `*` label is allowed): BIND's check-names refuses it in a primary zone by default, named-checkzone warns.",
  defaultSeverity: 'warning',
  // Cloudflare creates address records at any name, underscores included.
  profiles: ['bind', 'knot'],
  create(context) {
    // Most owners are written relative to an origin: check each origin once and only the written part per record.
    let checkedOrigin: string | undefined;
    let originIsHost = false;
    return {
      recordTypes: ['A', 'AAAA', 'A6', 'WKS'],
      record(record) {
        const owner = record instanceof ParsedRecord ? record.ownerName : undefined;
        if (owner instanceof RelativeName) {
          if (owner.originKey !== checkedOrigin) {
            checkedOrigin = owner.originKey;
            originIsHost = isHostname(checkedOrigin);
          }
          if (originIsHost && isHostOwner(owner.relative)) return;
        }
        const name = record.owner;
        // non-punycode-name reports these, and its fix (Punycode) makes most of them host names.
        if (hasNonAsciiLabel(name)) return;
        if (isHostOwner(name) || isCheckNamesException(name)) return;
        context.report({
          message: `${name} is not a host name (letters, digits and inner hyphens only), so BIND refuses its ${record.type} record in a primary zone (check-names): rename the host, or point a CNAME at a host name.`,
          range: record.ownerRange ?? record.range,
          file: record.file,
        });
      },
    };
  },
};
