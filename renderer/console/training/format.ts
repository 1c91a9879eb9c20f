// How the training tabs write a session's when, a check-in's time and a status's mark; days, times and file names
// come from shared/api/training-documents.ts, as the printed documents write them.
import { timeRange } from '../../../shared/api/training-documents';
import { formatDate } from '../../../shared/domain/dates';
import type { AttendanceStatus } from '../../../shared/domain/attendance';
import type { Locale } from '../../../shared/domain/vocabulary';
import type { MessageKey } from '../../../shared/i18n';
import type { Translate } from '../../ui/i18n';
import { wallClock } from '../../../shared/domain/sessionTime';

/** "2024年9月9日 09:00—11:30": a session's when, in one line. */
export function sessionWhen(session: { startsAt: string; endsAt: string }, t: Translate, locale: Locale): string {
  return `${formatDate(wallClock(session.startsAt).date, locale)} ${timeRange(session, t)}`;
}

/** "09:03": the local time of a moment the host recorded (a check-in). */
export function clockTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}

export const statusMarks: Record<AttendanceStatus, MessageKey> = {
  present: 'trainingDocs.attendance.mark.present',
  late: 'trainingDocs.attendance.mark.late',
  leave: 'trainingDocs.attendance.mark.leave',
  absent: 'trainingDocs.attendance.mark.absent',
  early: 'trainingDocs.attendance.mark.early',
};
