import { labelsOf, RelativeName } from '../../names';
import { ParsedRecord } from '../../parse/record';
import type { Rule } from '../rule';
import { documentWithout } from '../rule';

/** True when a label other than the leftmost is `*` (escapes kept, so `\*` is not one). */
function hasInnerWildcardLabel(name: string): boolean {
  if (!name.includes('*')) return false;
  return labelsOf(name)
    .slice(1)
    .some((label) => label === '*');
}

/** RFC 4592 section 2.1.1: only a leftmost `*` label makes a wildcard; `a.*.example.` matches nothing but itself. */
export const nonTerminalWildcard: Rule = {
  code: 'non-terminal-wildcard',
  scope: 'record',
  description:
    'An owner has a `*` label that is not its leftmost label: only a leftmost `*` is a wildcard (RFC 4592 section 2.1.1), so the name is a literal `*` that matches no other name. BIND warns about it too.',
  defaultSeverity: 'warning',
  profiles: ['cloudflare', 'bind', 'knot'],
  create(context) {
    // A document without any `*` has no such owner of its own (unless the origin given from outside has one): one
    // scan instead of every name; the records of included files are still checked.
    const noStarInDocument = context.originKey.includes('*') ? () => false : documentWithout(context, /\*/);
    // Most owners are written relative to an origin without a `*`: check each origin once and the written part.
    let checkedOrigin: string | undefined;
    let originHasStar = false;
    return {
      record(record) {
        if (record.file === undefined && noStarInDocument()) return;
        const owner = record instanceof ParsedRecord ? record.ownerName : undefined;
        if (owner instanceof RelativeName) {
          if (owner.originKey !== checkedOrigin) {
            checkedOrigin = owner.originKey;
            originHasStar = owner.originKey.includes('*');
          }
          if (!originHasStar && !owner.relative.includes('*')) return;
        }
        if (!hasInnerWildcardLabel(record.owner)) return;
        context.report({
          message: `${record.owner} has a "*" label that is not its leftmost label, so it is no wildcard: it matches only a name with a literal "*" there (RFC 4592 section 2.1.1). Put the "*" first (*.name) for a wildcard.`,
          range: record.ownerRange ?? record.range,
          file: record.file,
        });
      },
    };
  },
};
