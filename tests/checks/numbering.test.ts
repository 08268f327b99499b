import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAllFilings } from '../../src/lib/records/load-all.ts';
import type { Filing } from '../../src/lib/records/load-filing.ts';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';
import { checkFiling } from '../../src/lib/checks/check-filing.ts';
import { chineseNumeral, numberingGaps } from '../../src/lib/checks/rules/numbering.ts';

const COMPLETE = join(PROJECT_ROOT, 'tests', 'checks', 'fixtures', 'complete', 'filings');
const original = loadAllFilings(PROJECT_ROOT, COMPLETE).filings[0]!;
const numberingFindings = (filing: Filing) => checkFiling(filing).filter((f) => f.rule === 'numbering');

describe('numbering', () => {
  it('reads Chinese section numerals', () => {
    expect(['一', '九', '十', '十二', '二十', '二十一', '第一部分', ''].map(chineseNumeral)).toEqual([1, 9, 10, 12, 20, 21, null, null]);
  });

  it('finds a jump, but not a list that starts again at 1', () => {
    expect(numberingGaps([1, 2, 3, 4, 5, 6, 7, 9, 10])).toEqual([[7, 9]]);
    expect(numberingGaps([1, 2, 1, 2, 3])).toEqual([]);
  });

  it('finds nothing in a record whose lists run on', () => {
    expect(numberingFindings(original)).toEqual([]);
  });

  it('names the file and the gap in duties text, sections and project tables', () => {
    const filing = structuredClone(original);
    const duties = 'sections/duties.md';
    filing.texts[duties] = '1、贯彻执行政策。\n\n2、拟订规划。\n\n4、负责就业工作。\n';
    const numbered = filing.sections.filter((s) => chineseNumeral(s.number ?? '') !== null);
    numbered.at(-1)!.number = '二十';
    const before = chineseNumeral(numbered.at(-2)!.number!)!;
    const project = { number: 1, title: '示例项目绩效目标表', name: '示例项目', unit: '万元', facts: {}, spendingPlan: [], goals: [], indicators: [] };
    filing.projectList = [project, { ...project, number: 5 }];
    const found = numberingFindings(filing).map((f) => [f.severity, f.file.slice(filing.dir.length + 1), f.at, f.message]);
    expect(found).toEqual([
      ['warning', duties, `${duties}:2→4`, '编号不连续：2 之后是 4'],
      ['warning', 'filing.yaml', `sections:${before}→20`, `章节编号不连续：第 ${before} 部分之后是第 20 部分`],
      ['warning', filing.projects ?? 'projects.yaml', 'projects:1→5', '项目绩效目标表编号不连续：1 之后是 5'],
    ]);
  });
});
