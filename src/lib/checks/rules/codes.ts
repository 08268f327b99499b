import { LEVEL_NAMES, codeLevel, parentCode } from '../../records/schema/classification-codes.ts';
import type { Rule } from '../rule.ts';
import { classified } from '../table-view.ts';
import { normalizeLabel } from '../labels.ts';
import type { CellRef } from '../rule.ts';

/** A 款 code sits under its 类, a 项 under its 款, each printed above it; a code appears once per table. */
export const codeHierarchy: Rule = {
  id: 'code-hierarchy',
  severity: 'error',
  description: '项 在其所属的 款、类 之下（上级科目在表中且在其前）；同一科目在一张表中只出现一次',
  check(filing, out) {
    for (const table of filing.tables) {
      const view = classified(table);
      if (!view) continue;
      const seen = new Map<string, number>();
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
        const parent = parentCode(code);
        if (parent !== null && !seen.has(parent)) {
          const level = codeLevel(code);
          out.cell(this, ref, {
            expected: parent,
            found: code,
            message: `${LEVEL_NAMES[level]} ${code} 之上没有其所属的${LEVEL_NAMES[level - 1]} ${parent}`,
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
