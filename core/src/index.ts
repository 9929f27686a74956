/**
 * The zone core's one face: everything the language server, the client, the CLI, the emulator and the Cloudflare
 * library use of zone files. The modules behind it are the core's own business; nothing outside imports them.
 * The core is pure: it reads no files and knows no editor. What it needs of the outside world (reading an
 * `$INCLUDE`d file, path arithmetic) comes in through `ParseOptions`.
 */

// What a zone file is made of.
export type {
  Directive,
  DirectiveName,
  Fix,
  ParseOptions,
  ParseResult,
  PathOperations,
  Position,
  Profile,
  Range,
  RdataField,
  ReadFile,
  Severity,
  TextEdit,
  Token,
  TokenKind,
  TokenRole,
  ZoneDiagnostic,
  ZoneRecord,
} from './types';

// Parsing: whole, streaming and incremental.
export {
  parse,
  parseIncremental,
  parseRecords,
  sameState,
  startPoint,
  type ParseSink,
  type ParseSummary,
  type ResumePoint,
} from './parse/parser';
export { cloudflareZoneNameOf, inferOrigin, originFromFileName, originHeadLines } from './parse/origin';
export { includeTarget, resolveIncludePath } from './parse/include';
export { scanLineComment, withoutComment, type LineCommentScan } from './parse/line-comment';
export { formatTtlWords, parseTtl } from './parse/ttl';

// Names.
export {
  isSubdomainOf,
  nameKey,
  plainName,
  relativize,
  resolveName,
  toAsciiName,
  toUnicodeName,
  withTrailingDot,
} from './names';

// Record types and their rdata.
export { cloudflareTypes, recordTypes, type RdataResult } from './rdata/index';

// Linting, its codes and settings, and the quick fixes it carries.
export { activeRules, createLinter, lint, type LintOptions, type Linter } from './lint/engine';
export { utf8ByteLength } from './utf8';
export type { DocumentText } from './document-text';
export { rules, rulesByCode, type Rule, type RuleScope } from './lint/rules/index';
export {
  cloudflareContentLength,
  cloudflareRecordWireLimit,
  cloudflareRrsetContentLimit,
  cloudflareWireOctets,
  type SizedRecord,
} from './cloudflare/limits';
export { severityIn } from './lint/rule';
export { disableMarker } from './lint/disable-comments';
export { applyFixes, type FixedText } from './lint/fix-all';
export { diagnosticCodes, nearestCode } from './codes';
export {
  defaultLintSettings,
  isProfile,
  isRuleSetting,
  profiles,
  readLintSettings,
  ruleSettings,
  unknownCodeProblem,
  type LintSettings,
  type RuleSetting,
  type SettingsReading,
} from './settings';

// Formatting and printing.
export { applyEdits } from './edits';
export { formatZone, type FormatOptions } from './format/format';
export { printRecord, printZone, rdataText, relativeName } from './format/printer';

// Zone records and Cloudflare API records, both ways.
export {
  canonicalContent,
  cloudflareRdata,
  cloudflareRefusal,
  proxiableTypes,
  toCloudflareRecord,
  toZoneLine,
  type CloudflareApiRecord,
  type CloudflareRecordBody,
  type NotServableCode,
  type ToCloudflareOptions,
  type ToCloudflareResult,
  type ZoneLineOptions,
} from './cloudflare/records';
export { dataFieldSpecs, dataTypes, type DataFieldSpec } from './cloudflare/data-fields';
export { formatCfComment, parseCfComment, type CfComment, type CfCommentParts } from './cloudflare/cftags';
