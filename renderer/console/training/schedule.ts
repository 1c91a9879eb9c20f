// The 课程表 tab's logic, apart from drawing: sessions by day and part of the day, the session form's state,
// and which session the 签到 tab starts on. Pure: the clock is passed in.
import type { Session, SessionInput } from '../../../shared/api/training';
import { defaultHoursTenths, formatTenths, type SessionKind } from '../../../shared/domain/attendance';
import { compareNames } from '../../../shared/domain/names';
import { periodOf, wallClock, type Period } from '../../../shared/domain/sessionTime';

export interface ScheduleDay<S> {
  date: string;
  parts: Array<{ period: Period; sessions: S[] }>;
}

/** Sessions day by day, each day in 上午 / 下午 / 晚上 (only the parts that have sessions), all in time order. */
export function scheduleDays<S extends Pick<Session, 'startsAt' | 'endsAt' | 'id'>>(
  sessions: readonly S[],
): Array<ScheduleDay<S>> {
  const sorted = [...sessions].sort(
    (a, b) => a.startsAt.localeCompare(b.startsAt) || a.endsAt.localeCompare(b.endsAt) || a.id - b.id,
  );
  const days: Array<ScheduleDay<S>> = [];
  for (const session of sorted) {
    const start = wallClock(session.startsAt);
    let day = days.at(-1);
    if (day?.date !== start.date) {
      day = { date: start.date, parts: [] };
      days.push(day);
    }
    const period = periodOf(start.minutes);
    let part = day.parts.at(-1);
    if (part?.period !== period) {
      part = { period, sessions: [] };
      day.parts.push(part);
    }
    part.sessions.push(session);
  }
  return days;
}

// ── The session form ──────────────────────────────────────────────────────

/** What the form holds: text as typed, so a half-typed time is kept until it is fixed. */
export interface SessionDraft {
  title: string;
  kind: SessionKind;
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  start: string;
  end: string;
  teacher: string;
  teacherTitle: string;
  location: string;
  /** A venue id, or '' for none. */
  venueId: string;
  /** Credit hours as typed. */
  hours: string;
  /** Whether the organiser typed the hours; until then they follow the length. */
  hoursTyped: boolean;
  /** The organisation (居民区) that holds it, for study-session counts. */
  organization: string;
}

export type DraftField = Exclude<keyof SessionDraft, 'hoursTyped'>;

/** A new session on `date`: a morning lecture, 9:00–11:30, credit hours from its length. */
export function blankDraft(date: string): SessionDraft {
  return {
    title: '',
    kind: 'lecture',
    date,
    start: '09:00',
    end: '11:30',
    teacher: '',
    teacherTitle: '',
    location: '',
    venueId: '',
    hours: defaultHours('09:00', '11:30'),
    hoursTyped: false,
    organization: '',
  };
}

/** The form filled with a session, to edit or move it. */
export function draftOf(session: Session): SessionDraft {
  const start = wallClock(session.startsAt);
  const end = wallClock(session.endsAt);
  return {
    title: session.title,
    kind: session.kind,
    date: start.date,
    start: start.time,
    end: end.time,
    teacher: session.teacher ?? '',
    teacherTitle: session.teacherTitle ?? '',
    location: session.location ?? '',
    venueId: session.venueId === null ? '' : String(session.venueId),
    hours: session.hours,
    // Hours that differ from the length were set by someone: keep them when the time moves.
    hoursTyped: session.hours !== defaultHours(start.time, end.time),
    organization: session.organization ?? '',
  };
}

const timePattern = /^(\d{2}):(\d{2})$/;

function minutesOf(time: string): number | null {
  const m = timePattern.exec(time);
  if (!m) return null;
  const [h, min] = [Number(m[1]), Number(m[2])];
  return h < 24 && min < 60 ? h * 60 + min : null;
}

/** Credit hours by default: the length in hours to one decimal ("2.5"); '' when the times do not make one. */
export function defaultHours(start: string, end: string): string {
  const from = minutesOf(start);
  const to = minutesOf(end);
  if (from === null || to === null || to <= from) return '';
  return formatTenths(defaultHoursTenths(from * 60_000, to * 60_000));
}

/** The draft after one field changed; the hours follow the times until the organiser types them. */
export function editDraft<F extends DraftField>(draft: SessionDraft, field: F, value: SessionDraft[F]): SessionDraft {
  const next: SessionDraft = { ...draft, [field]: value };
  if (field === 'hours') return { ...next, hoursTyped: value !== '' };
  if ((field === 'start' || field === 'end') && !draft.hoursTyped) next.hours = defaultHours(next.start, next.end);
  return next;
}

/** What is wrong with the draft, per field, as the names of the problems (the form words them). */
export type DraftProblem = 'required' | 'time' | 'timeOrder' | 'hours';

export function checkDraft(draft: SessionDraft): Partial<Record<DraftField, DraftProblem>> {
  const found: Partial<Record<DraftField, DraftProblem>> = {};
  if (!draft.title.trim()) found.title = 'required';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) found.date = 'required';
  const from = minutesOf(draft.start);
  const to = minutesOf(draft.end);
  if (from === null) found.start = 'time';
  if (to === null) found.end = 'time';
  else if (from !== null && to <= from) found.end = 'timeOrder';
  const hours = Number(draft.hours);
  if (draft.hours.trim() !== '' && !(Number.isFinite(hours) && hours >= 0 && hours <= 24)) found.hours = 'hours';
  return found;
}

/** The request body of a checked draft: local wall-clock times (no offset), empty optional fields left out. */
export function sessionInput(draft: SessionDraft): SessionInput {
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const hours = draft.hours.trim() === '' ? undefined : Number(draft.hours);
  return {
    title: draft.title.trim(),
    kind: draft.kind,
    startsAt: `${draft.date}T${draft.start}:00`,
    endsAt: `${draft.date}T${draft.end}:00`,
    teacher: optional(draft.teacher),
    teacherTitle: optional(draft.teacherTitle),
    location: optional(draft.location),
    venueId: draft.venueId === '' ? undefined : Number(draft.venueId),
    hours,
    organization: optional(draft.organization),
  };
}

/** Where a refusal of the host belongs in the form: its field names are the request's, the form's differ. */
export function draftFieldOf(hostField: string | undefined): DraftField | null {
  const name = hostField?.split('.').pop();
  switch (name) {
    case 'startsAt':
      return 'start';
    case 'endsAt':
      return 'end';
    case 'title':
    case 'kind':
    case 'teacher':
    case 'teacherTitle':
    case 'location':
    case 'venueId':
    case 'hours':
    case 'organization':
      return name;
    default:
      return null;
  }
}

/** The organisations a session may be held by: the trainees' units and those sessions already name, in pinyin order. */
export function organizationChoices(
  trainees: ReadonlyArray<{ organization: string | null }>,
  sessions: ReadonlyArray<{ organization?: string | null | undefined }>,
): string[] {
  const names = [...trainees, ...sessions].map((x) => x.organization?.trim() ?? '').filter((name) => name !== '');
  return [...new Set(names)].sort(compareNames);
}

// ── Which session is on ────────────────────────────────────────────────────

export { sessionAtOrNext } from '../../../shared/domain/sessionTime';
