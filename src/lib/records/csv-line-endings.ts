/** A CSV file's line break, or the first line that ends otherwise than line 1. */
export type CsvNewline = { newline: '\n' | '\r\n' } | { line: number; expected: 'LF' | 'CR LF'; found: 'LF' | 'CR LF' };

const name = (ending: string) => (ending === '\r\n' ? 'CR LF' : 'LF');

/**
 * Which line break the rows of a CSV file end with. A file of CR LF rows
 * may hold LF inside quoted cells (spreadsheets write both), so only breaks
 * outside quotes count. One CR LF row in a file of LF rows (an editor's
 * doing) is named by its line: read with either break, it would make the
 * whole file one row, or one row end in a stray CR.
 */
export function csvNewline(text: string): CsvNewline {
  const crlf = text.includes('\r\n');
  // Most files have one kind of break throughout, with or without quotes: no need to look closer.
  if (!crlf) return { newline: '\n' };
  if (!/(?:^|[^\r])\n/.test(text)) return { newline: '\r\n' };
  let quoted = false;
  let line = 1;
  let first: string | undefined;
  for (const match of text.matchAll(/["\n]/g)) {
    if (match[0] === '"') {
      quoted = !quoted;
      continue;
    }
    if (!quoted) {
      const ending = text[match.index - 1] === '\r' ? '\r\n' : '\n';
      first ??= ending;
      if (ending !== first) return { line, expected: name(first), found: name(ending) };
    }
    line += 1;
  }
  return { newline: first === '\n' ? '\n' : '\r\n' };
}

/** The problem with a file whose rows end in two ways, for the line that differs. */
export function mixedNewlineMessage(mixed: { expected: string; found: string }): string {
  return `expected every row to end like line 1, with ${mixed.expected}, found ${mixed.found} at the end of this line: save the file with one kind of line ending`;
}
