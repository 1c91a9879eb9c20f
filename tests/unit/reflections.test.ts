import { describe, expect, it } from 'vitest';
import {
  acceptsReflections,
  characterCount,
  reflectionCode,
  reflectionCodePattern,
  reflectionLimits,
} from '../../shared/domain/reflections';

describe('characters as a person counts them', () => {
  it.each([
    ['plain Chinese', '学习心得', 4],
    ['blanks around are not counted', '  学习心得\n ', 4],
    ['a character outside the BMP is one', '𠀀𠀁区', 3],
    ['an emoji is one', '好👍', 2],
    ['line breaks inside count', '第一段\n第二段', 7],
    ['empty', '   ', 0],
  ])('%s', (_, text, count) => {
    expect(characterCount(text)).toBe(count);
  });

  it('the limits are 100 for a title and 3000 for the text', () => {
    expect(reflectionLimits).toEqual({ title: 100, body: 3000 });
  });
});

describe('the deadline', () => {
  const due = '2026-03-04T17:00:00+08:00';
  it.each([
    ['a minute before', '2026-03-04T16:59:00+08:00', true],
    ['at the deadline itself', '2026-03-04T17:00:00+08:00', true],
    ['a second after', '2026-03-04T17:00:01+08:00', false],
    ['the same instant in UTC', '2026-03-04T09:00:00Z', true],
  ])('%s', (_, at, accepts) => {
    expect(acceptsReflections(due, Date.parse(at))).toBe(accepts);
  });
});

describe('assignment codes', () => {
  it('are 8 characters a person can read off paper, from random bytes', () => {
    let n = 0;
    const bytes = [255, 250, 248, 0, 1, 30, 31, 61, 100, 200, 247];
    const code = reflectionCode(() => bytes[n++ % bytes.length] ?? 0);
    // Bytes 248 and above are skipped so every letter is as likely.
    expect(code).toBe('ab9a9hr9');
    expect(code).toMatch(reflectionCodePattern);
    expect('abcd0fgh').not.toMatch(reflectionCodePattern);
    expect('abcdlfgh').not.toMatch(reflectionCodePattern);
  });
});
