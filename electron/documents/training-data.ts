// What a training class's documents (schedule, attendance workbook, sign-in sheet) share: the class as
// printed, a session's wall-clock day and time, parts of the day, and the order of groups. Pure.
import { compareGroups } from '../../shared/domain/groups';
import type { Event } from '../../shared/api/events';
import type { Session } from '../../shared/api/training';
import { formatRational, rational, sum } from '../../shared/domain/decimal';
import { compareNames } from '../../shared/domain/names';
import type { Locale } from '../../shared/domain/vocabulary';
import { translate } from '../../shared/i18n';
import type { Translate } from '../../shared/api/training-documents';
import { wallClock } from '../../shared/domain/sessionTime';
import { fonts, type Content } from './pdf';

export const translator =
  (locale: Locale): Translate =>
  (key, params) =>
    translate(locale, key, params);

/** The class as its documents print it. */
export type TrainingEvent = Pick<
  Event,
  'title' | 'term' | 'startsOn' | 'endsOn' | 'venue' | 'organizer' | 'classTeacher' | 'contact'
>;

/** The class title with its 期次: "观山湖区委党校社区工作者培训班（第一期）". */
export function classTitle(event: Pick<TrainingEvent, 'title' | 'term'>, locale: Locale): string {
  if (!event.term || event.title.includes(event.term)) return event.title;
  return locale === 'zh-CN' ? `${event.title}（${event.term}）` : `${event.title} (${event.term})`;
}

/** The top of a class's paper: the class (with its 期次) and what the paper is, e.g. 课程表 or 签到表. */
export function classHeading(title: string, documentName: string, locale: Locale): Content[] {
  return [
    { text: title, font: fonts.serif, bold: true, fontSize: 15, alignment: 'center', margin: [0, 0, 0, 4] },
    {
      text: documentName,
      font: fonts.serif,
      bold: true,
      fontSize: 20,
      alignment: 'center',
      // Spaced out as Chinese titles are set (课 程 表); a Latin word keeps its letters together.
      characterSpacing: locale === 'zh-CN' ? 4 : 0,
      margin: [0, 0, 0, 8],
    },
  ];
}

/** "1.5" + "3.0" = "4.5": credit hours added exactly, one decimal. */
export function totalHours(hours: readonly string[]): string {
  return formatRational(sum(hours.map((h) => rational(Math.round(Number(h) * 10), 10))), 1);
}

/** `part` of `whole` as a percentage with one decimal ("80.0"), exact; "0.0" when there is no whole. */
export function percent(part: number, whole: number): string {
  return whole === 0 ? formatRational(rational(0), 1) : formatRational(rational(part * 100, whole), 1);
}

/** Sessions by day, in time order, each day's sessions in time order. */
export function sessionsByDay<S extends Pick<Session, 'startsAt'>>(sessions: readonly S[]): Array<[string, S[]]> {
  // Compared as instants, as the host orders them (times may carry different offsets).
  const sorted = [...sessions].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const days = new Map<string, S[]>();
  for (const session of sorted) {
    const date = wallClock(session.startsAt).date;
    days.set(date, [...(days.get(date) ?? []), session]);
  }
  return [...days];
}

export { compareGroups };

/** By group, then by the pinyin of the name: the order of a paper list. */
export function byGroupThenName<P extends { name: string; group: string | null }>(people: readonly P[]): P[] {
  return [...people].sort((a, b) => compareGroups(a.group, b.group) || compareNames(a.name, b.name));
}
