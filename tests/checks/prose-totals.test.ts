import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAllFilings } from '../../src/lib/records/load-all.ts';
import type { Filing } from '../../src/lib/records/load-filing.ts';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';
import type { StatedFigureKey } from '../../src/lib/records/schema/stated-figures.ts';
import { checkFiling } from '../../src/lib/checks/check-filing.ts';
import { formatFinding } from '../../src/lib/checks/run-checks.ts';
import { describe as describeFigure } from '../../src/lib/checks/figures.ts';
import { proseFigures } from '../../src/lib/checks/prose-figures.ts';
import { tableFigure } from '../../src/lib/checks/stated-figure-sources.ts';
import { completeFiling } from '../helpers/complete-filing.ts';

/**
 * Issue 13, class 8: totals in prose nobody declared. A figure printed next
 * to a known label in a section's text (收入总计, 支出总计, 本年收入合计,
 * 基本支出, 项目支出, 三公经费 and its items, 机关运行经费 …) is compared with
 * the tables whether or not `statedFigures` declares it; a declared figure
 * is compared there, once.
 */

const DIR = 'tests/checks/fixtures/complete/filings/河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算';
const putuo = loadAllFilings(PROJECT_ROOT, join(PROJECT_ROOT, 'tests', 'checks', 'fixtures', 'final-accounts', 'filings')).filings[0]!;

/** A copy of a filing changed by `change`. */
function changed(filing: Filing, change: (f: Filing) => void): Filing {
  const copy = structuredClone(filing);
  change(copy);
  return copy;
}

const undeclare = (f: Filing, ...keys: StatedFigureKey[]) => keys.forEach((key) => delete f.statedFigures[key]);
const editText = (f: Filing, file: string, from: string, to: string) => {
  expect(f.texts[file]).toContain(from);
  f.texts[file] = f.texts[file]!.replace(from, to);
};
const lines = (filing: Filing, at?: string) => checkFiling(filing).filter((f) => at === undefined || f.at === at).map(formatFinding);

describe('a figure of the text without its statedFigures entry is still checked', () => {
  it('the issue’s case: 收入总计 changed in the 情况说明, its entry deleted', () => {
    const filing = changed(completeFiling, (f) => {
      undeclare(f, 'income.total');
      editText(f, 'sections/overview.md', '2024年预算收入25332.93万元', '2024年预算收入25332.99万元');
    });
    expect(lines(filing, 'statedFigures.income.total')).toEqual([
      `error: ${DIR}/sections/overview.md:5: statedFigures.income.total: stated-figure: 情况说明“2024年预算收入25332.99万元，其中：一般公共预算收入24487.92万元，基金预算收入0.00万元，国有资本经营预算收入0.00万元，财政专户核拨收入0.00万元，单位资金收入0.00万元，上年结转结余845.01万元。”中的 25332.99 万元 与 收支总表 收入总计 25332.93 不一致（正文中的数字，statedFigures 未列出）: expected 25332.93, found 25332.99`,
    ]);
  });

  it('a figure undeclared and right gives nothing; every entry deleted, the record checks as before', () => {
    const all = changed(completeFiling, (f) => (f.statedFigures = {}));
    expect(proseFigures(all).map((p) => p.key)).toEqual(Object.keys(completeFiling.statedFigures));
    expect(checkFiling(all)).toEqual(checkFiling(completeFiling));
  });

  it('a declared figure is checked once, under its entry, not again from the text', () => {
    expect(proseFigures(completeFiling)).toEqual([]);
    const filing = changed(completeFiling, (f) => (f.statedFigures['expenditure.project']!.value = '23893.39'));
    expect(lines(filing).filter((line) => line.includes('23893.39'))).toEqual([
      `error: ${DIR}/filing.yaml: statedFigures.expenditure.project: stated-figure: 情况说明“项目支出 23893.38 万元”中的 23893.39 万元 与 支出总表 合计行 项目支出 23893.38 不一致: expected 23893.38, found 23893.39`,
    ]);
  });

  it('机关运行经费 undeclared is compared with 公用经费 as the declared one is: a warning', () => {
    const filing = changed(completeFiling, (f) => {
      undeclare(f, 'operatingCosts');
      editText(f, 'sections/operating-costs.md', '124.38', '100.00');
    });
    expect(lines(filing, 'statedFigures.operatingCosts')).toEqual([
      `warning: ${DIR}/sections/operating-costs.md:1: statedFigures.operatingCosts: operating-costs: 情况说明“2024 年，我部门机关运行经费共计安排 100.00 万元，主要用于日常维修、办公用房水电费、办公用房取暖费、办公用房物业管理费等日常运行支出。”中的 100.00 万元 与 一般公共预算财政拨款基本支出表 合计行 公用经费 124.38 不一致（正文中的数字，statedFigures 未列出）: expected 124.38, found 100.00`,
    ]);
  });

  it('收入总计 and 支出总计 on their own, through Markdown emphasis', () => {
    const filing = changed(completeFiling, (f) => {
      undeclare(f, 'income.total');
      const income = f.texts['sections/overview.md']!.split('\n').find((line) => line.startsWith('反映本部门当年全部收入'))!;
      editText(f, 'sections/overview.md', income, '本部门**收入总计** 25332.90 万元，支出总计 25332.95 万元。');
    });
    expect(lines(filing).filter((line) => line.includes('正文中的数字'))).toEqual([
      `error: ${DIR}/sections/overview.md:5: statedFigures.income.total: stated-figure: 情况说明“本部门收入总计 25332.90 万元，支出总计 25332.95 万元。”中的 25332.90 万元 与 收支总表 收入总计 25332.93 不一致（正文中的数字，statedFigures 未列出）: expected 25332.93, found 25332.90`,
      `error: ${DIR}/sections/overview.md:5: statedFigures.expenditure.grand: stated-figure: 情况说明“本部门收入总计 25332.90 万元，支出总计 25332.95 万元。”中的 25332.95 万元 与 收支总表 支出总计 25332.93 不一致（正文中的数字，statedFigures 未列出）: expected 25332.93, found 25332.95`,
    ]);
  });
});

/**
 * The class, not one example: for every figure a record declares, in a 预算
 * and in a 决算, deleting its entry and changing the table figure it stands
 * for gives exactly one finding from the text, at the line it is printed on.
 */
describe('every declared figure, undeclared, is found in the text and checked (property)', () => {
  for (const [name, record] of [['永清县 2024 预算', completeFiling], ['普陀区 2024 决算', putuo]] as const) {
    it(name, () => {
      const baseline = new Set(checkFiling(record).map((f) => f.at));
      const keys = (Object.keys(record.statedFigures) as StatedFigureKey[]).filter((key) => !key.startsWith('comparison.') && !baseline.has(`statedFigures.${key}`));
      let checked = 0;
      for (const key of keys) {
        const figure = tableFigure(record, key, record.statedFigures[key]!, () => {});
        if (!figure?.ref) continue;
        const { table, row, column } = figure.ref;
        const moved = (Number(figure.value ?? 0) + 0.01).toFixed(2);
        const filing = changed(record, (f) => {
          undeclare(f, key);
          f.tables.find((t) => t.id === table.id)!.rows[row]![column] = moved;
        });
        const prose = proseFigures(filing).find((p) => p.key === key)!;
        const rule = key === 'operatingCosts' ? 'operating-costs' : 'stated-figure';
        const found = checkFiling(filing).filter((f) => f.at === `statedFigures.${key}` && f.rule === rule);
        expect({ key, found: found.map(formatFinding) }).toEqual({
          key,
          found: [
            `${rule === 'stated-figure' ? 'error' : 'warning'}: ${filing.dir}/${prose.file}:${prose.line}: statedFigures.${key}: ${rule}: 情况说明“${prose.stated.quote}”中的 ${prose.stated.value} 万元 与 ${describeFigure({ ...figure, value: moved }, filing.kind)} ${moved} 不一致（正文中的数字，statedFigures 未列出）: expected ${moved}, found ${prose.stated.value}`,
          ],
        });
        checked++;
      }
      expect(checked).toBe(keys.length);
    });
  }
});

describe('the text is searched in linear time, whatever it holds', () => {
  it('lines of thousands of < or <!-- without an end, digits after a label, a label repeated: each read within a second', () => {
    const hostile = ['<'.repeat(300_000), '<!--'.repeat(100_000), `收入总计${'9'.repeat(2000)}`.repeat(100), `${'预算收入'.repeat(100_000)}1万元`, '**'.repeat(150_000)];
    for (const text of hostile) {
      const filing = changed(completeFiling, (f) => {
        undeclare(f, 'income.total');
        f.texts['sections/overview.md'] = text;
      });
      const started = performance.now();
      proseFigures(filing);
      expect({ text: text.slice(0, 12), slow: performance.now() - started > 1000 }).toEqual({ text: text.slice(0, 12), slow: false });
    }
  });
});
