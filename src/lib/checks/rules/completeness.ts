import type { FilingKind } from '../../records/schema/filing.ts';
import { standardTableKeys, standardTableName, type StandardTableKey } from '../../records/schema/table.ts';
import { LEVEL_NAMES, parentCode } from '../../records/schema/classification-codes.ts';
import type { Rule } from '../rule.ts';
import { classified } from '../table-view.ts';

/**
 * 《地方预决算公开操作规程》 requires the same nine tables for a 部门预算 and
 * a 部门决算 (the 决算 ones titled …决算表, and named so in the findings:
 * standardTableName); a table with nothing to show is still published,
 * marked 空表列示.
 */
export const REQUIRED_TABLES: Record<FilingKind, readonly StandardTableKey[]> = {
  预算: standardTableKeys,
  决算: standardTableKeys,
};

/**
 * A table the source did not publish is the department's omission, which
 * the portal cannot make good: the filing is published with a warning that
 * names the missing table. A filing with no standard tables at all (a
 * 情况说明 or a 绩效目标 document on its own) gets one warning saying so
 * rather than nine.
 */
export const requiredTables: Rule = {
  id: 'required-table',
  severity: 'warning',
  description: '公开了部门预算表或部门决算表的，《地方预决算公开操作规程》要求的九张表齐全（无数据的表以空表列示）',
  check(filing, out) {
    const present = new Set(filing.tables.flatMap((t) => (t.standard ? [t.standard] : [])));
    if (present.size === 0) return;
    for (const key of REQUIRED_TABLES[filing.kind]) {
      if (present.has(key)) continue;
      const name = standardTableName(key, filing.kind);
      out.table(this, { missing: key }, { expected: name, found: '（缺）', message: `缺少${name}；无数据时应以空表列示` });
    }
  },
};

export const noStandardTables: Rule = {
  id: 'no-standard-tables',
  severity: 'warning',
  description: '本公开没有部门预算表或部门决算表（例如只公开绩效目标）：照常发布，并提示读者',
  check(filing, out) {
    if (filing.tables.some((t) => t.standard)) return;
    out.filingLevel(this, 'tables', {
      message: `本公开文件不含《地方预决算公开操作规程》要求的部门${filing.kind}公开表，只包含所列的说明和绩效目标`,
    });
  },
};

/** A standard table with no rows is marked 空表列示 (`empty: true`), so a reader knows it is empty on purpose. */
export const emptyTables: Rule = {
  id: 'empty-table',
  severity: 'error',
  description: '没有数据行的表须标注空表列示',
  check(filing, out) {
    for (const table of filing.tables) {
      if (table.rows.length === 0 && !table.empty) {
        out.table(this, { table }, { expected: 'empty: true（空表列示）', found: '0 行', message: `${table.title} 没有数据行，也没有标注空表列示` });
      }
    }
  },
};

/**
 * 功能分类 is shown down to 项 (7 digits), 经济分类 down to 款 (5 digits). A
 * coarser table is how the source published it: a warning, like a missing table.
 */
export const classificationDepth: Rule = {
  id: 'classification-depth',
  severity: 'warning',
  description: '支出功能分类细化到项（7 位），部门经济分类细化到款（5 位）',
  check(filing, out) {
    for (const table of filing.tables) {
      const view = classified(table);
      if (!view) continue;
      const deepest = view.kind === 'function' ? 7 : 5;
      const parents = new Set<string>();
      for (const code of view.rowsByCode.keys()) {
        const parent = parentCode(code);
        if (parent) parents.add(parent);
      }
      for (const [code, row] of view.rowsByCode) {
        if (code.length >= deepest || parents.has(code)) continue;
        const level = deepest === 7 ? 2 : 1;
        out.cell(this, { table, row, column: view.codeColumn }, {
          expected: `${deepest} 位${LEVEL_NAMES[level]}级科目`,
          found: code,
          message: `科目 ${code} 没有细化到${LEVEL_NAMES[level]}（${view.kind === 'function' ? '支出功能分类' : '部门经济分类'}应列到${LEVEL_NAMES[level]}）`,
        });
      }
    }
  },
};
