import type { Rule } from '../rule';

/** The directives named reads up to an end of line; `$INCLUDE` takes the end of the file as one. */
const needsNewline: ReadonlySet<string> = new Set(['$TTL', '$ORIGIN', '$GENERATE']);

/**
 * named refuses a file whose last line is a `$TTL`, `$ORIGIN` or `$GENERATE` directive without a newline after it
 * ("extra input text"), though it accepts a record there. The fix adds the newline.
 */
export const directiveAtEnd: Rule = {
  code: 'directive-at-end',
  scope: 'zone',
  description:
    'The file ends in a $TTL, $ORIGIN or $GENERATE line without a newline; named refuses it ("extra input text"). The fix adds the newline.',
  defaultSeverity: 'error',
  profiles: ['bind'],
  create(context) {
    return {
      directive(directive) {
        const text = context.documentText;
        if (directive.file !== undefined || text === undefined || !needsNewline.has(directive.name)) return;
        // Any line end after the directive (LF, or the CR of old Mac files) means it is not the last line.
        const start = directive.range.start.offset;
        if (text.indexOf('\n', start) >= 0 || text.indexOf('\r', start) >= 0) return;
        const end = directive.range.end;
        const atEnd = { line: end.line, character: end.character + (text.length - end.offset), offset: text.length };
        context.report({
          message: `The file ends in a ${directive.name} line without a newline, which named refuses: end the line.`,
          range: directive.range,
          fixes: [
            { title: 'Add a newline at the end', edits: [{ range: { start: atEnd, end: atEnd }, newText: '\n' }] },
          ],
        });
      },
    };
  },
};
