// The order of group names on screen and on paper: 第二组 before 第十组, 第2组 before 第10组, no group last.

const chineseDigits = '〇一二三四五六七八九';

/** 一 → 1, 十二 → 12, 二十 → 20: the numbers in group names like 第十二组. */
function chineseNumber(text: string): number {
  const [tens = '', ones = ''] = text.includes('十') ? text.split('十') : ['', text];
  const digit = (c: string) => chineseDigits.indexOf(c);
  if (!text.includes('十')) return [...ones].reduce((n, c) => n * 10 + digit(c), 0);
  return (tens === '' ? 1 : digit(tens)) * 10 + (ones === '' ? 0 : digit(ones));
}

/** A group name with its Chinese numbers written as padded digits, so 第二组 sorts before 第十组. */
function groupKey(group: string): string {
  return group
    .replace(/[〇一二三四五六七八九十]+/g, (n) => String(chineseNumber(n)))
    .replace(/\d+/g, (n) => n.padStart(6, '0'));
}

/** Groups in their natural order (第一组, 第二组 … 第十组), people with no group last. */
export function compareGroups(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const ka = groupKey(a);
  const kb = groupKey(b);
  if (ka !== kb) return ka.localeCompare(kb, 'zh-CN');
  return a < b ? -1 : 1;
}
