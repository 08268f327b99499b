import { FILING_FILE, type FilingDeclaration } from './schema/filing.ts';
import { indicatorColumns, indicatorKeyColumns, projectsFileSchema, type Indicator, type Project } from './schema/project.ts';
import { zodProblems } from './record-error.ts';
import { rel, type Context } from './read-record-file.ts';
import { readYaml } from './read-record-yaml.ts';
import { readCsv } from './csv-records.ts';

/**
 * The project forms of a filing (projects.yaml) with the rows of its
 * indicators CSV attached; none when the filing declares no projects file.
 */
export function readProjects(ctx: Context, declaration: FilingDeclaration): Project[] {
  let projectList: Project[] = [];
  let projectsRead = true;
  if (declaration.projects) {
    const problemsBefore = ctx.problems.length;
    const data = readYaml(ctx, declaration.projects, { field: 'projects', expected: 'a list of project forms (number, title, name …)' });
    if (data !== undefined) {
      const parsed = projectsFileSchema.safeParse(data, { reportInput: true });
      if (parsed.success) projectList = parsed.data.map((form) => ({ ...form, indicators: [] }));
      else ctx.problems.push(...zodProblems(rel(ctx, declaration.projects), parsed.error));
    }
    projectsRead = ctx.problems.length === problemsBefore;
  }
  if (declaration.projectIndicators) {
    if (declaration.projects) readIndicators(ctx, declaration.projectIndicators, declaration.projects, projectsRead ? projectList : undefined);
    else ctx.problems.push({ file: rel(ctx, FILING_FILE), field: 'projectIndicators', message: 'indicator rows need the projects they belong to: add projects (a projects.yaml) or remove projectIndicators' });
  }
  return projectList;
}

const indicatorFields = Object.entries(indicatorColumns) as [keyof Indicator, string][];

/** A project as indicator rows name it: numbering starts again in each group. */
const projectKey = (group: string | undefined, number: number) => `${group ?? ''}\u0000${number}`;

/**
 * Attach the rows of the indicators CSV to their projects, in file order.
 * Each row names its project by 项目序号, and by 项目分组 when the projects
 * have groups (numbering starts again in each group). Without `projects`
 * (projects.yaml could not be read) only the file's own shape is checked.
 */
function readIndicators(ctx: Context, path: string, projectsPath: string, projects: Project[] | undefined): void {
  const records = readCsv(ctx, path, 'projectIndicators');
  if (records === null) return;
  const file = rel(ctx, path);
  const [head, ...body] = records;
  const known = [indicatorKeyColumns.group, indicatorKeyColumns.number, ...indicatorFields.map(([, label]) => label)];
  const labels = head?.cells.map((c) => c.trim()) ?? [];
  const unknown = labels.filter((label) => !known.includes(label));
  const numberColumn = labels.indexOf(indicatorKeyColumns.number);
  if (!head || unknown.length > 0 || numberColumn < 0 || new Set(labels).size !== labels.length) {
    ctx.problems.push({
      file,
      line: 1,
      message: `expected a header row of ${indicatorKeyColumns.number} and indicator columns, each once, from: ${known.join(',')}; found "${labels.join(',')}"`,
    });
    return;
  }
  const groupColumn = labels.indexOf(indicatorKeyColumns.group);
  const fields = labels.map((label) => indicatorFields.find(([, l]) => l === label)?.[0]);
  const byKey = new Map<string, Project>();
  for (const project of projects ?? []) {
    const key = projectKey(project.group, project.number);
    if (byKey.has(key)) {
      ctx.problems.push({ file: rel(ctx, projectsPath), field: `project ${project.group ? `${project.group} ` : ''}${project.number}`, message: 'two projects with the same group and number: indicator rows could not tell them apart' });
    }
    byKey.set(key, project);
  }
  for (const record of body) {
    if (record.cells.length !== labels.length) {
      ctx.problems.push({ file, line: record.line, message: `expected ${labels.length} cells, found ${record.cells.length}` });
      continue;
    }
    if (!projects) continue;
    const number = record.cells[numberColumn]!.trim();
    const group = groupColumn < 0 ? '' : record.cells[groupColumn]!.trim();
    const project = /^\d+$/.test(number) ? byKey.get(projectKey(group, Number(number))) : undefined;
    if (!project) {
      ctx.problems.push({
        file,
        line: record.line,
        field: groupColumn < 0 ? indicatorKeyColumns.number : `${indicatorKeyColumns.group}, ${indicatorKeyColumns.number}`,
        message: `expected the number of a project in ${projectsPath}, found "${[group, number].filter(Boolean).join(' ')}"`,
      });
      continue;
    }
    const indicator: Indicator = {};
    record.cells.forEach((cell, c) => {
      const field = fields[c];
      const value = cell.trim();
      if (field && value !== '') indicator[field] = value;
    });
    project.indicators.push(indicator);
  }
}
