import { Decimal } from '../records/decimal.ts';
import type { Filing } from '../records/load-filing.ts';
import { codeLevel } from '../records/schema/classification-codes.ts';
import type { StatedFigure, StatedFigureKey } from '../records/schema/stated-figures.ts';
import type { Table } from '../records/schema/table.ts';
import type { Figure } from '../checks/figures.ts';
import { isTotalColumn, summaryFigure } from '../checks/figures.ts';
import { tableFigure } from '../checks/stated-figure-sources.ts';
import { classified, findAmountColumn, standardTable } from '../checks/table-view.ts';
import { cellAnchor, sectionAnchor } from './filing-view.ts';
import { statedChanges, type StatedChange } from './headline-text.ts';

/**
 * The headline of a filing page: the figures a citizen comes for, read from
 * the record's tables (or, where no table has one, from the 情况说明, saying
 * so), each pointing at the cell it comes from. Every sum and share is
 * exact (decimal.js); nothing here is rounded but the shares.
 */

/** Where a headline figure comes from: a cell of a table (0-based row and column), or a sentence of the 情况说明. */
export type FigureSource = { kind: 'cell'; table: string; row: number; column: number } | { kind: 'stated'; section: string; quote: string };

export interface HeadlineFigure {
  /** What the figure is, as the tables name it: 收入总计, 本年支出合计. */
  label: string;
  /** Exact decimal as the record holds it; a blank cell counts as 0. */
  value: string;
  /** The unit it is printed in (万元, or a table's own). */
  unit: string;
  source: FigureSource;
  /** Percent of the whole it is part of, two decimals: 基本支出 of 本年支出合计. */
  share?: string;
}

/** A 类 of the expenditure table (社会保障和就业支出), with its figure and share. */
export interface SpendingClass extends HeadlineFigure {
  code: string;
}

/** The figures that are compared with the department's previous filing of the same kind. */
export const COMPARABLE = ['income', 'expenditure', 'basic', 'project', 'threePublic', 'operatingCosts'] as const;
export type Comparable = (typeof COMPARABLE)[number];

export interface Headline {
  kind: Filing['kind'];
  year: number;
  /** 收入总计 and 支出总计 (预算); 本年收入合计, 本年支出合计 and 收入支出总计 (决算). */
  totals: HeadlineFigure[];
  /** 基本支出 and 项目支出, with their shares of the expenditure. */
  split: HeadlineFigure[];
  /** 三公经费: the 预算数, and for a 决算 also the 决算数. */
  threePublic: HeadlineFigure[];
  operatingCosts: HeadlineFigure | undefined;
  /** The largest 类 of the expenditure table, largest first. */
  largestClasses: SpendingClass[];
  /** Sentences of the 情况说明 that compare with the year before, as published. */
  statedChanges: StatedChange[];
  /** The figures of this headline that the next year's filing is compared with, by what they are. */
  comparable: Partial<Record<Comparable, HeadlineFigure>>;
}

/** How many 类 the headline names. */
export const LARGEST_CLASSES = 3;

/** What the checks call a stated figure's place in the tables; `stated` only matters for comparison keys, which are not asked here. */
const NO_STATEMENT: StatedFigure = { value: '0', section: '', quote: '-' };
const ignore = () => {};

function fromFigure(figure: Figure | undefined, label: string): HeadlineFigure | undefined {
  if (!figure?.ref) return undefined;
  const { table, row, column } = figure.ref;
  return { label, value: figure.value ?? '0', unit: table.unit, source: { kind: 'cell', table: table.id, row, column } };
}

function fromStatement(filing: Filing, key: StatedFigureKey, label: string): HeadlineFigure | undefined {
  const stated = filing.statedFigures[key];
  if (!stated) return undefined;
  return { label, value: stated.value, unit: filing.unit, source: { kind: 'stated', section: stated.section, quote: stated.quote } };
}

/** A figure from its table cell, else as the 情况说明 states it. */
function figure(filing: Filing, key: StatedFigureKey, label: string): HeadlineFigure | undefined {
  return fromFigure(tableFigure(filing, key, filing.statedFigures[key] ?? NO_STATEMENT, ignore), label) ?? fromStatement(filing, key, label);
}

/** Percent `part` is of `whole`, two decimals; nothing when the whole is zero. */
export function percent(part: string, whole: string): string | undefined {
  const total = new Decimal(whole);
  if (total.isZero()) return undefined;
  return new Decimal(part).dividedBy(total).times(100).toFixed(2);
}

function withShare(part: HeadlineFigure | undefined, whole: HeadlineFigure | undefined): HeadlineFigure | undefined {
  if (!part) return undefined;
  const share = whole && whole.unit === part.unit ? percent(part.value, whole.value) : undefined;
  return share === undefined ? part : { ...part, share };
}

/**
 * 机关运行经费: the tables have it as the 基本支出表's 公用经费, which is what
 * the 情况说明 states for a 行政单位; where the two differ, or no table has
 * it, the statement is the figure, and the page says so.
 */
function operatingCosts(filing: Filing): HeadlineFigure | undefined {
  const stated = fromStatement(filing, 'operatingCosts', '机关运行经费');
  const table = fromFigure(tableFigure(filing, 'operatingCosts', NO_STATEMENT, ignore), stated ? '机关运行经费' : '公用经费');
  if (!stated) return table;
  return table && table.unit === stated.unit && new Decimal(table.value).equals(stated.value) ? table : stated;
}

/** The 支出总表 (or, without it, the 一般公共预算财政拨款支出表) read as 类 rows and their total. */
function largestClasses(filing: Filing, whole: HeadlineFigure | undefined): SpendingClass[] {
  const table: Table | undefined = standardTable(filing, 'expenditure-summary') ?? standardTable(filing, 'general-budget-expenditure');
  const view = table && classified(table);
  const column = table && (findAmountColumn(table, isTotalColumn) ?? table.columns.findIndex((c) => c.type === 'amount'));
  if (!table || !view || column === undefined || column < 0 || view.nameColumn === undefined) return [];
  const total = view.totalRow === undefined ? whole?.value : (table.rows[view.totalRow]![column] ?? '0');
  const classes = [...view.rowsByCode]
    .filter(([code, row]) => codeLevel(code) === 0 && table.rows[row]![column] !== null)
    .map(([code, row]): SpendingClass => {
      const value = table.rows[row]![column]!;
      const share = total === undefined ? undefined : percent(value, total);
      const name = table.rows[row]![view.nameColumn!] ?? code;
      return { code, label: name, value, unit: table.unit, source: { kind: 'cell', table: table.id, row, column }, ...(share === undefined ? {} : { share }) };
    });
  return classes.sort((a, b) => new Decimal(b.value).comparedTo(a.value) || a.code.localeCompare(b.code)).slice(0, LARGEST_CLASSES);
}

const present = <T>(items: (T | undefined)[]): T[] => items.filter((i): i is T => i !== undefined);

export function headline(filing: Filing): Headline {
  const final = filing.kind === '决算';
  const summary = standardTable(filing, 'income-expenditure-summary');
  const income = final ? figure(filing, 'income.year', '本年收入合计') : figure(filing, 'income.total', '收入总计');
  const expenditure = final
    ? figure(filing, 'expenditure.total', '本年支出合计')
    : (fromFigure(summaryFigure(summary, '支出', 'grand'), '支出总计') ?? figure(filing, 'expenditure.total', '支出合计'));
  const grand = final ? figure(filing, 'income.total', '收入支出总计') : undefined;
  // Shares of 基本支出 and 项目支出 are of the expenditure they split: the 支出总表's 合计, or the total above.
  const spent = fromFigure(tableFigure(filing, 'expenditure.total', NO_STATEMENT, ignore), '本年支出合计') ?? expenditure;
  const basic = withShare(figure(filing, 'expenditure.basic', '基本支出'), spent);
  const project = withShare(figure(filing, 'expenditure.project', '项目支出'), spent);
  const threePublic = final
    ? present([figure(filing, 'threePublic.budget.total', '“三公”经费年初预算'), figure(filing, 'threePublic.total', '“三公”经费决算')])
    : present([figure(filing, 'threePublic.total', '“三公”经费预算')]);
  const costs = operatingCosts(filing);
  return {
    kind: filing.kind,
    year: filing.year,
    totals: present([income, expenditure, grand]),
    split: present([basic, project]),
    threePublic,
    operatingCosts: costs,
    largestClasses: largestClasses(filing, spent),
    statedChanges: statedChanges(filing),
    comparable: Object.fromEntries(
      Object.entries({ income, expenditure, basic, project, threePublic: threePublic.at(-1), operatingCosts: costs }).filter(([, f]) => f !== undefined),
    ) as Headline['comparable'],
  };
}

const namedFigures = (h: Headline): HeadlineFigure[] => [...h.totals, ...h.split, ...h.threePublic, ...(h.operatingCosts ? [h.operatingCosts] : [])];

/** Every figure the headline shows, in its order. */
export function allFigures(h: Headline): HeadlineFigure[] {
  return [...namedFigures(h), ...h.largestClasses];
}

/** The names of the headline's figures (收入总计 … 机关运行经费), where glossary terms may be linked, in page order. */
export function headlineLabels(h: Headline): string[] {
  return namedFigures(h).map((f) => f.label);
}

/** Where a figure's link points: its cell, or the section that states it. */
export function figureHref(source: FigureSource): string {
  return `#${source.kind === 'cell' ? cellAnchor(source.table, source.row, source.column) : sectionAnchor(source.section)}`;
}

/** Ids the tables give the cells the headline links to, by table id and `row:column`. */
export function headlineAnchors(h: Headline): Map<string, Map<string, string>> {
  const anchors = new Map<string, Map<string, string>>();
  for (const { source } of allFigures(h)) {
    if (source.kind !== 'cell') continue;
    let cells = anchors.get(source.table);
    if (!cells) anchors.set(source.table, (cells = new Map()));
    cells.set(`${source.row}:${source.column}`, cellAnchor(source.table, source.row, source.column));
  }
  return anchors;
}

const TEN_THOUSAND = new Decimal(10_000);

/**
 * A large amount once more in the next unit up, for a reader who does not
 * count in 万元: 25332.93 万元 is 约 2.53 亿元. Nothing for an amount that
 * reads well as it is.
 */
export function inLargerUnit(value: string, unit: string): string | undefined {
  const amount = new Decimal(value).abs();
  if (unit === '万元' && amount.gte(TEN_THOUSAND)) return `约 ${new Decimal(value).dividedBy(TEN_THOUSAND).toFixed(2)} 亿元`;
  if (unit === '元' && amount.gte(TEN_THOUSAND.times(TEN_THOUSAND))) return `约 ${new Decimal(value).dividedBy(TEN_THOUSAND.times(TEN_THOUSAND)).toFixed(2)} 亿元`;
  if (unit === '元' && amount.gte(TEN_THOUSAND)) return `约 ${new Decimal(value).dividedBy(TEN_THOUSAND).toFixed(2)} 万元`;
  return undefined;
}
