import { describe, expect, test } from 'vitest';
import { isDiskFull, openDatabase, StartupError } from '../../electron/database';
import { bundledMigrations } from '../../electron/database/migrate';
import { translate } from '../../shared/i18n';
import { tempDir } from '../support/host';

describe('what counts as a full disk', () => {
  const failure = (code: string, cause?: unknown) =>
    Object.assign(new Error('write failed', cause === undefined ? {} : { cause }), { code });
  test('SQLite’s SQLITE_FULL and a file write’s ENOSPC or EDQUOT, also when wrapped', () => {
    expect(isDiskFull(failure('SQLITE_FULL'))).toBe(true);
    expect(isDiskFull(failure('ENOSPC'))).toBe(true);
    expect(isDiskFull(failure('EDQUOT'))).toBe(true);
    expect(isDiskFull(new Error('backup failed', { cause: failure('ENOSPC') }))).toBe(true);
    expect(isDiskFull(failure('SQLITE_BUSY'))).toBe(false);
    expect(isDiskFull(failure('EACCES'))).toBe(false);
    expect(isDiskFull('ENOSPC')).toBe(false);
  });
});

describe('a full disk at startup', () => {
  test('an upgrade of the database that finds no room refuses to start with a sentence, not a stack trace', () => {
    const dir = tempDir('podium-full-');
    try {
      // The last upgrade needs more room than SQLite may take: SQLITE_FULL, as on a full disk.
      const fill =
        'PRAGMA max_page_count = 1; CREATE TABLE filler (x BLOB); INSERT INTO filler VALUES (zeroblob(65536));';
      const migrations = bundledMigrations({
        ...Object.fromEntries(bundledMigrations().map((m) => [`./migrations/${m.name}.sql`, m.sql])),
        './migrations/9999_fill.sql': fill,
      });
      let refusal: unknown = null;
      try {
        openDatabase(dir.path, migrations).close();
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(StartupError);
      if (!(refusal instanceof StartupError)) return;
      expect(translate('zh-CN', refusal.key, refusal.params)).toBe(
        `数据文件夹 ${dir.path} 所在的磁盘已满，Podium 没有启动。请腾出磁盘空间（删除不需要的文件）后再启动。`,
      );
    } finally {
      dir.remove();
    }
  });
});
