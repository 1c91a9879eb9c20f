// The data-folder lock on its own: a real lock file in a temp folder; other processes are told apart by pid.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StartupError } from '../../electron/database';
import { isRunning, lockDataDir, lockFileName, type DataLock } from '../../electron/host/dataLock';
import { translate } from '../../shared/i18n';
import { tempDir } from '../support/host';

// Only the `electron` module is faked (made before the shell is imported: vi.mock is hoisted above the imports).
const fake = await vi.hoisted(async () => (await import('../support/electron')).electronFake());
vi.mock('electron', () => fake.module);

const dirs: Array<{ remove(): void }> = [];
const locks: DataLock[] = [];
afterEach(() => {
  for (const lock of locks.splice(0)) lock.release();
  for (const dir of dirs.splice(0)) dir.remove();
});

function folder(): string {
  const dir = tempDir('podium-lock-');
  dirs.push(dir);
  return dir.path;
}

function take(dir: string, options: Parameters<typeof lockDataDir>[1] = {}): DataLock {
  const lock = lockDataDir(dir, options);
  locks.push(lock);
  return lock;
}

/** The StartupError a call throws, or a failure when it throws none. */
function refusal(fn: () => unknown): StartupError {
  try {
    fn();
  } catch (error) {
    if (error instanceof StartupError) return error;
    throw error;
  }
  throw new Error('expected a StartupError');
}

/** Long before any lock of these tests: the machine has not restarted since they were taken. */
const bootedAt = new Date('2026-01-01T00:00:00Z');

const holder = (pid: number, hostname: string, startedAt = '2026-11-30T02:05:00.000Z') =>
  `${JSON.stringify({ pid, hostname, startedAt, key: 'someone-else' })}\n`;

describe('the data-folder lock', () => {
  it('writes the pid, the machine and the start time, owner-only, and removes the file on release', () => {
    const dir = folder();
    const lock = take(dir, { hostname: 'host-laptop', now: new Date('2026-11-30T02:05:00Z') });
    expect(lock.file).toBe(join(dir, lockFileName));
    expect(JSON.parse(readFileSync(lock.file, 'utf8'))).toMatchObject({
      pid: process.pid,
      hostname: 'host-laptop',
      startedAt: '2026-11-30T02:05:00.000Z',
    });
    if (process.platform !== 'win32') expect(statSync(lock.file).mode & 0o777).toBe(0o600);
    lock.release();
    expect(existsSync(lock.file)).toBe(false);
    lock.release();
  });

  it('refuses a second holder in this process, naming the process and since when', () => {
    const dir = folder();
    take(dir, { now: new Date(2026, 10, 30, 10, 5), bootedAt });
    const error = refusal(() => lockDataDir(dir, { now: new Date(2026, 10, 30, 11, 0), bootedAt }));
    expect(error.key).toBe('host.dataDirInUse');
    expect(translate('zh-CN', error.key, error.params)).toBe(
      `数据文件夹 ${dir} 已被另一个 Podium（进程 ${process.pid}，自 10:05 起）使用，这个 Podium 没有启动。` +
        '请先关闭那个 Podium，或换一个数据文件夹（用 --data 指定）；' +
        `如果确定没有其他 Podium 在运行，请删除 ${join(dir, lockFileName)} 后再启动。`,
    );
    expect(translate('en', error.key, error.params)).toContain(`(process ${process.pid}, since 10:05)`);
  });

  it('refuses while the process in the file is running, and takes the file over once it is not', () => {
    const dir = folder();
    writeFileSync(join(dir, lockFileName), holder(4242, 'host-laptop'));
    const running = (pid: number) => pid === 4242;
    const alive = refusal(() => lockDataDir(dir, { hostname: 'host-laptop', isRunning: running, bootedAt }));
    expect(alive.params).toMatchObject({ pid: 4242 });
    const lock = take(dir, { hostname: 'host-laptop', isRunning: () => false, bootedAt });
    expect(JSON.parse(readFileSync(lock.file, 'utf8'))).toMatchObject({ pid: process.pid });
  });

  it('takes over a lock taken before the machine last started, whatever now runs under its pid', () => {
    const dir = folder();
    writeFileSync(join(dir, lockFileName), holder(4242, 'host-laptop', '2026-11-30T02:05:00.000Z'));
    const restarted = new Date('2026-11-30T06:00:00Z');
    expect(() => take(dir, { hostname: 'host-laptop', isRunning: () => true, bootedAt: restarted })).not.toThrow();
  });

  it('takes over a file left by an earlier process that had this same pid (after a restart of the machine)', () => {
    const dir = folder();
    writeFileSync(join(dir, lockFileName), holder(process.pid, 'host-laptop'));
    expect(() => take(dir, { hostname: 'host-laptop' })).not.toThrow();
  });

  it('refuses a lock held on another machine (a shared folder) and says how to clear it', () => {
    const dir = folder();
    writeFileSync(join(dir, lockFileName), holder(4242, 'other-laptop', '2026-11-29T02:05:00.000Z'));
    const error = refusal(() =>
      lockDataDir(dir, { hostname: 'host-laptop', isRunning: () => false, now: new Date('2026-11-30T12:00:00') }),
    );
    expect(error.key).toBe('host.dataDirInUseElsewhere');
    expect(translate('zh-CN', error.key, error.params)).toContain('电脑 other-laptop 上的 Podium（进程 4242');
    expect(translate('zh-CN', error.key, error.params)).toContain(`请删除 ${join(dir, lockFileName)} 后再启动`);
  });

  it('treats an unreadable file as being written just now, and as stale once it is older', () => {
    const dir = folder();
    const file = join(dir, lockFileName);
    writeFileSync(file, '');
    expect(refusal(() => lockDataDir(dir)).key).toBe('host.dataDirInUseUnknown');
    const old = new Date(Date.now() - 60_000);
    utimesSync(file, old, old);
    expect(() => take(dir)).not.toThrow();
  });

  it('does not remove a lock that another host took over after this one', () => {
    const dir = folder();
    const lock = take(dir);
    writeFileSync(lock.file, holder(4242, 'host-laptop'));
    lock.release();
    expect(existsSync(lock.file)).toBe(true);
  });

  it('creates a missing data folder, and refuses one that cannot be written', () => {
    const dir = join(folder(), 'new', 'Podium');
    expect(existsSync(take(dir).file)).toBe(true);
    const blocker = join(folder(), 'a-file');
    writeFileSync(blocker, 'not a folder');
    expect(refusal(() => lockDataDir(join(blocker, 'Podium'))).key).toBe('host.dataDirNotWritable');
  });

  it('knows this process runs and an exited one does not', () => {
    expect(isRunning(process.pid)).toBe(true);
    expect(isRunning(2 ** 22 + 12345)).toBe(false);
  });
});

describe('the desktop app on a folder another Podium uses', () => {
  it('shows the same sentence in an error box and quits, opening no window', async () => {
    // Another Podium: a real running process of this machine holds the lock.
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    try {
      const dir = folder();
      const since = new Date();
      const hhmm = [since.getHours(), since.getMinutes()].map((n) => String(n).padStart(2, '0')).join(':');
      writeFileSync(join(dir, lockFileName), holder(other.pid ?? 0, hostname(), since.toISOString()));
      fake.reset();
      fake.app.userData = dir;
      const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
      await import('../../electron/main/index');
      await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalled());
      expect(fake.dialog.showErrorBox).toHaveBeenCalledExactlyOnceWith(
        translate('zh-CN', 'shell.startFailedTitle'),
        `数据文件夹 ${dir} 已被另一个 Podium（进程 ${other.pid}，自 ${hhmm} 起）使用，这个 Podium 没有启动。` +
          '请先关闭那个 Podium，或换一个数据文件夹（用 --data 指定）；' +
          `如果确定没有其他 Podium 在运行，请删除 ${join(dir, lockFileName)} 后再启动。`,
      );
      expect(fake.BrowserWindow.all).toHaveLength(0);
      consoleError.mockRestore();
    } finally {
      other.kill();
    }
  });
});
