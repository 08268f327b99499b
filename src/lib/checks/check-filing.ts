import type { Filing } from '../records/load-filing.ts';
import { ACKNOWLEDGMENTS_FILE } from '../records/schema/filing.ts';
import type { Finding } from './finding.ts';
import { FindingList, type RuleInfo } from './rule.ts';
import { rules } from './rules/index.ts';

/** Reported for an acknowledgment that matches no finding: it would silently excuse a later error at that cell. */
export const staleAcknowledgment: RuleInfo = {
  id: 'stale-acknowledgment',
  severity: 'error',
  description: 'acknowledgments.yaml 中的说明找不到对应的核对结果（数据已更正或位置已变），应删除或更新',
};

/**
 * Run every rule on one filing and apply its acknowledgments: an
 * acknowledged finding is published as a warning carrying the reviewer's
 * note; an acknowledgment that matches nothing is itself an error.
 */
export function checkFiling(filing: Filing): Finding[] {
  const out = new FindingList(filing);
  for (const rule of rules) rule.check(filing, out);
  const used = new Set<number>();
  const findings = out.items.map((finding) => {
    const index = filing.acknowledgments.findIndex((a) => a.rule === finding.rule && a.at === finding.at);
    if (index < 0) return finding;
    used.add(index);
    return { ...finding, severity: 'warning' as const, acknowledged: { note: filing.acknowledgments[index]!.note } };
  });
  filing.acknowledgments.forEach((ack, index) => {
    if (used.has(index)) return;
    out.filingLevel(
      staleAcknowledgment,
      ack.at,
      { message: `确认说明（${ack.rule} @ ${ack.at}）没有对应的核对结果；数据已更正时请删除该条` },
      ACKNOWLEDGMENTS_FILE,
    );
    findings.push(out.items[out.items.length - 1]!);
  });
  return findings;
}
