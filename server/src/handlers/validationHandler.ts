import {
  DiagnosticSeverity,
  type Connection,
  type Diagnostic,
  type FileEvent,
  type InitializeParams,
} from 'vscode-languageserver';
import type { Directive, ZoneDiagnostic } from '../../../core/src/index';
import { diagnosticSource, toLspDiagnostic } from '../diagnostics';
import { filePath, type OpenDocument, type OpenDocuments } from '../documents';
import { IncludeWatchers } from '../includeWatchers';

/** Timing of the diagnostics pipeline, in milliseconds. */
export interface ServerTimings {
  /** After an edit, diagnostics are published once no further edit came for this long. */
  readonly publishDelay: number;
  /**
   * After typing pauses this long (or five times the document's last analysis time, if longer), the whole document
   * is analysed again, to refresh the few messages that count over the whole zone.
   */
  readonly fullAnalysisDelay: number;
}

export const defaultTimings: ServerTimings = { publishDelay: 5, fullAnalysisDelay: 500 };

/**
 * At most this many findings are published for one document, the most severe first: VS Code shows no more than
 * 1,000 per file (its extension host drops the rest, after converting them all), and `zone-records lint` prints
 * every one.
 */
const maxPublished = 1000;

interface Timers {
  publish: NodeJS.Timeout | undefined;
  full: NodeJS.Timeout | undefined;
}

/**
 * Publishes each open document's findings: at once on open, debounced after edits, again after a pause when the
 * incremental findings went stale, and for the documents that `$INCLUDE` a file that changed; cleared on close.
 */
export class ValidationHandler {
  private readonly timers = new Map<string, Timers>();
  private readonly published = new Map<string, Diagnostic[]>();
  private watchers: IncludeWatchers | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly documents: OpenDocuments,
    private readonly timings: ServerTimings = defaultTimings,
  ) {}

  initialize(params: InitializeParams): void {
    const watchedFiles = params.capabilities.workspace?.didChangeWatchedFiles;
    this.watchers = new IncludeWatchers(this.connection, {
      dynamic: watchedFiles?.dynamicRegistration === true,
      relativePatterns: watchedFiles?.relativePatternSupport === true,
    });
  }

  /** The diagnostics last published for a document (code actions answer for these). */
  publishedOf(uri: string): readonly Diagnostic[] {
    return this.published.get(uri) ?? [];
  }

  opened(entry: OpenDocument): void {
    this.publish(entry);
    void entry.model.indexInBackground();
    this.refreshIncluders(entry.path);
  }

  changed(entry: OpenDocument): void {
    const timers = this.timersOf(entry);
    clearTimeout(timers.publish);
    timers.publish = setTimeout(() => this.publish(entry), this.timings.publishDelay);
    if (entry.model.stale) this.scheduleFullAnalysis(entry);
    this.refreshIncluders(entry.path);
  }

  closed(entry: OpenDocument): void {
    const uri = entry.model.uri;
    const timers = this.timers.get(uri);
    clearTimeout(timers?.publish);
    clearTimeout(timers?.full);
    this.timers.delete(uri);
    this.published.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.refreshIncluders(entry.path);
    this.watchIncludes();
  }

  /** Included files changed on disk (watched through IncludeWatchers, or reported by the client on its own). */
  filesChanged(changes: readonly FileEvent[]): void {
    for (const change of changes) this.refreshIncluders(filePath(change.uri));
  }

  publish(entry: OpenDocument): void {
    const timers = this.timersOf(entry);
    clearTimeout(timers.publish);
    timers.publish = undefined;
    const context = { uri: entry.model.uri, path: entry.path, includes: includeDirectives(entry) };
    const findings = entry.model.diagnostics;
    const shown = findings.length > maxPublished ? mostSevere(findings, maxPublished) : findings;
    const diagnostics = shown.map((finding) => toLspDiagnostic(finding, context));
    if (shown.length < findings.length) diagnostics.push(tooManyFindings(findings.length));
    this.published.set(entry.model.uri, diagnostics);
    void this.connection.sendDiagnostics({ uri: entry.model.uri, version: entry.document.version, diagnostics });
    this.watchIncludes();
  }

  private scheduleFullAnalysis(entry: OpenDocument): void {
    const timers = this.timersOf(entry);
    clearTimeout(timers.full);
    // A large document waits longer: its re-analysis only refreshes a few messages and costs seconds.
    const delay = Math.max(this.timings.fullAnalysisDelay, 5 * entry.model.lastAnalysisMs);
    timers.full = setTimeout(() => {
      timers.full = undefined;
      if (!this.isOpen(entry)) return;
      // In steps, so that typing is not held up; an edit meanwhile drops it (the edit schedules another).
      void entry.model.analyzeInBackground().then((adopted) => {
        if (!adopted || !this.isOpen(entry)) return;
        this.publish(entry);
        void entry.model.indexInBackground();
      });
    }, delay);
  }

  /** Documents that include `path` are analysed again when it changes (open or on disk). */
  private refreshIncluders(path: string | undefined): void {
    if (path === undefined) return;
    for (const entry of this.documents.includersOf(path)) this.scheduleFullAnalysis(entry);
  }

  private watchIncludes(): void {
    this.watchers?.watch(this.documents.includedFiles());
  }

  private isOpen(entry: OpenDocument): boolean {
    return this.documents.get(entry.model.uri) === entry;
  }

  private timersOf(entry: OpenDocument): Timers {
    let timers = this.timers.get(entry.model.uri);
    if (timers === undefined) {
      timers = { publish: undefined, full: undefined };
      this.timers.set(entry.model.uri, timers);
    }
    return timers;
  }
}

/** The document's `$INCLUDE` lines, at their lines in the document: findings of included files are shown there. */
function includeDirectives(entry: OpenDocument): Directive[] {
  const includes: Directive[] = [];
  for (const { item, lineShift } of entry.model.directives()) {
    if (item.name !== '$INCLUDE') continue;
    includes.push({
      ...item,
      range: { start: shiftLine(item.range.start, lineShift), end: shiftLine(item.range.end, lineShift) },
    });
  }
  return includes;
}

function shiftLine<T extends { readonly line: number }>(position: T, lines: number): T {
  return { ...position, line: position.line + lines };
}

const severityRank: Readonly<Record<ZoneDiagnostic['severity'], number>> = {
  error: 0,
  warning: 1,
  information: 2,
  hint: 3,
};

/** The `count` most severe findings (the first ones in the document at each severity), in document order. */
function mostSevere(findings: readonly ZoneDiagnostic[], count: number): ZoneDiagnostic[] {
  const perRank = [0, 0, 0, 0];
  for (const finding of findings) perRank[severityRank[finding.severity]]++;
  // Take whole severities while they fit, then the first findings of the one that does not.
  let left = count;
  const quota = perRank.map((found) => {
    const taken = Math.min(found, left);
    left -= taken;
    return taken;
  });
  return findings.filter((finding) => quota[severityRank[finding.severity]]-- > 0);
}

function tooManyFindings(total: number): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    code: 'too-many-findings',
    source: diagnosticSource,
    message: `Only ${maxPublished} of ${total} findings are shown, errors first: fix these first, or run \`zone-records lint\` on the file to see them all.`,
  };
}
