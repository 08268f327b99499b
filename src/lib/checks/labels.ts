/**
 * Row and column labels as the standard tables print them vary in spacing,
 * numbering and full/half-width punctuation from one document to the next
 * (“三公”经费 / "三公"经费, 维修(护)费 / 维修（护）费, 资 金 性 质). The checks
 * compare labels in this normal form, never as printed.
 */
const NUMBERING = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．]|其中[:：])/;

export function normalizeLabel(label: string | null | undefined): string {
  if (!label) return '';
  let text = label
    .replace(/[\s\u3000]/g, '')
    .replace(/[“”"‘’'「」]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/：/g, ':');
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(NUMBERING, '');
  }
  return text;
}

/** Whether the label carries the source's own item numbering (一、 （一） 1、). */
export function isNumberedItem(label: string | null | undefined): boolean {
  return Boolean(label && NUMBERING.test(label.replace(/[\s\u3000]/g, '')) && !/^其中/.test(label.trim()));
}

/** A column or row that is a part of the one before it (其中：…), not a further addend. */
export function isOfWhich(label: string | null | undefined): boolean {
  return Boolean(label && /^其中/.test(label.replace(/[\s\u3000]/g, '')));
}

export function isTotalLabel(label: string): boolean {
  return label === '合计' || label === '总计' || label === '小计';
}
