import { LEVEL_NAMES, codeLevel, parentCode } from '../../records/schema/classification-codes.ts';
import type { Rule } from '../rule.ts';
import { classified } from '../table-view.ts';
import { normalizeLabel } from '../labels.ts';
import type { CellRef } from '../rule.ts';

/**
 * A 款 code sits under its 类 and a 项 under its 款: the parent is printed
 * above it, and it is the nearest code of a higher level above it, so the
 * page shows each 科目 under the one it belongs to (a 项 of 20801 printed
 * after 20802 reads as a part of 20802, while the sums, by code, never see
 * it). A code appears once per table.
 */
export const codeHierarchy: Rule = {
  id: 'code-hierarchy',
  severity: 'error',
  description: '项 在其所属的 款、类 之下（上级科目在表中，且是其上最近的上级科目）；同一科目在一张表中只出现一次',
  check(filing, out) {
    for (const table of filing.tables) {
      const view = classified(table);
      if (!view) continue;
      const seen = new Map<string, number>();
      /** The last code printed at each level (类, 款, 项), with its row. */
      const last: ({ code: string; row: number } | undefined)[] = [];
      table.rows.forEach((row, r) => {
        const code = row[view.codeColumn];
        if (!code) return;
        const ref = { table, row: r, column: view.codeColumn };
        const first = seen.get(code);
        if (first !== undefined) {
          out.cell(this, ref, { expected: '（不重复）', found: code, message: `科目 ${code} 在本表中重复出现（第 ${first + 1} 行已有）` });
          return;
        }
        seen.set(code, r);
        const level = codeLevel(code);
        const above = last.slice(0, level).reduce((a, b) => (b && (!a || b.row > a.row) ? b : a), undefined);
        last[level] = { code, row: r };
        const parent = parentCode(code);
        if (parent === null) return;
        if (!seen.has(parent)) {
          out.cell(this, ref, { expected: parent, found: code, message: `${LEVEL_NAMES[level]} ${code} 之上没有其所属的${LEVEL_NAMES[level - 1]} ${parent}` });
        } else if (above && above.code !== parent) {
          out.cell(this, ref, {
            expected: parent,
            found: above.code,
            message: `${LEVEL_NAMES[level]} ${code} 印在${LEVEL_NAMES[codeLevel(above.code)]} ${above.code}（第 ${above.row + 1} 行）之下，而不在其所属的${LEVEL_NAMES[level - 1]} ${parent}（第 ${seen.get(parent)! + 1} 行）之下`,
          });
        }
      });
    }
  },
};

/** A 科目 code names the same 科目 in every table of the filing. */
export const codeNames: Rule = {
  id: 'code-name',
  severity: 'error',
  description: '同一科目编码在本公开的各表中名称相同',
  check(filing, out) {
    const first = new Map<string, { name: string; ref: CellRef }>();
    for (const table of filing.tables) {
      const view = classified(table);
      if (!view || view.nameColumn === undefined) continue;
      const nameColumn = view.nameColumn;
      table.rows.forEach((row, r) => {
        const code = row[view.codeColumn];
        const name = row[nameColumn];
        if (!code || !name) return;
        const key = `${view.kind}:${code}`;
        const earlier = first.get(key);
        if (!earlier) {
          first.set(key, { name, ref: { table, row: r, column: nameColumn } });
          return;
        }
        if (normalizeLabel(earlier.name) !== normalizeLabel(name)) {
          out.cell(this, { table, row: r, column: nameColumn }, {
            expected: earlier.name,
            found: name,
            message: `科目 ${code} 的名称与 ${earlier.ref.table.id} 第 ${earlier.ref.row + 1} 行不同`,
          });
        }
      });
    }
  },
};
