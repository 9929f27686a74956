import { hasNonAsciiLabel, toAsciiName } from '../../names';
import type { Range } from '../../types';
import { rdataNamePositions, rdataNameToken } from './utils/name-positions';
import type { Finding, Rule } from '../rule';
import { asciiDocument, sourceText } from '../rule';

function finding(written: string, range: Range, file: string | undefined, where: string): Finding {
  const ascii = toAsciiName(written);
  // IDNA maps some characters to ones the lexer splits at (U+00A0 and U+3000 become a space): such a rewrite would
  // make other tokens of the line, so the name gets the finding without the fix.
  if (ascii !== undefined && /[\s"();]/.test(ascii)) {
    return {
      message: `The ${where} "${written}" is not in Punycode; DNS and Cloudflare store it as "${ascii}".`,
      range,
      file,
    };
  }
  if (ascii === undefined) {
    return {
      message: `The ${where} "${written}" has non-ASCII characters that IDNA (UTS 46) cannot convert to Punycode: use an ASCII name.`,
      range,
      file,
    };
  }
  return {
    message: `The ${where} "${written}" is not in Punycode; DNS and Cloudflare store it as "${ascii}".`,
    range,
    file,
    fixes: [{ title: `Write it as ${ascii}`, edits: [{ range, newText: ascii }] }],
  };
}

/** Names are served in Punycode: a label with non-ASCII characters is a finding with a fix that converts it. */
export const nonPunycodeName: Rule = {
  code: 'non-punycode-name',
  scope: 'record',
  description:
    'A name has non-ASCII characters; DNS serves names in Punycode (IDNA, UTS 46 non-transitional) and the fix rewrites it.',
  // knot: kzonecheck refuses it ("invalid domain name character"), as kzonecheck 3.2 showed on a zone with it.
  defaultSeverity: { cloudflare: 'warning', bind: 'warning', knot: 'error' },
  profiles: ['cloudflare', 'bind', 'knot'],
  create(context) {
    // Findings quote the name as written, so a document written in ASCII alone has none of its own (the records
    // of included files are still checked): one test of the text instead of a check of every name.
    const documentIsAscii = asciiDocument(context);
    return {
      record(record) {
        if (record.file === undefined && documentIsAscii()) return;
        // The owner test comes first: ownerRange is computed on each read.
        const ownerRange = hasNonAsciiLabel(record.owner) ? record.ownerRange : undefined;
        if (ownerRange !== undefined) {
          // The fix keeps the name as written (relative stays relative) when the source text is at hand. A name
          // that is only non-ASCII through its $ORIGIN is reported at the $ORIGIN.
          const written = sourceText(context, ownerRange, record.file);
          if (written === undefined) context.report(finding(record.owner, ownerRange, record.file, 'owner name'));
          else if (hasNonAsciiLabel(written)) context.report(finding(written, ownerRange, record.file, 'owner name'));
        }
        for (const position of rdataNamePositions(record)) {
          const token = rdataNameToken(record, position);
          if (token === undefined) continue;
          const text = token.text;
          if (hasNonAsciiLabel(text)) context.report(finding(text, token.range, record.file, `${record.type} target`));
        }
      },
      directive(directive) {
        const name = directive.arguments[0];
        if (directive.name !== '$ORIGIN' || name === undefined || !hasNonAsciiLabel(name.text)) return;
        context.report(finding(name.text, name.range, directive.file, '$ORIGIN'));
      },
    };
  },
};
