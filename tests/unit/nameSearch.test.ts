import { describe, expect, it } from 'vitest';
import { matchTrainee, resolveTrainee, searchTrainees, type SearchableTrainee } from '../../shared/domain/nameSearch';

const t = (name: string, initials: string, pinyin: string, phoneTail: string | null): SearchableTrainee => ({
  name,
  initials,
  pinyin,
  phoneTail,
});
const liuYouhong = t('刘友红', 'lyh', 'liuyouhong', '1234');
const liuYouhong2 = t('刘友红', 'lyh', 'liuyouhong', '8888');
const liYuhang = t('李雨航', 'lyh', 'liyuhang', '5678');
const zhangLiu = t('张刘', 'zl', 'zhangliu', null);
const mary = t('Mary Lee', 'marylee', 'marylee', '0000');

describe('what desk staff type', () => {
  it.each([
    ['刘友红', liuYouhong, 'exact'],
    ['刘友', liuYouhong, 'prefix'],
    ['友红', liuYouhong, 'substring'],
    ['lyh', liuYouhong, 'exact'],
    ['LYH', liuYouhong, 'exact'],
    ['ly', liuYouhong, 'prefix'],
    ['liuyouhong', liuYouhong, 'exact'],
    ['liu you', liuYouhong, 'prefix'],
    ['liuy', liuYouhong, 'prefix'],
    ['1234', liuYouhong, 'exact'],
    ['１２３４', liuYouhong, 'exact'],
    ['4321', liuYouhong, null],
    ['123', liuYouhong, null],
    ['youhong', liuYouhong, null],
    ['王', liuYouhong, null],
    ['', liuYouhong, null],
    ['lee', mary, 'substring'],
    ['mary', mary, 'prefix'],
    ['1234', zhangLiu, null],
  ] as const)('%j → %s', (query, trainee, rank) => {
    expect(matchTrainee(query, trainee)).toBe(rank);
  });
});

describe('ranking and choosing', () => {
  const roster = [zhangLiu, liYuhang, liuYouhong];

  it('puts exact before prefix before substring, roster order within each', () => {
    const found = searchTrainees('刘', [zhangLiu, liuYouhong, t('刘一', 'ly', 'liuyi', null)]);
    expect(found.map((f) => [f.trainee.name, f.rank])).toEqual([
      ['刘友红', 'prefix'],
      ['刘一', 'prefix'],
      ['张刘', 'substring'],
    ]);
  });

  it.each([
    ['the full name', '刘友红', { one: '刘友红' }],
    ['a phone ending', '5678', { one: '李雨航' }],
    ['the only match, though only a prefix', 'liy', { one: '李雨航' }],
    ['initials shared by two', 'lyh', { many: ['李雨航', '刘友红'] }],
    ['nobody', '王五', { none: true }],
  ])('%s', (_what, query, expected) => {
    const result = resolveTrainee(query, roster);
    if ('one' in result) expect({ one: result.one.name }).toEqual(expected);
    else if ('many' in result) expect({ many: result.many.map((r) => r.name) }).toEqual(expected);
    else expect(result).toEqual(expected);
  });

  it('two trainees with the same name are both shown, nobody is guessed', () => {
    const result = resolveTrainee('刘友红', [liuYouhong, liuYouhong2, zhangLiu]);
    expect('many' in result && result.many.map((r) => r.phoneTail)).toEqual(['1234', '8888']);
  });

  it('an exact name wins over names that merely contain it', () => {
    const result = resolveTrainee('张刘', [zhangLiu, t('张刘洋', 'zly', 'zhangliuyang', null)]);
    expect('one' in result && result.one.name).toBe('张刘');
  });
});
