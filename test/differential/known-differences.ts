// The differences from named-checkzone (bind profile) and kzonecheck (knot profile) that are on purpose, each with its reason (as the corpus test lists its
// files). A disagreement that none of these explains is a bug to fix, on one side or the other of the table.
import type { Judged } from './differential';

interface KnownDifference {
  /** The profile (and so the validator) the difference is from. */
  readonly profile: Judged['profile'];
  readonly reason: string;
  readonly applies: (judged: Judged) => boolean;
}

/** Types the core has no presentation parser for: their rdata is kept as tokens and not range-checked (a core gap). */
const unparsedTypes = ['APL', 'L32', 'L64', 'NID', 'LP', 'X25', 'ISDN', 'GPOS', 'TALINK', 'AMTRELAY', 'HIP'];

/** True when the zone text has an RRSIG over SOA (at the apex, where the corpus and the generator put it). */
function signsApexSoa(text: string): boolean {
  return /\sRRSIG\s+SOA\s/i.test(text);
}

const known: readonly KnownDifference[] = [
  {
    profile: 'bind',
    reason: `core gap: no rdata parser for ${unparsedTypes.join(', ')}, so a broken field there is not found`,
    applies: (judged) =>
      judged.ours === 'valid' &&
      judged.input.features.some((feature) => unparsedTypes.some((type) => feature === `broken-${type}`)),
  },
  {
    profile: 'knot',
    reason:
      'a signed zone (an RRSIG covers the apex SOA): kzonecheck then runs its DNSSEC checks (signatures, NSEC/NSEC3 chains, bitmaps and opt-out), which the linter does not verify; a mutation of a signed corpus file breaks them',
    applies: (judged) =>
      judged.ours === 'valid' &&
      judged.reference.verdict === 'invalid' &&
      signsApexSoa(judged.input.files.get(judged.input.main) ?? ''),
  },
  {
    profile: 'knot',
    reason:
      'a digest of the wrong length in a CDS, SSHFP or ZONEMD record (bad-digest-length): kzonecheck checks the length in DS records only, named refuses them all',
    applies: (judged) =>
      judged.ours === 'invalid' &&
      judged.reference.verdict === 'valid' &&
      judged.ourErrors.every(
        (diagnostic) => diagnostic.code === 'bad-digest-length' && !diagnostic.message.startsWith('DS '),
      ),
  },
  {
    profile: 'knot',
    reason: `core gap: no rdata parser for ${unparsedTypes.join(', ')}, so a broken field there is not found`,
    applies: (judged) =>
      judged.ours === 'valid' &&
      judged.input.features.some((feature) => unparsedTypes.some((type) => feature === `broken-${type}`)),
  },
];

/** The reason a disagreement is expected, or undefined. */
export function knownDifference(judged: Judged): string | undefined {
  return known.find((difference) => difference.profile === judged.profile && difference.applies(judged))?.reason;
}
