import { z } from 'zod';

/**
 * 支出功能分类科目: 3 digits (类), 5 (款), 7 (项).
 * 部门经济分类科目: 3 digits (类), 5 (款).
 */
export const classificationKinds = ['function', 'economic'] as const;
export type ClassificationKind = (typeof classificationKinds)[number];

const LENGTHS: Record<ClassificationKind, readonly number[]> = {
  function: [3, 5, 7],
  economic: [3, 5],
};

export const LEVEL_NAMES = ['类', '款', '项'] as const;

export function codeLevel(code: string): 0 | 1 | 2 {
  return code.length <= 3 ? 0 : code.length <= 5 ? 1 : 2;
}

export function parentCode(code: string): string | null {
  if (code.length <= 3) return null;
  return code.slice(0, code.length - 2);
}

export function codeProblem(code: string, kind: ClassificationKind): string | null {
  if (!/^\d+$/.test(code)) return `expected a classification code of digits, found "${code}"`;
  if (!LENGTHS[kind].includes(code.length)) {
    const allowed = LENGTHS[kind].join(', ');
    const label = kind === 'function' ? '支出功能分类科目' : '部门经济分类科目';
    return `expected a ${label} code of ${allowed} digits, found "${code}" (${code.length} digits)`;
  }
  return null;
}

export const classificationKindSchema = z.enum(classificationKinds);
