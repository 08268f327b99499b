import type { Table } from '../../records/schema/table.ts';
import { standardTableName } from '../../records/schema/table.ts';
import type { FilingKind } from '../../records/schema/filing.ts';
import type { FindingList, RuleInfo } from '../rule.ts';

/**
 * A rule finds the rows and columns it compares by their labels. When a
 * table is there but a label it needs is not (支出总计 printed as 支出总额, a
 * 三公 row renamed), the comparison cannot be made; the rule says so with a
 * warning rather than passing the table in silence. The layout of a source
 * may legitimately differ, so it is a warning, not an error: the reader (and
 * the reviewer) sees which figures were not checked.
 */

/** Reports that `table` lacks `looked` (“支出总计”行); called only for a table that is there to be checked. */
export type Miss = (table: Table, looked: string) => void;

/** A table a rule can be expected to read: present, not 空表列示, with rows. */
export function checkable(table: Table | undefined): table is Table {
  return table !== undefined && !table.empty && table.rows.length > 0;
}

/** The table's standard name for a filing of `kind` (收支总表, 收入支出决算总表), or its own title. */
export const tableName = (t: Table, kind: FilingKind) => (t.standard ? standardTableName(t.standard, kind) : t.title);

/** The rule's id and description with severity `warning`: a finding that the rule could not run. */
export function uncheckedRule(rule: RuleInfo): RuleInfo {
  return { id: rule.id, severity: 'warning', description: rule.description };
}

/** “合计”行, or “合计”（或“总计”）行 when the rule accepts any of several labels. */
export function looked(labels: readonly string[], kind: '行' | '列'): string {
  const [first, ...others] = labels;
  return `“${first}”${others.length ? `（或${others.map((l) => `“${l}”`).join('')}）` : ''}${kind}`;
}

/**
 * Collects, per table, the labels a rule did not find and the comparisons
 * that therefore did not run; `report` gives one warning per table
 * (`at` = the table id): 收支总表 没有找到“支出总计”行，未核对：收入总计 = 支出总计.
 */
export class Unchecked {
  private readonly tables = new Map<Table, { looked: Set<string>; checks: Set<string> }>();

  constructor(
    private readonly rule: RuleInfo,
    private readonly out: FindingList,
  ) {}

  /** `table` lacks `what`, so `check` was not made. Nothing for a table that is absent or empty (others report those). */
  add(table: Table | undefined, what: string, check: string): void {
    if (!checkable(table)) return;
    let entry = this.tables.get(table);
    if (!entry) this.tables.set(table, (entry = { looked: new Set(), checks: new Set() }));
    entry.looked.add(what);
    entry.checks.add(check);
  }

  /** A Miss that records against `check`. */
  miss(check: string): Miss {
    return (table, what) => this.add(table, what, check);
  }

  report(): void {
    const rule = uncheckedRule(this.rule);
    for (const [table, { looked, checks }] of this.tables) {
      const what = [...looked].join('、');
      this.out.table(rule, { table, in: 'rows' }, {
        expected: what,
        found: '（缺）',
        message: `${tableName(table, this.out.filing.kind)} 没有找到${what}，未核对：${[...checks].join('；')}`,
      });
    }
  }
}
