import type { Profile, Severity } from '../types';

/**
 * Parser and rdata codes that are at most a warning in a profile, because that profile's validator loads what the
 * parser reports (each tried on kzonecheck 3.2). The parser gives one severity for every profile; the lint engine
 * lowers an error to this, and settings override both. The rule table gives rules their own per-profile severity.
 */
export const codeCeilings: Readonly<Partial<Record<Profile, Readonly<Record<string, Severity>>>>> = {
  knot: {
    // kzonecheck loads any CAA flags and tag (named refuses a tag that is not letters and digits).
    'bad-caa': 'warning',
    // kzonecheck loads a character-string over 255 octets.
    'txt-string-too-long': 'warning',
    // kzonecheck gives a record without a TTL (no $TTL, none before it) a default one.
    'missing-ttl': 'warning',
    // kzonecheck loads an NSEC record with an empty type list (named refuses it).
    'nsec-empty-types': 'warning',
  },
};

const order: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** The severity of a parser diagnostic in `profile`: its own, or the profile's ceiling for its code if lower. */
export function severityInProfile(code: string, severity: Severity, profile: Profile): Severity {
  const ceiling = codeCeilings[profile]?.[code];
  return ceiling !== undefined && order.indexOf(ceiling) > order.indexOf(severity) ? ceiling : severity;
}
