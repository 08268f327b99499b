import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/lib/import/blocks.ts';
import { readIdentity, type Identity } from '../../src/lib/import/identity.ts';
import { ImportError } from '../../src/lib/import/report.ts';

/** Text lines, then optionally a table, numbered as a reader numbers them. */
function blocks(lines: string[], rows: string[][] = []): Block[] {
  const out: Block[] = lines.map((text, i) => ({ kind: 'text', text, line: i + 1 }));
  const line = lines.length + 1;
  if (rows.length > 0) out.push({ kind: 'table', line, rows: rows.map((cells, i) => ({ cells, line: line + i })) });
  return out;
}

function failure(lines: string[], region?: string[]): string {
  try {
    readIdentity('in/doc.pdf', blocks(lines), region);
  } catch (error) {
    if (error instanceof ImportError) return error.message;
    throw error;
  }
  throw new Error('expected an ImportError');
}

const dept = (name: string, shortName: string, code?: string): Identity['department'] => ({ ...(code ? { code } : {}), name, shortName, units: [] });

describe('readIdentity reads the department and its region for any province', () => {
  it('a Hebei county bureau with its code printed over the tables', () => {
    expect(readIdentity('in/doc.txt', blocks(['永清县人力资源和社会保障局 2024 年部门预算信息公开情况说明', '316 永清县人力资源和社会保障局', '316001 永清县就业服务中心']))).toEqual({
      title: '永清县人力资源和社会保障局2024年部门预算信息公开',
      kind: '预算',
      year: 2024,
      region: { province: '河北省', city: '廊坊市', county: '永清县' },
      department: { code: '316', name: '永清县人力资源和社会保障局', shortName: '人力资源和社会保障局', units: [{ code: '316001', name: '永清县就业服务中心' }] },
      line: 1,
    });
  });

  it('a city and district in front of the department', () => {
    expect(readIdentity('in/doc.txt', blocks(['廊坊市广阳区人力资源和社会保障局2020年部门预算信息公开']))).toEqual({
      title: '廊坊市广阳区人力资源和社会保障局2020年部门预算信息公开',
      kind: '预算',
      year: 2020,
      region: { province: '河北省', city: '廊坊市', county: '广阳区' },
      department: dept('廊坊市广阳区人力资源和社会保障局', '人力资源和社会保障局'),
      line: 1,
    });
  });

  it('municipalities have two levels: the 市辖区 of the division list is no city', () => {
    const cases: [string, Identity['region'], string][] = [
      ['上海市普陀区财政局2024年度部门决算', { province: '上海市', county: '普陀区' }, '财政局'],
      ['北京市朝阳区教育委员会2024年部门预算', { province: '北京市', county: '朝阳区' }, '教育委员会'],
      ['重庆市渝中区民政局2023年度部门决算', { province: '重庆市', county: '渝中区' }, '民政局'],
      ['重庆市城口县民政局2023年度部门决算', { province: '重庆市', county: '城口县' }, '民政局'],
      ['天津市财政局2024年部门预算', { province: '天津市' }, '财政局'],
    ];
    expect(cases.map(([title]) => readIdentity('in/doc.pdf', blocks([title])))).toEqual(
      cases.map(([title, region, shortName]) => {
        const [, name, year, kind] = /^(.*?)(\d{4})年(?:度)?部门(预算|决算)$/.exec(title)!;
        return { title, kind, year: Number(year), region, department: dept(name!, shortName), line: 1 };
      }),
    );
  });

  it('a province, a city, or both with a district', () => {
    const read = (title: string) => {
      const id = readIdentity('in/doc.pdf', blocks([title]));
      return [id.region, id.department.shortName, id.title];
    };
    expect(read('广东省深圳市南山区发展和改革局2024年部门预算信息公开')).toEqual([{ province: '广东省', city: '深圳市', county: '南山区' }, '发展和改革局', '广东省深圳市南山区发展和改革局2024年部门预算信息公开']);
    expect(read('深圳市南山区发展和改革局2024年部门预算')).toEqual([{ province: '广东省', city: '深圳市', county: '南山区' }, '发展和改革局', '深圳市南山区发展和改革局2024年部门预算']);
    expect(read('浙江省财政厅2024年度部门决算')).toEqual([{ province: '浙江省' }, '财政厅', '浙江省财政厅2024年度部门决算']);
    expect(read('杭州市财政局2024年度部门决算')).toEqual([{ province: '浙江省', city: '杭州市' }, '财政局', '杭州市财政局2024年度部门决算']);
    expect(read('东莞市财政局2024年部门预算')).toEqual([{ province: '广东省', city: '东莞市' }, '财政局', '东莞市财政局2024年部门预算']);
    expect(read('仙桃市财政局2024年部门预算')).toEqual([{ province: '湖北省', county: '仙桃市' }, '财政局', '仙桃市财政局2024年部门预算']);
  });
});

describe('readIdentity reads the title in the forms documents print it', () => {
  const putuo: Identity = {
    title: '上海市普陀区财政局2024年度部门决算',
    kind: '决算',
    year: 2024,
    region: { province: '上海市', county: '普陀区' },
    department: dept('上海市普陀区财政局', '财政局'),
    line: 1,
  };

  it('the year before the department', () => {
    expect(readIdentity('in/doc.pdf', blocks(['2024年度上海市普陀区财政局部门决算']))).toEqual(putuo);
  });

  it('a title split over the first two lines of a PDF, the department spaced out', () => {
    expect(readIdentity('in/doc.pdf', blocks(['上海市 普陀区 财政局', '2024 年度部门决算', '目 录', '第二部分 上海市普陀区财政局2024年度部门决算表']))).toEqual({ ...putuo, line: 2 });
  });

  it('a title that names no department, the department in a 编制单位 line', () => {
    expect(readIdentity('in/doc.pdf', blocks(['2024年度部门决算', '收入支出决算总表', '编制单位：上海市普陀区财政局    金额单位：万元']))).toEqual(putuo);
  });

  it('a title that names no department, the department in a 部门名称 cell', () => {
    expect(readIdentity('in/doc.xlsx', blocks(['2024年度部门决算'], [['部门名称', '上海市普陀区财政局', '单位：万元'], ['项目', '决算数']]))).toEqual(putuo);
  });

  it('a title that names no department, the department and its code in a 编制部门 line', () => {
    expect(readIdentity('in/doc.txt', blocks(['2021年部门预算信息公开', '部门预算收支总表'], [['编制部门：805霸州市人力资源和社会保障局', '单位：万元']]))).toEqual({
      title: '霸州市人力资源和社会保障局2021年部门预算信息公开',
      kind: '预算',
      year: 2021,
      region: { province: '河北省', city: '廊坊市', county: '霸州市' },
      department: dept('霸州市人力资源和社会保障局', '人力资源和社会保障局', '805'),
      line: 1,
    });
  });

  it('a department without its region, placed by the first county the document names with its city', () => {
    expect(readIdentity('in/doc.txt', blocks(['民政局2024年部门预算信息公开', '河北省财政厅批复，现将廊坊市香河县民政局2024年部门预算公开如下。', '秦皇岛市抚宁区']))).toEqual({
      title: '民政局2024年部门预算信息公开',
      kind: '预算',
      year: 2024,
      region: { province: '河北省', city: '廊坊市', county: '香河县' },
      department: dept('民政局', '民政局'),
      line: 1,
    });
  });

  it('the line above a title without department, no code: the folder is the short name alone', () => {
    const doc = blocks(['劳动保障和人事', '2020 年部门预算绩效文本', '(草案)'], [['323003 秦皇岛市抚宁区就业服务中心', '']]);
    expect(readIdentity('in/doc.md', doc)).toEqual({
      title: '劳动保障和人事2020年部门预算绩效文本',
      kind: '预算',
      year: 2020,
      region: { province: '河北省', city: '秦皇岛市', county: '抚宁区' },
      department: { name: '劳动保障和人事', shortName: '劳动保障和人事', units: [{ code: '323003', name: '秦皇岛市抚宁区就业服务中心' }] },
      line: 2,
    });
  });
});

describe('a county name several places share', () => {
  const region = (lines: string[]) => readIdentity('in/doc.pdf', blocks(lines)).region;

  it('is placed by the province or city the document names', () => {
    expect(region(['北京市', '朝阳区教育委员会2024年部门预算'])).toEqual({ province: '北京市', county: '朝阳区' });
    expect(region(['朝阳区教育局2024年部门预算', '长春市朝阳区教育局是区政府工作部门，曾赴北京市学习。'])).toEqual({ province: '吉林省', city: '长春市', county: '朝阳区' });
    expect(region(['鼓楼区民政局2024年部门预算', '福州市财政局批复'])).toEqual({ province: '福建省', city: '福州市', county: '鼓楼区' });
  });

  it('stops the import, naming the places, when the document does not say which', () => {
    expect(failure(['朝阳区教育委员会2024年部门预算'])).toBe(
      'in/doc.pdf:1: cannot tell the region of "朝阳区教育委员会": 朝阳区 is 北京市/朝阳区 or 吉林省/长春市/朝阳区, and the document does not say which; pass --region 省/市/县',
    );
    expect(failure(['鼓楼区民政局2024年部门预算', '江苏省'])).toBe(
      'in/doc.pdf:1: cannot tell the region of "鼓楼区民政局": 鼓楼区 is 江苏省/南京市/鼓楼区 or 江苏省/徐州市/鼓楼区, and the document does not say which; pass --region 省/市/县',
    );
  });

  it('is placed by --region', () => {
    expect(readIdentity('in/doc.pdf', blocks(['朝阳区教育委员会2024年部门预算']), ['北京市', '朝阳区']).region).toEqual({ province: '北京市', county: '朝阳区' });
  });
});

describe('--region and the names that become folders', () => {
  it('overrides the region; 省/县 for a county with no city above it', () => {
    const read = (region: string[]) => {
      const id = readIdentity('in/doc.pdf', blocks(['普陀区财政局2024年度部门决算']), region);
      return [id.region, id.department.shortName];
    };
    expect(read(['上海市', '普陀区'])).toEqual([{ province: '上海市', county: '普陀区' }, '财政局']);
    expect(read(['浙江省', '舟山市', '普陀区'])).toEqual([{ province: '浙江省', city: '舟山市', county: '普陀区' }, '财政局']);
  });

  it('refuses a part that is not a clean place name', () => {
    const title = ['永清县民政局2024年部门预算'];
    const rule = 'expected a name of at most 100 characters without spaces, / \\ % # ?, control or invisible characters, and not . or ..';
    expect(failure(title, ['河北省', '..', '永清县'])).toBe(`in/doc.pdf: --region: ".." is not a place name: ${rule}`);
    expect(failure(title, ['河北省', 'a\\b'])).toBe(`in/doc.pdf: --region: "a\\b" is not a place name: ${rule}`);
    expect(failure(title, ['河北\u0000省'])).toBe(`in/doc.pdf: --region: "河北\u0000省" is not a place name: ${rule}`);
    expect(failure(title, ['上海市', '市辖区', '普陀区'])).toBe('in/doc.pdf: --region: "市辖区" is no place name: give a county with no city above it as 省/县, e.g. 上海市/普陀区');
    expect(failure(title, ['河北省', '廊坊市', '永清县', '城关镇'])).toBe('in/doc.pdf: --region needs a province, a city and a county at most, e.g. 河北省/廊坊市/永清县 or 上海市/普陀区');
  });

  it('refuses a department name that is no clean folder name', () => {
    const rule = 'expected a name of at most 100 characters without spaces, / \\ % # ?, control or invisible characters, and not . or ..';
    expect(failure(['永清县../..2024年部门预算'])).toBe(`in/doc.pdf:1: the department "../.." read from "永清县../..2024年部门预算" cannot name a folder and a page: ${rule}`);
    expect(failure(['..2024年部门预算'], ['河北省', '廊坊市', '永清县'])).toBe(`in/doc.pdf:1: the department ".." read from "..2024年部门预算" cannot name a folder and a page: ${rule}`);
    expect(failure(['财政/局2024年部门预算'], ['河北省'])).toBe(`in/doc.pdf:1: the department "财政/局" read from "财政/局2024年部门预算" cannot name a folder and a page: ${rule}`);
  });

  it('needs a title', () => {
    expect(failure(['情况说明'])).toBe('in/doc.pdf: no title line naming the department, the year and 部门预算/部门决算 was found');
  });
});
