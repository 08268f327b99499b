import type { StatedFigureKey } from '../records/schema/stated-figures.ts';

export interface StatedFigureDraft {
  value: string;
  section: string;
  quote: string;
}

/**
 * Where each figure is quoted in the 情况说明 prose. Each pattern captures the
 * figure right after its label, so "项目支出增加 2233.28 万元" (a change, not
 * the figure) does not match 项目支出. The first match in the document wins.
 */
const PATTERNS: [StatedFigureKey, RegExp][] = [
  ['income.total', /预算收入(?:总计|合计)?\s*(?:为)?\s*(\d+(?:\.\d+)?)\s*万元/],
  ['income.generalBudget', /一般公共预算(?:拨款)?收入\s*(\d+(?:\.\d+)?)\s*万元/],
  ['income.governmentFund', /(?:政府性)?基金预算(?:拨款)?收入\s*(\d+(?:\.\d+)?)\s*万元/],
  ['income.stateCapital', /国有资本经营预算(?:拨款)?收入\s*(\d+(?:\.\d+)?)\s*万元/],
  ['income.specialAccount', /财政专户(?:管理资金|核拨)?收入\s*(\d+(?:\.\d+)?)\s*万元/],
  ['income.unitFunds', /单位资金(?:收入)?\s*(\d+(?:\.\d+)?)\s*万元/],
  ['income.carriedOver', /上年结转(?:结余)?(?:收入)?\s*(\d+(?:\.\d+)?)\s*万元/],
  ['expenditure.total', /支出预算(?:总计|合计)?\s*(?:为)?\s*(\d+(?:\.\d+)?)\s*万元/],
  ['expenditure.basic', /基本支出\s*(\d+(?:\.\d+)?)\s*万元/],
  ['expenditure.personnel', /人员(?:类项目)?经费\s*(\d+(?:\.\d+)?)\s*万元/],
  ['expenditure.publicFunds', /(?:日常|运转类)?公用(?:项目)?经费\s*(\d+(?:\.\d+)?)\s*万元/],
  ['expenditure.project', /项目支出\s*(\d+(?:\.\d+)?)\s*万元/],
  ['operatingCosts', /(?:机关)?运行经费(?:共计|合计)?(?:安排)?\s*(?:为)?\s*(\d+(?:\.\d+)?)\s*万元/],
  ['threePublic.total', /“?三公”?经费(?:预算)?(?:安排|共计|合计)\s*(?:为)?\s*(\d+(?:\.\d+)?)\s*万元/],
  ['threePublic.abroad', /因公出国[（(]境[）)]费\s*(?:为)?\s*(\d+(?:\.\d+)?)\s*万元/],
  ['threePublic.vehicles', /公务用车购置及运(?:行)?维(?:护)?费\s*(?:为)?\s*(\d+(?:\.\d+)?)\s*万元/],
  ['threePublic.vehiclePurchase', /公务用车购置费\s*(?:为)?\s*(\d+(?:\.\d+)?)\s*万元/],
  ['threePublic.vehicleOperation', /公务用车运(?:行)?维(?:护)?费\s*(?:为)?\s*(\d+(?:\.\d+)?)\s*万元/],
  ['threePublic.reception', /公务接待费\s*(?:为)?\s*(\d+(?:\.\d+)?)\s*万元/],
  ['assets.total', /固定资产(?:金额|总额|原值)?\s*(?:为|共计)\s*(\d+(?:\.\d+)?)\s*万元/],
];

/** Sections whose prose is searched for figures: by section id, in document order. */
export function extractStatedFigures(sections: readonly { id: string; prose: string }[]): Partial<Record<StatedFigureKey, StatedFigureDraft>> {
  const figures: Partial<Record<StatedFigureKey, StatedFigureDraft>> = {};
  for (const [key, pattern] of PATTERNS) {
    for (const section of sections) {
      const m = pattern.exec(section.prose);
      if (!m) continue;
      figures[key] = { value: m[1]!, section: section.id, quote: sentenceAround(section.prose, m.index, m.index + m[0].length) };
      break;
    }
  }
  return figures;
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
