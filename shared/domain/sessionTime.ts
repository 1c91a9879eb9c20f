// A session's day and time as printed and shown: the wall clock written in its ISO time, and the part of the day.

export interface WallClock {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  time: string;
  /** Minutes after midnight. */
  minutes: number;
}

const wallClockPattern = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/;

/** The day and time written in an ISO time, as given: a class runs on the wall clock of its venue. */
export function wallClock(iso: string): WallClock {
  const m = wallClockPattern.exec(iso);
  if (!m) return { date: iso.slice(0, 10), time: '', minutes: 0 };
  return { date: m[1] ?? '', time: `${m[2]}:${m[3]}`, minutes: Number(m[2]) * 60 + Number(m[3]) };
}

/** 上午, 下午, 晚上. */
export const periods = ['morning', 'afternoon', 'evening'] as const;
export type Period = (typeof periods)[number];

/** 上午 before noon, 下午 until six in the evening, 晚上 after. */
export function periodOf(minutes: number): Period {
  return minutes < 12 * 60 ? 'morning' : minutes < 18 * 60 ? 'afternoon' : 'evening';
}

interface Timed {
  startsAt: string;
  endsAt: string;
}

/** Whether the session is under way at `now`. */
export function isRunning(session: Timed, now: Date): boolean {
  const at = now.getTime();
  return Date.parse(session.startsAt) <= at && at < Date.parse(session.endsAt);
}

/** The session running at `now`, else the next one to start, else the last one: where check-in starts. */
export function sessionAtOrNext<S extends Timed>(sessions: readonly S[], now: Date): S | null {
  const sorted = [...sessions].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  return (
    sorted.find((s) => isRunning(s, now)) ??
    sorted.find((s) => Date.parse(s.startsAt) > now.getTime()) ??
    // Not Array.prototype.at: the desk may run in an older browser.
    sorted[sorted.length - 1] ??
    null
  );
}
