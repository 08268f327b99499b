/**
 * One case for each class of document the fixture corpus found read wrong
 * (tests/import/fixture-corpus.test.ts): the smallest document of that
 * class, and what the reader must make of it.
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/lib/import/read-document.ts';

const cell = (lines: string[]) => new TableCell({ children: lines.map((t) => new Paragraph(t)) });

describe('Word: the paragraphs of one table cell', () => {
  it('are lines of the cell: numbered goals, a line printed twice, a note after a name', async () => {
    const table = new Table({
      columnWidths: [3000, 3000, 3000],
      rows: [
        new TableRow({ children: [cell(['绩效目标']), cell(['1、及时将资金拨入财政专户', '2、按月足额发放到位']), cell([])] }),
        new TableRow({ children: [cell(['就业困难人员就业人数', '就业困难人员就业人数']), cell(['发放频率', 'v']), cell(['  按月\t发放 ', '', '足额'])] }),
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [table] }] })));
    expect((await readDocument('in/goals.docx', bytes)).blocks).toEqual([
      {
        kind: 'table',
        line: 1,
        rows: [
          { cells: ['绩效目标', '1、及时将资金拨入财政专户\n2、按月足额发放到位', ''], line: 1 },
          { cells: ['就业困难人员就业人数\n就业困难人员就业人数', '发放频率\nv', '按月 发放\n足额'], line: 2 },
        ],
      },
    ]);
  });
});
