// How a training class's documents write days, times and file names; the host's documents and the console's
// training tabs both use these, so a day reads the same on paper and on screen.
import { formatDate, formatDateRange } from '../domain/dates';
import { wallClock } from '../domain/sessionTime';
import type { Locale } from '../domain/vocabulary';
import type { MessageKey, MessageParams } from '../i18n';
import { fileSafe } from './documents';

export type Translate = (key: MessageKey, params?: MessageParams) => string;

// Sunday first, as Date.getUTCDay counts.
const weekdays: readonly MessageKey[] = [
  'trainingDocs.weekday.0',
  'trainingDocs.weekday.1',
  'trainingDocs.weekday.2',
  'trainingDocs.weekday.3',
  'trainingDocs.weekday.4',
  'trainingDocs.weekday.5',
  'trainingDocs.weekday.6',
];

/** "2024年7月3日 星期三" (zh-CN) or "Wednesday 3 Jul 2024" (en), as the printed schedule heads a day. */
export function dayLine(date: string, t: Translate, locale: Locale): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const weekday = weekdays[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  return t('trainingDocs.dayLine', { date: formatDate(date, locale), weekday: weekday ? t(weekday) : '' });
}

/** "09:00—11:30" on the session's own day. */
export function timeRange(session: { startsAt: string; endsAt: string }, t: Translate): string {
  return t('trainingDocs.timeRange', { from: wallClock(session.startsAt).time, to: wallClock(session.endsAt).time });
}

export const trainingFiles = ['schedulePdf', 'scheduleXlsx', 'attendanceXlsx', 'signinSheet'] as const;
export type TrainingFile = (typeof trainingFiles)[number];

/** "观山湖区委党校…培训班-签到表-开班式-2024年7月1日至5日.pdf": the name a class's document is saved under. */
export function trainingFileName(
  t: Translate,
  locale: Locale,
  file: TrainingFile,
  event: { title: string; startsOn: string; endsOn?: string | null },
  session?: string,
): string {
  return t(`trainingDocs.file.${file}`, {
    title: fileSafe(event.title),
    date: formatDateRange(event.startsOn, event.endsOn, locale),
    session: fileSafe(session ?? ''),
  });
}
