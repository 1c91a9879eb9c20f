// One host per data folder: a lock file beside podium.db, so a second Podium on the same folder refuses to start
// instead of sharing the database (writes failing with SQLITE_BUSY, live updates reaching half the clients).
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname as machineName, uptime } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { ensureWritableDir } from '../database/connection';
import { isDiskFull, StartupError } from '../database/errors';

export const lockFileName = 'podium.lock';

/** What the lock file says about its holder; `key` tells this holder's file from a later one's. */
const LockInfo = z.object({
  pid: z.number().int().positive(),
  hostname: z.string(),
  startedAt: z.string(),
  key: z.string(),
});
type LockInfo = z.infer<typeof LockInfo>;

export interface DataLock {
  readonly file: string;
  /** Removes the lock file (only while it is still this holder's); safe to call twice. */
  release(): void;
}

export interface LockOptions {
  pid?: number;
  hostname?: string;
  now?: Date;
  /** Whether a process of this machine is running (tests pass their own). */
  isRunning?: (pid: number) => boolean;
  /** When this machine started; a lock taken before that is left from before a restart (a power cut). */
  bootedAt?: Date;
}

// Folders locked by hosts of this process: the same pid in the file is then a second host here, not a stale file.
const heldHere = new Set<string>();

/** `kill(pid, 0)` sends nothing: ESRCH means no such process, EPERM one of another user (still running). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return !(error instanceof Error && 'code' in error && error.code === 'ESRCH');
  }
}

function errorCode(error: unknown): unknown {
  return error instanceof Error && 'code' in error ? error.code : undefined;
}

function readLock(file: string): { text: string; info: LockInfo | null } | null {
  try {
    const text = readFileSync(file, 'utf8');
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    const parsed = LockInfo.safeParse(json);
    return { text, info: parsed.success ? parsed.data : null };
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
}

/** 10:05 today, else 2026-11-29 10:05, in this machine's time. */
function since(startedAt: string, now: Date): string {
  const at = new Date(startedAt);
  if (Number.isNaN(at.getTime())) return startedAt;
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  return day === today ? time : `${day} ${time}`;
}

/** Writes the holder and closes the file; returns the error, if any, once closed (Windows deletes no open file). */
function writeAndClose(fd: number, text: string): Error | null {
  let failed: Error | null = null;
  try {
    writeSync(fd, text);
  } catch (error) {
    failed = error instanceof Error ? error : new Error(String(error));
  } finally {
    closeSync(fd);
  }
  return failed;
}

// A file with no readable holder younger than this may be one being written right now by another starting host.
const unreadableGraceMs = 5_000;

/**
 * Takes the data folder for this host: creates `podium.lock` with `open(…, 'wx')` (atomic, also on Windows), takes
 * over a file left by a process of this machine that is no longer running, and otherwise refuses with a StartupError
 * that names the other process. The file is removed by `release()` and, failing that, when this process exits.
 */
export function lockDataDir(dataDir: string, options: LockOptions = {}): DataLock {
  ensureWritableDir(dataDir);
  const dir = resolve(dataDir);
  const file = join(dir, lockFileName);
  const pid = options.pid ?? process.pid;
  const host = options.hostname ?? machineName();
  const now = options.now ?? new Date();
  const running = options.isRunning ?? isRunning;
  // A minute of slack: uptime is rounded, and the clock may have been set since.
  const booted = (options.bootedAt?.getTime() ?? Date.now() - uptime() * 1000) - 60_000;
  const info: LockInfo = { pid, hostname: host, startedAt: now.toISOString(), key: randomUUID() };
  const text = `${JSON.stringify(info)}\n`;

  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx', 0o600);
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw new StartupError('host.dataDirNotWritable', { dir: dataDir });
      const found = readLock(file);
      if (!found) continue;
      const holder = found.info;
      if (holder === null) {
        if (now.getTime() - statSync(file).mtimeMs < unreadableGraceMs)
          throw new StartupError('host.dataDirInUseUnknown', { dir: dataDir, file });
      } else if (holder.hostname !== host) {
        // A folder shared over the network: the other machine's processes cannot be asked.
        throw new StartupError('host.dataDirInUseElsewhere', {
          dir: dataDir,
          machine: holder.hostname,
          pid: holder.pid,
          since: since(holder.startedAt, now),
          file,
        });
      } else if (
        Date.parse(holder.startedAt) >= booted &&
        (holder.pid === pid ? heldHere.has(dir) : running(holder.pid))
      ) {
        // Its pid may since belong to another program (pids are reused): the sentence says how to clear it.
        throw new StartupError('host.dataDirInUse', {
          dir: dataDir,
          pid: holder.pid,
          since: since(holder.startedAt, now),
          file,
        });
      }
      // Left behind by a crash (or a power cut): take it over, unless someone else just did.
      if (readLock(file)?.text === found.text) unlinkSync(file);
      continue;
    }
    const failed = writeAndClose(fd, text);
    if (failed !== null) {
      unlinkSync(file);
      if (isDiskFull(failed)) throw new StartupError('host.diskFull', { dir: dataDir });
      throw failed;
    }
    heldHere.add(dir);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      heldHere.delete(dir);
      process.off('exit', release);
      try {
        if (readLock(file)?.info?.key === info.key) unlinkSync(file);
      } catch {
        // The folder went away (a removed USB stick): there is no lock left to remove.
      }
    };
    process.on('exit', release);
    return { file, release };
  }
  throw new StartupError('host.dataDirInUseUnknown', { dir: dataDir, file });
}
