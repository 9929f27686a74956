/**
 * The text of a document as lint reads it: a string is one, and so is an editor's text kept in pieces (the language
 * server's), which lint can then read without first joining a large document into one string on every edit.
 */
export interface DocumentText {
  readonly length: number;
  charCodeAt(index: number): number;
  slice(start: number, end?: number): string;
  indexOf(search: string, position?: number): number;
  /** The whole text as one string. */
  toString(): string;
  /**
   * The line of an offset and the offset that line starts at, for a text that keeps its line starts (lines end at
   * LF, CRLF or a lone CR): lint then needs no pass over the text to count them.
   */
  lineOf?(offset: number): { readonly line: number; readonly lineStart: number };
}
