import { describe, expect, test } from 'vitest';
import { backupSize, backupTime, backupWhat } from '../../renderer/console/backups/format';

describe('how the backup list words a backup', () => {
  test('the time on this computer, as the organiser reads it', () => {
    const at = new Date(2026, 10, 30, 10, 5, 42).toISOString();
    expect(backupTime(at, 'zh-CN')).toBe('2026年11月30日 10:05');
    expect(backupTime(at, 'en')).toBe('30 Nov 2026 10:05');
    expect(backupTime(new Date(2027, 0, 2, 0, 0).toISOString(), 'zh-CN')).toBe('2027年1月2日 00:00');
  });

  test.each([
    [0, 'backups.sizeKb', '1'],
    [300, 'backups.sizeKb', '1'],
    [870_400, 'backups.sizeKb', '850'],
    [1_048_575, 'backups.sizeKb', '1024'],
    [1_048_576, 'backups.sizeMb', '1.0'],
    [1_258_291, 'backups.sizeMb', '1.2'],
  ])('%i bytes → %s %s', (bytes, key, size) => {
    expect(backupSize(bytes)).toEqual({ key, params: { size } });
  });

  test.each([
    [{ reason: 'lock', detail: '张三' }, 'backups.reason.lockOf', { name: '张三' }],
    [{ reason: 'reveal', detail: '李四' }, 'backups.reason.revealOf', { name: '李四' }],
    [{ reason: 'lock', detail: null }, 'backups.reason.lock', undefined],
    [{ reason: 'before-restore', detail: null }, 'backups.reason.before-restore', undefined],
    [{ reason: 'interval', detail: null }, 'backups.reason.interval', undefined],
  ] as const)('%o → %s', (backup, key, params) => {
    expect(backupWhat(backup)).toEqual(params ? { key, params } : { key });
  });
});
