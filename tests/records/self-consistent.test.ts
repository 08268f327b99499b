import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';
import { filingFileSchema } from '../../src/lib/records/schema/filing.ts';

const read = (id: string) => parse(readFileSync(join(PROJECT_ROOT, 'content', 'filings', id, 'filing.yaml'), 'utf8')) as Record<string, unknown>;
const yongqing = read('河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算');
const putuo = read('上海市/普陀区/财政局/2024-决算');
const issues = (value: unknown) => {
  const result = filingFileSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`);
};

describe('a record that contradicts itself is refused', () => {
  it('accepts the real 预算 and 决算 records', () => {
    expect(issues(yongqing)).toEqual([]);
    expect(issues(putuo)).toEqual([]);
  });

  it('a kind that is not the one the title names', () => {
    // Its nine standard tables say 部门预算 too: each is named.
    const standard = (yongqing['tables'] as { standard?: string; title: string }[]).flatMap((t, i) => (t.standard ? [`tables.${i}.title: expected a 决算 table, found "${t.title}", a 预算 table, in a filing declared 决算`] : []));
    expect(standard).toHaveLength(9);
    expect(issues({ ...yongqing, kind: '决算' })).toEqual(['kind: expected 预算, as the title "永清县人力资源和社会保障局2024年部门预算信息公开" says, found 决算: correct the kind or the title', ...standard]);
    expect(issues({ ...putuo, kind: '预算' })[0]).toBe('kind: expected 决算, as the title "上海市普陀区财政局2024年度部门决算" says, found 预算: correct the kind or the title');
  });

  it('a year that is not the one in the title', () => {
    expect(issues({ ...putuo, year: 2023 })).toEqual(['year: expected 2024, as the title "上海市普陀区财政局2024年度部门决算" says, found 2023: correct the year or the title']);
  });

  it('a standard table of the other kind', () => {
    const tables = structuredClone(yongqing['tables']) as Record<string, unknown>[];
    const at = tables.findIndex((t) => t['standard'] === 'income-expenditure-summary');
    tables[at] = { ...tables[at], title: '收入支出决算总表' };
    expect(issues({ ...yongqing, tables })).toEqual([`tables.${at}.title: expected a 预算 table, found "收入支出决算总表", a 决算 table, in a filing declared 预算`]);
  });

  it('一般公共预算 in a 决算 title is a fund, not the kind', () => {
    expect(issues({ ...putuo, title: '上海市普陀区财政局2024年度部门决算（含一般公共预算财政拨款）' })).toEqual([]);
  });
});
