import type { Column } from '../records/schema/table.ts';
import { codeProblem } from '../records/schema/classification-codes.ts';
import { headerReadings } from './header-readings.ts';
import { cellText, compact, numericCell } from './text.ts';

/** A column as the record declares it (the input shape of the table schema). */
export type ColumnDraft = Pick<Column, 'header' | 'type' | 'classification' | 'unit'>;

/**
 * Header paths of a multi-row header block, as first read (header-readings.ts
 * lists the others). A blank cell under a filled one is not a level of its
 * own; a blank cell above a filled one continues the group to its left (a
 * merged cell that the converter wrote once), unless that puts a label
 * under a group it cannot belong to:
 * `序号 | 收入 | _ ` over `_ | 项目 | 预算数` gives [序号], [收入, 项目], [收入, 预算数].
 */
export function headerPaths(rows: readonly (readonly string[])[], width: number): string[][] {
  return headerReadings(rows, width)[0]!;
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
  const text = cellText(raw);
  if (column.type === 'amount' || column.type === 'number' || column.type === 'code' || column.type === 'seq') {
    return text === '' ? '' : (numericCell(text) ?? compact(text));
  }
  return text;
}
