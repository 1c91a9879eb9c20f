// A training class's attendance workbook (考勤汇总): the trainees × sessions matrix with rates and completion,
// the counts per group and per venue, and per session. Pure: the attendance summary in, .xlsx bytes out.
import type { AttendanceSummary } from '../../shared/api/training';
import type { AttendanceStatus } from '../../shared/domain/attendance';
import { attendanceStatuses } from '../../shared/domain/attendance';
import { formatDateRange } from '../../shared/domain/dates';
import type { Locale } from '../../shared/domain/vocabulary';
import { dayLine, timeRange, type Translate } from '../../shared/api/training-documents';
import { wallClock } from '../../shared/domain/sessionTime';
import { classTitle, compareGroups, percent, sessionsByDay, translator, type TrainingEvent } from './training-data';
import { placeOf } from './schedule';
import { decimalsFormat, workbookBytes, type Cell, type Table } from './xlsx-write';

export interface AttendanceInput {
  event: TrainingEvent;
  summary: AttendanceSummary;
}

type Row = AttendanceSummary['rows'][number];

/** The mark a status gets in the matrix: ✓ 迟 假 ✗ 退; blank when nothing is recorded yet. */
export function attendanceMark(status: AttendanceStatus | null, t: Translate): string {
  return status === null ? '' : t(`trainingDocs.attendance.mark.${status}`);
}

/** A rate string ("80.0") as a number cell Excel shows as 80.0%. */
function rateCell(rate: string): Cell {
  return { value: Number(rate) / 100, format: '0.0%' };
}

/** Counts over some trainees × some sessions; a session with nothing recorded counts as absent. */
export interface Tally {
  expected: number;
  attended: number;
  late: number;
  leave: number;
  absent: number;
  early: number;
}

export function tally(rows: readonly Row[], sessionIds: readonly number[]): Tally {
  const counts: Tally = { expected: 0, attended: 0, late: 0, leave: 0, absent: 0, early: 0 };
  for (const row of rows) {
    for (const id of sessionIds) {
      const status = row.statuses[String(id)] ?? null;
      counts.expected++;
      if (status === 'present' || status === 'late' || status === 'early') counts.attended++;
      if (status === 'late') counts.late++;
      if (status === 'early') counts.early++;
      if (status === 'leave') counts.leave++;
      if (status === 'absent' || status === null) counts.absent++;
    }
  }
  return counts;
}

const tallyCells = (c: Tally): Cell[] => [
  c.expected,
  c.attended,
  c.late,
  c.leave,
  c.absent,
  c.early,
  rateCell(percent(c.attended, c.expected)),
];

/** One session's counts: everyone the host expects there, and the absent among them once it is held. */
export function sessionTally(
  summary: AttendanceSummary,
  sessionId: number,
  isHeld: boolean,
  expectedAt = new Map(summary.perSession.map((p) => [p.sessionId, p.expected])),
): { counts: Tally; expected: number; absent: number } {
  const counts = tally(summary.rows, [sessionId]);
  // The host knows who is expected at a session (a sub-classroom's own trainees); the rest is counted here.
  const expected = expectedAt.get(sessionId) ?? counts.expected;
  return { counts, expected, absent: isHeld ? Math.max(0, expected - counts.attended - counts.leave) : 0 };
}

/** "7/3 09:00": a session's column in the matrix (the sessions sheet has the titles). */
function sessionColumn(startsAt: string): string {
  const { date, time } = wallClock(startsAt);
  const [, month = '', day = ''] = date.split('-');
  return `${Number(month)}/${Number(day)} ${time}`;
}

export function attendanceWorkbook(input: AttendanceInput, locale: Locale): Uint8Array {
  const t = translator(locale);
  const { event, summary } = input;
  const title = classTitle(event, locale);
  const date = formatDateRange(event.startsOn, event.endsOn, locale);
  const sessions = sessionsByDay(summary.sessions).flatMap(([, day]) => day);
  const held = sessions.map((s) => s.id).filter((id) => summary.heldSessionIds.includes(id));
  const yes = t('trainingDocs.attendance.yes');
  const no = t('trainingDocs.attendance.no');

  // The columns of a Tally's cells: 应到 实到 迟到 请假 缺勤 早退 出勤率.
  const countColumns = (['expected', 'present', 'late', 'leave', 'absent', 'early', 'rate'] as const).map((c) =>
    t(`trainingDocs.col.${c}`),
  );

  const legend = [
    ...attendanceStatuses.map((status) =>
      t('trainingDocs.attendance.legendPart', {
        mark: attendanceMark(status, t),
        status: t(`attendance.status.${status}`),
      }),
    ),
    t('trainingDocs.attendance.legendBlank'),
  ].join('　');

  const matrix: Table = {
    name: t('trainingDocs.attendance.sheet.matrix'),
    title,
    caption: t('trainingDocs.attendance.caption.matrix', { date, legend }),
    header: [
      t('documents.col.number'),
      t('documents.col.name'),
      t('trainingDocs.col.group'),
      t('trainingDocs.col.venue'),
      ...sessions.map((s) => sessionColumn(s.startsAt)),
      t('trainingDocs.col.attended'),
      t('trainingDocs.col.rate'),
      t('trainingDocs.col.hours'),
      t('trainingDocs.col.completes'),
    ],
    rows: summary.rows.map((row, index) => [
      index + 1,
      row.name,
      row.group,
      row.venue,
      ...sessions.map((s) => attendanceMark(row.statuses[String(s.id)] ?? null, t)),
      row.attended,
      rateCell(row.rate),
      { value: Number(row.hours), format: decimalsFormat(1) },
      row.completes ? yes : no,
    ]),
    empty: t('trainingDocs.attendance.empty'),
  };

  const section = (by: 'byGroup' | 'byVenue', keyOf: (row: Row) => string | null, none: string): Cell[][] => {
    const keys = [...new Set(summary.rows.map(keyOf))];
    if (keys.every((key) => key === null)) return [];
    return keys.sort(compareGroups).map((key) => {
      const members = summary.rows.filter((row) => keyOf(row) === key);
      return [t(`trainingDocs.attendance.${by}`), key ?? none, members.length, ...tallyCells(tally(members, held))];
    });
  };
  const groups: Table = {
    name: t('trainingDocs.attendance.sheet.groups'),
    title,
    caption: t('trainingDocs.attendance.caption.groups', { date, held: held.length }),
    header: [t('trainingDocs.col.by'), t('trainingDocs.col.category'), t('trainingDocs.col.people'), ...countColumns],
    rows:
      summary.rows.length === 0
        ? []
        : [
            ...section('byGroup', (row) => row.group, t('trainingDocs.attendance.noGroup')),
            ...section('byVenue', (row) => row.venue, t('trainingDocs.attendance.noVenue')),
            [t('trainingDocs.attendance.total'), '', summary.rows.length, ...tallyCells(tally(summary.rows, held))],
          ],
    empty: t('trainingDocs.attendance.empty'),
  };

  const expectedAt = new Map(summary.perSession.map((p) => [p.sessionId, p.expected]));
  const perSession: Table = {
    name: t('trainingDocs.attendance.sheet.sessions'),
    title,
    caption: t('trainingDocs.attendance.caption.sessions', { date }),
    header: [
      t('trainingDocs.col.date'),
      t('trainingDocs.col.time'),
      t('trainingDocs.col.course'),
      t('trainingDocs.col.place'),
      ...countColumns,
      t('documents.col.note'),
    ],
    rows: sessions.map((s) => {
      const isHeld = held.includes(s.id);
      const { counts, expected, absent } = sessionTally(summary, s.id, isHeld, expectedAt);
      return [
        dayLine(wallClock(s.startsAt).date, t, locale),
        timeRange(s, t),
        s.title,
        placeOf(s),
        expected,
        counts.attended,
        counts.late,
        counts.leave,
        absent,
        counts.early,
        isHeld ? rateCell(percent(counts.attended, expected)) : null,
        isHeld ? '' : t('trainingDocs.attendance.notHeld'),
      ];
    }),
    empty: t('trainingDocs.attendance.noSessions'),
  };

  return workbookBytes([matrix, groups, perSession]);
}
