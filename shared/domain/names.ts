import { pinyin } from 'pinyin-pro';

const keyCache = new Map<string, string>();

/** Pinyin sort key of a person's name, reading the surname as a surname (曾 zeng, 单 shan). */
export function nameSortKey(name: string): string {
  let key = keyCache.get(name);
  if (key === undefined) {
    key = pinyin(name.trim(), { mode: 'surname', toneType: 'num', type: 'array', nonZh: 'consecutive' })
      .join(' ')
      .toLowerCase();
    keyCache.set(name, key);
  }
  return key;
}

/** Compares two names by pinyin (then by the characters themselves, so the order is total). */
export function compareNames(a: string, b: string): number {
  const ka = nameSortKey(a);
  const kb = nameSortKey(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A certificate number prefix from the first two characters of a title, as pinyin initials: 江浦路… → JP. */
export function defaultPrefix(title: string): string {
  const initials = pinyin(title.replace(/[^\p{Script=Han}A-Za-z0-9]/gu, '').slice(0, 2), {
    pattern: 'first',
    toneType: 'none',
    type: 'array',
  })
    .join('')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
  return initials || 'ZS';
}
