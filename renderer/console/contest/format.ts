import type { Rubric } from '../../../shared/api/contest';

export type TimerColor = 'green' | 'amber' | 'red';

/** 65_000 → "01:05"; past an hour the minutes keep counting ("75:00"). */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

/** "5:00", "5", "05:30" → seconds; null when it is not a time. */
export function parseClock(text: string): number | null {
  const value = text.trim().replace('：', ':');
  const match = /^(\d{1,3})(?::([0-5]?\d))?$/.exec(value);
  if (!match) return null;
  return Number(match[1]) * 60 + Number(match[2] ?? 0);
}

/** Seconds → "m:ss" for the editor. */
export function clockText(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export function timerColor(elapsedMs: number, timer: Rubric['timer']): TimerColor {
  if (!timer) return 'green';
  const seconds = elapsedMs / 1000;
  if (seconds >= timer.redAt) return 'red';
  if (seconds >= timer.amberAt) return 'amber';
  return 'green';
}

/** An ISO instant as the organiser reads it: local date and time to the second. */
export function formatInstant(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(locale, {
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  });
}

/** The server names fields as paths, sometimes under "body."; the forms key errors by the rest. */
export function fieldPath(field: string | undefined): string | null {
  if (!field) return null;
  return field.replace(/^body\./, '');
}
