/**
 * The lint engine: runs the rules over the records of a parse (all at once or as the parser streams them),
 * adds the parser's own diagnostics, and applies the settings (profile, per-code severity or `off`) and
 * `; zone-records-disable-line CODE` comments. It never throws: a failing rule becomes one diagnostic.
 */
import { CompactDiagnostic, endOffsetOf, startOffsetOf } from './compact-diagnostic';
import { DisableComments } from './disable-comments';
import { nameKey, withTrailingDot } from '../names';
import { utf8ByteLength } from '../utf8';
import { rules as allRules } from './rules/index';
import { preparedLimit } from './index/owner-ids';
import { severityInProfile } from './profile-codes';
import { documentStart } from './rules/utils/ranges';
import type { Finding, Related, Rule, RuleContext, RuleVisitor } from './rule';
import { severityIn } from './rule';
import { ZoneIndex } from './index/zone-index';
import type { DocumentText } from '../document-text';
import type { LintSettings } from '../settings';
import { defaultLintSettings } from '../settings';
import type { Directive, ParseResult, Severity, ZoneDiagnostic, ZoneRecord } from '../types';
import type { Writable } from '../writable';

export interface LintOptions {
  readonly settings?: LintSettings;
  /** The zone apex (`example.com.`); defaults to the origin the document was parsed with. */
  readonly origin?: string;
  /** The document's text: gives exact fixes, disable comments on directive lines and the file size. */
  readonly text?: DocumentText;
  /** The document's size in UTF-8 bytes, when the caller knows it without the text. */
  readonly documentBytes?: number;
  /** Only these rules (tests); defaults to every rule. */
  readonly rules?: readonly Rule[];
  /**
   * Whether findings keep their quick fixes and related places (default true). A caller that only prints the
   * findings leaves them out: with a finding on every record they are most of what a lint keeps in memory.
   */
  readonly keepFixes?: boolean;
  readonly keepRelated?: boolean;
}

/** A rule's severity under the settings: the setting for its code, else its default in the profile. */
function ruleSeverity(rule: Rule, settings: LintSettings): Severity | 'off' {
  return settings.rules[rule.code] ?? severityIn(rule, settings.profile);
}

/** The rules that run under the settings: those of the profile that are not turned `off`. */
export function activeRules(settings: LintSettings = defaultLintSettings, from: readonly Rule[] = allRules): Rule[] {
  return from.filter((rule) => rule.profiles.includes(settings.profile) && ruleSeverity(rule, settings) !== 'off');
}

/** Receives a parse as it streams by (the shape of the parser's sink) and gives the findings at the end. */
export interface Linter {
  record(record: ZoneRecord): void;
  directive(directive: Directive): void;
  /** A diagnostic of the parser: kept, with the settings applied to it. */
  diagnostic(diagnostic: ZoneDiagnostic): void;
  /** Runs the end-of-zone checks and returns every diagnostic, ordered by file and position. Call it once. */
  finish(): ZoneDiagnostic[];
}

/** Lints a whole parse result. The parser's diagnostics are included, with the settings applied. */
export function lint(result: ParseResult, options: LintOptions = {}): ZoneDiagnostic[] {
  const linter = createLinter({ ...options, origin: options.origin ?? result.origin });
  for (const diagnostic of result.diagnostics) linter.diagnostic(diagnostic);
  // No rule depends on the order of directives relative to records, only on each kind's own order.
  for (const directive of result.directives) linter.directive(directive);
  for (const record of result.records) linter.record(record);
  return linter.finish();
}

/** Starts a streaming lint; pass it as the parser's sink, then call `finish`. */
export function createLinter(options: LintOptions = {}): Linter {
  const settings = options.settings ?? defaultLintSettings;
  const { profile } = settings;
  const origin = withTrailingDot(options.origin ?? '.');
  const originKey = nameKey(origin);
  const index = new ZoneIndex(originKey);
  const findings: ZoneDiagnostic[] = [];
  const documentBytes =
    options.documentBytes ?? (typeof options.text === 'string' ? utf8ByteLength(options.text) : undefined);

  const severityFor = (code: string, fallback: Severity): Severity | 'off' => settings.rules[code] ?? fallback;
  const keep: Kept = { fixes: options.keepFixes ?? true, related: options.keepRelated ?? true };
  const disabled = new DisableComments(keep.fixes);

  const sharedState = new Map<object, unknown>();
  const shared = <T>(key: object, create: () => T): T => {
    if (!sharedState.has(key)) sharedState.set(key, create());
    return sharedState.get(key) as T;
  };

  const visitors: { rule: Rule; visitor: RuleVisitor }[] = [];
  for (const rule of activeRules(settings, options.rules)) {
    const messages = new LastMessage();
    // Not `off`: activeRules dropped those.
    const severity = ruleSeverity(rule, settings) as Severity;
    const context: RuleContext = {
      profile,
      origin,
      originKey,
      documentBytes,
      documentText: options.text,
      index,
      report: (finding) => findings.push(toDiagnostic(rule.code, severity, finding, keep, messages)),
      keepsFixes: keep.fixes,
      keepsRelated: keep.related,
      shared,
    };
    try {
      visitors.push({ rule, visitor: rule.create(context) });
    } catch (error) {
      findings.push(ruleFailure(rule, error));
    }
  }

  // A rule that throws is reported once and not called again, so one bug cannot hide every other finding.
  const failed = new Set<Rule>();
  const fail = (rule: Rule, error: unknown): void => {
    failed.add(rule);
    findings.push(ruleFailure(rule, error));
  };
  const call = (entry: (typeof visitors)[number], hook: (visitor: RuleVisitor) => void): void => {
    if (failed.has(entry.rule)) return;
    try {
      hook(entry.visitor);
    } catch (error) {
      fail(entry.rule, error);
    }
  };

  // The per-record path is the hot one (a million calls per rule on a large zone): no closure per call, and only
  // the rules that want the record's type. Hooks keep the rules' order, so findings come out in the same order.
  interface RecordHook {
    readonly rule: Rule;
    readonly types: readonly string[] | undefined;
    readonly hook: (record: ZoneRecord, ordinal: number) => void;
  }
  const recordHooks: RecordHook[] = visitors.flatMap(({ rule, visitor }) =>
    visitor.record ? [{ rule, types: visitor.recordTypes, hook: visitor.record.bind(visitor) }] : [],
  );
  const hooksByType = new Map<string, readonly RecordHook[]>();
  let lastType: string | undefined;
  let lastHooks: readonly RecordHook[] = [];
  const hooksFor = (type: string): readonly RecordHook[] => {
    if (type === lastType) return lastHooks;
    let hooks = hooksByType.get(type);
    if (hooks === undefined) {
      hooks = recordHooks.filter((entry) => entry.types === undefined || entry.types.includes(type));
      hooksByType.set(type, hooks);
    }
    lastType = type;
    lastHooks = hooks;
    return hooks;
  };
  const directiveVisitors = visitors.filter((entry) => entry.visitor.directive !== undefined);

  const addRecord = (record: ZoneRecord): void => {
    let ordinal: number;
    try {
      ordinal = index.add(record);
      if (record.comment !== undefined) disabled.addRecord(record);
    } catch (error) {
      // Only a malformed record object gets here; the rules could not see it consistently, so it is skipped.
      findings.push(internalError(`a record could not be indexed and was skipped (${reason(error)})`));
      return;
    }
    for (const { rule, hook } of hooksFor(record.type)) {
      if (failed.size > 0 && failed.has(rule)) continue;
      try {
        hook(record, ordinal);
      } catch (error) {
        fail(rule, error);
      }
    }
  };
  // Records wait in small batches so that the index can fetch their owners' slots together (ZoneIndex.prepare).
  // A parser finding or a directive first lets the waiting records through: findings keep their order.
  const waiting: ZoneRecord[] = [];
  const addWaiting = (): void => {
    if (waiting.length === 0) return;
    index.prepare(waiting);
    for (const record of waiting) addRecord(record);
    waiting.length = 0;
  };

  return {
    record(record) {
      waiting.push(record);
      if (waiting.length === preparedLimit) addWaiting();
    },
    directive(directive) {
      addWaiting();
      for (const entry of directiveVisitors) call(entry, (visitor) => visitor.directive?.(directive));
    },
    diagnostic(diagnostic) {
      addWaiting();
      const severity = severityFor(diagnostic.code, severityInProfile(diagnostic.code, diagnostic.severity, profile));
      if (severity === 'off') return;
      findings.push(severity === diagnostic.severity ? diagnostic : { ...diagnostic, severity });
    },
    finish() {
      addWaiting();
      for (const entry of visitors) call(entry, (visitor) => visitor.end?.());
      if (options.text !== undefined) disabled.scanDocument(options.text);
      for (const unknown of disabled.unknownCodes()) {
        const severity = severityFor(unknown.code, unknown.severity);
        if (severity !== 'off') findings.push(severity === unknown.severity ? unknown : { ...unknown, severity });
      }
      const kept = disabled.size === 0 ? findings : findings.filter((finding) => !disabled.isDisabled(finding));
      return kept.sort(compareDiagnostics);
    },
  };
}

// Built field by field, without spreads or `delete`: a lint of a large file with a finding on every record makes
// hundreds of thousands of these, and they live until the end.
interface Kept {
  readonly fixes: boolean;
  readonly related: boolean;
}

/**
 * A rule's last message, given again for an equal one: a rule that finds the same thing on each of a thousand
 * records in a row (every record of one name out of the zone) then keeps one string for them, not a thousand.
 */
class LastMessage {
  private last = '';

  same(message: string): string {
    if (message === this.last) return this.last;
    // A message made with `+` or a template is a tree of string pieces until something reads it whole; reading a
    // character makes V8 join it now, so a kept finding holds one string instead of five or so (1 MB with a finding
    // on every record: 184 -> 169 MB peak). Every output reads the whole message anyway.
    message.charCodeAt(0);
    this.last = message;
    return message;
  }
}

function toDiagnostic(
  code: string,
  severity: Severity,
  finding: Finding,
  keep: Kept,
  messages: LastMessage,
): ZoneDiagnostic {
  const message = messages.same(finding.message);
  if (!keep.fixes && !keep.related) return new CompactDiagnostic(code, severity, message, finding.range, finding.file);
  const diagnostic: Writable<ZoneDiagnostic> = { code, severity, message, range: finding.range };
  if (finding.file !== undefined) diagnostic.file = finding.file;
  if (keep.fixes && finding.fixes !== undefined && finding.fixes.length > 0) diagnostic.fixes = finding.fixes;
  if (keep.related && finding.related !== undefined && finding.related.length > 0) {
    diagnostic.related = finding.related.map(withoutUndefinedFile);
  }
  return diagnostic;
}

function withoutUndefinedFile(related: Related): Related {
  if (related.file !== undefined || !('file' in related)) return related;
  return { message: related.message, range: related.range };
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function internalError(what: string): ZoneDiagnostic {
  return {
    code: 'internal-error',
    severity: 'warning',
    message: `Lint: ${what}; please report this with the file.`,
    range: documentStart,
  };
}

function ruleFailure(rule: Rule, error: unknown): ZoneDiagnostic {
  return internalError(`the ${rule.code} check failed and was skipped (${reason(error)})`);
}

function compareDiagnostics(a: ZoneDiagnostic, b: ZoneDiagnostic): number {
  if (a.file !== b.file) {
    if (a.file === undefined) return -1;
    if (b.file === undefined) return 1;
    return a.file < b.file ? -1 : 1;
  }
  return startOffsetOf(a) - startOffsetOf(b) || endOffsetOf(a) - endOffsetOf(b);
}
