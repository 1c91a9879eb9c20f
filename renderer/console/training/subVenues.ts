// The 分会场 tab's words and numbers, apart from its drawing: the sentence a merge is told in, the 应到/实到 cells.
import type { SubVenuesOverview, VenueBundleMerged } from '../../../shared/api/venue-bundle';
import { formatDate, todayIso } from '../../../shared/domain/dates';
import type { Locale } from '../../../shared/domain/vocabulary';
import type { MessageKey, MessageParams } from '../../../shared/i18n';
import { clockTime } from '../../../shared/domain/attendance';

/** The console's `t` (renderer/ui/i18n), spelled here so the table test can pass `translate`. */
type Translate = (key: MessageKey, params?: MessageParams) => string;

/** "已合并“分会场”的数据包：36 条签到、2 条请假等状态、120 份评估、0 篇心得。1 人在两个会场签到，已标出。" */
export function mergeSentence(t: Translate, answer: VenueBundleMerged): string {
  if (answer.already) return t('venueBundle.import.already', { venue: answer.venueName });
  const done = t('venueBundle.import.done', { venue: answer.venueName, ...answer.merged });
  return answer.flagged > 0 ? `${done}${t('venueBundle.import.flagged', { count: answer.flagged })}` : done;
}

/** 实到 / 应到 of one session at one venue. */
export function venueCell(
  t: Translate,
  session: SubVenuesOverview['sessions'][number],
  venue: SubVenuesOverview['venues'][number],
): string {
  const attended = session.attended.find((a) => a.venueId === venue.id)?.attended ?? 0;
  return t('venueBundle.table.cell', { attended, expected: venue.expected });
}

/** "09:02" on this computer's clock. */
const localTime = (iso: string) => clockTime(Date.parse(iso), '', -new Date(iso).getTimezoneOffset());

/** "2026年3月2日 09:02": when a bundle was made or merged. */
export function dayAndTime(iso: string, locale: Locale): string {
  return `${formatDate(todayIso(new Date(iso)), locale)} ${localTime(iso)}`;
}

/** Which venue a check-in was at, and when: "分会场（201 教室） 09:02". */
export function placeAndTime(t: Translate, venue: string | null, at: string | null): string {
  return t('venueBundle.conflicts.place', {
    venue: venue ?? t('venueBundle.conflicts.noVenue'),
    time: at === null ? '' : localTime(at),
  }).trim();
}
