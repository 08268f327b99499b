import type { Filing } from '../records/load-filing.ts';
import { moneyUnits, type MoneyUnit, type Table } from '../records/schema/table.ts';
import { tableOf, type Figure } from './figures.ts';
import { agree, isZero, near, type Money } from './money.ts';

/** A table whose figures are not in the unit it declares: they agree with the other tables and the text only in `shown`. */
export interface Contradiction {
  table: Table;
  declared: MoneyUnit;
  shown: MoneyUnit;
  /** One pair of figures that says so: the table's, and the other table's or the text's, in the unit that one is read in. */
  evidence: { mine: Figure; theirs: Figure; theirUnit: MoneyUnit };
}

interface Compared {
  left: readonly Figure[];
  right: readonly Figure[];
}

/**
 * The unit each figure is read in when it is compared with another table's
 * or the text's, and a record of every such comparison. A filing is first
 * checked with every table in the unit it declares; when the comparisons
 * then show that a table's figures are in another unit (a table declared 元
 * whose figures are the 万元 figures of the others, or one declared 万元
 * whose figures are ten thousand times theirs), `settle` gives the reading
 * that takes it in that unit, and the filing is checked again with it: one
 * wrong caption is one warning, not an error at every figure it shares.
 */
export class Units {
  private readonly compared: Compared[] = [];

  constructor(
    readonly filing: Filing,
    private readonly reread: ReadonlyMap<Table, MoneyUnit> = new Map(),
    /** The tables read in another unit than they declare, and why. */
    readonly contradictions: readonly Contradiction[] = [],
  ) {}

  /** The unit a figure is read in: its table's, or the sentence's for a figure of the text. */
  unitOf(figure: Figure): MoneyUnit {
    return readIn(figure, this.reread);
  }

  money(figure: Figure): Money {
    return { value: figure.value, unit: this.unitOf(figure) };
  }

  /**
   * Whether two figures (or sums of figures) of different tables, or of a
   * table and the text, agree (money.ts). Noted for `settle` when they are
   * `same`: one figure printed twice, not two that should agree.
   */
  agree(left: readonly Figure[], right: readonly Figure[], same = true): boolean {
    const agreed = agree(left.map((f) => this.money(f)), right.map((f) => this.money(f)));
    if (same) this.compared.push({ left, right });
    return agreed;
  }

  /** Whether the findings about these figures should print their units: they are read in different units, or declared so. */
  mixed(a: Figure, b: Figure): boolean {
    return this.unitOf(a) !== this.unitOf(b) || a.unit !== b.unit;
  }

  /**
   * After the rules have compared: the reading that takes the tables whose
   * figures contradict their unit in the unit they show, or nothing when
   * every table's figures agree with its unit.
   */
  settle(): Units | undefined {
    const reread = new Map(this.reread);
    const contradictions = [...this.contradictions];
    const pairs = this.compared.filter((c) => c.left.length === 1 && c.right.length === 1 && (tableOf(c.left[0]!) || tableOf(c.right[0]!)));
    // One table at a time, the plainest first: reading it in its unit may settle the tables compared with it.
    for (let n = 0; n < this.filing.tables.length; n++) {
      const found = contradiction(this.filing, pairs.map((c) => [c.left[0]!, c.right[0]!]), reread);
      if (!found) break;
      reread.set(found.table, found.shown);
      contradictions.push(found);
    }
    return contradictions.length > this.contradictions.length ? new Units(this.filing, reread, contradictions) : undefined;
  }
}

/** The unit a figure is read in: its table's as read, or the sentence's. */
function readIn(figure: Figure, reread: ReadonlyMap<Table, MoneyUnit>): MoneyUnit {
  const table = tableOf(figure);
  return (table && reread.get(table)) || figure.unit;
}

interface Votes {
  table: Table;
  /** Pairs in which the table's figure agrees with the other as read now. */
  agreeing: number;
  /** For each other unit, the pairs that agree when the table is read in it, and the first of them. */
  other: Map<MoneyUnit, { count: number; evidence: Contradiction['evidence'] }>;
}

/**
 * The table most plainly in another unit than it is read in: none of its
 * figures that are compared (and are not zero) agrees with the other as
 * read, and some agree when it is read in one other unit. Where two tables
 * contradict only each other (326.72 in a table of 元 beside 326.72 万元)
 * the one in a unit other than the filing's is taken, then the one whose
 * figures would be in 元 or 万元, the units tables are printed in.
 */
function contradiction(filing: Filing, pairs: [Figure, Figure][], reread: ReadonlyMap<Table, MoneyUnit>): Contradiction | undefined {
  const unitOf = (f: Figure) => readIn(f, reread);
  const money = (f: Figure, unit = unitOf(f)): Money => ({ value: f.value, unit });
  const votes = new Map<Table, Votes>();
  const entry = (table: Table) => {
    let v = votes.get(table);
    if (!v) votes.set(table, (v = { table, agreeing: 0, other: new Map() }));
    return v;
  };
  for (const [a, b] of pairs) {
    if (isZero(money(a)) || isZero(money(b))) continue;
    const agreeing = agree([money(a)], [money(b)]) || near(money(a), money(b));
    for (const [mine, theirs] of [[a, b], [b, a]] as const) {
      const table = tableOf(mine);
      if (!table) continue;
      const v = entry(table);
      if (agreeing) {
        v.agreeing++;
        continue;
      }
      for (const unit of moneyUnits) {
        if (unit === unitOf(mine) || !near(money(mine, unit), money(theirs))) continue;
        const other = v.other.get(unit);
        if (other) other.count++;
        else v.other.set(unit, { count: 1, evidence: { mine, theirs, theirUnit: unitOf(theirs) } });
      }
    }
  }
  const suspects = [...votes.values()].flatMap((v) => {
    const [only, ...more] = v.other;
    if (v.agreeing > 0 || !only || more.length > 0) return [];
    const [shown, { count, evidence }] = only;
    return [{ table: v.table, declared: evidence.mine.unit, shown, count, evidence }];
  });
  const order = filing.tables;
  suspects.sort(
    (x, y) =>
      y.count - x.count ||
      Number(x.declared === filing.unit) - Number(y.declared === filing.unit) ||
      Number(!PRINTED.includes(x.shown)) - Number(!PRINTED.includes(y.shown)) ||
      order.indexOf(x.table) - order.indexOf(y.table),
  );
  const best = suspects[0];
  return best && { table: best.table, declared: best.declared, shown: best.shown, evidence: best.evidence };
}

/** The units the tables of a 部门预算/决算 are printed in. */
const PRINTED: readonly MoneyUnit[] = ['元', '万元'];
