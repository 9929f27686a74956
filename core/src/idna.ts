/** IDNA for zone names (UTS 46 non-transitional through tr46): Punycode conversion both ways and checks. */
import { toASCII, toUnicode, type Tr46Options } from 'tr46';
import { MAX_LABEL, scanName } from './name-syntax';

// UTS 46 non-transitional; STD3 rules off because DNS names carry underscores (`_dmarc`, `_sip._tcp`).
const idnaOptions: Tr46Options = {
  checkBidi: true,
  checkHyphens: false,
  checkJoiners: true,
  useSTD3ASCIIRules: false,
  transitionalProcessing: false,
  verifyDNSLength: false,
};

const NON_ASCII = /[^\p{ASCII}]/u;

/** True when some label has characters outside ASCII (it needs Punycode to be served). */
export function hasNonAsciiLabel(name: string): boolean {
  // A code unit loop: the linter asks this of every owner and target, and a Unicode regex test costs more.
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) > 0x7f) return true;
  return false;
}

/**
 * The name with every non-ASCII label converted to Punycode (UTS 46 non-transitional), ASCII labels unchanged.
 * Undefined when a label cannot be converted (disallowed characters, escapes mixed with Unicode, over 63 octets).
 */
export function toAsciiName(name: string): string | undefined {
  if (!hasNonAsciiLabel(name)) return name;
  const scan = scanName(name);
  const out: string[] = [];
  for (const label of scan.labels) {
    if (!NON_ASCII.test(label.text)) {
      out.push(label.text);
      continue;
    }
    if (label.text.includes('\\')) return undefined;
    const ascii = toASCII(label.text, idnaOptions);
    if (
      ascii === null ||
      ascii === '' ||
      ascii.split('.').some((part) => part.length === 0 || part.length > MAX_LABEL)
    ) {
      return undefined;
    }
    out.push(ascii);
  }
  return `${out.join('.')}${scan.absolute ? '.' : ''}`;
}

const ACE_PREFIX = /^xn--/i;

/** The name with each valid `xn--` label shown in Unicode (for hover); other labels unchanged. */
export function toUnicodeName(name: string): string {
  if (!name.toLowerCase().includes('xn--')) return name;
  const scan = scanName(name);
  const out = scan.labels.map((label) => {
    if (!ACE_PREFIX.test(label.text)) return label.text;
    const result = toUnicode(label.text, idnaOptions);
    return result.error ? label.text : result.domain;
  });
  return `${out.join('.')}${scan.absolute ? '.' : ''}`;
}

/** An `xn--` label that is not valid Punycode under UTS 46, with its offsets in the name. */
export interface PunycodeProblem {
  readonly label: string;
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

/** Finds the `xn--` labels that do not decode, or decode to something UTS 46 does not allow or would not produce. */
export function checkPunycodeLabels(name: string): PunycodeProblem[] {
  if (!name.toLowerCase().includes('xn--')) return [];
  const problems: PunycodeProblem[] = [];
  for (const label of scanName(name).labels) {
    if (!ACE_PREFIX.test(label.text)) continue;
    const decoded = toUnicode(label.text, idnaOptions);
    if (decoded.error) {
      problems.push({ ...label, label: label.text, message: `"${label.text}" is not valid Punycode (IDNA/UTS 46).` });
      continue;
    }
    const reencoded = toASCII(decoded.domain, idnaOptions);
    if (reencoded !== label.text.toLowerCase()) {
      problems.push({
        ...label,
        label: label.text,
        message: `"${label.text}" decodes to "${decoded.domain}", which encodes back as "${reencoded ?? '(invalid)'}".`,
      });
    }
  }
  return problems;
}
