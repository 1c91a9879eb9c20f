import { describe, expect, it } from 'vitest';
import { mergeSentence, placeAndTime, venueCell } from '../../renderer/console/training/subVenues';
import type { Locale } from '../../shared/domain/vocabulary';
import { translate, type MessageKey, type MessageParams } from '../../shared/i18n';

const say = (locale: Locale) => (key: MessageKey, params?: MessageParams) => translate(locale, key, params);
const merged = (counts: Partial<{ checkins: number; statuses: number; evaluations: number; reflections: number }>) => ({
  merged: { checkins: 0, statuses: 0, evaluations: 0, reflections: 0, ...counts },
  flagged: 0,
  bundleId: 'b',
  venueName: '分会场（201 教室）',
  already: false,
});

describe('the 分会场 tab in words', () => {
  it.each([
    [
      merged({ checkins: 36, statuses: 2, evaluations: 120 }),
      '已合并“分会场（201 教室）”的数据包：36 条签到、2 条请假等状态、120 份评估、0 篇心得。',
    ],
    [
      { ...merged({ checkins: 5 }), flagged: 1 },
      '已合并“分会场（201 教室）”的数据包：5 条签到、0 条请假等状态、0 份评估、0 篇心得。1 人在两个会场签到，已标出（只计一次）。',
    ],
    [{ ...merged({}), already: true }, '“分会场（201 教室）”的这个数据包已经合并过了，没有重复合并。'],
  ])('tells a merge as a sentence (%#)', (answer, sentence) => {
    expect(mergeSentence(say('zh-CN'), answer)).toBe(sentence);
  });

  it('writes 实到 / 应到 of a venue, 0 where nobody checked in there', () => {
    const session = { sessionId: 1, title: '开班式', startsAt: '', endsAt: '', unplaced: 0 };
    const venue = { id: 7, name: '分会场', kind: 'sub', expected: 21 };
    expect(venueCell(say('zh-CN'), { ...session, attended: [{ venueId: 7, attended: 20 }] }, venue)).toBe('20 / 21');
    expect(venueCell(say('zh-CN'), { ...session, attended: [{ venueId: 8, attended: 3 }] }, venue)).toBe('0 / 21');
  });

  it('names the venue of a check-in, or says none was recorded', () => {
    const at = new Date(2026, 2, 2, 9, 2).toISOString();
    expect(placeAndTime(say('zh-CN'), '主会场', at)).toBe('主会场 09:02');
    expect(placeAndTime(say('zh-CN'), null, at)).toBe('未记会场 09:02');
    expect(placeAndTime(say('en'), null, null)).toBe('no venue recorded');
  });
});
