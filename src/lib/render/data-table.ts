import { formatAmount } from '../records/decimal.ts';
import type { Cell } from '../records/schema/table.ts';
import {
  columnGroups,
  columnNumberCells,
  groupSpans,
  headerRows,
  isNumeric,
  isTotalRow,
  rowHeaderColumn,
  rowLevel,
  type CellFlag,
  type TableColumn,
} from '../site/table-model.ts';
import { escapeHtml as e } from './escape-html.ts';

/** What DataTable draws; see src/components/DataTable/README.md for each field. */
export interface DataTableProps {
  id: string;
  title: string;
  context: string;
  unit?: string | undefined;
  columns: readonly TableColumn[];
  rows: readonly (readonly Cell[])[];
  columnNumbers?: boolean | undefined;
  empty?: boolean | undefined;
  notes?: readonly string[] | undefined;
  meta?: Readonly<Record<string, string>> | undefined;
  rowHeader?: number | undefined;
  groupColumns?: number | undefined;
  flags?: ReadonlyMap<string, CellFlag> | undefined;
  searchableTitle?: boolean | undefined;
}

/**
 * The markup of one table, as a string. A filing page holds thousands of
 * cells, and building them as strings costs a fraction of rendering one
 * Astro element per cell; every text from the record goes through
 * `escapeHtml`.
 */
export function dataTableHtml(props: DataTableProps): string {
  const { id, title, context, unit, columns, rows, columnNumbers = false, empty = false, notes = [], meta = {}, rowHeader, groupColumns = 0, flags, searchableTitle = true } = props;
  const captionId = `${id}-caption`;
  const out: string[] = [`<div class="gk-table" id="${e(id)}">`];

  const facts = Object.entries(meta);
  if (facts.length > 0) {
    out.push('<dl class="gk-table__meta" data-pagefind-ignore>');
    for (const [label, value] of facts) out.push(`<div><dt>${e(label)}</dt><dd>${e(value)}</dd></div>`);
    out.push('</dl>');
  }

  out.push(
    `<div class="gk-table__wrap" role="region" aria-labelledby="${e(captionId)}" tabindex="0"><table class="gk-table__table">`,
    `<caption id="${e(captionId)}"><span class="gk-table__caption"><span class="gk-table__title"${searchableTitle ? '' : ' data-pagefind-ignore'}>${e(title)}</span>`,
    `<span class="gk-table__context" data-pagefind-ignore>${e(context)}</span>`,
    unit ? `<span class="gk-table__unit" data-pagefind-ignore>单位：${e(unit)}</span>` : '',
    '</span></caption>',
  );

  const groups = columnGroups(columns);
  if (groups.some((span) => span > 1)) for (const span of groups) out.push(`<colgroup span="${span}"></colgroup>`);

  out.push('<thead>');
  for (const row of headerRows(columns)) {
    out.push('<tr>');
    for (const cell of row) {
      const narrow = cell.column !== undefined && (columns[cell.column]!.type === 'seq' || columns[cell.column]!.type === 'code');
      out.push(
        `<th scope="${cell.scope}"${cell.colspan > 1 ? ` colspan="${cell.colspan}"` : ''}${cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : ''}${narrow ? ' class="gk-table__nowrap"' : ''}>${e(cell.label)}</th>`,
      );
    }
    out.push('</tr>');
  }
  if (columnNumbers) {
    out.push('<tr class="gk-table__numbers">');
    for (const n of columnNumberCells(columns)) out.push(n === '栏次' ? `<th scope="row">${n}</th>` : `<td>${n}</td>`);
    out.push('</tr>');
  }
  out.push('</thead><tbody>');

  if (empty || rows.length === 0) {
    out.push(`<tr><td class="gk-table__empty" colspan="${columns.length}">空表列示</td></tr>`);
  } else {
    const spans = groupSpans(rows, groupColumns);
    rows.forEach((row, r) => {
      const level = rowLevel(row, columns);
      const label = rowHeaderColumn(row, columns, rowHeader);
      out.push(isTotalRow(row, columns) ? '<tr class="gk-table__total">' : '<tr>');
      row.forEach((cell, c) => {
        const span = spans[r]![c]!;
        if (span === 0) return;
        const column = columns[c]!;
        const text = cell === null ? '' : e(column.type === 'amount' ? formatAmount(cell) : cell);
        const ignore = column.searchable === false && cell !== null ? ' data-pagefind-ignore' : '';
        if (c < groupColumns) {
          out.push(`<th scope="row"${span > 1 ? ` rowspan="${span}"` : ''} class="gk-table__group"${ignore}>${text}</th>`);
        } else if (c === label && cell !== null) {
          out.push(`<th scope="row" class="gk-table__label${level === null ? '' : ` gk-table__label--level-${level}`}"${ignore}>${text}</th>`);
        } else if (cell === null) {
          out.push('<td></td>');
        } else if (isNumeric(column)) {
          const flag = flags?.get(`${r}:${c}`);
          out.push(`<td class="gk-table__num" data-pagefind-ignore>${flag ? `<mark class="gk-table__flag" aria-describedby="${e(flag.id)}">${text}</mark>` : text}</td>`);
        } else {
          out.push(column.type === 'code' ? `<td class="gk-table__code"${ignore}>${text}</td>` : `<td${ignore}>${text}</td>`);
        }
      });
      out.push('</tr>');
    });
  }
  out.push('</tbody></table></div>');

  const flagged = [...new Map([...(flags?.values() ?? [])].map((f) => [f.id, f])).values()];
  if (notes.length > 0 || flagged.length > 0) {
    out.push('<div class="gk-table__notes">');
    for (const note of notes) out.push(`<p>${e(note)}</p>`);
    if (flagged.length > 0) {
      const links = flagged.map((f) => `<a href="#${e(f.id)}">第 ${f.number} 条</a>`).join('、');
      out.push(`<p>表中<mark class="gk-table__flag">标记</mark>的数字与核对规则不符，见数据核对${links}。</p>`);
    }
    out.push('</div>');
  }
  out.push('</div>');
  return out.join('');
}
