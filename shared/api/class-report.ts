// The class report (结班材料) and study-session counts (学习讨论统计): answers and the names files are saved under.
import { z } from 'zod';
import { formatDateRange } from '../domain/dates';
import type { Locale } from '../domain/vocabulary';
import { fileSafe } from './documents';
import type { Translate } from './training-documents';

const MonthCount = z.object({ sessions: z.number().int(), attended: z.number().int() });

/** Sessions held so far and their attendance (present + late + early), per organisation (居民区) and month. */
export const StudyCounts = z.object({
  /** 'YYYY-MM' of every month that had a session, in order. */
  months: z.array(z.string()),
  /** Most sessions first, then in pinyin order; `organization` null for sessions that name none (last). */
  rows: z.array(
    z.object({
      organization: z.string().nullable(),
      sessions: z.number().int(),
      attended: z.number().int(),
      months: z.record(z.string(), MonthCount),
    }),
  ),
  sessions: z.number().int(),
  attended: z.number().int(),
});
export type StudyCounts = z.infer<typeof StudyCounts>;

export const classReportFiles = ['pdf', 'xlsx'] as const;

/** "观山湖区…培训班-结班材料-2024年7月1日至5日.pdf". */
export function classReportFileName(
  t: Translate,
  locale: Locale,
  file: (typeof classReportFiles)[number],
  event: { title: string; startsOn: string; endsOn?: string | null },
): string {
  return t(`classReport.file.${file}`, {
    title: fileSafe(event.title),
    date: formatDateRange(event.startsOn, event.endsOn, locale),
  });
}

/** "…-学习讨论统计-2024年7月1日至12月31日.xlsx". */
export function studyCountsFileName(
  t: Translate,
  locale: Locale,
  event: { title: string; startsOn: string; endsOn?: string | null },
): string {
  return t('studyCounts.file.xlsx', {
    title: fileSafe(event.title),
    date: formatDateRange(event.startsOn, event.endsOn, locale),
  });
}

/** "2024年7月" (zh-CN) or "7/2024" (en): a month column of the counts. */
export function monthLabel(month: string, t: Translate): string {
  const [year = '', number = ''] = month.split('-');
  return t('studyCounts.month', { year, month: String(Number(number)) });
}
