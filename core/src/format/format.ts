import type { ParseResult, Position, TextEdit, Token, TokenRole } from '../types';

/** Formatter settings. */
export interface FormatOptions {
  /** Owners longer than this do not widen the owner column; their line is simply not aligned. Default 32. */
  readonly maxOwnerWidth?: number;
}

type RoledToken = ParseResult['tokens'][number];

const LF = 10;
const CR = 13;

/** How one source line is rewritten. */
type LinePlan =
  | { readonly kind: 'keep'; readonly tokens: readonly RoledToken[] }
  | { readonly kind: 'verbatim' }
  | { readonly kind: 'blank' }
  | { readonly kind: 'directive'; readonly tokens: readonly RoledToken[] }
  | { readonly kind: 'record'; readonly head: RecordHead; readonly rest: readonly RoledToken[] }
  | { readonly kind: 'continuation'; readonly tokens: readonly RoledToken[] };

interface RecordHead {
  readonly owner: string;
  readonly ttl: string;
  readonly class: string;
  readonly type: string;
}

interface Columns {
  readonly owner: number;
  readonly ttl: number;
  readonly class: number;
  readonly type: number;
}

/**
 * Aligns a zone file in columns (owner, TTL, class, type, rdata) and returns the edits, one per changed line.
 * Only whitespace changes (and TTL/class put in that order, which RFC 1035 allows either way): tokens, line breaks,
 * comments and parentheses stay where they are, so the records are the same. Lines the parser could not fully
 * classify are left as written. Formatting formatted text gives no edits.
 *
 * `parsed` must be the parse of `text` (its tokens and roles drive the layout).
 */
export function formatZone(text: string, parsed: Pick<ParseResult, 'tokens'>, options: FormatOptions = {}): TextEdit[] {
  const lines = splitLines(text);
  const plans = planLines(lines.length, parsed.tokens);
  const columns = columnWidths(plans, options.maxOwnerWidth ?? 32);
  const edits: TextEdit[] = [];
  for (let line = 0; line < lines.length; line++) {
    const source = lines[line];
    const current = text.slice(source.start, source.end);
    const formatted = renderLine(plans[line], current, source.start, columns);
    if (formatted !== current) {
      edits.push({
        range: { start: position(line, source.start, source.start), end: position(line, source.start, source.end) },
        newText: formatted,
      });
    }
  }
  return edits;
}

interface SourceLine {
  readonly start: number;
  /** End of the line's content, before `\r\n` or `\n`. */
  readonly end: number;
}

/** The lines as the lexer sees them: a line ends at LF, CRLF or a lone CR (so line numbers match the tokens'). */
function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let start = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code !== LF && code !== CR) continue;
    lines.push({ start, end: at });
    if (code === CR && text.charCodeAt(at + 1) === LF) at++;
    start = at + 1;
  }
  lines.push({ start, end: text.length });
  return lines;
}

function position(line: number, lineStart: number, offset: number): Position {
  return { line, character: offset - lineStart, offset };
}

function planLines(lineCount: number, tokens: readonly RoledToken[]): LinePlan[] {
  const byLine: RoledToken[][] = Array.from({ length: lineCount }, () => []);
  const verbatim = new Set<number>();
  for (const token of tokens) {
    if (token.kind === 'newline') continue;
    const { start, end } = token.range;
    if (start.line >= lineCount) continue;
    // A token over several lines (a quoted string with a line break) pins its lines as written.
    for (let line = start.line + 1; line <= Math.min(end.line, lineCount - 1); line++) {
      verbatim.add(start.line);
      verbatim.add(line);
    }
    byLine[start.line].push(token);
  }
  const plans: LinePlan[] = [];
  let depth = 0;
  for (let line = 0; line < lineCount; line++) {
    const lineTokens = byLine[line];
    const insideParentheses = depth > 0;
    for (const token of lineTokens) {
      if (token.kind === 'open') depth++;
      else if (token.kind === 'close' && depth > 0) depth--;
    }
    plans.push(verbatim.has(line) ? { kind: 'verbatim' } : planLine(lineTokens, insideParentheses));
  }
  return plans;
}

const headRoles: ReadonlySet<TokenRole | undefined> = new Set<TokenRole | undefined>(['owner', 'ttl', 'class', 'type']);

function planLine(tokens: readonly RoledToken[], insideParentheses: boolean): LinePlan {
  const first = tokens[0];
  if (first === undefined) return { kind: 'blank' };
  if (first.kind === 'comment' && !insideParentheses) return { kind: 'keep', tokens };
  if (insideParentheses) {
    return tokens.every((t) => t.kind === 'comment' || t.kind === 'close' || t.kind === 'open' || t.role === 'rdata')
      ? { kind: 'continuation', tokens }
      : { kind: 'keep', tokens };
  }
  if (first.role === 'directive') {
    const arguments_ = tokens.slice(1);
    return arguments_.every((t) => t.role === 'directive-argument' || t.kind === 'comment')
      ? { kind: 'directive', tokens }
      : { kind: 'keep', tokens };
  }
  return planRecordLine(tokens);
}

function planRecordLine(tokens: readonly RoledToken[]): LinePlan {
  const head = { owner: '', ttl: '', class: '', type: '' };
  let index = 0;
  for (; index < tokens.length; index++) {
    const token = tokens[index];
    if (!headRoles.has(token.role) || token.kind !== 'word') break;
    const role = token.role as keyof RecordHead;
    if (head[role] !== '' || (role === 'owner' && index !== 0)) return { kind: 'keep', tokens };
    // An owner must start the line and a blank owner must not: both already hold in parsed text, but check
    // rather than risk changing which token is the owner.
    if (role === 'owner' && token.range.start.character !== 0) return { kind: 'keep', tokens };
    if (index === 0 && role !== 'owner' && token.range.start.character === 0) return { kind: 'keep', tokens };
    head[role] = token.text;
    if (role === 'type') {
      index++;
      break;
    }
  }
  if (head.type === '') return { kind: 'keep', tokens };
  const rest = tokens.slice(index);
  const restIsRecordTail = rest.every(
    (t) => t.kind === 'comment' || t.kind === 'open' || t.kind === 'close' || t.role === 'rdata',
  );
  return restIsRecordTail ? { kind: 'record', head, rest } : { kind: 'keep', tokens };
}

function columnWidths(plans: readonly LinePlan[], maxOwnerWidth: number): Columns {
  let owner = 0;
  let ttl = 0;
  let klass = 0;
  let type = 0;
  for (const plan of plans) {
    if (plan.kind !== 'record') continue;
    if (plan.head.owner.length <= maxOwnerWidth) owner = Math.max(owner, plan.head.owner.length);
    ttl = Math.max(ttl, plan.head.ttl.length);
    klass = Math.max(klass, plan.head.class.length);
    type = Math.max(type, plan.head.type.length);
  }
  return { owner, ttl, class: klass, type };
}

function renderLine(plan: LinePlan, current: string, lineStart: number, columns: Columns): string {
  switch (plan.kind) {
    case 'verbatim':
      return current;
    case 'keep':
      return keptLine(plan.tokens, current, lineStart);
    case 'blank':
      return '';
    case 'directive':
      return joinTokens(plan.tokens);
    case 'continuation':
      return ' '.repeat(rdataColumn(columns)) + joinTokens(plan.tokens);
    case 'record': {
      const cells = [padTo(plan.head.owner, columns.owner)];
      if (columns.ttl > 0) cells.push(padTo(plan.head.ttl, columns.ttl));
      if (columns.class > 0) cells.push(padTo(plan.head.class, columns.class));
      cells.push(plan.rest.length === 0 ? plan.head.type : padTo(plan.head.type, columns.type));
      const head = cells.join(' ');
      return plan.rest.length === 0 ? trimBlanks(head) : `${head} ${joinTokens(plan.rest)}`;
    }
  }
}

/**
 * A line left as written, without what follows its last token. Only that is trailing space: `\u00a0` is part of a
 * word to the lexer, and a space after a backslash is part of its word too (`a\ `).
 */
function keptLine(tokens: readonly RoledToken[], current: string, lineStart: number): string {
  const last = tokens[tokens.length - 1];
  if (last === undefined) return trimBlanks(current);
  const kept = current.slice(0, last.range.end.offset - lineStart);
  return last.kind === 'comment' ? trimBlanks(kept) : kept;
}

/** Drops the characters the lexer takes as blanks (space, tab, VT, FF) from the end. */
function trimBlanks(text: string): string {
  let end = text.length;
  while (end > 0) {
    const code = text.charCodeAt(end - 1);
    if (code !== 32 && code !== 9 && code !== 11 && code !== 12) break;
    end--;
  }
  return text.slice(0, end);
}

function rdataColumn(columns: Columns): number {
  let column = columns.owner + 1 + columns.type + 1;
  if (columns.ttl > 0) column += columns.ttl + 1;
  if (columns.class > 0) column += columns.class + 1;
  return column;
}

/** Joins tokens with one space where the source had whitespace between them and none where they touched. */
function joinTokens(tokens: readonly Token[]): string {
  let text = '';
  let previousEnd = -1;
  for (const token of tokens) {
    if (text !== '' && token.range.start.offset !== previousEnd) text += ' ';
    // A comment runs to the end of the line: its trailing blanks are the line's.
    text += token.kind === 'comment' ? trimBlanks(token.text) : token.text;
    previousEnd = token.range.end.offset;
  }
  return text;
}

function padTo(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}
