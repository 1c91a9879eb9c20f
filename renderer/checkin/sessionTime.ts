import { formatDate } from '../../shared/domain/dates';
import { wallClock } from '../../shared/domain/sessionTime';
import type { Locale } from '../../shared/domain/vocabulary';

// Times of sessions and check-ins as the desk, the phone and the projector show them.

/** "09:05": the moment `iso` (a check-in's time, as the host sends it) on this device's clock. */
export function clockTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** "2024年7月3日 09:00–11:30": a session's day and hours, on the wall clock it is written in. */
export function sessionWhen(startsAt: string, endsAt: string, locale: Locale): string {
  const start = wallClock(startsAt);
  return `${formatDate(start.date, locale)} ${start.time}–${wallClock(endsAt).time}`;
}
