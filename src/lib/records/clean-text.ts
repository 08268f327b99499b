import type { z } from 'zod';

/**
 * Text a record shows must read as the checks read it. Two kinds of
 * character break that, and this module finds both:
 *
 * - Bidirectional controls (U+202E and kin) make a browser show the
 *   characters around them in another order: a cell or a sentence holding
 *   25332.93 after U+202E is shown as 39.23352 while the checks compare
 *   25332.93. They are refused in every text of a record, with the place.
 * - Compatibility characters (U+F928 for 廊, ⼈ for 人) look like the
 *   character they stand for but are another: a region written with one is
 *   a second region that looks the same. Names in the page address
 *   (regions, short names) are refused with them; region and department
 *   names are compared folded (NFKC). Visible text is not folded: NFKC
 *   would turn the full-width （）：， of printed Chinese into ASCII.
 */

/** U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069: every character that changes the order text is shown in. */
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

const BIDI_NAMES: Record<number, string> = {
  0x061c: 'ARABIC LETTER MARK',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
};

/** Whether `text` holds a bidirectional control anywhere: one test for a whole file before looking cell by cell. */
export const hasBidiControl = (text: string) => BIDI_CONTROL.test(text);

/** `text` without its bidirectional controls, to quote it in a message. */
export const stripBidiControls = (text: string) => text.replace(new RegExp(BIDI_CONTROL, 'g'), '');

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** How much of the text before a character a message quotes, so the reader can find it. */
const CONTEXT = 12;

/**
 * Why `text` cannot be shown as it is written (the first bidirectional
 * control in it, and the text before it), or undefined.
 */
export function bidiControlProblem(text: string): string | undefined {
  const found = BIDI_CONTROL.exec(text);
  if (!found) return undefined;
  const before = [...stripBidiControls(text.slice(0, found.index))].slice(-CONTEXT).join('');
  return (
    `expected text shown in the order it is written, found the bidirectional control ${codePoint(found[0])} (${BIDI_NAMES[found[0].codePointAt(0)!]}) ` +
    `${before.trim() === '' ? 'at the start' : `after "${before}"`}: the page would show the characters around it in another order than the checks read them; delete it`
  );
}

/**
 * A zod check for a whole record file (filing.yaml, projects.yaml): every
 * string in it, keys included, is text a page may show. It runs once the
 * file is otherwise valid, so a name already refused for a hidden character
 * is not reported twice.
 */
export function noBidiControls(payload: z.core.ParsePayload<unknown>): void {
  if (payload.issues.length > 0) return;
  const visit = (value: unknown, path: PropertyKey[]): void => {
    if (typeof value === 'string') {
      const message = bidiControlProblem(value);
      if (message) payload.issues.push({ code: 'custom', message, input: value, path });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...path, i]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const message = bidiControlProblem(key);
        if (message) payload.issues.push({ code: 'custom', message, input: key, path: [...path, key] });
        visit(item, [...path, key]);
      }
    }
  };
  visit(payload.value, []);
}

/**
 * The characters of printed Chinese that NFKC changes and a name may keep:
 * the ideographic space and the full-width forms of ASCII (（）：，１ …).
 * Names differing only in these are still one name (`identityKey`).
 */
const PRINTED_FULL_WIDTH = /[\u3000\uff01-\uff5e]/;

/**
 * Why `name` cannot be part of a page's address: it holds a compatibility
 * character, one that looks like another character but is not it.
 */
export function compatibilityProblem(name: string): string | undefined {
  for (const c of name) {
    if (PRINTED_FULL_WIDTH.test(c)) continue;
    const standard = c.normalize('NFKC');
    if (standard === c) continue;
    return (
      `expected a name in standard characters, found ${codePoint(c)}, a compatibility form of ${standard} (${[...standard].map(codePoint).join(' ')}): ` +
      `"${name}" would be a second name that looks the same as "${name.normalize('NFKC')}"; write ${standard}`
    );
  }
  return undefined;
}

/** A zod refinement of a region name or short name: no compatibility characters. */
export function standardCharacters(name: string, ctx: z.RefinementCtx): void {
  const message = compatibilityProblem(name);
  if (message) ctx.addIssue({ code: 'custom', message });
}

/**
 * A region or department name as it is compared to find one department
 * filed twice: look-alike forms folded by NFKC (⼈ and 人, １ and 1), without
 * spaces or characters that print nothing.
 */
export function identityKey(name: string): string {
  return name.normalize('NFKC').replace(/[\s\p{Default_Ignorable_Code_Point}]/gu, '');
}
