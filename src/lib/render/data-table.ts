import { formatAmount } from '../records/decimal.ts';
import type { Cell } from '../records/schema/table.ts';
import { linkTerms, type TermLinks } from '../site/glossary-links.ts';
import type { PreviousYearColumns } from '../site/previous-year.ts';
import {
  captionUnit,
  columnGroups,
  columnNumberCells,
  groupSpans,
  headerRows,
  isNumeric,
  isTotalRow,
  isWideTable,
  rowHeaderColumn,
  rowLevel,
  stickyColumn,
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
  /** Ids of cells that other parts of the page link to (the headline's figures), by `row:column` (0-based). */
  anchors?: ReadonlyMap<string, string> | undefined;
  /** Glossary terms to link in the header where they first appear, and every term of the page (glossary-links.ts). */
  terms?: { link: ReadonlyMap<string, string>; all: TermLinks } | undefined;
  /** A table of its own on paper: printed from the top of a new page. */
  startsPage?: boolean | undefined;
  /** 上年数 and 增减 columns after the first amount column (previous-year.ts): screen only, paper prints the filing's own figures. */
  previousYear?: PreviousYearColumns | undefined;
}

/** The columns as drawn: the record's, with 上年数 and 增减 after `after` when last year is known. */
function shownColumns(columns: readonly TableColumn[], previous: PreviousYearColumns | undefined): readonly TableColumn[] {
  if (!previous) return columns;
  const extra: TableColumn[] = [
    { header: ['上年数'], type: 'amount' },
    { header: ['增减'], type: 'amount' },
  ];
  return [...columns.slice(0, previous.after + 1), ...extra, ...columns.slice(previous.after + 1)];
}

/** What a table published with no rows prints in its body (the search documents hold it too). */
export const EMPTY_TABLE_TEXT = '空表列示';

/**
 * The markup of one table, as a string. A filing page holds thousands of
 * cells, and building them as strings costs a fraction of rendering one
 * Astro element per cell; every text from the record goes through
 * `escapeHtml`.
 */
export function dataTableHtml(props: DataTableProps): string {
  const { id, title, context, columns, rows, columnNumbers = false, empty = false, meta = {}, rowHeader, groupColumns = 0, flags, searchableTitle = true, anchors, terms, startsPage = false, previousYear } = props;
  const notes = [...(props.notes ?? []), ...(previousYear ? [previousYearNote(previousYear)] : [])];
  const shown = shownColumns(columns, previousYear);
  /** Where a column of the record is drawn. */
  const at = (c: number) => (previousYear && c > previousYear.after ? c + 2 : c);
  const extraCells = (r: number) => {
    const cell = previousYear?.cells[r];
    return [cell?.previous, cell?.change].map((text) => (text ? `<td class="gk-table__num gk-table__previous" data-pagefind-ignore>${e(text)}</td>` : '<td class="gk-table__previous"></td>')).join('');
  };
  const captionId = `${id}-caption`;
  const unit = captionUnit(props.unit, columns);
  const sticky = stickyColumn(columns, rowHeader);
  const classes = ['gk-table', isWideTable(columns, rows) ? 'gk-table--wide' : '', startsPage ? 'gk-table--page' : ''].filter(Boolean).join(' ');
  const out: string[] = [`<div class="${classes}" id="${e(id)}">`];

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

  const groups = columnGroups(shown);
  if (groups.some((span) => span > 1)) for (const span of groups) out.push(`<colgroup span="${span}"></colgroup>`);

  // On paper this row stands for the caption and repeats with the header on every page the table covers (whose table it is, the page's running head says).
  out.push(
    '<thead>',
    `<tr class="gk-table__running" aria-hidden="true" data-pagefind-ignore><td colspan="${shown.length}"><span>${e(title)}${unit ? `　单位：${e(unit)}` : ''}</span></td></tr>`,
  );
  const pending = new Map(terms?.link ?? []);
  const stickyShown = sticky === undefined ? undefined : at(sticky);
  const extraColumn = (column: number | undefined) => previousYear !== undefined && column !== undefined && column > previousYear.after && column <= previousYear.after + 2;
  for (const row of headerRows(shown)) {
    out.push('<tr>');
    for (const cell of row) {
      const type = cell.column === undefined ? undefined : shown[cell.column]!.type;
      const classes = [
        type === 'seq' || type === 'code' ? 'gk-table__nowrap' : '',
        cell.column !== undefined && cell.column === stickyShown ? 'gk-table__sticky' : '',
        extraColumn(cell.column) ? 'gk-table__previous' : '',
      ]
        .filter(Boolean)
        .join(' ');
      const label = terms ? linkTerms(cell.label, terms.all, pending) : e(cell.label);
      out.push(
        `<th scope="${cell.scope}"${cell.colspan > 1 ? ` colspan="${cell.colspan}"` : ''}${cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : ''}${classes ? ` class="${classes}"` : ''}>${label}</th>`,
      );
    }
    out.push('</tr>');
  }
  if (columnNumbers) {
    out.push('<tr class="gk-table__numbers">');
    columnNumberCells(columns).forEach((n, c) => {
      const stick = c === sticky ? ' class="gk-table__sticky"' : '';
      out.push(n === '栏次' ? `<th scope="row"${stick}>${n}</th>` : `<td${stick}>${n}</td>`);
      if (c === previousYear?.after) out.push('<td class="gk-table__previous"></td><td class="gk-table__previous"></td>');
    });
    out.push('</tr>');
  }
  out.push('</thead><tbody>');

  if (empty || rows.length === 0) {
    out.push(`<tr><td class="gk-table__empty" colspan="${shown.length}">${EMPTY_TABLE_TEXT}</td></tr>`);
  } else {
    const spans = groupSpans(rows, groupColumns);
    rows.forEach((row, r) => {
      const level = rowLevel(row, columns);
      const label = rowHeaderColumn(row, columns, rowHeader);
      out.push(isTotalRow(row, columns) ? '<tr class="gk-table__total">' : '<tr>');
      row.forEach((cell, c) => {
        // Last year's columns follow the first amount column (or its header group).
        if (previousYear && c === previousYear.after + 1) out.push(extraCells(r));
        const span = spans[r]![c]!;
        if (span === 0) return;
        const column = columns[c]!;
        const text = cell === null ? '' : e(column.type === 'amount' ? formatAmount(cell) : cell);
        const anchor = anchors?.get(`${r}:${c}`);
        const attributes = `${anchor ? ` id="${e(anchor)}"` : ''}${column.searchable === false && cell !== null ? ' data-pagefind-ignore' : ''}`;
        const stick = c === sticky ? ' gk-table__sticky' : '';
        if (c < groupColumns) {
          out.push(`<th scope="row"${span > 1 ? ` rowspan="${span}"` : ''} class="gk-table__group${stick}"${attributes}>${text}</th>`);
        } else if (c === label && cell !== null) {
          out.push(`<th scope="row" class="gk-table__label${level === null ? '' : ` gk-table__label--level-${level}`}${stick}"${attributes}>${text}</th>`);
        } else if (cell === null) {
          out.push(`<td${stick ? ' class="gk-table__sticky"' : ''}${anchor ? ` id="${e(anchor)}"` : ''}></td>`);
        } else if (isNumeric(column)) {
          const flag = flags?.get(`${r}:${c}`);
          out.push(`<td class="gk-table__num${stick}"${anchor ? ` id="${e(anchor)}"` : ''} data-pagefind-ignore>${flag ? `<mark class="gk-table__flag" aria-describedby="${e(flag.id)}">${text}</mark>` : text}</td>`);
        } else {
          const kind = column.type === 'code' ? 'gk-table__code' : '';
          const names = `${kind}${stick}`.trim();
          out.push(`<td${names ? ` class="${names}"` : ''}${attributes}>${text}</td>`);
        }
      });
      if (previousYear && previousYear.after === row.length - 1) out.push(extraCells(r));
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

/** What the two added columns hold, in words under the table. */
function previousYearNote(p: PreviousYearColumns): string {
  return `“上年数”是本部门${p.label}同一科目的“${p.column}”数，已换算为本表单位；“增减”是本年“${p.column}”数减去上年数。`;
}
