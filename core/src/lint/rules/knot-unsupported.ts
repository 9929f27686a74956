import { typeCodeOf } from '../../rdata';
import type { Directive, Range, Token, ZoneRecord } from '../../types';
import type { RuleContext } from '../rule';
import { sourceText, type Rule } from '../rule';
import { rdataNamePositions, rdataNameToken } from './utils/name-positions';

// Everything here was found by running kzonecheck 3.2 on one zone per construct; named-checkzone loads each.

/**
 * Types kzonecheck does not know by mnemonic ("unsupported record type"; X25, GPOS and WALLET: "invalid number"),
 * from running it on `NAME \# 1 00` for every type of the core's catalogue (the meta types are meta-type's).
 */
export const knotUnknownTypes: ReadonlySet<string> = new Set([
  'MD',
  'MF',
  'MB',
  'MG',
  'MR',
  'NULL',
  'X25',
  'ISDN',
  'NSAP',
  'NSAP-PTR',
  'SIG',
  'PX',
  'GPOS',
  'NXT',
  'EID',
  'NIMLOC',
  'ATMA',
  'A6',
  'SINK',
  'HIP',
  'NINFO',
  'RKEY',
  'TALINK',
  'DSYNC',
  'HHIT',
  'UINFO',
  'UID',
  'UNSPEC',
  'NXNAME',
  'AVC',
  'DOA',
  'AMTRELAY',
  'RESINFO',
  'WALLET',
  'CLA',
  'IPN',
  'TA',
  'DLV',
]);

/** The SVCB/HTTPS keys kzonecheck reads by name (RFC 9460's 0 to 6); any key loads written as keyNNNNN. */
const knotSvcbKeys: ReadonlySet<string> = new Set([
  'mandatory',
  'alpn',
  'no-default-alpn',
  'port',
  'ipv4hint',
  'ech',
  'ipv6hint',
]);

/** What Knot's parser takes unescaped in a name: letters, digits, `-`, `_`, `/`, `*` (non-ASCII is its own rule). */
const knotNameCharacter = /[^A-Za-z0-9\-_/*.\\\u0080-\uffff]/;

function hasCharacterKnotRefuses(name: string): boolean {
  const unescaped = name.includes('\\') ? name.replace(/\\(?:\d{3}|.)/g, '') : name;
  return knotNameCharacter.test(unescaped);
}

/** True when the text at `range` was written as `pattern` (TYPEnnn, CLASSnnn); false when the text is not at hand. */
function writtenAs(context: RuleContext, record: ZoneRecord, range: Range | undefined, pattern: RegExp): boolean {
  if (range === undefined) return false;
  const text = sourceText(context, range, record.file);
  return text !== undefined && pattern.test(text);
}

interface Problem {
  readonly message: string;
  readonly range: Range;
}

function typeProblem(context: RuleContext, record: ZoneRecord): Problem | undefined {
  if (!knotUnknownTypes.has(record.type) || writtenAs(context, record, record.typeRange, /^TYPE\d+$/i))
    return undefined;
  return {
    message: `Knot does not know the type ${record.type} by name ("unsupported record type"), so kzonecheck refuses the zone: write it as TYPE${typeCodeOf(record.type) ?? 'nnn'} with RFC 3597 rdata (\\# length hex), or remove it.`,
    range: record.typeRange,
  };
}

function classProblem(context: RuleContext, record: ZoneRecord): Problem | undefined {
  if (!writtenAs(context, record, record.classRange, /^CLASS\d+$/i) || record.classRange === undefined)
    return undefined;
  return {
    message: `Knot does not read a class written as CLASSnnn ("unsupported record type"), so kzonecheck refuses the zone: write ${record.class === 'CLASS1' ? 'IN' : 'the class mnemonic'} or leave the class out.`,
    range: record.classRange,
  };
}

function svcbKeyProblem(record: ZoneRecord): Problem | undefined {
  if ((record.type !== 'SVCB' && record.type !== 'HTTPS') || record.generic) return undefined;
  const tokens = record.rdata;
  for (let at = 2; at < tokens.length; at++) {
    const token = tokens[at];
    // A value written apart from its key (`ech= "..."`, `ech="..."` lexes as two tokens) is not a key.
    if (token === undefined || tokens[at - 1]?.text.endsWith('=') === true) continue;
    const text = token.kind === 'string' ? token.text.replace(/^"|"$/g, '') : token.text;
    const equals = text.indexOf('=');
    const key = (equals < 0 ? text : text.slice(0, equals)).toLowerCase();
    if (knotSvcbKeys.has(key) || /^key\d+$/.test(key)) continue;
    return {
      message: `Knot 3.2 does not know the SvcParamKey "${key}" by name ("invalid parameter"), so kzonecheck refuses the zone: write it as keyNNNNN (its registered number) or remove it.`,
      range: token.range,
    };
  }
  return undefined;
}

function nameProblem(record: ZoneRecord): Problem | undefined {
  const refused = (text: string): Problem => ({
    message: `Knot refuses "${text}": a name may hold letters, digits, "-", "_", "/" and "*" as they are, any other character escaped with a backslash ("invalid domain name character").`,
    range: record.ownerRange ?? record.range,
  });
  if (hasCharacterKnotRefuses(record.owner) && record.ownerRange !== undefined) return refused(record.owner);
  for (const position of rdataNamePositions(record)) {
    const token: Token | undefined = rdataNameToken(record, position);
    if (token === undefined || token.text === '@' || !hasCharacterKnotRefuses(token.text)) continue;
    return { ...refused(token.text), range: token.range };
  }
  return undefined;
}

/** Why Knot's zone parser stops at this directive, or undefined when it reads it. */
function directiveProblem(directive: Directive): string | undefined {
  if (directive.name === '$GENERATE') {
    return 'Knot does not read $GENERATE ("invalid directive"), so kzonecheck refuses the zone: write the records out.';
  }
  const origin =
    directive.name === '$ORIGIN'
      ? directive.arguments[0]
      : directive.name === '$INCLUDE'
        ? directive.arguments[1]
        : undefined;
  if (origin !== undefined && !origin.text.endsWith('.')) {
    return `Knot wants an absolute origin in ${directive.name} ("invalid FQDN zone origin", "invalid origin in include directive"), so kzonecheck refuses the zone: write ${origin.text} with its full name and a final dot.`;
  }
  return undefined;
}

/** Knot drops a directive on a last line without a line end (named refuses the file: directive-at-end). */
function lastLineWithoutNewline(context: RuleContext, directive: Directive): boolean {
  const text = directive.file === undefined ? context.documentText : undefined;
  return text !== undefined && !/[\r\n]/.test(text.slice(directive.range.end.offset));
}

/** What kzonecheck's zone parser refuses that named reads. */
export const knotUnsupported: Rule = {
  code: 'knot-unsupported',
  scope: 'record',
  description:
    "Knot DNS (kzonecheck 3.2) refuses the file here: a type it does not know by name (old ones such as MB, MD, NULL, X25, A6, SIG, NXT, DLV and newer ones such as HIP, AMTRELAY, RESINFO, WALLET, DSYNC; `TYPEnnn` loads), a `CLASSnnn` class, an SVCB key after RFC 9460's seven by name, a name character other than letters, digits, `-`, `_`, `/` and `*` unescaped, `$GENERATE`, or a relative `$ORIGIN` or `$INCLUDE` origin.",
  defaultSeverity: 'error',
  profiles: ['knot'],
  create(context) {
    return {
      record(record) {
        if (record.generated) return;
        const problem =
          typeProblem(context, record) ??
          classProblem(context, record) ??
          svcbKeyProblem(record) ??
          nameProblem(record);
        if (problem !== undefined) context.report({ ...problem, file: record.file });
      },
      directive(directive) {
        if (lastLineWithoutNewline(context, directive)) return;
        const problem = directiveProblem(directive);
        if (problem !== undefined) context.report({ message: problem, range: directive.range, file: directive.file });
      },
    };
  },
};
