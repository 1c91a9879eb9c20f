import { describe, expect, test } from 'vitest';
import { backupFileName, backupsToPrune, parseBackupFileName } from '../../shared/domain/backups';

const at = new Date(Date.UTC(2026, 10, 30, 10, 5, 0, 123));

describe('backup file names', () => {
  test.each([
    ['lock', '张三', 'podium-2026-11-30T10-05-00-123Z-lock-张三.sqlite', '张三'],
    ['reveal', '欧阳 小明', 'podium-2026-11-30T10-05-00-123Z-reveal-欧阳_小明.sqlite', '欧阳_小明'],
    ['lock', '../../etc/passwd', 'podium-2026-11-30T10-05-00-123Z-lock-etc_passwd.sqlite', 'etc_passwd'],
    ['lock', 'C:\\x:y*?"<>|', 'podium-2026-11-30T10-05-00-123Z-lock-C_x_y.sqlite', 'C_x_y'],
    ['lock', '///', 'podium-2026-11-30T10-05-00-123Z-lock.sqlite', null],
    ['before-restore', null, 'podium-2026-11-30T10-05-00-123Z-before-restore.sqlite', null],
    ['interval', null, 'podium-2026-11-30T10-05-00-123Z-interval.sqlite', null],
  ] as const)('%s of %s → %s', (reason, detail, name, parsedDetail) => {
    expect(backupFileName(at, reason, detail)).toBe(name);
    expect(parseBackupFileName(name)).toEqual({ at: at.toISOString(), reason, detail: parsedDetail });
  });

  test('a long name is cut to 32 characters, never inside a character', () => {
    const name = backupFileName(at, 'lock', '𠀀'.repeat(40));
    expect(parseBackupFileName(name)?.detail).toBe('𠀀'.repeat(32));
  });

  test.each([
    'podium.db',
    'podium-2026-11-30T10-05-00-123Z-lock.sqlite-wal',
    'podium-2026-11-30T10-05-00-123Z-unknown.sqlite',
    'podium-2026-13-30T10-05-00-123Z-lock.sqlite',
    '.podium-2026-11-30T10-05-00-123Z-lock.sqlite.partial',
    'podium-2026-11-30T10-05-00-123Z-lock-../x.sqlite',
    '../podium-2026-11-30T10-05-00-123Z-lock.sqlite',
  ])('%s is not a backup', (name) => {
    expect(parseBackupFileName(name)).toBeNull();
  });

  test('names sort by time', () => {
    const earlier = backupFileName(new Date(Date.UTC(2026, 10, 30, 9, 59, 59, 999)), 'reveal', '李四');
    const later = backupFileName(at, 'interval');
    expect([later, earlier].sort()).toEqual([earlier, later]);
  });
});

describe('which backups are pruned', () => {
  const backup = (day: number, hour: number) => {
    const when = new Date(2026, 10, day, hour, 0);
    return { name: backupFileName(when, 'interval'), at: when.toISOString() };
  };

  test('nothing while there are at most the kept number', () => {
    expect(backupsToPrune([backup(1, 9), backup(1, 10), backup(1, 11)], 3)).toEqual([]);
  });

  test('the oldest beyond the kept number go, except the last of each day', () => {
    const list = [backup(1, 9), backup(1, 17), backup(2, 8), backup(2, 12), backup(3, 9), backup(3, 10)];
    // Keep 2 (3 Nov 9:00 and 10:00); 2 Nov 12:00 and 1 Nov 17:00 stay as the last of their days.
    expect(backupsToPrune(list, 2)).toEqual([backup(2, 8), backup(1, 9)]);
  });

  test('the order given does not matter', () => {
    const list = [backup(3, 10), backup(1, 9), backup(2, 12), backup(1, 17), backup(3, 9), backup(2, 8)];
    expect(backupsToPrune(list, 2)).toEqual([backup(2, 8), backup(1, 9)]);
  });
});
