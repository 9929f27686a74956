// The differences from named-checkzone that are on purpose, each with its reason (as the corpus test lists its
// files). A disagreement that none of these explains is a bug to fix, on one side or the other of the table.
import type { Judged } from './differential';

interface KnownDifference {
  readonly reason: string;
  readonly applies: (judged: Judged) => boolean;
}

/** Types the core has no presentation parser for: their rdata is kept as tokens and not range-checked (a core gap). */
const unparsedTypes = ['APL', 'L32', 'L64', 'NID', 'LP', 'X25', 'ISDN', 'GPOS', 'TALINK', 'AMTRELAY', 'HIP'];

const known: readonly KnownDifference[] = [
  {
    reason:
      "a CAA issue/iodef value that is not of RFC 8659's form is an error (Cloudflare's API refuses it, and the emulator reads the same check); named loads any value",
    applies: (judged) =>
      judged.ours === 'invalid' &&
      judged.named.verdict === 'valid' &&
      judged.ourErrors.every(
        (diagnostic) => diagnostic.code === 'bad-caa' && / (issue|issuewild|iodef):/.test(diagnostic.message),
      ),
  },
  {
    reason: `core gap: no rdata parser for ${unparsedTypes.join(', ')}, so a broken field there is not found`,
    applies: (judged) =>
      judged.ours === 'valid' &&
      judged.input.features.some((feature) => unparsedTypes.some((type) => feature === `broken-${type}`)),
  },
];

/** The reason a disagreement is expected, or undefined. */
export function knownDifference(judged: Judged): string | undefined {
  return known.find((difference) => difference.applies(judged))?.reason;
}
