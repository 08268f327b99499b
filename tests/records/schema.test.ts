import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';
import { filingSchema } from '../../src/lib/records/schema/filing.ts';
import { projectsFileSchema } from '../../src/lib/records/schema/project.ts';
import { YONGQING_2024 } from '../helpers/fixture-content.ts';

const dir = join(PROJECT_ROOT, 'content', 'filings', YONGQING_2024);
const filingYaml = parse(readFileSync(join(dir, 'filing.yaml'), 'utf8')) as Record<string, unknown>;
const projectsYaml = parse(readFileSync(join(dir, 'projects.yaml'), 'utf8')) as unknown[];

/** Issues as `path: message`, the form every tool prints. */
function issues(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }): string[] {
  return result.success ? [] : result.error!.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`);
}

describe('the record schemas', () => {
  it('accept the real 永清县 2024 record', () => {
    expect(issues(filingSchema.safeParse(filingYaml))).toEqual([]);
    expect(issues(projectsFileSchema.safeParse(projectsYaml))).toEqual([]);
    expect(projectsFileSchema.parse(projectsYaml)).toHaveLength(30);
  });

  it('reject a record with the field named', () => {
    const broken = (patch: Record<string, unknown>) => issues(filingSchema.safeParse({ ...filingYaml, ...patch }));
    expect(broken({ year: '二〇二四' })).toEqual([expect.stringMatching(/^year: /)]);
    expect(broken({ kind: '草案' })).toEqual([expect.stringMatching(/^kind: /)]);
    expect(broken({ sources: [] })).toEqual([expect.stringMatching(/^sources: /)]);
    expect(broken({ region: { city: '廊坊市' } })).toEqual([expect.stringMatching(/^region\.province: /)]);
    expect(broken({ colour: 'red' })).toEqual([expect.stringContaining('colour')]);
    const tables = filingYaml['tables'] as Record<string, unknown>[];
    const codeColumnWithoutKind = { ...tables[1], columns: [{ header: ['科目编码'], type: 'code' }] };
    expect(broken({ tables: [codeColumnWithoutKind] })).toEqual([expect.stringMatching(/^tables\.0\.columns\.0\.classification: .*classification: function/)]);
  });

  it('reject a project whose amount is not a number, naming project and field', () => {
    const projects = structuredClone(projectsYaml) as Record<string, unknown>[];
    projects[4] = { ...projects[4], budget: { total: '71.08万美元', fiscal: '71.08', other: null } };
    expect(issues(projectsFileSchema.safeParse(projects))).toEqual([expect.stringMatching(/^4\.budget\.total: expected an amount in 万元/)]);
  });
});
