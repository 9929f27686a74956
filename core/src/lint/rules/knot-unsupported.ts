import { typeCodeOf } from '../../rdata';
import type { Directive, ZoneRecord } from '../../types';
import type { RuleContext } from '../rule';
import { sourceText, type Rule } from '../rule';

/**
 * Types kzonecheck 3.2 does not know by mnemonic ("unsupported record type"; X25, GPOS and WALLET give "invalid
 * number"), found by running it on one record of each type the core knows. Written as `TYPEnnn` it loads them.
 */
export const knotUnknownTypes: ReadonlySet<string> = new Set([
  'MD',
  'MF',
  'MB',
  'MG',
  'MR',
  'X25',
  'ISDN',
  'PX',
  'GPOS',
  'NSAP',
  'HIP',
  'TALINK',
  'AMTRELAY',
  'RESINFO',
  'WALLET',
]);

/** True when the type was written as its mnemonic (not `TYPEnnn`); an included file's text is not at hand. */
function writtenAsMnemonic(context: RuleContext, record: ZoneRecord): boolean {
  const text = sourceText(context, record.typeRange, record.file);
  return text === undefined || !/^TYPE\d+$/i.test(text);
}

/** Why Knot's zone parser stops at this directive, or undefined when it reads it. */
function directiveProblem(directive: Directive): string | undefined {
  if (directive.name === '$GENERATE') {
    return 'Knot does not read $GENERATE ("invalid directive"), so kzonecheck refuses the zone: write the records out.';
  }
  const origin = directive.name === '$ORIGIN' ? directive.arguments[0] : undefined;
  if (origin !== undefined && !origin.text.endsWith('.')) {
    return `Knot wants an absolute $ORIGIN ("invalid FQDN zone origin"), so kzonecheck refuses the zone: write ${origin.text} with its full name and a final dot.`;
  }
  return undefined;
}

/** What kzonecheck's zone parser refuses that named reads: a few old or rare types, $GENERATE, a relative $ORIGIN. */
export const knotUnsupported: Rule = {
  code: 'knot-unsupported',
  scope: 'record',
  description:
    'Knot DNS (kzonecheck 3.2) refuses the file here: a type it does not know by name (MB, MG, MR, MD, MF, X25, ISDN, PX, GPOS, NSAP, HIP, TALINK, AMTRELAY, RESINFO, WALLET; `TYPEnnn` loads), `$GENERATE`, or an `$ORIGIN` that is not absolute.',
  defaultSeverity: 'error',
  profiles: ['knot'],
  create(context) {
    return {
      recordTypes: [...knotUnknownTypes],
      record(record) {
        if (!knotUnknownTypes.has(record.type) || record.generated || !writtenAsMnemonic(context, record)) return;
        context.report({
          message: `Knot does not know the type ${record.type} by name ("unsupported record type"), so kzonecheck refuses the zone: write it as TYPE${typeCodeOf(record.type) ?? 'nnn'} with RFC 3597 rdata (\\# length hex), or remove it.`,
          range: record.typeRange,
          file: record.file,
        });
      },
      directive(directive) {
        const problem = directiveProblem(directive);
        if (problem !== undefined) context.report({ message: problem, range: directive.range, file: directive.file });
      },
    };
  },
};
