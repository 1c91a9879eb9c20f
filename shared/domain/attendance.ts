// Training vocabulary and attendance rules: pure functions of plain data (no clock, no database).
import { compare, formatUnits, rational, roundHalfUp, type Rational } from './decimal';

/** 主会场 main classroom, 分会场 sub-classroom, 现场教学点 teaching site. */
export const venueKinds = ['main', 'sub', 'site'] as const;
export type VenueKind = (typeof venueKinds)[number];

/** 专题授课, 分组讨论, 现场教学, 案例交流, 考试, 开班式, 结业式. */
export const sessionKinds = [
  'lecture',
  'discussion',
  'site-visit',
  'case-study',
  'exam',
  'opening',
  'closing',
] as const;
export type SessionKind = (typeof sessionKinds)[number];

/** 出勤, 迟到, 请假, 缺勤, 早退. */
export const attendanceStatuses = ['present', 'late', 'leave', 'absent', 'early'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];

/** How 请假 counts for completion: as a missed session (default), or left out of the rate. */
export const leaveRules = ['missed', 'excused'] as const;
export type LeaveRule = (typeof leaveRules)[number];

/** Minutes after the start before a check-in counts as late. */
export const defaultGraceMinutes = 10;

// ── Rules ─────────────────────────────────────────────────────────────────

const minuteMs = 60_000;
const hourMs = 3_600_000;

/** A check-in at `at` (epoch ms): present until start + grace minutes, late after. */
export function checkinStatus(startsAt: number, graceMinutes: number, at: number): 'present' | 'late' {
  return at > startsAt + graceMinutes * minuteMs ? 'late' : 'present';
}

/** A session counts towards the rate once it has started. */
export function isHeld(startsAt: number, now: number): boolean {
  return startsAt <= now;
}

/** Default credit hours of a session, in tenths: its length, rounded half up (3 h → 30, 1 h 40 min → 17). */
export function defaultHoursTenths(startsAt: number, endsAt: number): number {
  return Number(roundHalfUp(rational(Math.max(0, endsAt - startsAt), hourMs), 1));
}

/** Tenths as text with one decimal: 30 → "3.0". */
export function formatTenths(tenths: number): string {
  return formatUnits(BigInt(tenths), 1);
}

/** What counts as having attended: 出勤, 迟到 and 早退. */
export function isAttended(status: AttendanceStatus | null): boolean {
  return status === 'present' || status === 'late' || status === 'early';
}

export interface HeldSession {
  /** The trainee's status in this session, or null when nothing is recorded. */
  status: AttendanceStatus | null;
  hoursTenths: number;
}

export interface TraineeAttendance {
  attended: number;
  leave: number;
  /** The rate's denominator: held sessions, less leave when leave is excused. */
  counted: number;
  /** Percent with one decimal, rounded half up: "80.0". */
  rate: string;
  /** Credit hours of the attended sessions, one decimal. */
  hours: string;
  hoursTenths: number;
}

/** One trainee over the sessions held so far. */
export function traineeAttendance(held: readonly HeldSession[], leaveRule: LeaveRule): TraineeAttendance {
  const attended = held.filter((s) => isAttended(s.status));
  const leave = held.filter((s) => s.status === 'leave').length;
  const counted = leaveRule === 'excused' ? held.length - leave : held.length;
  const rate = counted === 0 ? 0n : roundHalfUp(rational(attended.length * 100, counted), 1);
  const hoursTenths = attended.reduce((total, s) => total + s.hoursTenths, 0);
  return {
    attended: attended.length,
    leave,
    counted,
    rate: formatUnits(rate, 1),
    hours: formatTenths(hoursTenths),
    hoursTenths,
  };
}

export interface CompletionRule {
  /** Percent, e.g. 80 or 66.7. */
  minRate: number;
  leave: LeaveRule;
  minHours?: number | undefined;
}

export const defaultCompletionRule: CompletionRule = { minRate: 80, leave: 'missed' };

/**
 * Whether a trainee completes: the shown rate (one decimal) at least minRate, and the hours at least
 * minHours when set; the organiser's override, when there is one, wins.
 */
export function completes(trainee: TraineeAttendance, rule: CompletionRule, override?: boolean): boolean {
  if (override !== undefined) return override;
  const rate = rational(BigInt(trainee.rate.replace('.', '')), 10);
  if (compare(rate, exactNumber(rule.minRate)) < 0) return false;
  if (rule.minHours === undefined) return true;
  return compare(rational(trainee.hoursTenths, 10), exactNumber(rule.minHours)) >= 0;
}

/** Counts of one session for the desk and the projector: everyone expected, and how many are in. */
export function sessionCounts(
  expected: number,
  statuses: readonly (AttendanceStatus | null)[],
): { expected: number; present: number; late: number; leave: number } {
  const count = (status: AttendanceStatus) => statuses.filter((s) => s === status).length;
  return { expected, present: count('present') + count('early'), late: count('late'), leave: count('leave') };
}

/** A number as typed (80, 66.7, 2.5) as an exact fraction: no float comparison. */
export function exactNumber(value: number): Rational {
  const text = String(value);
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return rational(Math.round(value * 1000), 1000);
  const [, sign = '', whole = '0', fraction = ''] = m;
  return rational(BigInt(`${sign}${whole}${fraction}`), 10n ** BigInt(fraction.length));
}

/** Credit hours as typed, in tenths, rounded half up: 2.5 → 25, 1.25 → 13. */
export function hoursToTenths(hours: number): number {
  return Number(roundHalfUp(exactNumber(hours), 1));
}

/**
 * The wall-clock time (HH:MM) of the instant `at`, in the offset the schedule is written in
 * ("2026-03-02T09:00:00+08:00" → +08:00); a schedule without an offset is in `localOffsetMinutes`.
 */
export function clockTime(at: number, scheduleTime: string, localOffsetMinutes: number): string {
  const m = /(?:([+-])(\d{2}):?(\d{2})|Z)$/.exec(scheduleTime);
  const offset = !m ? localOffsetMinutes : m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  const shifted = new Date(at + offset * minuteMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
}
