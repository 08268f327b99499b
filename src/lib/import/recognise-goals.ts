import type { Goal } from '../records/schema/section.ts';
import type { TextBlock } from './blocks.ts';
import type { DocumentWalk } from './document-walk.ts';
import { GOAL_INDICATOR, GOAL_TARGET, NUMBERED_GOAL, PART_HEADING, SECTION_HEADING } from './line-patterns.ts';

/** A 分项绩效目标: its target line and the 绩效指标 lines under it. */
export function performanceGoal(walk: DocumentWalk, block: TextBlock, text: string): void {
  const section = walk.section();
  const numbered = NUMBERED_GOAL.exec(text);
  let goal: Goal;
  if (numbered) {
    goal = { title: numbered[1]!, target: numbered[2]!.trim(), indicators: [] };
    walk.i++;
  } else {
    const target = GOAL_TARGET.exec(walk.nextText(walk.i + 1)!)![1]!.trim();
    goal = { title: text, target, indicators: [] };
    walk.i += 2;
  }
  while (walk.i < walk.blocks.length) {
    const t = walk.nextText(walk.i);
    if (t === null) break;
    if (t === '') {
      walk.i++;
      continue;
    }
    const indicator = GOAL_INDICATOR.exec(t);
    if (indicator) goal.indicators.push(indicator[1]!.trim());
    else if (goal.indicators.length > 0 && !NUMBERED_GOAL.test(t) && !GOAL_TARGET.test(walk.nextText(walk.i + 1) ?? '') && !SECTION_HEADING.test(t) && !PART_HEADING.test(t) && !/^（[一二三四五六七八九十]+）/.test(t) && !/^[一二三四五六七八九十]+、/.test(t)) {
      goal.indicators[goal.indicators.length - 1] += t;
      walk.report.warn(walk.blocks[walk.i]!.line, 'a line that continues the indicator above (a page break in the source) was joined to it');
    } else break;
    walk.i++;
  }
  const last = section.blocks[section.blocks.length - 1];
  if (last && 'goals' in last) last.goals.push(goal);
  else section.blocks.push({ goals: [goal] });
  section.prose.push(text, goal.target ?? '', ...goal.indicators);
  walk.report.add(block.line, 'goal', `${goal.title}: ${goal.indicators.length} indicator line(s)`);
}
