// Automatic backups of the host's database: what a backup file is called and which ones are kept.
import { todayIso } from './dates';

/** What happened just before a backup was taken (the console says 锁定 张三之后, 恢复之前 …). */
export const backupReasons = ['interval', 'lock', 'reveal', 'import', 'quit', 'manual', 'before-restore'] as const;
export type BackupReason = (typeof backupReasons)[number];

/** How many backups are kept besides the last one of each day. */
export const backupsKept = 50;

export interface BackupName {
  /** ISO time the backup was taken. */
  at: string;
  reason: BackupReason;
  /** Whom it was about (the speaker locked or revealed), as far as a file name can carry it. */
  detail: string | null;
}

const detailLength = 32;
// 'before-restore' first: the alternation must not stop at a shorter reason.
const reasonPattern = [...backupReasons].sort((a, b) => b.length - a.length).join('|');
const stampPattern = '(\\d{4}-\\d{2}-\\d{2})T(\\d{2})-(\\d{2})-(\\d{2})-(\\d{3})Z';
const detailPattern = `[\\p{L}\\p{N}_]{1,${detailLength}}`;
const namePattern = new RegExp(`^podium-${stampPattern}-(${reasonPattern})(?:-(${detailPattern}))?\\.sqlite$`, 'u');

/** A speaker's name as a file name may carry it on every system: letters and digits, the rest as `_`. */
export function detailForFileName(detail: string): string {
  const safe = detail
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
  return Array.from(safe).slice(0, detailLength).join('');
}

/** `podium-2026-11-30T10-05-00-123Z-lock-张三.sqlite`: sorts by time, names the reason, no characters a disk refuses. */
export function backupFileName(at: Date, reason: BackupReason, detail: string | null = null): string {
  const stamp = at.toISOString().replace(/:/g, '-').replace('.', '-');
  const safe = detail === null ? '' : detailForFileName(detail);
  return `podium-${stamp}-${reason}${safe ? `-${safe}` : ''}.sqlite`;
}

/** What a backup's file name says, or null when the file is not one of ours. */
export function parseBackupFileName(name: string): BackupName | null {
  const m = namePattern.exec(name.normalize('NFC'));
  if (!m) return null;
  const at = `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`;
  if (Number.isNaN(Date.parse(at))) return null;
  const reason = backupReasons.find((r) => r === m[6]);
  if (!reason) return null;
  return { at, reason, detail: m[7] ?? null };
}

/** Newest first; the same millisecond by name (its reason), so the order is stable. */
export function byNewest(a: { name: string; at: string }, b: { name: string; at: string }): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  return b.name.localeCompare(a.name);
}

/**
 * The backups to delete: all but the newest `keep`, except the last one of each day (local days, as the
 * organiser counts them), so an older day can always be gone back to.
 */
export function backupsToPrune<T extends { name: string; at: string }>(backups: readonly T[], keep = backupsKept): T[] {
  const newestFirst = [...backups].sort(byNewest);
  const seenDays = new Set<string>();
  return newestFirst.filter((backup, index) => {
    const day = todayIso(new Date(backup.at));
    const lastOfDay = !seenDays.has(day);
    seenDays.add(day);
    return index >= keep && !lastOfDay;
  });
}
