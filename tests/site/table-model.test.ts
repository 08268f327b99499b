import { describe, expect, it } from 'vitest';
import { captionUnit, columnGroups, columnNumberCells, groupSpans, headerRows, isTotalRow, isWideTable, rowHeaderColumn, rowLevel, stickyColumn } from '../../src/lib/site/table-model.ts';
import type { TableColumn } from '../../src/lib/site/table-model.ts';

const summary: TableColumn[] = [
  { header: ['序号'], type: 'seq' },
  { header: ['收入', '项目'], type: 'text' },
  { header: ['收入', '预算数'], type: 'amount' },
  { header: ['支出', '项目'], type: 'text' },
  { header: ['支出', '预算数'], type: 'amount' },
];

describe('headerRows', () => {
  it('spans group labels over their columns and leaves down to the last row', () => {
    const rows = headerRows(summary);
    expect(rows).toHaveLength(2);
    expect(rows[0]![0]!.column).toBe(0);
    expect(rows[1]!.map((c) => c.column)).toEqual([1, 2, 3, 4]);
    expect(rows[0]!.map((c) => [c.label, c.colspan, c.rowspan, c.scope])).toEqual([
      ['序号', 1, 2, 'col'],
      ['收入', 2, 1, 'colgroup'],
      ['支出', 2, 1, 'colgroup'],
    ]);
    expect(rows[1]!.map((c) => [c.label, c.colspan, c.rowspan])).toEqual([
      ['项目', 1, 1],
      ['预算数', 1, 1],
      ['项目', 1, 1],
      ['预算数', 1, 1],
    ]);
  });

  it('handles three levels with uneven depth', () => {
    const rows = headerRows([
      { header: ['科目名称'] },
      { header: ['本年收入', '小计'] },
      { header: ['本年收入', '财政拨款收入', '一般公共预算'] },
      { header: ['本年收入', '财政拨款收入', '政府性基金'] },
      { header: ['上年结转'] },
    ]);
    expect(rows.map((r) => r.map((c) => `${c.label}:${c.colspan}x${c.rowspan}`))).toEqual([
      ['科目名称:1x3', '本年收入:3x1', '上年结转:1x3'],
      ['小计:1x2', '财政拨款收入:2x1'],
      ['一般公共预算:1x1', '政府性基金:1x1'],
    ]);
  });

  it('gives every column exactly one leaf cell', () => {
    const rows = headerRows(summary);
    const leaves = rows.flat().filter((c) => c.scope === 'col').length;
    expect(leaves).toBe(summary.length);
  });
});

describe('columnGroups', () => {
  it('groups columns under the same outermost label', () => {
    expect(columnGroups(summary)).toEqual([1, 2, 2]);
  });
});

describe('columnNumberCells', () => {
  it('labels the 序号 column 栏次 and numbers the others from 1', () => {
    expect(columnNumberCells(summary)).toEqual(['栏次', '1', '2', '3', '4']);
  });
});

describe('rowHeaderColumn', () => {
  it('is the first text cell that is not blank, unless given', () => {
    expect(rowHeaderColumn(['1', '一、一般公共预算拨款收入', '24487.92', '一、一般公共服务支出', null], summary)).toBe(1);
    expect(rowHeaderColumn(['8', null, null, '八、社会保障和就业支出', '24901.46'], summary)).toBe(3);
    expect(rowHeaderColumn(['8', null, null, '八、社会保障和就业支出', '24901.46'], summary, 1)).toBe(1);
    expect(rowHeaderColumn(['1'], [{ type: 'amount' }])).toBe(-1);
  });
});

describe('isTotalRow', () => {
  it('recognises 合计 and 总计 rows, with or without spaces', () => {
    expect(isTotalRow(['1', '合计', '2.34', null, null], summary)).toBe(true);
    expect(isTotalRow(['37', '收 入 总 计', '25332.93', '支出总计', '25332.93'], summary)).toBe(true);
    expect(isTotalRow(['8', '公务用车运行维护费', '2.34', null, null], summary)).toBe(false);
  });

  it('ignores amounts and codes', () => {
    expect(isTotalRow(['1', null, '合计', null, null], [{ type: 'seq' }, { type: 'code' }, { type: 'amount' }, { type: 'text' }, { type: 'amount' }])).toBe(false);
  });
});

describe('rowLevel', () => {
  const columns: TableColumn[] = [
    { header: ['科目编码'], type: 'code', classification: 'function' },
    { header: ['科目名称'], type: 'text' },
  ];
  it('follows the code length: 类 0, 款 1, 项 2', () => {
    expect(rowLevel(['208', '社会保障和就业支出'], columns)).toBe(0);
    expect(rowLevel(['20807', '就业补助'], columns)).toBe(1);
    expect(rowLevel(['2080711', '就业见习补贴'], columns)).toBe(2);
    expect(rowLevel([null, '合计'], columns)).toBeNull();
  });
});

describe('groupSpans', () => {
  it('merges repeated and blank group cells under their parent', () => {
    const rows = [
      ['产出指标', '数量指标', 'a'],
      [null, '数量指标', 'b'],
      [null, '质量指标', 'c'],
      ['效益指标', '社会效益指标', 'd'],
      ['满意度指标', '服务对象满意度指标', 'e'],
    ];
    expect(groupSpans(rows, 2)).toEqual([
      [3, 2, 1],
      [0, 0, 1],
      [0, 1, 1],
      [1, 1, 1],
      [1, 1, 1],
    ]);
  });

  it('does not merge a second-level value across a new first-level group', () => {
    const rows = [
      ['产出指标', '数量指标'],
      ['效益指标', '数量指标'],
    ];
    expect(groupSpans(rows, 2)).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });
});

describe('captionUnit', () => {
  it('states the unit of a table with amounts, and none for one without, whatever the record defaults to', () => {
    expect(captionUnit('万元', summary)).toBe('万元');
    expect(captionUnit('元', [{ type: 'text' }, { type: 'amount' }])).toBe('元');
    expect(captionUnit('万元', [{ type: 'text' }, { type: 'text' }])).toBeUndefined();
    expect(captionUnit('万元', [{ type: 'text' }, { type: 'number' }])).toBeUndefined();
    expect(captionUnit('人', [{ type: 'text' }, { type: 'number' }])).toBe('人');
    expect(captionUnit('', [{ type: 'amount' }])).toBeUndefined();
    expect(captionUnit(undefined, summary)).toBeUndefined();
  });
});

describe('stickyColumn', () => {
  it('keeps the last side\'s item column of a summary printed side by side', () => {
    expect(stickyColumn(summary)).toBe(3);
  });

  it('keeps the name column of a table of 科目, the caller\'s row header, or none', () => {
    const classified: TableColumn[] = [
      { header: ['序号'], type: 'seq' },
      { header: ['功能分类科目', '科目编码'], type: 'code', classification: 'function' },
      { header: ['功能分类科目', '科目名称'], type: 'text' },
      { header: ['合计'], type: 'amount' },
    ];
    expect(stickyColumn(classified)).toBe(2);
    expect(stickyColumn([{ header: ['一级指标'], type: 'text' }, { header: ['三级指标'], type: 'text' }], 1)).toBe(1);
    expect(stickyColumn([{ header: ['合计', '预算数'], type: 'amount' }, { header: ['合计', '决算数'], type: 'amount' }])).toBeUndefined();
  });

  it('keeps the first item column when only one header group has items with amounts (政府采购)', () => {
    const procurement: TableColumn[] = [
      { header: ['政府采购项目来源', '项目名称'], type: 'text' },
      { header: ['政府采购项目来源', '预算资金'], type: 'amount' },
      { header: ['采购物品名称'], type: 'text' },
      { header: ['金额', '合计'], type: 'amount' },
    ];
    expect(stickyColumn(procurement)).toBe(0);
  });
});

describe('isWideTable', () => {
  const columns = (n: number): TableColumn[] => [
    { header: ['序号'], type: 'seq' },
    { header: ['科目编码'], type: 'code', classification: 'function' },
    { header: ['科目名称'], type: 'text' },
    ...Array.from({ length: n }, (_, i) => ({ header: ['本年收入', `财政拨款收入${i}`], type: 'amount' as const })),
  ];
  const rows = (n: number) => [['1', '2080101', '人力资源和社会保障管理事务', ...Array.from({ length: n }, () => '24487.92')]];

  it('turns a table of ten amount columns to landscape, not one of six', () => {
    expect(isWideTable(columns(10), rows(10))).toBe(true);
    expect(isWideTable(columns(6), rows(6))).toBe(false);
  });

  it('keeps text tables and tables without rows on portrait: text wraps, and a header alone is short', () => {
    const text: TableColumn[] = ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'].map((h) => ({ header: [h], type: 'text' }));
    expect(isWideTable(text, [text.map(() => '为保障良好的办公环境和正常的办公秩序')])).toBe(false);
    expect(isWideTable(columns(12), [])).toBe(false);
  });
});
