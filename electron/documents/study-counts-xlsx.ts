// Study-session counts (学习讨论统计) as the street reports them: organisations × months, sessions and attendances,
// totals by row and column, under the sentence the report opens with ("各居民区已累计开展了46次学习讨论").
import { monthLabel, type StudyCounts } from '../../shared/api/class-report';
import { formatDate } from '../../shared/domain/dates';
import type { Locale } from '../../shared/domain/vocabulary';
import { classTitle, translator, type TrainingEvent } from './training-data';
import { workbookBytes, type Cell, type Table } from './xlsx-write';

export interface StudyCountsInput {
  event: TrainingEvent;
  counts: StudyCounts;
  /** The day the counts were taken (YYYY-MM-DD): sessions after it are not counted yet. */
  asOf: string;
}

export function studyCountsWorkbook(input: StudyCountsInput, locale: Locale): Uint8Array {
  const t = translator(locale);
  const { counts } = input;
  const monthCells = (months: StudyCounts['rows'][number]['months']): Cell[] =>
    counts.months.flatMap((month) => [months[month]?.sessions ?? 0, months[month]?.attended ?? 0]);
  const total: StudyCounts['rows'][number]['months'] = Object.fromEntries(
    counts.months.map((month) => [
      month,
      {
        sessions: counts.rows.reduce((n, row) => n + (row.months[month]?.sessions ?? 0), 0),
        attended: counts.rows.reduce((n, row) => n + (row.months[month]?.attended ?? 0), 0),
      },
    ]),
  );
  const table: Table = {
    name: t('studyCounts.sheet'),
    title: t('studyCounts.headline', { count: counts.sessions }),
    caption: t('studyCounts.caption', {
      title: classTitle(input.event, locale),
      attended: counts.attended,
      date: formatDate(input.asOf, locale),
    }),
    header: [
      t('studyCounts.col.organization'),
      ...counts.months.flatMap((month) => [
        t('studyCounts.col.monthSessions', { month: monthLabel(month, t) }),
        t('studyCounts.col.monthAttended', { month: monthLabel(month, t) }),
      ]),
      t('studyCounts.col.totalSessions'),
      t('studyCounts.col.totalAttended'),
    ],
    rows:
      counts.rows.length === 0
        ? []
        : [
            ...counts.rows.map((row) => [
              row.organization ?? t('studyCounts.unspecified'),
              ...monthCells(row.months),
              row.sessions,
              row.attended,
            ]),
            [t('studyCounts.total'), ...monthCells(total), counts.sessions, counts.attended],
          ],
    empty: t('studyCounts.empty'),
  };
  return workbookBytes([table]);
}
