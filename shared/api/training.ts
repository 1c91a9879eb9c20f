import { z } from 'zod';
import { CheckinCode, PublicCheckinResult, PublicCheckinSession } from './checkin';
import { CheckinCandidate } from './errors';
import { attendanceStatuses, leaveRules, sessionKinds, venueKinds } from '../domain/attendance';
import { idParam, labelled, optionalText, text } from './fields';

// API v1, training part: venues, the schedule, desks, check-in, attendance and completion.

export const VenueParams = z.strictObject({ id: idParam, vid: idParam });
export const SessionParams = z.strictObject({ id: idParam, sid: idParam });
export const AttendanceParams = z.strictObject({ id: idParam, sid: idParam, pid: idParam });
export const DeskParams = z.strictObject({ id: idParam, did: idParam });
/** The 4-digit self check-in code of a session, as shown on the projector and the poster. */
export const CheckinCodeParams = z.strictObject({ code: CheckinCode });

// ── Venues ────────────────────────────────────────────────────────────────

export const VenueInput = z.strictObject({
  name: text('venue.name', 100),
  kind: labelled(z.enum(venueKinds), 'venue.kind'),
  address: optionalText('venue.address', 200),
});
export type VenueInput = z.input<typeof VenueInput>;

export const Venue = z.object({
  id: z.number().int(),
  eventId: z.number().int(),
  name: z.string(),
  kind: z.enum(venueKinds),
  address: z.string().nullable(),
});
export type Venue = z.infer<typeof Venue>;

// ── The schedule ──────────────────────────────────────────────────────────

/**
 * A session's time: ISO 8601 date and time, with or without an offset (without one it is the host's local time).
 * It is answered as given; schedules print its wall-clock part.
 */
const sessionTime = (label: 'session.startsAt' | 'session.endsAt') =>
  labelled(z.iso.datetime({ local: true, offset: true }), label);

export const SessionInput = z
  .strictObject({
    title: text('session.title', 200),
    startsAt: sessionTime('session.startsAt'),
    endsAt: sessionTime('session.endsAt'),
    kind: labelled(z.enum(sessionKinds), 'session.kind').optional(),
    teacher: optionalText('session.teacher', 100),
    /** The teacher's title and unit, e.g. 区委党校副教授. */
    teacherTitle: optionalText('session.teacherTitle', 200),
    location: optionalText('session.location', 200),
    venueId: labelled(z.number().int().positive(), 'session.venue').optional(),
    /** Credit hours (学时); by default the length in hours, to one decimal. */
    hours: labelled(z.number().min(0).max(24), 'session.hours').optional(),
    /** The organisation (居民区) that held it, for a street's study-session counts. */
    organization: optionalText('session.organization', 100),
  })
  .refine((s) => Date.parse(s.endsAt) > Date.parse(s.startsAt), { path: ['endsAt'], message: 'timeOrder' });
export type SessionInput = z.input<typeof SessionInput>;

export const Session = z.object({
  id: z.number().int(),
  eventId: z.number().int(),
  title: z.string(),
  kind: z.enum(sessionKinds),
  startsAt: z.string(),
  endsAt: z.string(),
  teacher: z.string().nullable(),
  teacherTitle: z.string().nullable(),
  location: z.string().nullable(),
  venueId: z.number().int().nullable(),
  venueName: z.string().nullable(),
  /** Credit hours, one decimal: "3.0". */
  hours: z.string(),
  /** Other sessions in the same venue whose time overlaps this one (a warning, not a refusal). */
  overlaps: z.array(z.number().int()),
  selfCheckinOpen: z.boolean(),
  /** The organisation (居民区) that held it; absent in answers of hosts before study-session counts. */
  organization: z.string().nullable().optional(),
});
export type Session = z.infer<typeof Session>;

// ── Desks (签到台): a token that can check trainees in and read the list, nothing else ──

export const DeskCreate = z.strictObject({ name: text('desk.name', 50) });
export const Desk = z.object({
  id: z.number().int(),
  eventId: z.number().int(),
  name: z.string(),
  /** Shown once when the desk is made, and to the admin in the desk list. */
  token: z.string(),
  joinUrl: z.string(),
  createdAt: z.string(),
});
export type Desk = z.infer<typeof Desk>;

// ── Check-in ──────────────────────────────────────────────────────────────

/** Exactly one way to name the trainee; `paper` marks a signature from the printed sign-in sheet. */
export const CheckinInput = z.union([
  z.strictObject({
    participantId: labelled(z.number().int().positive(), 'participant.name'),
    paper: z.boolean().optional(),
  }),
  z.strictObject({ phone: text('participant.phone', 30) }),
  z.strictObject({ name: text('participant.name', 50) }),
]);
export type CheckinInput = z.input<typeof CheckinInput>;

export const Checkin = z.object({
  participantId: z.number().int(),
  name: z.string(),
  group: z.string().nullable(),
  status: z.enum(['present', 'late']),
  at: z.string(),
});
export type Checkin = z.infer<typeof Checkin>;

/** Listed with a 409 `ambiguous` (defined with the error shape, which carries it). */
export { CheckinCandidate };

/** The desk's list for one session: everyone expected, with how they stand. */
export const RosterQuery = z.strictObject({ session: idParam });
export const RosterRow = z.object({
  participantId: z.number().int(),
  name: z.string(),
  /** Pinyin initials of the name, lower case ("lyh" for 刘友红), for typing at the desk. */
  initials: z.string(),
  /** Full pinyin without tones or spaces ("liuyouhong"). */
  pinyin: z.string(),
  organization: z.string().nullable(),
  group: z.string().nullable(),
  phoneTail: z.string().nullable(),
  status: z.enum(attendanceStatuses).nullable(),
  at: z.string().nullable(),
});
export type RosterRow = z.infer<typeof RosterRow>;

export const AttendanceInput = z.strictObject({
  status: labelled(z.enum(attendanceStatuses), 'attendance.status'),
  reason: optionalText('attendance.reason', 200),
});
export const AttendanceRecord = z.object({
  sessionId: z.number().int(),
  participantId: z.number().int(),
  status: z.enum(attendanceStatuses),
  at: z.string().nullable(),
  reason: z.string().nullable(),
});

// ── Self check-in by phone (扫码签到) ───────────────────────────────────────

export const SelfCheckinInput = z.strictObject({
  open: labelled(z.boolean(), 'selfCheckin.open'),
  rotateSeconds: labelled(z.number().int().min(10).max(3600), 'selfCheckin.rotateSeconds').optional(),
});
export const SelfCheckinState = z.object({
  open: z.boolean(),
  /** The current 4-digit code (null when closed). */
  code: z.string().nullable(),
  /** What the QR code holds: the venue address of `#/checkin/CODE`. */
  url: z.string().nullable(),
  rotateSeconds: z.number().int(),
});

/** What a trainee's phone shows before they type their number: no names. */
export const PublicCheckinInput = z.strictObject({
  phone: text('participant.phone', 30),
  /** A random id the phone keeps, so one phone checks in one person per session. */
  device: text('checkin.device', 64),
});
export { PublicCheckinResult, PublicCheckinSession };

export const AttendanceCounts = z.object({
  expected: z.number().int(),
  present: z.number().int(),
  late: z.number().int(),
  leave: z.number().int(),
});
export type AttendanceCounts = z.infer<typeof AttendanceCounts>;

/** The projector's check-in scene: the open session's QR and counts (no names). */
export const PublicCheckinDisplay = z.object({
  session: z
    .object({ id: z.number().int(), title: z.string(), startsAt: z.string(), venueName: z.string().nullable() })
    .nullable(),
  code: z.string().nullable(),
  url: z.string().nullable(),
  /** Seconds until the code changes. */
  refreshInSeconds: z.number().int(),
  counts: AttendanceCounts.nullable(),
});

// ── Attendance and completion ─────────────────────────────────────────────

const statusOrNull = z.enum(attendanceStatuses).nullable();

export const AttendanceRow = z.object({
  participantId: z.number().int(),
  name: z.string(),
  group: z.string().nullable(),
  venue: z.string().nullable(),
  /** Per session id: the status, or null when nothing is recorded (yet). */
  statuses: z.record(z.string(), statusOrNull),
  attended: z.number().int(),
  leave: z.number().int(),
  /** (present + late + early) ÷ sessions held so far, one decimal: "80.0". */
  rate: z.string(),
  hours: z.string(),
  completes: z.boolean(),
});
export const AttendanceSummary = z.object({
  sessions: z.array(Session),
  /** Sessions that have started by now: the denominator of the rate. */
  heldSessionIds: z.array(z.number().int()),
  rows: z.array(AttendanceRow),
  perSession: z.array(z.object({ sessionId: z.number().int() }).extend(AttendanceCounts.shape)),
});
export type AttendanceSummary = z.infer<typeof AttendanceSummary>;

export const CompletionOverride = z.strictObject({
  participantId: labelled(z.number().int().positive(), 'participant.name'),
  completes: labelled(z.boolean(), 'completion.completes'),
  reason: text('completion.reason', 200),
});
export const CompletionRules = z.strictObject({
  minRate: labelled(z.number().min(0).max(100), 'completion.minRate'),
  leave: labelled(z.enum(leaveRules), 'completion.leave'),
  minHours: labelled(z.number().min(0).max(1000), 'completion.minHours').optional(),
  overrides: z.array(CompletionOverride).max(2000),
});
export type CompletionRules = z.input<typeof CompletionRules>;
export const Completion = z.object({
  minRate: z.number(),
  leave: z.enum(leaveRules),
  minHours: z.number().optional(),
  overrides: z.array(z.object({ participantId: z.number().int(), completes: z.boolean(), reason: z.string() })),
  /** Trainees who complete, in roster order (overrides applied). */
  completers: z.array(z.number().int()),
});

export const SigninSheetQuery = z.strictObject({ session: idParam });
