import { HTMLElement, parse } from 'node-html-parser';

/** Text of an element as a reader sees it: whitespace runs collapsed. */
export function textOf(element: HTMLElement): string {
  return element.textContent.replace(/\s+/g, ' ').trim();
}

export function parseHtml(html: string): HTMLElement {
  return parse(html, { comment: false });
}

/**
 * The cells of a table body as a grid, with `rowspan` and `colspan` expanded,
 * so that row r, column c is what a reader sees at that place whatever
 * cells the markup merged: `grid[r][c]` is the cell's text.
 */
export function bodyGrid(table: HTMLElement): string[][] {
  const rows = table.querySelectorAll('tbody > tr');
  const grid: string[][] = [];
  const pending: { col: number; text: string }[][] = rows.map(() => []);
  rows.forEach((tr, r) => {
    const line: string[] = (grid[r] ??= []);
    for (const carry of pending[r] ?? []) line[carry.col] = carry.text;
    let col = 0;
    for (const cell of tr.childNodes.filter((n): n is HTMLElement => n instanceof HTMLElement && (n.tagName === 'TD' || n.tagName === 'TH'))) {
      while (line[col] !== undefined) col++;
      const text = textOf(cell);
      const colspan = Number(cell.getAttribute('colspan') ?? 1);
      const rowspan = Number(cell.getAttribute('rowspan') ?? 1);
      for (let k = 0; k < colspan; k++) {
        line[col + k] = text;
        for (let down = 1; down < rowspan && r + down < rows.length; down++) pending[r + down]!.push({ col: col + k, text });
      }
      col += colspan;
    }
  });
  return grid.map((line) => Array.from({ length: line.length }, (_, i) => line[i] ?? ''));
}

/** The table whose caption contains `title`; throws when none or several match. */
export function tableByCaption(root: HTMLElement, title: string): HTMLElement {
  const found = root.querySelectorAll('table').filter((t) => {
    const caption = t.querySelector('caption');
    return caption !== null && textOf(caption).includes(title);
  });
  if (found.length !== 1) throw new Error(`expected one table captioned "${title}", found ${found.length}`);
  return found[0]!;
}
