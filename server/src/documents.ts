import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DidChangeTextDocumentParams, TextDocumentItem } from 'vscode-languageserver';
import { inferOrigin, originHeadLines, type DocumentText, type LintSettings } from '../../core/src/index';
import { EditableText } from './editableText';
import { DocumentModel, type ModelOptions } from './incremental/documentModel';

/** An open zone file: the editor's text and the incremental model of its records and findings. */
export interface OpenDocument {
  readonly document: EditableText;
  readonly model: DocumentModel;
  /** The file system path, when the document has one (`$INCLUDE` resolves against it). */
  readonly path: string | undefined;
}

/**
 * The zone files the client has open, kept in step with its edits. The lint settings of a document come from
 * `settingsOf` (they depend on the document's folder); `$INCLUDE`d files are read from open documents first, so
 * unsaved edits count, then from disk.
 */
export class OpenDocuments {
  private readonly byUri = new Map<string, OpenDocument>();

  constructor(private readonly settingsOf: (uri: string) => LintSettings) {}

  get size(): number {
    return this.byUri.size;
  }

  get(uri: string): OpenDocument | undefined {
    return this.byUri.get(uri);
  }

  all(): IterableIterator<OpenDocument> {
    return this.byUri.values();
  }

  open(item: TextDocumentItem): OpenDocument {
    const document = new EditableText(item.text, item.version);
    const path = filePath(item.uri);
    const model = new DocumentModel(item.uri, item.text, this.modelOptions(item.uri, item.text, path));
    const entry: OpenDocument = { document, model, path };
    this.byUri.set(item.uri, entry);
    return entry;
  }

  /** Applies the client's edits, in order; undefined when the document is not open. */
  change({ textDocument, contentChanges }: DidChangeTextDocumentParams): OpenDocument | undefined {
    const entry = this.byUri.get(textDocument.uri);
    if (entry === undefined) return undefined;
    for (const change of contentChanges) {
      if (!('range' in change)) {
        entry.document.replace(0, entry.document.length, change.text);
        entry.model.replaceText(entry.document, this.optionsOf(entry));
        continue;
      }
      const from = entry.document.offsetAt(change.range.start);
      const to = entry.document.offsetAt(change.range.end);
      const [start, end] = from <= to ? [from, to] : [to, from];
      const removed = entry.document.slice(start, end);
      entry.document.replace(start, end, change.text);
      entry.model.update(start, end, change.text, entry.document, removed);
    }
    entry.document.version = textDocument.version;
    // An edit near the top may change the `$ORIGIN` or SOA the zone's apex is taken from.
    const first = contentChanges[0];
    if (first !== undefined && 'range' in first && first.range.start.line < originHeadLines) {
      const options = this.optionsOf(entry);
      if (options.origin !== entry.model.origin && !(options.origin === undefined && entry.model.origin === '.')) {
        entry.model.setOptions(options);
      }
    }
    return entry;
  }

  close(uri: string): OpenDocument | undefined {
    const entry = this.byUri.get(uri);
    this.byUri.delete(uri);
    return entry;
  }

  /** Analyses a document again with its current settings and origin (after a settings change). */
  reconfigure(entry: OpenDocument): void {
    entry.model.setOptions(this.optionsOf(entry));
  }

  /** The open documents other than the file itself that `$INCLUDE` it. */
  includersOf(path: string): OpenDocument[] {
    return [...this.byUri.values()].filter((entry) => entry.path !== path && entry.model.includes.has(path));
  }

  /** Every file some open document `$INCLUDE`s. */
  includedFiles(): string[] {
    return [...this.byUri.values()].flatMap((entry) => [...entry.model.includes]);
  }

  /** One line of a document, with its line break. */
  lineText(entry: OpenDocument, line: number): string {
    return entry.document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  }

  private readonly readFile = (file: string): string | undefined => {
    for (const entry of this.byUri.values()) if (entry.path === file) return entry.document.getText();
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  };

  private optionsOf(entry: OpenDocument): ModelOptions {
    return this.modelOptions(entry.model.uri, entry.document, entry.path);
  }

  private modelOptions(uri: string, text: DocumentText, path: string | undefined): ModelOptions {
    return { origin: inferOrigin(text, path), path, readFile: this.readFile, settings: this.settingsOf(uri) };
  }
}

/**
 * The file system path of a document: `file:` URIs, and `vscode-remote:` ones (the server runs on the remote
 * machine, beside the files, when VS Code works remotely or through code-server).
 */
export function filePath(uri: string): string | undefined {
  try {
    if (uri.startsWith('file:')) return fileURLToPath(uri);
    if (uri.startsWith('vscode-remote:')) return decodeURIComponent(new URL(uri).pathname);
  } catch {
    // Not a path we can read: the document is linted on its own, without $INCLUDE.
  }
  return undefined;
}
