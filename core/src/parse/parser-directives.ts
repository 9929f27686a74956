import {
  checkTemplateRange,
  expandGenerateTemplate,
  parseGenerateRange,
  parseGenerateTemplate,
  type GenerateRange,
  type GenerateTemplate,
} from './generate';
import { includeTarget, maxIncludeDepth, readIncluded, resolveIncludePath } from './include';
import type { ZoneReader } from './parser-engine';
import { checkClass, effectiveTtl, readHead } from './parser-head';
import { detachedFromSource, ExpandedToken, type SourceToken } from './source';
import { parseTtl } from './ttl';
import type { Directive, Token, ZoneDiagnostic } from '../types';

/** The directives the parser knows (upper case). */
export const directiveNames: ReadonlySet<string> = new Set(['$ORIGIN', '$TTL', '$INCLUDE', '$GENERATE']);

/** Interprets one directive line: reports its problems, hands it to the sink, and applies it. */
export function runDirective(
  reader: ZoneReader,
  directive: Directive,
  nameToken: SourceToken,
  args: readonly SourceToken[],
  comment: Token | undefined,
): void {
  const sink = reader.context.sink;
  switch (directive.name) {
    case '$ORIGIN':
      sink.directive?.(directive);
      if (expectArguments(reader, directive, nameToken, args, 1, 1, '$ORIGIN example.com.')) {
        reader.state.origin = detachedFromSource(reader.resolve(args[0].text, args[0]).name);
        reader.state.originChanged = true;
      }
      return;
    case '$TTL':
      sink.directive?.(directive);
      if (expectArguments(reader, directive, nameToken, args, 1, 1, '$TTL 3600')) ttlDirective(reader, args[0]);
      return;
    case '$INCLUDE':
      sink.directive?.(directive);
      if (expectArguments(reader, directive, nameToken, args, 1, 2, '$INCLUDE file [origin]')) include(reader, args);
      return;
    case '$GENERATE':
      sink.directive?.(directive);
      generate(reader, nameToken, args, comment);
      return;
    default:
      sink.directive?.(directive);
      reader.report(
        'unknown-directive',
        'error',
        `unknown directive ${directive.name}: the known ones are $ORIGIN, $TTL, $INCLUDE and $GENERATE`,
        nameToken.start,
        nameToken.end,
      );
  }
}

function expectArguments(
  reader: ZoneReader,
  directive: Directive,
  nameToken: SourceToken,
  args: readonly SourceToken[],
  min: number,
  max: number,
  example: string,
): boolean {
  if (args.length < min) {
    reader.report(
      'bad-directive',
      'error',
      `${directive.name} needs an argument: ${example}`,
      nameToken.start,
      nameToken.end,
    );
    return false;
  }
  if (args.length > max) {
    const extra = args[max];
    const last = args[args.length - 1];
    reader.report(
      'bad-directive',
      'error',
      `too many arguments to ${directive.name}: ${example}`,
      extra.start,
      last.end,
    );
    return false;
  }
  return true;
}

function ttlDirective(reader: ZoneReader, argument: SourceToken): void {
  const text = argument.text;
  const value = argument.kind === 'word' ? parseTtl(text) : undefined;
  if (value === undefined) {
    reader.report(
      'bad-ttl',
      'error',
      `'${text}' is not a TTL: write seconds (3600) or units (1h, 1d, 1w)`,
      argument.start,
      argument.end,
    );
    return;
  }
  reader.state.defaultTtl = value;
}

function include(reader: ZoneReader, args: readonly SourceToken[]): void {
  const fileToken = args[0];
  const target = includeTarget(fileToken.text);
  const originToken = args[1];
  const origin = originToken === undefined ? reader.state.origin : reader.resolve(originToken.text, originToken).name;
  const { options, includeStack } = reader.context;
  if (options.readFile === undefined) return;
  const path = resolveIncludePath(
    target,
    reader.file ?? options.path,
    options.includeDirectory,
    options.pathOperations,
  );
  if (includeStack.includes(path)) {
    reader.report(
      'include-loop',
      'error',
      `'${target}' includes itself (through ${includeStack.join(' -> ')}): remove one of the $INCLUDE lines`,
      fileToken.start,
      fileToken.end,
    );
    return;
  }
  if (includeStack.length >= maxIncludeDepth) {
    reader.report(
      'include-loop',
      'error',
      `$INCLUDE nested more than ${maxIncludeDepth} deep: not followed`,
      fileToken.start,
      fileToken.end,
    );
    return;
  }
  if (reader.context.totals.included >= reader.context.limits.included) {
    reader.report(
      'include-loop',
      'error',
      `more than ${reader.context.limits.included} $INCLUDEs in one zone: not followed (do files include each other repeatedly?)`,
      fileToken.start,
      fileToken.end,
    );
    return;
  }
  reader.context.totals.included++;
  const text = readIncluded(options.readFile, path);
  if (text === undefined) {
    reader.report(
      'include-not-found',
      'error',
      `cannot read '${path}': check the file exists (a relative path is relative to the including file's folder)`,
      fileToken.start,
      fileToken.end,
    );
    return;
  }
  reader.readIncluded(path, text, origin);
}

function generate(
  reader: ZoneReader,
  nameToken: SourceToken,
  args: readonly SourceToken[],
  comment: Token | undefined,
): void {
  if (args.length < 4) {
    const end = args.length > 0 ? args[args.length - 1].end : nameToken.end;
    reader.report(
      'bad-generate',
      'error',
      '$GENERATE needs a range, an owner, a type and rdata: $GENERATE 1-10 host$ A 192.0.2.$',
      nameToken.start,
      end,
    );
    return;
  }
  const rangeToken = args[0];
  const ownerToken = args[1];
  ownerToken.role = 'owner';
  const range = parseGenerateRange(rangeToken.text);
  if (typeof range === 'string') {
    reader.report('bad-generate', 'error', range, rangeToken.start, rangeToken.end);
    return;
  }
  const ownerTemplate = template(reader, ownerToken, range);
  if (ownerTemplate === undefined) return;
  // words[0] is the directive name, so the head after range and owner starts at index 3.
  const head = readHead(reader, reader.entryWords, 3, ownerToken.start, ownerToken.end);
  if (head === undefined) return;
  const rdataTokens = args.slice(head.next - 1);
  if (rdataTokens.length === 0) {
    reader.report(
      'bad-generate',
      'error',
      `$GENERATE needs rdata after the type ${head.type}`,
      head.typeStart,
      head.typeEnd,
    );
    return;
  }
  const rdataTemplates: GenerateTemplate[] = [];
  for (const token of rdataTokens) {
    token.role = 'rdata';
    const parsed = template(reader, token, range);
    if (parsed === undefined) return;
    rdataTemplates.push(parsed);
  }
  const totals = reader.context.totals;
  const limit = reader.context.limits.generated;
  if (totals.generated + range.count > limit) {
    reader.report(
      'bad-generate',
      'error',
      `this $GENERATE would take the zone past ${limit} generated records: not expanded`,
      rangeToken.start,
      rangeToken.end,
    );
    return;
  }
  totals.generated += range.count;
  const ttl = effectiveTtl(reader, head, []);
  const recordClass = checkClass(reader, head);
  const reported = new Set<string>();
  // One $GENERATE can make 65,536 records with the same mistake: report each finding once, at its place.
  const firstTime = (diagnostic: ZoneDiagnostic): boolean => {
    const key = `${diagnostic.code}@${diagnostic.range.start.offset}-${diagnostic.range.end.offset}`;
    if (reported.has(key)) return false;
    reported.add(key);
    return true;
  };
  const start = nameToken.start;
  const end = args[args.length - 1].end;
  for (let value = range.start; value <= range.stop; value += range.step) {
    const ownerText = expandGenerateTemplate(ownerTemplate, value);
    const owner = reader.resolveQuietly(ownerText, ownerToken);
    if (owner === undefined) return;
    if (owner.error !== undefined) {
      const finding = { code: owner.error.code, message: `${owner.error.message} (for $ = ${value})` };
      const key = `${finding.code}@${ownerToken.start}-${ownerToken.end}`;
      if (!reported.has(key)) {
        reported.add(key);
        reader.report(finding.code, 'error', finding.message, ownerToken.start, ownerToken.end);
      }
    }
    const rdata = rdataTokens.map((token, index) => {
      const text = expandGenerateTemplate(rdataTemplates[index], value);
      return text === token.text ? token : new ExpandedToken(text, token);
    });
    reader.emitRecord(
      owner,
      ownerToken.start,
      ownerToken.end,
      ttl,
      head,
      recordClass,
      rdata,
      start,
      end,
      comment,
      true,
      firstTime,
    );
  }
}

function template(reader: ZoneReader, token: SourceToken, range: GenerateRange): GenerateTemplate | undefined {
  const parsed = parseGenerateTemplate(token.text);
  const problem = typeof parsed === 'string' ? parsed : checkTemplateRange(parsed, range);
  if (problem === undefined && typeof parsed !== 'string') return parsed;
  reader.report('bad-generate', 'error', problem ?? 'bad template', token.start, token.end);
  return undefined;
}
