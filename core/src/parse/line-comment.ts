/** Where a line's `;` comment starts, and whether the line ends inside a quoted string. */
export interface LineCommentScan {
  /** The offset of the `;` that starts the comment, or -1 when the line has none. */
  readonly commentStart: number;
  /** True when the text (up to `end`) ends inside an open quoted string, with no comment before. */
  readonly inString: boolean;
}

/**
 * Finds the `;` comment of one line of zone-file text, as the parser reads it: a `;` inside a quoted string or
 * escaped with `\` starts no comment, and `\"` does not open or close a string. Only `line` up to `end` is read.
 */
export function scanLineComment(line: string, end = line.length): LineCommentScan {
  let quoted = false;
  for (let i = 0; i < end; i++) {
    const char = line[i];
    if (char === '\\') i++;
    else if (char === '"') quoted = !quoted;
    else if (char === ';' && !quoted) return { commentStart: i, inString: false };
  }
  return { commentStart: -1, inString: quoted };
}

/** The line without its `;` comment (quotes and escapes respected). */
export function withoutComment(line: string): string {
  const { commentStart } = scanLineComment(line);
  return commentStart < 0 ? line : line.slice(0, commentStart);
}
