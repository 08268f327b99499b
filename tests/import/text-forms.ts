/**
 * Test documents in the three text forms, made from a seed's tab-separated
 * lines: runs of lines with tabs are a table, other lines are text. Each
 * form writes the table as its converter does.
 */
export type TextForm = 'word-cells' | 'tab-rows' | 'markdown-pipes';
export const textForms: readonly TextForm[] = ['word-cells', 'tab-rows', 'markdown-pipes'];

/** One table row in a form: one cell per tab-prefixed line then a blank line; tab-separated; a pipe row. */
export function rowLines(form: TextForm, cells: readonly string[]): string[] {
  switch (form) {
    case 'word-cells':
      return [...cells.map((c) => `\t${c}`), ''];
    case 'tab-rows':
      return [cells.join('\t')];
    case 'markdown-pipes':
      return [`| ${cells.join(' | ')} |`];
  }
}

/** The lines that open a table: nothing, or the pipe converter's empty header row and separator. */
export function tableStart(form: TextForm, width: number): string[] {
  return form === 'markdown-pipes' ? [`|${' |'.repeat(width)}`, `|${'---|'.repeat(width)}`] : [];
}

/** Tab-separated source lines rendered in a form; blank lines stay, except that word-cells rows bring their own. */
export function renderLines(form: TextForm, lines: readonly string[]): string[] {
  const out: string[] = [];
  let inTable = false;
  for (const line of lines) {
    if (line.includes('\t')) {
      const cells = line.split('\t');
      if (!inTable) out.push(...tableStart(form, cells.length));
      inTable = true;
      out.push(...rowLines(form, cells));
      continue;
    }
    if (inTable && form === 'word-cells' && line === '') continue;
    inTable = false;
    out.push(line);
  }
  return out;
}

/** The lines of a seed from the line starting with `title` to the line before the next line starting with `until`. */
export function excerpt(lines: readonly string[], title: string, until: string): string[] {
  const from = lines.findIndex((l) => l === title);
  const to = lines.findIndex((l, k) => k > from && l.startsWith(until));
  if (from < 0 || to < 0) throw new Error(`no "${title}" … "${until}" in the seed`);
  return lines.slice(from, to);
}
