import { checkPunycodeLabels } from '../../names';
import type { Range } from '../../types';
import { rdataNamePositions, rdataNameToken } from './utils/name-positions';
import { subRange } from './utils/ranges';
import type { Rule, RuleContext } from '../rule';
import { documentWithout, sourceText } from '../rule';

const acePrefix = /xn--/i;

/**
 * `acePrefix.test(text)` for a whole document: a case-insensitive regular expression reads every character of a
 * large zone, where indexOf jumps from one "--" to the next (rare outside ACE labels).
 */
export function containsAcePrefix(text: string): boolean {
  for (let at = text.indexOf('--', 2); at >= 0; at = text.indexOf('--', at + 1)) {
    if ((text.charCodeAt(at - 2) | 32) === 120 /* x */ && (text.charCodeAt(at - 1) | 32) === 110 /* n */) return true;
  }
  return false;
}

function check(context: RuleContext, written: string, range: Range, file: string | undefined): void {
  for (const problem of checkPunycodeLabels(written)) {
    context.report({
      message: `${problem.message} Fix the label or write the name in Unicode and let the quick fix encode it.`,
      range: subRange(range, problem.start, problem.end),
      file,
    });
  }
}

/** An `xn--` label must be valid Punycode that UTS 46 would produce. */
export const badPunycode: Rule = {
  code: 'bad-punycode',
  scope: 'record',
  description: 'An `xn--` label does not decode as Punycode, or decodes to a name IDNA (UTS 46) does not allow.',
  // knot: kzonecheck loads it, as kzonecheck 3.2 showed on a zone with it.
  defaultSeverity: { cloudflare: 'error', bind: 'error', knot: 'warning' },
  profiles: ['cloudflare', 'bind', 'knot'],
  create(context) {
    // Only a written `xn--` label can be reported (the name is checked as written), so a document without one has
    // nothing of its own to check (the records of included files still are): one scan instead of every name.
    const noAceInDocument = documentWithout(context, containsAcePrefix);
    return {
      record(record) {
        if (record.file === undefined && noAceInDocument()) return;
        // The owner test comes first: ownerRange is computed on each read.
        const ownerRange = record.ownerKey.includes('xn--') ? record.ownerRange : undefined;
        if (ownerRange !== undefined) {
          const written = sourceText(context, ownerRange, record.file) ?? record.owner;
          check(context, written, ownerRange, record.file);
        }
        for (const position of rdataNamePositions(record)) {
          const token = rdataNameToken(record, position);
          if (token === undefined) continue;
          const text = token.text;
          if (acePrefix.test(text)) check(context, text, token.range, record.file);
        }
      },
      directive(directive) {
        const name = directive.arguments[0];
        if (directive.name !== '$ORIGIN' || name === undefined || !acePrefix.test(name.text)) return;
        check(context, name.text, name.range, directive.file);
      },
    };
  },
};
