import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions } from './features/codeActions';
import { completion } from './features/completion';
import { diagnosticSource, toLspDiagnostic } from './diagnostics';
import { DocumentModel, type ModelOptions } from './incremental/documentModel';
import { foldingRanges } from './features/folding';
import { formatDocument } from './features/formatting';
import { hover } from './features/hover';
import { IncludeWatchers } from './includeWatchers';
import { configurationSection, defaultServerSettings, readServerSettings, type ServerSettings } from './settings';
import { documentSymbols } from './features/symbols';
import { type Directive, inferOrigin, originHeadLines, parse } from '../../core/src/index';

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

interface OpenDocument {
  readonly document: TextDocument;
  readonly model: DocumentModel;
  readonly path: string | undefined;
  publishTimer: NodeJS.Timeout | undefined;
  fullTimer: NodeJS.Timeout | undefined;
  /** The diagnostics last published, for code actions. */
  published: Diagnostic[];
}

/**
 * Runs the zone-file language server on `connection` (stdio for `zone-records lsp --stdio`, IPC in VS Code):
 * diagnostics kept current edit by edit, code actions, hover, completion, symbols, folding and formatting.
 */
export function startLanguageServer(connection: Connection, timings: ServerTimings = defaultTimings): void {
  const open = new Map<string, OpenDocument>();
  let settings: ServerSettings = defaultServerSettings;
  let pullConfiguration = false;
  let includeWatchers: IncludeWatchers | undefined;

  const watchIncludes = (): void => {
    includeWatchers?.watch([...open.values()].flatMap((entry) => [...entry.model.includes]));
  };

  const readFile = (file: string): string | undefined => {
    for (const entry of open.values()) if (entry.path === file) return entry.document.getText();
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  };

  const modelOptions = (text: string, path: string | undefined): ModelOptions => ({
    origin: inferOrigin(text, path),
    path,
    readFile,
    settings: settings.lint,
  });

  const publish = (entry: OpenDocument): void => {
    clearTimeout(entry.publishTimer);
    entry.publishTimer = undefined;
    const includes: Directive[] = [];
    for (const { item, lineShift } of entry.model.directives()) {
      if (item.name !== '$INCLUDE') continue;
      includes.push({
        ...item,
        range: { start: shiftLine(item.range.start, lineShift), end: shiftLine(item.range.end, lineShift) },
      });
    }
    const context = { uri: entry.model.uri, path: entry.path, includes };
    const findings = entry.model.diagnostics;
    const shown = findings.length > maxPublished ? findings.slice(0, maxPublished) : findings;
    entry.published = shown.map((finding) => toLspDiagnostic(finding, context));
    if (shown.length < findings.length) entry.published.push(tooManyFindings(findings.length));
    void connection.sendDiagnostics({
      uri: entry.model.uri,
      version: entry.document.version,
      diagnostics: entry.published,
    });
    watchIncludes();
  };

  const schedulePublish = (entry: OpenDocument): void => {
    clearTimeout(entry.publishTimer);
    entry.publishTimer = setTimeout(() => publish(entry), timings.publishDelay);
  };

  const scheduleFullAnalysis = (entry: OpenDocument): void => {
    clearTimeout(entry.fullTimer);
    // A large document waits longer: its re-analysis only refreshes a few messages and costs seconds.
    const delay = Math.max(timings.fullAnalysisDelay, 5 * entry.model.lastAnalysisMs);
    entry.fullTimer = setTimeout(() => {
      entry.fullTimer = undefined;
      if (open.get(entry.model.uri) !== entry) return;
      // In steps, so that typing is not held up; an edit meanwhile drops it (the edit schedules another).
      void entry.model.analyzeInBackground().then((adopted) => {
        if (adopted && open.get(entry.model.uri) === entry) publish(entry);
      });
    }, delay);
  };

  /** Documents that include `path` are analysed again when it changes (open or on disk). */
  const refreshIncluders = (path: string | undefined): void => {
    if (path === undefined) return;
    for (const entry of open.values()) {
      if (entry.path !== path && entry.model.includes.has(path)) scheduleFullAnalysis(entry);
    }
  };

  const reanalyzeAll = (): void => {
    for (const entry of open.values()) {
      entry.model.setOptions(modelOptions(entry.document.getText(), entry.path));
      publish(entry);
    }
  };

  const fetchSettings = async (): Promise<void> => {
    if (!pullConfiguration) return;
    try {
      const section: unknown = await connection.workspace.getConfiguration(configurationSection);
      applySettings(section);
    } catch (error) {
      connection.console.warn(`zone-records: could not read settings (${String(error)}); using the defaults`);
    }
  };

  const applySettings = (section: unknown): void => {
    const reading = readServerSettings(section);
    for (const problem of reading.problems) connection.console.warn(`zone-records settings: ${problem}`);
    // Clients announce every configuration change, ours or not: re-lint only when ours changed.
    if (JSON.stringify(reading.settings) === JSON.stringify(settings)) return;
    settings = reading.settings;
    reanalyzeAll();
  };

  connection.onInitialize((params): InitializeResult => {
    pullConfiguration = params.capabilities.workspace?.configuration === true;
    const watchedFiles = params.capabilities.workspace?.didChangeWatchedFiles;
    includeWatchers = new IncludeWatchers(connection, {
      dynamic: watchedFiles?.dynamicRegistration === true,
      relativePatterns: watchedFiles?.relativePatternSupport === true,
    });
    const initial = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
    if (initial !== undefined) settings = readServerSettings(initial).settings;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['$'] },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        documentFormattingProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'zone-records' },
    };
  });

  connection.onInitialized(() => {
    if (!pullConfiguration) return;
    void connection.client.register(DidChangeConfigurationNotification.type, { section: configurationSection });
    void fetchSettings();
  });

  connection.onDidChangeConfiguration((params) => {
    if (pullConfiguration) {
      void fetchSettings();
      return;
    }
    const pushed = (params.settings as Record<string, unknown> | null | undefined)?.[configurationSection];
    applySettings(pushed);
  });

  connection.onDidOpenTextDocument(({ textDocument }) => {
    const document = TextDocument.create(
      textDocument.uri,
      textDocument.languageId,
      textDocument.version,
      textDocument.text,
    );
    const path = filePath(textDocument.uri);
    const model = new DocumentModel(textDocument.uri, textDocument.text, modelOptions(textDocument.text, path));
    const entry: OpenDocument = { document, model, path, publishTimer: undefined, fullTimer: undefined, published: [] };
    open.set(textDocument.uri, entry);
    publish(entry);
    refreshIncluders(path);
  });

  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    const entry = open.get(textDocument.uri);
    if (entry === undefined) return;
    for (const change of contentChanges) {
      if (!('range' in change)) {
        TextDocument.update(entry.document, [change], textDocument.version);
        entry.model.replaceText(change.text, modelOptions(change.text, entry.path));
        continue;
      }
      const from = entry.document.offsetAt(change.range.start);
      const to = entry.document.offsetAt(change.range.end);
      const [start, end] = from <= to ? [from, to] : [to, from];
      TextDocument.update(entry.document, [change], textDocument.version);
      entry.model.update(start, end, change.text, entry.document.getText());
    }
    // An edit near the top may change the `$ORIGIN` or SOA the zone's apex is taken from.
    const first = contentChanges[0];
    if (first !== undefined && 'range' in first && first.range.start.line < originHeadLines) {
      const options = modelOptions(entry.document.getText(), entry.path);
      if (options.origin !== entry.model.origin && !(options.origin === undefined && entry.model.origin === '.')) {
        entry.model.setOptions(options);
      }
    }
    schedulePublish(entry);
    if (entry.model.stale) scheduleFullAnalysis(entry);
    refreshIncluders(entry.path);
  });

  connection.onDidCloseTextDocument(({ textDocument }) => {
    const entry = open.get(textDocument.uri);
    if (entry === undefined) return;
    clearTimeout(entry.publishTimer);
    clearTimeout(entry.fullTimer);
    open.delete(textDocument.uri);
    void connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
    refreshIncluders(entry.path);
    watchIncludes();
  });

  // Included files changed on disk (watched through IncludeWatchers, or reported by the client on its own).
  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const change of changes) refreshIncluders(filePath(change.uri));
  });

  connection.onHover(({ textDocument, position }) => {
    const entry = open.get(textDocument.uri);
    if (entry === undefined) return null;
    const line = entry.document.getText({
      start: { line: position.line, character: 0 },
      end: { line: position.line + 1, character: 0 },
    });
    return hover(entry.model, position, line.replace(/\r?\n$/, ''));
  });

  connection.onCompletion(({ textDocument, position }) => {
    const entry = open.get(textDocument.uri);
    if (entry === undefined) return null;
    const line = entry.document.getText({ start: { line: position.line, character: 0 }, end: position });
    return completion(entry.model, line, position);
  });

  connection.onDocumentSymbol(({ textDocument }) => {
    const entry = open.get(textDocument.uri);
    return entry === undefined ? null : documentSymbols(entry.model);
  });

  connection.onFoldingRanges(({ textDocument }) => {
    const entry = open.get(textDocument.uri);
    if (entry === undefined) return null;
    const document = entry.document;
    const lineText = (line: number): string =>
      document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
    return foldingRanges(entry.model, document.lineCount, lineText);
  });

  connection.onDocumentFormatting(({ textDocument }) => {
    const entry = open.get(textDocument.uri);
    return entry === undefined ? null : formatDocument(entry.document.getText(), (text) => parse(text));
  });

  connection.onCodeAction((params) => {
    const entry = open.get(params.textDocument.uri);
    if (entry === undefined) return null;
    const lineText = (line: number): string =>
      entry.document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
    return codeActions(params, entry.published, lineText);
  });

  // For benchmarks and bug reports: the server's memory, after a garbage collection when node runs with --expose-gc.
  connection.onRequest(serverStatsRequest, (): ServerStats => {
    const collect = (globalThis as { gc?: () => void }).gc;
    collect?.();
    const memory = process.memoryUsage();
    return { documents: open.size, heapUsed: memory.heapUsed, rss: memory.rss, collected: collect !== undefined };
  });

  connection.listen();
}

/** `zoneRecords/serverStats`: memory use and the number of open documents. */
export const serverStatsRequest = 'zoneRecords/serverStats';

export interface ServerStats {
  readonly documents: number;
  readonly heapUsed: number;
  readonly rss: number;
  /** True when a garbage collection ran first (node started with --expose-gc). */
  readonly collected: boolean;
}

/**
 * The file system path of a document: `file:` URIs, and `vscode-remote:` ones (the server runs on the remote
 * machine, beside the files, when VS Code works remotely or through code-server).
 */
/**
 * At most this many findings are published for one document: editors slow down long before a list that size
 * becomes useful, and `zone-records lint` prints every one.
 */
const maxPublished = 5000;

function tooManyFindings(total: number): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    code: 'too-many-findings',
    source: diagnosticSource,
    message: `Only the first ${maxPublished} of ${total} findings are shown: fix these first, or run \`zone-records lint\` on the file to see them all.`,
  };
}

function filePath(uri: string): string | undefined {
  try {
    if (uri.startsWith('file:')) return fileURLToPath(uri);
    if (uri.startsWith('vscode-remote:')) return decodeURIComponent(new URL(uri).pathname);
  } catch {
    // Not a path we can read: the document is linted on its own, without $INCLUDE.
  }
  return undefined;
}

function shiftLine<T extends { readonly line: number }>(position: T, lines: number): T {
  return { ...position, line: position.line + lines };
}
