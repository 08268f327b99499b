import type { Filing } from '../records/load-filing.ts';
import { ACKNOWLEDGMENTS_FILE, type Acknowledgment } from '../records/schema/filing.ts';
import { parseAmount } from '../records/schema/amount.ts';
import { equal } from '../records/decimal.ts';
import type { Finding } from './finding.ts';
import { FindingList, type RuleInfo } from './rule.ts';
import { rulesFor } from './rules/index.ts';
import type { Units } from './unit-reading.ts';

/** Reported for an acknowledgment that matches no finding: it would silently excuse a later error at that cell. */
export const staleAcknowledgment: RuleInfo = {
  id: 'stale-acknowledgment',
  severity: 'error',
  description: 'acknowledgments.yaml 中的说明找不到数值相同的核对结果（数据已更正、位置已变或差额已变），应删除或更新',
};

/** A value of a finding with the unit it may carry (`3267200.00 元`, where the two figures compared are in different units). */
const UNIT_AT_END = /[亿万千]?元$/;

/** `3267200.00 元` → [value, unit]; found from the end, as `^(.*?)\s*(元)$` took quadratic time on a long run of spaces. */
function withUnit(value: string): [string, string] | null {
  const unit = UNIT_AT_END.exec(value);
  return unit ? [value.slice(0, unit.index).trimEnd(), unit[0]] : null;
}

/** Whether two values of a finding are the same: amounts by value (124.3 is 124.30) and unit where both name one, anything else as written. */
function sameValue(a: string | undefined, b: string | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  const [ua, ub] = [withUnit(a), withUnit(b)];
  if (ua && ub && ua[1] !== ub[1]) return false;
  const [x, y] = [parseAmount(ua?.[0] ?? a, { decimals: Infinity }), parseAmount(ub?.[0] ?? b, { decimals: Infinity })];
  return x.ok && y.ok && x.value !== null && y.value !== null && equal(x.value, y.value);
}

/** Every rule of the filing's kind, comparing across tables and text in the units of `units`. */
function runRules(filing: Filing, units?: Units): FindingList {
  const out = new FindingList(filing, units);
  for (const rule of rulesFor(filing.kind)) rule.check(filing, out);
  return out;
}

const excuses = (ack: Acknowledgment, finding: Finding) =>
  ack.rule === finding.rule && ack.at === finding.at && sameValue(ack.expected, finding.expected) && sameValue(ack.found, finding.found);

const values = (v: { expected?: string | undefined; found?: string | undefined }) => `expected ${v.expected ?? '(none)'}, found ${v.found ?? '(none)'}`;

/**
 * Run every rule on one filing and apply its acknowledgments: an
 * acknowledged finding is published as a warning carrying the reviewer's
 * note. An acknowledgment excuses one finding with the values it names;
 * one that matches nothing (the data was corrected, or now disagrees by a
 * different amount) is itself an error.
 */
export function checkFiling(filing: Filing): Finding[] {
  let out = runRules(filing);
  // A table whose figures are in another unit than it declares is checked again in that unit (unit-reading.ts).
  const settled = out.units.settle();
  if (settled) out = runRules(filing, settled);
  const used = new Set<number>();
  const findings = out.items.map((finding) => {
    const index = filing.acknowledgments.findIndex((a) => excuses(a, finding));
    if (index < 0) return finding;
    used.add(index);
    return { ...finding, severity: 'warning' as const, acknowledged: { note: filing.acknowledgments[index]!.note } };
  });
  filing.acknowledgments.forEach((ack, index) => {
    if (used.has(index)) return;
    const there = out.items.find((f) => f.rule === ack.rule && f.at === ack.at);
    const message = there && ack.expected === undefined && ack.found === undefined
      ? `确认说明（${ack.rule} @ ${ack.at}）没有写明所确认的数值：核对原文后写上 expected: ${there.expected ?? ''} 和 found: ${there.found ?? ''}，只有这一差额才按原文保留`
      : there
      ? `确认说明（${ack.rule} @ ${ack.at}）针对的是 ${values(ack)}，现在的核对结果是 ${values(there)}，不再适用；请核实数据后删除或更新该条`
      : `确认说明（${ack.rule} @ ${ack.at}）没有对应的核对结果；数据已更正时请删除该条`;
    out.filingLevel(staleAcknowledgment, ack.at, { message }, ACKNOWLEDGMENTS_FILE);
    findings.push(out.items[out.items.length - 1]!);
  });
  return findings;
}
