import type { FilingKind } from '../../records/schema/filing.ts';
import { finalAccountsTableNames, standardTableKeys, standardTableName, standardTableNames, standardTableVariants, type StandardTableKey } from '../../records/schema/table.ts';
import { LEVEL_NAMES, parentCode } from '../../records/schema/classification-codes.ts';
import type { Rule } from '../rule.ts';
import { classified } from '../table-view.ts';
import { normalizeLabel } from '../labels.ts';

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

/** Every name a standard table goes by, in normal form, by key (a 目录 may put 部门预算 or 部门决算 in front). */
const STANDARD_NAMES = standardTableKeys.map((key) => ({ key, names: [standardTableNames[key], finalAccountsTableNames[key], ...standardTableVariants[key]].map(normalizeLabel) }));

/**
 * A table the document's 目录 lists is in the record: as a table of that
 * title, a standard table the title names (部门预算收支总表, 收入支出决算总表 …)
 * or a 项目绩效目标表. One that is not was left out of the document, or lost
 * on the way into the record; either way the reader is told.
 */
export const listedTables: Rule = {
  id: 'listed-table',
  severity: 'warning',
  description: '目录中列出的表在本公开中都有（部门预算表、部门决算表、绩效目标表等）',
  check(filing, out) {
    const titles = new Set([...filing.tables.map((t) => normalizeLabel(t.title)), ...filing.projectList.map((p) => normalizeLabel(p.title))]);
    const standards = new Set(filing.tables.flatMap((t) => (t.standard ? [t.standard] : [])));
    for (const entry of filing.contents) {
      const label = normalizeLabel(entry);
      // Part headings (第二部分 …部门决算表) name a group of tables, not one.
      if (!label.endsWith('表') || /^第[一二三四五六七八九十]+部分/.test(label) || titles.has(label)) continue;
      const bare = label.replace(/^部门(?:预算|决算)?/, '');
      if (STANDARD_NAMES.some(({ key, names }) => standards.has(key) && names.includes(bare))) continue;
      out.filingLevel(this, `contents:${entry}`, { expected: entry, found: '（缺）', message: `目录列有“${entry}”，本公开中没有这张表` });
    }
  },
};
