import type { Filing } from '../records/load-filing.ts';
import { ACKNOWLEDGMENTS_FILE, type Acknowledgment } from '../records/schema/filing.ts';
import { parseAmount } from '../records/schema/amount.ts';
import { equal } from '../records/decimal.ts';
import type { Finding } from './finding.ts';
import { FindingList, type RuleInfo } from './rule.ts';
import { rulesFor } from './rules/index.ts';

/** Reported for an acknowledgment that matches no finding: it would silently excuse a later error at that cell. */
export const staleAcknowledgment: RuleInfo = {
  id: 'stale-acknowledgment',
  severity: 'error',
  description: 'acknowledgments.yaml 中的说明找不到数值相同的核对结果（数据已更正、位置已变或差额已变），应删除或更新',
};

/** Whether two values of a finding are the same: amounts by value (124.3 is 124.30), anything else as written. */
function sameValue(a: string | undefined, b: string | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  const [x, y] = [parseAmount(a, { decimals: Infinity }), parseAmount(b, { decimals: Infinity })];
  return x.ok && y.ok && x.value !== null && y.value !== null && equal(x.value, y.value);
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
  const out = new FindingList(filing);
  for (const rule of rulesFor(filing.kind)) rule.check(filing, out);
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
