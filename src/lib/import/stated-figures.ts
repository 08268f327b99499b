import type { ComparisonKey, ComparisonWord, StatedFigureKey } from '../records/schema/stated-figures.ts';

export interface StatedFigureDraft {
  value: string;
  section: string;
  quote: string;
  subject?: string;
  compared?: { value: string; relation: ComparisonWord };
}

const N = String.raw`(\d+(?:\.\d+)?)`;
const re = (source: string) => new RegExp(source.replace(/N/g, N));
/** After a 三公 item: the figure spent (因公出国（境）费支出决算为 0.00 万元), or the figure alone (预算: 因公出国（境）费 0.00 万元). */
const SPENT = String.raw`(?:支出)?(?:决算(?:数)?)?\s*(?:为)?\s*N\s*万元`;
/** After a 三公 item in a 决算: its 年初预算. */
const BUDGET = String.raw`(?:支出)?年初预算(?:数)?\s*(?:为)?\s*N\s*万元`;
const ABROAD = '因公出国[（(]境[）)]费';
const VEHICLES = '公务用车购置及运(?:行)?(?:维(?:护)?)?费';
const PURCHASE = '公务用车购置费';
const OPERATION = '公务用车运(?:行)?(?:维(?:护)?)?费';
const RECEPTION = '公务接待费';
const THREE_PUBLIC = '“?三公”?经费(?:财政拨款)?';

/**
 * Where each figure is quoted in the 情况说明 prose. Each pattern captures the
 * figure right after its label, so "项目支出增加 2233.28 万元" (a change, not
 * the figure) does not match 项目支出. A key may have one wording for a 预算
 * and another for a 决算; the first match in the document wins.
 */
const PATTERNS: [StatedFigureKey, RegExp[]][] = [
  ['income.total', [re(String.raw`(?<!一般公共|政府性基金|国有资本经营)预算收入(?:总计|合计)?\s*(?:为)?\s*N\s*万元`), re(String.raw`(?<!财政拨款)收入支出(?:决算)?总计\s*(?:为)?\s*N\s*万元`)]],
  ['income.year', [re(String.raw`本年收入合计\s*(?:为)?\s*N\s*万元`)]],
  ['income.generalBudget', [re(String.raw`一般公共预算(?:拨款)?收入\s*N\s*万元`)]],
  ['income.governmentFund', [re(String.raw`(?:政府性)?基金预算(?:拨款)?收入\s*N\s*万元`)]],
  ['income.stateCapital', [re(String.raw`国有资本经营预算(?:拨款)?收入\s*N\s*万元`)]],
  ['income.specialAccount', [re(String.raw`财政专户(?:管理资金|核拨)?收入\s*N\s*万元`)]],
  ['income.unitFunds', [re(String.raw`单位资金(?:收入)?\s*N\s*万元`)]],
  ['income.carriedOver', [re(String.raw`上年结转(?:结余)?(?:收入)?\s*N\s*万元`)]],
  ['income.fiscal', [re(String.raw`(?<!预算)财政拨款收入\s*(?:为)?\s*N\s*万元`)]],
  ['income.superior', [re(String.raw`上级补助收入\s*(?:为)?\s*N\s*万元`)]],
  ['income.operations', [re(String.raw`事业收入\s*(?:为)?\s*N\s*万元`)]],
  ['income.business', [re(String.raw`(?<!资本)经营收入\s*(?:为)?\s*N\s*万元`)]],
  ['income.affiliated', [re(String.raw`附属单位上缴收入\s*(?:为)?\s*N\s*万元`)]],
  ['income.other', [re(String.raw`其他收入\s*(?:为)?\s*N\s*万元`)]],
  ['expenditure.total', [re(String.raw`支出预算(?:总计|合计)?\s*(?:为)?\s*N\s*万元`), re(String.raw`本年支出合计\s*(?:为)?\s*N\s*万元`)]],
  ['expenditure.basic', [re(String.raw`基本支出\s*N\s*万元`)]],
  ['expenditure.personnel', [re(String.raw`人员(?:类项目)?经费\s*N\s*万元`)]],
  ['expenditure.publicFunds', [re(String.raw`(?:日常|运转类)?公用(?:项目)?经费\s*N\s*万元`)]],
  ['expenditure.project', [re(String.raw`项目支出\s*N\s*万元`)]],
  ['expenditure.generalBudget', [re(String.raw`一般公共预算财政拨款支出(?:决算)?\s*(?:为)?\s*N\s*万元`)]],
  ['fiscal.total', [re(String.raw`财政拨款收入支出(?:决算)?总计\s*(?:为)?\s*N\s*万元`)]],
  ['operatingCosts', [re(String.raw`(?:机关)?运行经费(?:支出)?(?:共计|合计)?(?:安排)?\s*(?:为)?\s*N\s*万元`)]],
  [
    'threePublic.total',
    [
      re(String.raw`“?三公”?经费(?:预算)?(?:安排|共计|合计)\s*(?:为)?\s*N\s*万元`),
      re(String.raw`${THREE_PUBLIC}支出(?:年初预算(?:数)?为\s*\d+(?:\.\d+)?\s*万元[，,]\s*)?(?:支出)?决算(?:数)?为\s*N\s*万元`),
    ],
  ],
  ['threePublic.abroad', [re(ABROAD + SPENT)]],
  ['threePublic.vehicles', [re(VEHICLES + SPENT)]],
  ['threePublic.vehiclePurchase', [re(PURCHASE + SPENT)]],
  ['threePublic.vehicleOperation', [re(OPERATION + SPENT)]],
  ['threePublic.reception', [re(RECEPTION + SPENT)]],
  ['threePublic.budget.total', [re(THREE_PUBLIC + BUDGET)]],
  ['threePublic.budget.abroad', [re(ABROAD + BUDGET)]],
  ['threePublic.budget.vehicles', [re(VEHICLES + BUDGET)]],
  ['threePublic.budget.vehiclePurchase', [re(PURCHASE + BUDGET)]],
  ['threePublic.budget.vehicleOperation', [re(OPERATION + BUDGET)]],
  ['threePublic.budget.reception', [re(RECEPTION + BUDGET)]],
  ['assets.total', [re(String.raw`固定资产(?:金额|总额|原值)?\s*(?:为|共计)\s*N\s*万元`)]],
];

type Section = { id: string; prose: string };
export type StatedFigureDrafts = Partial<Record<StatedFigureKey, StatedFigureDraft>> & Record<ComparisonKey, StatedFigureDraft>;

/** Sections whose prose is searched for figures: by section id, in document order. */
export function extractStatedFigures(sections: readonly Section[]): StatedFigureDrafts {
  const figures: StatedFigureDrafts = {};
  for (const [key, patterns] of PATTERNS) {
    for (const section of sections) {
      const m = patterns.map((p) => p.exec(section.prose)).reduce((a, b) => (b && (!a || b.index < a.index) ? b : a), null);
      if (!m) continue;
      figures[key] = { value: m[1]!, section: section.id, quote: sentenceAround(section.prose, m.index, m.index + m[0].length) };
      break;
    }
  }
  let n = 0;
  for (const section of sections) for (const comparison of comparisons(section)) figures[`comparison.${++n}`] = comparison;
  return figures;
}

/** 年初预算为 1560.05 万元，支出决算为 1511.89 万元: the budget, then what was spent. */
const BUDGET_AND_SPENT = /年初预算(?:数)?为\s*(\d+(?:\.\d+)?)\s*万元[，,]\s*(?:支出)?决算(?:数)?为\s*(\d+(?:\.\d+)?)\s*万元/g;
/** 决算数小于预算数, 决算数与预算数基本持平: the word that says how the two compare, 决算 first. */
const RELATION = /决算数(?:与(?:年初)?预算数?)?(基本持平|基本一致|持平|一致|相等|等于|大于|小于|高于|低于|超过)(?:(?:年初)?预算数?)?/;
/** How far after the figures the comparison word is looked for (past the 完成预算的 …% and its 其中 list). */
const RELATION_REACH = 240;
/**
 * 一般公共服务支出（类）财政事务（款）行政运行（项）: the 科目 an item of 支出决算具体情况 is about.
 * A 款 or 项 name is at most 40 characters (the longest in the 科目 list are
 * about 20): looked for further, each path rescanned the text up to the next clause mark.
 */
const SUBJECT_PATH = '[^。；;，,：:、\\d\\s]+（类）(?:[^。；;，,：:、]{1,40}?（款）)?(?:[^。；;，,：:、]{1,40}?（项）)?';
const PATH_AT = new RegExp(SUBJECT_PATH, 'y');
const PATH_AT_RUN_START = new RegExp(`(?<![^。；;，,：:、\\d\\s])${SUBJECT_PATH}`, 'g');

/**
 * The last 科目 path in `text`, the one a search from the start finds last.
 * A path can start only where a run of its characters starts or where the
 * path before it ended, and is tried only there: tried from every character
 * of a long run without a （类）, it scanned the rest of the run each time (quadratic).
 */
function lastSubjectPath(text: string): RegExpExecArray | undefined {
  let last: RegExpExecArray | undefined;
  for (let from = 0; ; from = last.index + last[0].length) {
    PATH_AT.lastIndex = from;
    PATH_AT_RUN_START.lastIndex = from;
    const path = (last ? PATH_AT.exec(text) : null) ?? PATH_AT_RUN_START.exec(text);
    if (!path) return last;
    last = path;
  }
}

/**
 * Sentences of a 决算 that give a 年初预算 and what was spent and say how the
 * two compare (决算数小于预算数); a pair of figures the text does not compare
 * is left out, as there is no statement to check. The quote runs from what
 * the figures are of (the 科目, or the words just before 年初预算) to the
 * comparison word, so the loader verifies every part of it against the text.
 */
function comparisons(section: Section): StatedFigureDraft[] {
  const text = section.prose;
  const pairs = [...text.matchAll(BUDGET_AND_SPENT)];
  const out: StatedFigureDraft[] = [];
  pairs.forEach((pair, i) => {
    const end = pair.index + pair[0].length;
    const reach = Math.min(pairs[i + 1]?.index ?? text.length, end + RELATION_REACH);
    const relation = RELATION.exec(text.slice(end, reach));
    if (!relation) return;
    const from = i === 0 ? 0 : pairs[i - 1]!.index + pairs[i - 1]![0].length;
    const subject = subjectBefore(text, from, pair.index);
    const start = subject?.start ?? pair.index;
    out.push({
      value: pair[2]!,
      section: section.id,
      quote: text.slice(start, end + relation.index + relation[0].length).trim(),
      ...(subject ? { subject: subject.text } : {}),
      compared: { value: pair[1]!, relation: relation[1] as ComparisonWord },
    });
  });
  return out;
}

/** Item numbering at the start of a clause: （一） 一、 1、 */
const NUMBERING = /^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[、.．])?\s*/;

/** The words just before 年初预算 in its clause, or else the last 科目 path between `from` and `at`. */
function subjectBefore(text: string, from: number, at: number): { text: string; start: number } | undefined {
  const before = text.slice(from, at);
  // The last clause: split, not a pattern anchored at the end, which rescans a long clause from each of its characters.
  const clause = before.split(/[。；;！？：:\n]/).pop()!;
  const numbering = NUMBERING.exec(clause)![0].length;
  const words = clause.slice(numbering).trimEnd();
  if (words !== '' && !words.startsWith('其中')) return { text: words, start: at - clause.length + numbering };
  const path = lastSubjectPath(before);
  return path ? { text: path[0], start: from + path.index } : undefined;
}

/** The clause the match stands in, between the sentence marks around it. */
function sentenceAround(text: string, start: number, end: number): string {
  const marks = /[。；;！？\n]/g;
  let from = 0;
  let to = text.length;
  for (const m of text.matchAll(marks)) {
    if (m.index < start) from = m.index + 1;
    else if (m.index >= end) {
      to = m.index + (m[0] === '\n' ? 0 : 1);
      break;
    }
  }
  return text.slice(from, to).trim();
}
