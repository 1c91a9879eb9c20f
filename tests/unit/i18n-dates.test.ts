import { describe, expect, it } from 'vitest';
import { formatDate, formatDateRange, parseIsoDate } from '../../shared/domain/dates';
import { compareNames } from '../../shared/domain/names';
import { localeFromAcceptLanguage, translate } from '../../shared/i18n';
import { en } from '../../shared/i18n/en';
import { zhCN } from '../../shared/i18n/zh-CN';

describe('i18n', () => {
  it('has every message in both languages, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zhCN) as Array<keyof typeof zhCN>)
      expect(holes(en[key]), key).toEqual(holes(zhCN[key]));
  });
  it('fills placeholders', () => {
    expect(translate('zh-CN', 'error.eventNotFound', { id: 7 })).toBe('没有找到编号为 7 的活动。');
    expect(translate('en', 'error.eventNotFound', { id: 7 })).toBe('There is no event with id 7.');
  });
  it.each([
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['en;q=0.5,zh-TW;q=0.8', 'zh-CN'],
    ['fr-FR,en;q=0.5', 'en'],
    ['fr-FR', 'zh-CN'],
    ['en;q=0', 'zh-CN'],
  ] as const)('Accept-Language %j → %s', (header, locale) => {
    expect(localeFromAcceptLanguage(header)).toBe(locale);
  });
});

describe('dates read as people write them', () => {
  it.each([
    ['2024-07-03', '2024年7月3日'],
    ['2024-12-31', '2024年12月31日'],
  ])('%s → %s', (iso, text) => expect(formatDate(iso)).toBe(text));
  it.each([
    ['2024-07-03', null, '2024年7月3日'],
    ['2024-07-03', '2024-07-03', '2024年7月3日'],
    ['2024-09-09', '2024-09-13', '2024年9月9日至13日'],
    ['2024-06-28', '2024-07-02', '2024年6月28日至7月2日'],
    ['2024-12-30', '2025-01-03', '2024年12月30日至2025年1月3日'],
  ])('%s..%s → %s', (a, b, text) => expect(formatDateRange(a, b)).toBe(text));
  it('formats English too, and rejects impossible dates', () => {
    expect(formatDate('2024-07-03', 'en')).toBe('3 Jul 2024');
    expect(parseIsoDate('2023-02-29')).toBeNull();
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });
});

describe('names sort by pinyin', () => {
  it('reads surnames as surnames (曾 zēng, 单 shàn) and puts latin names in order too', () => {
    const names = ['张经天', '叶颖华', '刘逸禕', '高苑欣', '李贞', '刘菁', '李怡', '李文渊', '曾志', '单田芳'];
    expect([...names].sort(compareNames)).toEqual([
      '高苑欣',
      '李文渊',
      '李怡',
      '李贞',
      '刘菁',
      '刘逸禕',
      '单田芳',
      '叶颖华',
      '曾志',
      '张经天',
    ]);
  });
});
