import { CodeActionKind, type Connection, type ServerCapabilities } from 'vscode-languageserver';
import { parse } from '../../../core/src/index';
import type { OpenDocuments } from '../documents';
import { codeActions } from '../features/codeActions';
import { completion } from '../features/completion';
import { foldingRanges } from '../features/folding';
import { formatDocument } from '../features/formatting';
import { hover } from '../features/hover';
import { documentSymbols } from '../features/symbols';
import type { ValidationHandler } from './validationHandler';

/** The requests answered from an open document's model: what `featureHandlers` registers, as capabilities. */
export const featureCapabilities: ServerCapabilities = {
  hoverProvider: true,
  completionProvider: { triggerCharacters: ['$'] },
  documentSymbolProvider: true,
  foldingRangeProvider: true,
  documentFormattingProvider: true,
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
};

/**
 * Hover, completion, symbols, folding, formatting and quick fixes: each reads the open document and hands it to its
 * feature in features/; a document that is not open gets no answer (null).
 */
export function registerFeatureHandlers(
  connection: Connection,
  documents: OpenDocuments,
  validation: ValidationHandler,
): void {
  connection.onHover(({ textDocument, position }) => {
    const entry = documents.get(textDocument.uri);
    if (entry === undefined) return null;
    return hover(entry.model, position, documents.lineText(entry, position.line).replace(/\r?\n$/, ''));
  });

  connection.onCompletion(({ textDocument, position }) => {
    const entry = documents.get(textDocument.uri);
    if (entry === undefined) return null;
    const line = entry.document.getText({ start: { line: position.line, character: 0 }, end: position });
    return completion(entry.model, line, position);
  });

  connection.onDocumentSymbol(({ textDocument }) => {
    const entry = documents.get(textDocument.uri);
    return entry === undefined ? null : documentSymbols(entry.model);
  });

  connection.onFoldingRanges(({ textDocument }) => {
    const entry = documents.get(textDocument.uri);
    if (entry === undefined) return null;
    return foldingRanges(entry.model, entry.document.lineCount, (line) => documents.lineText(entry, line));
  });

  connection.onDocumentFormatting(({ textDocument }) => {
    const entry = documents.get(textDocument.uri);
    return entry === undefined ? null : formatDocument(entry.document.getText(), (text) => parse(text));
  });

  connection.onCodeAction((params) => {
    const entry = documents.get(params.textDocument.uri);
    if (entry === undefined) return null;
    const published = validation.publishedOf(params.textDocument.uri);
    return codeActions(params, published, (line) => documents.lineText(entry, line));
  });
}
