/** The lines of a budget disclosure the recogniser tells apart by their form: headings, notes, labels, goals, 名词解释 entries. */

export const SECTION_HEADING = /^([一二三四五六七八九十]+)\s*[、.．]\s*(.{1,40})$/;
export const PART_HEADING = /^第([一二三四五六七八九十]+)部分\s*(.*)$/;
export const NOTE = /^注\s*[：:]/;
export const META = /^([^：:\s]{2,8})\s*[：:]\s*(\S.{0,30})$/;
export const GOAL_TARGET = /^绩效目标\s*[：:]\s*(.*)$/;
export const GOAL_INDICATOR = /^绩效指标\s*\d*\s*[：:]\s*(.*)$/;
export const NUMBERED_GOAL = /^(（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\))\s*绩效目标\s*[：:]\s*(.*)$/;
/**
 * `1、**财政拨款收入**：…`. The spaces after the number are taken whole
 * (`(?=(\s*))\1` cannot give any back) and the definition starts at a
 * character that is not a space: otherwise a line of spaces after `1、`
 * that is no entry tries every way of sharing them between the parts.
 */
export const GLOSSARY_ENTRY = /^(?:\d+|[一二三四五六七八九十]+)\s*[、.．](?=(\s*))\1(\*\*)?(?<term>[^：:]{1,30}?)(\*\*)?\s*[：:]\s*(?<definition>\S.*)$/;
