import type { TextEdit as LspTextEdit } from 'vscode-languageserver';
import { toLspEdit } from '../convert';
import { formatZone, type ParseResult } from '../../../core/src/index';

/** Document formatting: the core formatter's column alignment, as LSP edits. */
export function formatDocument(text: string, parse: (text: string) => Pick<ParseResult, 'tokens'>): LspTextEdit[] {
  return formatZone(text, parse(text)).map((edit) => toLspEdit(edit));
}
