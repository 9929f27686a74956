import {
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { OpenDocuments, type OpenDocument } from './documents';
import { featureCapabilities, registerFeatureHandlers } from './handlers/featureHandlers';
import { registerServerStats } from './handlers/serverStats';
import { defaultTimings, ValidationHandler, type ServerTimings } from './handlers/validationHandler';
import { DocumentSettings } from './settings';

export { defaultTimings, type ServerTimings } from './handlers/validationHandler';

/**
 * Runs the zone-file language server on `connection` (stdio for `zone-records lsp --stdio`, IPC in VS Code):
 * diagnostics kept current edit by edit, code actions, hover, completion, symbols, folding and formatting. This is
 * where the parts meet: the open documents, their settings, validation, and the request handlers.
 */
export function startLanguageServer(connection: Connection, timings: ServerTimings = defaultTimings): void {
  const settings = new DocumentSettings(connection);
  const documents = new OpenDocuments((uri) => settings.of(uri).lint);
  const validation = new ValidationHandler(connection, documents, timings);

  /** Reads the document's own settings, then re-analyses when they differ from those it was opened with. */
  const refreshSettings = async (entry: OpenDocument): Promise<void> => {
    if (!(await settings.refresh(entry.model.uri)) || documents.get(entry.model.uri) !== entry) return;
    documents.reconfigure(entry);
    validation.publish(entry);
  };

  connection.onInitialize((params): InitializeResult => {
    settings.initialize(params);
    validation.initialize(params);
    const capabilities: ServerCapabilities = {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      ...featureCapabilities,
    };
    return { capabilities, serverInfo: { name: 'zone-records' } };
  });

  connection.onInitialized(() => {
    void settings.initialized().then(() => {
      for (const entry of documents.all()) void refreshSettings(entry);
    });
  });

  connection.onDidChangeConfiguration(({ settings: pushed }) => {
    if (settings.changed(pushed)) {
      for (const entry of documents.all()) {
        documents.reconfigure(entry);
        validation.publish(entry);
      }
    }
    if (settings.pullsConfiguration) for (const entry of documents.all()) void refreshSettings(entry);
  });

  connection.onDidOpenTextDocument(({ textDocument }) => {
    const entry = documents.open(textDocument);
    // The first diagnostics wait for the document's own settings (one round trip) rather than flash others.
    void settings.refresh(textDocument.uri).then((changed) => {
      if (documents.get(textDocument.uri) !== entry) return;
      if (changed) documents.reconfigure(entry);
      validation.opened(entry);
    });
  });

  connection.onDidChangeTextDocument((params) => {
    const entry = documents.change(params);
    if (entry !== undefined) validation.changed(entry);
  });

  connection.onDidCloseTextDocument(({ textDocument }) => {
    const entry = documents.close(textDocument.uri);
    settings.forget(textDocument.uri);
    if (entry !== undefined) validation.closed(entry);
  });

  connection.onDidChangeWatchedFiles(({ changes }) => validation.filesChanged(changes));
  registerFeatureHandlers(connection, documents, validation);
  registerServerStats(connection, documents);
  connection.listen();
}
