import type { SourceForm } from './blocks.ts';

/** What the importer made of one part of the document. */
export interface ReportEntry {
  /** First source line of the part. */
  line: number;
  /** table, section, project, glossary, goals, narrative, figure, skipped … */
  kind: string;
  text: string;
}

export interface ReportWarning {
  line: number;
  message: string;
}

export class ImportReport {
  readonly entries: ReportEntry[] = [];
  readonly warnings: ReportWarning[] = [];
  /** The printed page a table starts on, by the line of its title, for a paged document (PDF). */
  readonly pages = new Map<number, number>();
  constructor(
    readonly source: string,
    readonly form: SourceForm,
  ) {}

  add(line: number, kind: string, text: string): void {
    this.entries.push({ line, kind, text });
  }

  warn(line: number, message: string): void {
    this.warnings.push({ line, message });
  }

  /** The source line of the table the record keeps as `tables/<id>.csv`: the line of the entry that says so. */
  tableLine(id: string): number | undefined {
    return this.entries.find((e) => e.kind === 'table' && e.text.includes(`→ tables/${id}.csv`))?.line;
  }

  /** The report as Markdown, in source order; it is written beside the record. */
  toMarkdown(recordId: string): string {
    const byLine = [...this.entries].sort((a, b) => a.line - b.line);
    const warnings = [...this.warnings].sort((a, b) => a.line - b.line);
    const counts = new Map<string, number>();
    for (const e of byLine) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
    const out = [
      `# Import report`,
      '',
      `- Source: \`${this.source}\` (${this.form})`,
      `- Record: \`${recordId}\``,
      `- Recognised: ${[...counts].map(([k, n]) => `${n} ${k}`).join(', ')}`,
      `- Warnings: ${warnings.length}`,
      '',
      '## What each part of the document became',
      '',
      '| line | kind | what |',
      '| ---: | --- | --- |',
      ...byLine.map((e) => `| ${e.line} | ${e.kind} | ${e.text.replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`),
      '',
      '## Warnings',
      '',
      ...(warnings.length === 0 ? ['None.'] : warnings.map((w) => `- line ${w.line}: ${w.message}`)),
      '',
    ];
    return out.join('\n');
  }
}

/** A document the importer cannot turn into a valid record; the message names the file and line. */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    message: string,
  ) {
    super(`${line === undefined ? file : `${file}:${line}`}: ${message}`);
  }
}
