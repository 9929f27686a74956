import { badPunycode } from './bad-punycode';
import { caaValue } from './caa-value';
import { cdsKeyMismatch } from './cds-key-mismatch';
import { cdsWithoutDnskey } from './cds-without-dnskey';
import { belowDname } from './below-dname';
import { cfTags } from './cf-tags';
import { cloudflareFileSize } from './cloudflare-file-size';
import { cloudflareInclude } from './cloudflare-include';
import { cloudflareRecordSize } from './cloudflare-record-size';
import { cloudflareTtl } from './cloudflare-ttl';
import { cloudflareUnsupported } from './cloudflare-unsupported';
import { cnameAndOtherData } from './cname-and-other-data';
import { cnameAtApex } from './cname-at-apex';
import { directiveAtEnd } from './directive-at-end';
import { dnameAndNs } from './dname-and-ns';
import { deprecatedDnssecAlgorithm } from './deprecated-dnssec-algorithm';
import { dnsSvcb } from './dns-svcb';
import { dsAtApex } from './ds-at-apex';
import { dsNotAtDelegation } from './ds-not-at-delegation';
import { duplicateRecord } from './duplicate-record';
import { knotUnsupported } from './knot-unsupported';
import { metaRangeType } from './meta-range-type';
import { missingGlue } from './missing-glue';
import { mixedTtlRrset } from './mixed-ttl-rrset';
import { multipleCnames } from './multiple-cnames';
import { multipleDnames } from './multiple-dnames';
import { multipleResinfo } from './multiple-resinfo';
import { multipleSoa } from './multiple-soa';
import { nonPunycodeName } from './non-punycode-name';
import { nonTerminalWildcard } from './non-terminal-wildcard';
import { nsAndOtherData } from './ns-and-other-data';
import { nsMissing } from './ns-missing';
import { nsec3OwnerNotHash } from './nsec3-owner-not-hash';
import { nsTargetWithoutAddress } from './ns-target-without-address';
import { obsoleteMdMf } from './obsolete-md-mf';
import { outOfZone } from './out-of-zone';
import { ownerNotHostname } from './owner-not-hostname';
import { rrsigLabels } from './rrsig-labels';
import { soaMissing } from './soa-missing';
import { soaNotAtApex } from './soa-not-at-apex';
import { spfType } from './spf-type';
import { targetIsAddress } from './target-is-address';
import { targetIsCname } from './target-is-cname';
import { targetWithoutAddress } from './target-without-address';
import { ttlTooLarge } from './ttl-too-large';
import { wildcardNs } from './wildcard-ns';
import type { Rule } from '../rule';

export type { Rule, RuleContext, RuleScope, RuleVisitor, Finding } from '../rule';
export { severityIn } from '../rule';

/** Every lint rule, in the order docs/rules.md lists them. Codes are stable: tests and settings use them. */
export const rules: readonly Rule[] = [
  cnameAndOtherData,
  multipleCnames,
  multipleDnames,
  multipleResinfo,
  nsAndOtherData,
  cnameAtApex,
  dnameAndNs,
  belowDname,
  dsAtApex,
  dsNotAtDelegation,
  cdsWithoutDnskey,
  cdsKeyMismatch,
  nsec3OwnerNotHash,
  rrsigLabels,
  deprecatedDnssecAlgorithm,
  nsTargetWithoutAddress,
  missingGlue,
  nonPunycodeName,
  badPunycode,
  outOfZone,
  nonTerminalWildcard,
  wildcardNs,
  duplicateRecord,
  mixedTtlRrset,
  ttlTooLarge,
  soaMissing,
  nsMissing,
  soaNotAtApex,
  multipleSoa,
  directiveAtEnd,
  targetIsAddress,
  targetIsCname,
  targetWithoutAddress,
  ownerNotHostname,
  dnsSvcb,
  caaValue,
  spfType,
  metaRangeType,
  obsoleteMdMf,
  knotUnsupported,
  cloudflareTtl,
  cloudflareUnsupported,
  cfTags,
  cloudflareInclude,
  cloudflareFileSize,
  cloudflareRecordSize,
];

/** The rules by code. */
export const rulesByCode: ReadonlyMap<string, Rule> = new Map(rules.map((rule) => [rule.code, rule]));
