import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFiling } from '../../src/lib/checks/check-filing.ts';
import { Decimal } from '../../src/lib/records/decimal.ts';
import { loadAllFilings } from '../../src/lib/records/load-all.ts';
import type { Filing } from '../../src/lib/records/load-filing.ts';
import type { Table } from '../../src/lib/records/schema/table.ts';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';
import { writeSyntheticFilings } from '../../scripts/synth/write-filings.ts';

const COUNT = 12;
let root: string;
let again: string;
let ids: string[];
let filings: Filing[];

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'gongkai-synth-'));
  again = mkdtempSync(join(tmpdir(), 'gongkai-synth-'));
  ids = writeSyntheticFilings(root, COUNT, 7, new Set(['河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算']));
  writeSyntheticFilings(again, COUNT, 7);
  const loaded = loadAllFilings(PROJECT_ROOT, root);
  expect(loaded.problems).toEqual([]);
  filings = loaded.filings;
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(again, { recursive: true, force: true });
});

function table(filing: Filing, id: string): Table {
  const tables: Table[] = filing.tables;
  const found = tables.find((t) => t.id === id);
  if (!found) throw new Error(`${filing.id} has no table ${id}`);
  return found;
}

describe('synthetic filings', () => {
  it('are valid records with distinct department-years', () => {
    expect(filings).toHaveLength(COUNT);
    expect(new Set(ids).size).toBe(COUNT);
    expect(ids).not.toContain('河北省/廊坊市/永清县/316-人力资源和社会保障局/2024-预算');
  });

  it('are the same for the same seed', () => {
    for (const id of ids) expect(readFileSync(join(again, id, 'filing.yaml'), 'utf8')).toBe(readFileSync(join(root, id, 'filing.yaml'), 'utf8'));
  });

  it('vary: regions, departments, years, table sizes and project counts', () => {
    const distinct = (f: (x: Filing) => unknown) => new Set(filings.map((x) => JSON.stringify(f(x)))).size;
    expect(distinct((f) => f.region)).toBeGreaterThan(3);
    expect(distinct((f) => f.department.shortName)).toBeGreaterThan(3);
    expect(distinct((f) => f.year)).toBeGreaterThan(2);
    expect(distinct((f) => table(f, 'income-summary').rows.length)).toBeGreaterThan(2);
    for (const f of filings) {
      expect(f.projectList.length).toBeGreaterThanOrEqual(20);
      expect(f.projectList.length).toBeLessThanOrEqual(40);
      expect(f.tables.filter((t) => t.standard)).toHaveLength(9);
    }
  });

  it('add up: 合计 of the 支出总表 is the sum of its 类 rows and of 基本支出 + 项目支出', () => {
    for (const f of filings) {
      const rows = table(f, 'expenditure-summary').rows;
      const [total, ...rest] = rows;
      const classes = rest.filter((r) => r[1]?.length === 3);
      const sumOf = (list: (string | null)[][], c: number) => list.reduce((a, r) => a.plus(r[c] ?? 0), new Decimal(0));
      expect(sumOf(classes, 3).toFixed(2)).toBe(total![3]);
      expect(new Decimal(total![4] ?? 0).plus(total![5] ?? 0).toFixed(2)).toBe(total![3]);
    }
  });

  it('pass every check of the portal without an error', () => {
    const errors = filings.flatMap((f) => checkFiling(f).filter((x) => x.severity === 'error'));
    expect(errors.map((e) => `${e.filing} ${e.rule} ${e.at}: ${e.message}`)).toEqual([]);
  });
});
