import { Decimal } from '../../src/lib/records/decimal.ts';
import type { Random } from './random.ts';
import { ECONOMIC_CLASSES, FUNCTION_CLASSES, STAFF_SECTIONS, type FunctionItem } from './vocabulary.ts';
import { amount, split } from './amounts.ts';
import type { SynthIdentity } from './generate-filing.ts';

export interface ItemLine {
  classCode: string;
  className: string;
  sectionCode: string;
  sectionName: string;
  item: FunctionItem;
  basic: Decimal;
  project: Decimal;
  carried: Decimal;
}

/** The money of one synthetic filing, drawn once: every table and every stated figure is derived from it, so they agree. */
export interface Budget {
  /** The function-classification items (项) with money, each split into basic, project and carried-over money. */
  lines: ItemLine[];
  basicTotal: Decimal;
  /** 公用经费 (302). */
  publicShare: Decimal;
  /** 人员经费 (301, 303). */
  personnelTotal: Decimal;
  /** The economic-classification rows of basic expenditure (类 and 款). */
  economicRows: { code: string; name: string; personnel: Decimal; public: Decimal }[];
  /** 公务用车运行维护费 and 公务接待费: also the 三公 figures. */
  vehicle: Decimal;
  reception: Decimal;
  threeTotal: Decimal;
  projectTotal: Decimal;
  grandTotal: Decimal;
  carriedTotal: Decimal;
  /** This year's income: the total less what was carried over. */
  thisYear: Decimal;
}

/** Draw the budget of `who`'s filing. */
export function drawBudget(random: Random, who: SynthIdentity): Budget {
  const { department: dept } = who;
  // Function classification items with money: the department's own branches plus staff branches.
  const own = dept.sections.flatMap((sectionCode) => {
    const cls = FUNCTION_CLASSES[sectionCode.slice(0, 3)]!;
    const section = cls.sections.find((s) => s.code === sectionCode)!;
    const items = random.sample(section.items, random.int(1, section.items.length));
    return items.map((it) => ({ cls, section, item: it }));
  });
  const staff = STAFF_SECTIONS.flatMap(({ class: cls, section }) => random.sample(section.items, random.int(1, section.items.length)).map((it) => ({ cls, section, item: it })));
  const chosen = [...own, ...staff];
  if (!chosen.some((c) => c.item.basic)) chosen[0] = { ...chosen[0]!, item: { ...chosen[0]!.item, basic: true } };

  // Basic expenditure by economic classification: 人员经费 (301, 303) and 公用经费 (302).
  const basicTotal = amount(random, 300, 3000);
  const publicShare = basicTotal.times(random.int(5, 15)).dividedToIntegerBy(100);
  const welfareShare = basicTotal.times(random.int(2, 8)).dividedToIntegerBy(100);
  const economicTotals: Record<string, Decimal> = { '301': basicTotal.minus(publicShare).minus(welfareShare), '302': publicShare, '303': welfareShare };
  const economic = ECONOMIC_CLASSES.map((cls) => {
    const picked = cls.code === '302' ? random.sample(cls.sections.filter(([c]) => c !== '30231' && c !== '30217'), random.int(6, 12)) : random.sample(cls.sections, random.int(2, cls.sections.length));
    return { cls, picked };
  });
  // Vehicle running costs and reception: they are also the 三公 figures.
  const vehicle = random.chance(0.8) ? amount(random, 1, 12) : new Decimal(0);
  const reception = random.chance(0.5) ? amount(random, 0.2, 3) : new Decimal(0);
  const publicRest = publicShare.minus(vehicle).minus(reception);
  const economicRows: { code: string; name: string; personnel: Decimal; public: Decimal }[] = [];
  for (const { cls, picked } of economic) {
    const total = economicTotals[cls.code]!;
    const specials: [string, string, Decimal][] = [];
    if (cls.code === '302') {
      if (!vehicle.isZero()) specials.push(['30231', '公务用车运行维护费', vehicle]);
      if (!reception.isZero()) specials.push(['30217', '公务接待费', reception]);
    }
    const shares = split(random, cls.code === '302' ? publicRest : total, picked.length);
    const sections = [...picked.map(([code, name], i) => [code, name, shares[i]!] as [string, string, Decimal]), ...specials].sort((a, b) => a[0].localeCompare(b[0]));
    const at = (d: Decimal) => (cls.personnel ? { personnel: d, public: new Decimal(0) } : { personnel: new Decimal(0), public: d });
    economicRows.push({ code: cls.code, name: cls.name, ...at(total) });
    for (const [code, name, value] of sections) economicRows.push({ code, name, ...at(value) });
  }
  const personnelTotal = economicTotals['301']!.plus(economicTotals['303']!);

  // Spread basic over the basic items, project money over the others.
  const basicItems = chosen.filter((c) => c.item.basic);
  const basicShares = split(random, basicTotal, basicItems.length);
  const lines: ItemLine[] = chosen.map((c) => {
    const basicIndex = basicItems.indexOf(c);
    const basic = basicIndex >= 0 ? basicShares[basicIndex]! : new Decimal(0);
    const project = basicIndex >= 0 && random.chance(0.7) ? new Decimal(0) : amount(random, 3, 4000);
    const carried = !project.isZero() && random.chance(0.2) ? project.times(random.int(5, 60)).dividedToIntegerBy(100) : new Decimal(0);
    return { classCode: c.cls.code, className: c.cls.name, sectionCode: c.section.code, sectionName: c.section.name, item: c.item, basic, project, carried };
  });
  const projectTotal = lines.reduce((a, l) => a.plus(l.project), new Decimal(0));
  const grandTotal = basicTotal.plus(projectTotal);
  const carriedTotal = lines.reduce((a, l) => a.plus(l.carried), new Decimal(0));
  const thisYear = grandTotal.minus(carriedTotal);
  const threeTotal = vehicle.plus(reception);
  return { lines, basicTotal, publicShare, personnelTotal, economicRows, vehicle, reception, threeTotal, projectTotal, grandTotal, carriedTotal, thisYear };
}

/** The function-classification rows (合计, 类, 款, 项) with the given amount columns summed at each level. */
export function functionRows(lines: ItemLine[], columns: ((l: ItemLine) => Decimal)[]): { code: string | null; name: string; values: Decimal[] }[] {
  const total = (subset: ItemLine[]) => columns.map((col) => subset.reduce((acc, l) => acc.plus(col(l)), new Decimal(0)));
  const rows: { code: string | null; name: string; values: Decimal[] }[] = [{ code: null, name: '合计', values: total(lines) }];
  const classes = [...new Set(lines.map((l) => l.classCode))].sort();
  for (const classCode of classes) {
    const inClass = lines.filter((l) => l.classCode === classCode);
    rows.push({ code: classCode, name: inClass[0]!.className, values: total(inClass) });
    const sections = [...new Set(inClass.map((l) => l.sectionCode))].sort();
    for (const sectionCode of sections) {
      const inSection = inClass.filter((l) => l.sectionCode === sectionCode);
      rows.push({ code: sectionCode, name: inSection[0]!.sectionName, values: total(inSection) });
      for (const l of [...inSection].sort((a, b) => a.item.code.localeCompare(b.item.code))) {
        rows.push({ code: l.item.code, name: l.item.name, values: total([l]) });
      }
    }
  }
  return rows;
}
