// A training class's schedule (课程表): an A4 PDF with a table per day, grouped into morning, afternoon
// and evening, and the same as one Excel sheet. Pure: plain data in, a document definition or bytes out.
import type { Session } from '../../shared/api/training';
import { formatDateRange } from '../../shared/domain/dates';
import type { Locale } from '../../shared/domain/vocabulary';
import type { Content, TableCell, TDocumentDefinitions } from './pdf';
import { a4Document, fit, grey } from './sheets';
import { dayLine, timeRange, type Translate } from '../../shared/api/training-documents';
import { periodOf, wallClock, type Period } from '../../shared/domain/sessionTime';
import { classHeading, classTitle, sessionsByDay, totalHours, translator, type TrainingEvent } from './training-data';
import { decimalsFormat, workbookBytes, type Table } from './xlsx-write';

export interface ScheduleInput {
  event: TrainingEvent;
  /** Any order; the schedule sorts them by time. */
  sessions: readonly Session[];
}

/** Where a session takes place: the place and the venue, or whichever of them is set. */
export function placeOf(session: Pick<Session, 'location' | 'venueName'>): string {
  const { location, venueName } = session;
  if (location && venueName && location !== venueName) return `${location} / ${venueName}`;
  return location ?? venueName ?? '';
}

function summaryLine(sessions: readonly Session[], t: Translate): string {
  return t('trainingDocs.schedule.summary', {
    count: sessions.length,
    hours: totalHours(sessions.map((s) => s.hours)),
  });
}

const cellSize = 9;
const bold = { bold: true, alignment: 'center' } as const;

/** A day's sessions with how many rows each part of the day spans (the first session of a part carries it). */
function withPeriodSpans(day: readonly Session[]): Array<{ session: Session; period: Period; span: number }> {
  const rows = day.map((session) => ({ session, period: periodOf(wallClock(session.startsAt).minutes), span: 0 }));
  rows.forEach((row, i) => {
    if (i > 0 && rows[i - 1]?.period === row.period) return;
    let span = 1;
    while (rows[i + span]?.period === row.period) span++;
    row.span = span;
  });
  return rows;
}

/** The schedule as an A4 PDF: the class and its 期次 on top, then a table per day. */
export function scheduleDocument(input: ScheduleInput, locale: Locale): TDocumentDefinitions {
  const t = translator(locale);
  const { event } = input;
  const days = sessionsByDay(input.sessions);
  const title = classTitle(event, locale);

  const header: TableCell[] = [
    { text: t('trainingDocs.col.period'), ...bold },
    { text: t('trainingDocs.col.time'), ...bold },
    { text: t('trainingDocs.col.course'), ...bold },
    { text: t('trainingDocs.col.kind'), ...bold },
    { text: t('trainingDocs.col.teacher'), ...bold },
    { text: t('trainingDocs.col.place'), ...bold },
    { text: t('trainingDocs.col.hours'), ...bold },
  ];
  const all = input.sessions;
  const widths = [
    fit([t('trainingDocs.col.period'), t('trainingDocs.period.afternoon')], 10, { bold: true }),
    fit(['00:00—00:00', ...all.map((s) => timeRange(s, t))], cellSize),
    '*' as const,
    fit([t('trainingDocs.col.kind'), ...all.map((s) => t(`session.kind.${s.kind}`))], cellSize, { bold: true }),
    fit([t('trainingDocs.col.teacher'), ...all.flatMap((s) => [s.teacher ?? '', s.teacherTitle ?? ''])], cellSize, {
      bold: true,
      max: 100,
    }),
    fit([t('trainingDocs.col.place'), ...all.map(placeOf)], cellSize, { bold: true, max: 90 }),
    fit([t('trainingDocs.col.hours'), '10.0'], 10, { bold: true }),
  ];

  const dayTable = ([date, sessions]: [string, Session[]]): Content => {
    const rows = withPeriodSpans(sessions).map(({ session, period, span }): TableCell[] => {
      const periodCell: TableCell =
        span > 0
          ? {
              text: t(`trainingDocs.period.${period}`),
              rowSpan: span,
              alignment: 'center',
              bold: true,
              fillColor: '#f2f2f2',
            }
          : {};
      const teacher: TableCell = {
        text: [
          { text: session.teacher ?? '' },
          ...(session.teacherTitle ? [{ text: `\n${session.teacherTitle}`, fontSize: 8, color: grey }] : []),
        ],
      };
      return [
        periodCell,
        { text: timeRange(session, t), alignment: 'center', noWrap: true },
        { text: session.title, bold: true },
        { text: t(`session.kind.${session.kind}`), alignment: 'center' },
        teacher,
        { text: placeOf(session) },
        { text: session.hours, alignment: 'center' },
      ];
    });
    return {
      stack: [
        { text: dayLine(date, t, locale), bold: true, fontSize: 12, margin: [0, 12, 0, 4] },
        { table: { headerRows: 1, dontBreakRows: true, widths, body: [header, ...rows] }, fontSize: cellSize },
      ],
      // A short day stays on one page with its heading; a long one may run on (its header row repeats).
      unbreakable: rows.length <= 8,
    };
  };

  const dates = formatDateRange(event.startsOn, event.endsOn, locale);
  const people = [
    event.classTeacher ? t('trainingDocs.schedule.classTeacher', { name: event.classTeacher }) : null,
    event.contact ? t('trainingDocs.schedule.contact', { contact: event.contact }) : null,
  ].filter((line) => line !== null);

  const content: Content[] = [
    ...classHeading(title, t('trainingDocs.schedule.title'), locale),
    {
      columns: [
        { text: event.venue ? t('documents.pdf.dateVenue', { date: dates, venue: event.venue }) : dates, width: '*' },
        { text: event.organizer ?? '', alignment: 'right', width: 'auto' },
      ],
      fontSize: 10,
    },
    ...(people.length > 0 ? [{ text: people.join('　'), fontSize: 10, margin: [0, 2, 0, 0] } satisfies Content] : []),
    ...(days.length === 0
      ? [{ text: t('trainingDocs.schedule.empty'), margin: [0, 24, 0, 0], alignment: 'center' } satisfies Content]
      : days.map(dayTable)),
    ...(days.length === 0
      ? []
      : [{ text: summaryLine(input.sessions, t), fontSize: 9, color: grey, margin: [0, 8, 0, 0] } satisfies Content]),
  ];
  return a4Document(t, 'portrait', `${title} ${t('trainingDocs.schedule.title')}`, content);
}

/** The schedule as one sheet: a row per session in time order, with its day and part of the day. */
export function scheduleWorkbook(input: ScheduleInput, locale: Locale): Uint8Array {
  const t = translator(locale);
  const { event } = input;
  const sessions = sessionsByDay(input.sessions).flatMap(([, day]) => day);
  const date = formatDateRange(event.startsOn, event.endsOn, locale);
  const table: Table = {
    name: t('trainingDocs.schedule.sheet'),
    title: classTitle(event, locale),
    caption:
      sessions.length > 0
        ? t('trainingDocs.schedule.captionSummary', { date, summary: summaryLine(sessions, t) })
        : t('trainingDocs.schedule.caption', { date }),
    header: [
      t('trainingDocs.col.date'),
      t('trainingDocs.col.period'),
      t('trainingDocs.col.time'),
      t('trainingDocs.col.course'),
      t('trainingDocs.col.kind'),
      t('trainingDocs.col.teacher'),
      t('trainingDocs.col.teacherTitle'),
      t('trainingDocs.col.place'),
      t('trainingDocs.col.hours'),
    ],
    rows: sessions.map((s) => {
      const start = wallClock(s.startsAt);
      return [
        dayLine(start.date, t, locale),
        t(`trainingDocs.period.${periodOf(start.minutes)}`),
        timeRange(s, t),
        s.title,
        t(`session.kind.${s.kind}`),
        s.teacher,
        s.teacherTitle,
        placeOf(s),
        { value: Number(s.hours), format: decimalsFormat(1) },
      ];
    }),
    empty: t('trainingDocs.schedule.empty'),
  };
  return workbookBytes([table]);
}
