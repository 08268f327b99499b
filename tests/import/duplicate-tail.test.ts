import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/lib/import/blocks.ts';
import { dropDuplicateTail } from '../../src/lib/import/duplicate-tail.ts';
import { ImportReport } from '../../src/lib/import/report.ts';

const paragraphs = [
  '按照《预算法》和《地方预决算公开操作规程》规定，现将本局二〇二〇年部门预算公开如下，请社会各界监督。',
  '负责全区就业、失业预测预警和信息引导，拟订应对预案，实施预防、调节和控制，保持就业形势稳定。',
  '贯彻国家、省机关事业单位人员工资收入分配政策，会同有关部门拟订全区机关、事业单位人员工资收入分配政策。',
  '负责全区专业技术人员管理和继续教育工作，牵头推进深化职称制度改革，综合管理人才开发工作。',
  '统筹实施劳动人事争议调解仲裁制度和劳动关系政策，完善劳动关系协调机制，监督落实消除非法使用童工政策。',
  '拟订并组织实施全区人力资源市场发展规划，建立和完善统一、规范的人力资源市场，促进人力资源合理流动。',
  '负责全区公务员和机关事业单位工作人员的综合管理，贯彻执行公务员考录、考核、培训、奖惩等政策法规。',
  '统筹建立覆盖城乡的社会保障体系，落实社会保险政策，完善基金内控制度，负责全区社会保险基金预测预警。',
];
const text = (lines: string[], from = 1): Block[] => lines.map((t, k) => ({ kind: 'text', text: t, line: from + k }));

describe('a tail that repeats earlier pages', () => {
  it('is left out when it repeats the opening pages as broken lines, and the report says which lines', () => {
    const broken = paragraphs.flatMap((p) => [p.slice(0, 20), '2', p.slice(20)]);
    const blocks = [...text(paragraphs), { kind: 'table', rows: [{ cells: ['项目', '2.34'], line: 9 }], line: 9 } as Block, ...text(['我部门无其他需要说明的事项。'], 10), ...text(broken, 11)];
    const report = new ImportReport('doc.txt', 'word-cells');
    const kept = dropDuplicateTail(blocks, report);
    expect(kept).toHaveLength(10);
    expect(report.entries).toHaveLength(1);
    expect(report.entries[0]!.text).toMatch(/^lines 11–34 \(24 text blocks\) repeat earlier pages/);
  });

  it('is kept when it is new text, even after a repetition of a sentence', () => {
    const blocks = text([...paragraphs, paragraphs[0]!, '本年度新增的说明：加强基金监管，确保社会保险基金安全运行，按时足额发放各项待遇，接受审计监督。']);
    const report = new ImportReport('doc.txt', 'word-cells');
    expect(dropDuplicateTail(blocks, report)).toHaveLength(blocks.length);
    expect(report.entries).toEqual([]);
  });
});
