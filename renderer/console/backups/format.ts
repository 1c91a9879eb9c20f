// How the backup list words a backup: its time, its size, and what happened just before it was taken.
import type { Backup } from '../../../shared/api/backup-routes';
import { formatDate, todayIso } from '../../../shared/domain/dates';
import type { Locale } from '../../../shared/domain/vocabulary';
import type { MessageKey, MessageParams } from '../../ui/messages';

export interface Words {
  key: MessageKey;
  params?: MessageParams;
}

/** 2026-11-30T02:05:00Z → "2026年11月30日 10:05" on a computer in China (this computer's clock, as the organiser's). */
export function backupTime(at: string, locale: Locale): string {
  const when = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${formatDate(todayIso(when), locale)} ${pad(when.getHours())}:${pad(when.getMinutes())}`;
}

/** 850 KB, 1.2 MB: whole kilobytes below a megabyte (at least 1), one decimal above. */
export function backupSize(bytes: number): Words {
  const kb = bytes / 1024;
  if (kb < 1024) return { key: 'backups.sizeKb', params: { size: String(Math.max(1, Math.round(kb))) } };
  return { key: 'backups.sizeMb', params: { size: (kb / 1024).toFixed(1) } };
}

/** 锁定 张三之后, 公布成绩之后, 定时备份 … */
export function backupWhat(backup: Pick<Backup, 'reason' | 'detail'>): Words {
  if (backup.detail && backup.reason === 'lock')
    return { key: 'backups.reason.lockOf', params: { name: backup.detail } };
  if (backup.detail && backup.reason === 'reveal')
    return { key: 'backups.reason.revealOf', params: { name: backup.detail } };
  return { key: `backups.reason.${backup.reason}` };
}
