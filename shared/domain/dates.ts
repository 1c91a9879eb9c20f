import type { Locale } from './vocabulary';

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Calendar parts of an ISO date (YYYY-MM-DD), or null when it is not one. */
export function parseIsoDate(value: string): { year: number; month: number; day: number } | null {
  const m = isoDate.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return { year, month, day };
}

const enMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 2024-07-03 → "2024年7月3日" (zh-CN) or "3 Jul 2024" (en). */
export function formatDate(iso: string, locale: Locale = 'zh-CN'): string {
  const d = parseIsoDate(iso);
  if (!d) return iso;
  return locale === 'zh-CN' ? `${d.year}年${d.month}月${d.day}日` : `${d.day} ${enMonths[d.month - 1]} ${d.year}`;
}

/**
 * A date range as people write it: "2024年7月3日", "2024年7月1日至5日",
 * "2024年6月28日至7月2日", "2024年12月30日至2025年1月3日".
 */
export function formatDateRange(startsOn: string, endsOn: string | null | undefined, locale: Locale = 'zh-CN'): string {
  const a = parseIsoDate(startsOn);
  const b = endsOn ? parseIsoDate(endsOn) : null;
  if (!a || !b || endsOn === startsOn) return formatDate(startsOn, locale);
  if (locale === 'en') return `${formatDate(startsOn, 'en')} – ${formatDate(endsOn!, 'en')}`;
  if (a.year !== b.year) return `${formatDate(startsOn)}至${formatDate(endsOn!)}`;
  if (a.month !== b.month) return `${formatDate(startsOn)}至${b.month}月${b.day}日`;
  return `${formatDate(startsOn)}至${b.day}日`;
}
/** Today's date on this computer as YYYY-MM-DD (local time, not UTC: events happen on local days). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
