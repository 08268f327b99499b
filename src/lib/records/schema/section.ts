import { z } from 'zod';
import { recordPathSchema } from './record-path.ts';

export const glossaryEntrySchema = z.object({ term: z.string().min(1), definition: z.string().min(1) }).strict();
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;

/** A 名词解释 term as the page links to it: spacing, quotes and characters an address cannot carry do not count. */
export const termKey = (term: string) => term.replace(/[\s\u3000"'“”‘’#%<>]/g, '');

/** 分项绩效目标: a goal with its target text and indicator lines. */
export const goalSchema = z
  .object({
    title: z.string().min(1),
    target: z.string().optional(),
    indicators: z.array(z.string()).default([]),
  })
  .strict();
export type Goal = z.infer<typeof goalSchema>;

/**
 * A section body is an ordered list of blocks, each exactly one of:
 * - markdown: path of a Markdown file with the section's prose;
 * - table: id of a table declared under `tables`;
 * - projects: the group of 项目绩效目标表 to show here ("*" for all);
 * - glossary: 名词解释 entries;
 * - goals: 分项绩效目标 entries.
 */
export const blockSchema = z
  .object({
    markdown: recordPathSchema({ pattern: /\.md$/, expected: 'a .md file' }).optional(),
    table: z.string().optional(),
    projects: z.string().optional(),
    glossary: z.array(glossaryEntrySchema).optional(),
    goals: z.array(goalSchema).optional(),
  })
  .strict()
  .refine((b) => Object.values(b).filter((v) => v !== undefined).length === 1, {
    message: 'a block has exactly one of markdown, table, projects, glossary, goals',
  });
export type BlockDeclaration = z.infer<typeof blockSchema>;

export const sectionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lower-case id of letters, digits and hyphens'),
    /** The source's numbering: 一, 二 … or 第一部分 */
    number: z.string().optional(),
    title: z.string().min(1),
    blocks: z.array(blockSchema).default([]),
    subsections: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
            number: z.string().optional(),
            title: z.string().min(1),
            blocks: z.array(blockSchema).default([]),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();
export type SectionDeclaration = z.infer<typeof sectionSchema>;
