import type { Column } from '../records/schema/table.ts';
import { codeProblem } from '../records/schema/classification-codes.ts';
import { compact, headerText, numericCell } from './text.ts';

/** A column as the record declares it (the input shape of the table schema). */
export type ColumnDraft = Pick<Column, 'header' | 'type' | 'classification' | 'unit'>;

/**
 * Header paths of a multi-row header block. A blank cell under a filled one
 * is not a level of its own; a blank cell above a filled one continues the
 * group to its left (a merged cell that the converter wrote once):
 * `序号 | 收入 | _ ` over `_ | 项目 | 预算数` gives [序号], [收入, 项目], [收入, 预算数].
 */
export function headerPaths(rows: readonly (readonly string[])[], width: number): string[][] {
  const grid = alignSpans(rows.map((r) => r.map(headerText)), width);
  const paths: string[][] = [];
  for (let c = 0; c < width; c++) {
    const path: string[] = [];
    grid.forEach((row, r) => {
      let label = row[c]!;
      const below = grid.slice(r + 1).some((lower) => lower[c] !== '');
      if (label === '' && below && r < grid.length - 1) {
        for (let k = c - 1; k >= 0; k--) {
          const left = row[k]!;
          if (left === '') continue;
          const leftIsGroup = grid.slice(r + 1).some((lower) => lower[k] !== '');
          if (leftIsGroup) label = left;
          break;
        }
      }
      if (label !== '' && path[path.length - 1] !== label) path.push(label);
    });
    paths.push(path);
  }
  return paths;
}

/**
 * Word → text writes a merged header cell once: a row with fewer cells than
 * the table is wide has cells that span the run of labelled cells below
 * them (指标值 over 符号 | 值 | 单位). Widen each such cell over its run.
 */
function alignSpans(rows: string[][], width: number): string[][] {
  const out = rows.map((r) => [...r]);
  for (let r = out.length - 1; r >= 0; r--) {
    const row = out[r]!;
    const below = out[r + 1];
    let extra = width - row.length;
    if (extra > 0 && below) {
      const widened: string[] = [];
      for (const cell of row) {
        widened.push(cell);
        const at = widened.length - 1;
        let run = 0;
        while (at + run < width && (below[at + run] ?? '') !== '') run++;
        if (cell !== '' && run > 1 && extra > 0) {
          const add = Math.min(run - 1, extra);
          for (let k = 0; k < add; k++) widened.push('');
          extra -= add;
        }
      }
      out[r] = widened;
    }
    out[r] = Array.from({ length: width }, (_, c) => out[r]![c] ?? '');
  }
  return out;
}

const TEXT_HEADER = /^(项目|.*名称|.*目录序号|.*编号|.*单位|.*规格|.*形式|.*性质|.*来源|.*说明|.*内容|.*指标|.*依据|备注)$/;
const COUNT_HEADER = /数量|人数|面积|个数|件数/;

/** Column types from the header and the cells: 序号, codes, figures, words. */
const MONEY_HEADER = /金额|预算|资金|万元|经费|支出|收入|合计|小计|总计|价值|单价|拨款|结转|结余|份额/;

/**
 * Column types from the header and the cells. In a standard budget table
 * every figure is money; elsewhere a figure column is money only when its
 * header says so (金额, 预算, 单价 …), otherwise a plain number (a score, a count).
 */
export function inferColumns(paths: string[][], body: readonly (readonly string[])[], moneyTable = false): ColumnDraft[] {
  return paths.map((path, c) => {
    const header = path.length > 0 ? path : [`第${c + 1}列`];
    const label = compact(header.join('/'));
    const cells = body.map((r) => r[c] ?? '').filter((v) => v.trim() !== '');
    const last = compact(header[header.length - 1]!);
    if (last === '序号' && cells.every((v) => /^\d+$/.test(compact(v)))) return { header, type: 'seq' };
    if (/编码|代码/.test(last)) {
      const classification = /经济/.test(label) ? 'economic' : 'function';
      if (cells.every((v) => codeProblem(compact(v), classification) === null)) return { header, type: 'code', classification };
      return { header, type: 'text' };
    }
    const figure = (): ColumnDraft => (COUNT_HEADER.test(last) || !(moneyTable || MONEY_HEADER.test(label)) ? { header, type: 'number' } : { header, type: 'amount' });
    if (cells.length > 0 && cells.every((v) => numericCell(v) !== null)) return figure();
    if (cells.length === 0 && !TEXT_HEADER.test(last)) return figure();
    return { header, type: 'text' };
  });
}

/** A cell as the CSV keeps it: figures as the source prints them without spaces, words trimmed. */
export function csvCell(raw: string, column: ColumnDraft): string {
  const text = raw.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
  if (column.type === 'amount' || column.type === 'number' || column.type === 'code' || column.type === 'seq') {
    return text === '' ? '' : (numericCell(text) ?? compact(text));
  }
  return text;
}
