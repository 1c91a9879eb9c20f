import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { Backup, BackupFolder, RestoreAnswer } from '../../shared/api/backup-routes';
import {
  backupFileName,
  backupsToPrune,
  byNewest,
  parseBackupFileName,
  type BackupReason,
} from '../../shared/domain/backups';
import type { Locale } from '../../shared/domain/vocabulary';
import { translate } from '../../shared/i18n';
import type { Repositories } from '../database';
import { prepareRestore, replaceContents, totalChanges } from '../database/backups';
import type { AuditInput } from '../database/repositories/contest';
import { AppError } from '../errors';
import { silentLogger, type Logger } from '../logger';

export interface BackupDeps {
  now?: () => Date;
  /** The data folder: backups go to its `backups` folder unless the organiser chose another. */
  dataDir?: string | undefined;
  log?: Logger | undefined;
  /** After a restore: every open page must read its state afresh. */
  restored?: (() => void) | undefined;
}

interface BackupFile extends Backup {
  path: string;
}

/** The last backup that could not be written to the chosen folder, and where it went instead (if anywhere). */
interface Failure {
  at: string;
  folder: string;
  fallback: string | null;
}

const folderSetting = 'backup.folder';
/** Settings of this computer (the venue address, the backup folder) and the migration ledger stay as they are. */
const keptOnRestore = ['host_settings', 'schema_migrations'];
/** Audited actions after which a backup is taken at once. */
const milestones: Partial<Record<string, BackupReason>> = { lock: 'lock', reveal: 'reveal', import: 'import' };

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

function filesIn(folder: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const parsed = parseBackupFileName(name);
    if (!parsed) return [];
    try {
      const path = join(folder, name);
      return [{ name, ...parsed, size: statSync(path).size, path }];
    } catch {
      return [];
    }
  });
}

const publicOf = ({ name, at, size, reason, detail }: BackupFile): Backup => ({ name, at, size, reason, detail });

/**
 * Copies of the whole database: downloaded on demand (`snapshot`), and kept automatically in a folder — every few
 * minutes while anything changed, after each lock, reveal and import, and on quit — with a restore that backs up
 * the current data first and checks the chosen copy before it replaces anything.
 */
export function backupService(repos: Repositories, deps: BackupDeps = {}) {
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? silentLogger;
  const defaultFolder = deps.dataDir === undefined ? null : join(deps.dataDir, 'backups');
  let lastFailure: Failure | null = null;
  // The change counter when the last backup was taken: nothing new, no interval backup.
  let backedUpAt = totalChanges(repos.db);
  let queue: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  function requireDefault(): string {
    if (defaultFolder === null) throw new AppError('internal', 'error.backup.noFolder');
    return defaultFolder;
  }

  function chosenFolder(): string | null {
    const chosen = repos.judgeAccess.setting(folderSetting);
    return chosen ? chosen : null;
  }

  /** Where backups may be: the chosen folder, and the default one (earlier backups, and the fallback). */
  function folders(): string[] {
    return [...new Set([chosenFolder(), defaultFolder].filter((f) => f !== null))];
  }

  function list(): BackupFile[] {
    const seen = new Set<string>();
    const all = folders()
      .flatMap(filesIn)
      .filter((b) => !seen.has(b.name) && seen.add(b.name));
    return all.sort(byNewest);
  }

  function prune(folder: string): void {
    for (const old of backupsToPrune(filesIn(folder))) {
      try {
        unlinkSync(old.path);
      } catch (error) {
        log.warn(`could not delete the old backup ${old.path}: ${describe(error)}`);
      }
    }
  }

  async function writeTo(folder: string, reason: BackupReason, detail: string | null): Promise<BackupFile> {
    // The folder Podium makes is the owner's only; a folder the organiser chose keeps its own permissions.
    if (folder === defaultFolder) {
      await mkdir(folder, { recursive: true, mode: 0o700 });
      await chmod(folder, 0o700);
    }
    const taken = new Set(filesIn(folder).map((b) => b.name));
    let at = now();
    while (taken.has(backupFileName(at, reason, detail))) at = new Date(at.getTime() + 1);
    const name = backupFileName(at, reason, detail);
    // Written under another name and renamed when complete: the list never shows half a file.
    const partial = join(folder, `.${name}.partial`);
    try {
      await repos.db.backup(partial);
      await chmod(partial, 0o600);
      await rename(partial, join(folder, name));
    } catch (error) {
      await rm(partial, { force: true }).catch(() => undefined);
      throw error;
    }
    prune(folder);
    const path = join(folder, name);
    const parsed = parseBackupFileName(name);
    return { name, at: at.toISOString(), reason, detail: parsed?.detail ?? null, size: statSync(path).size, path };
  }

  async function backUp(reason: BackupReason, detail: string | null): Promise<BackupFile> {
    const changes = totalChanges(repos.db);
    const folder = chosenFolder() ?? requireDefault();
    try {
      const file = await writeTo(folder, reason, detail);
      lastFailure = null;
      backedUpAt = changes;
      return file;
    } catch (error) {
      // A USB stick pulled out or a full disk: say so in the console, keep the backup on this computer if possible.
      log.warn(`backup to ${folder} failed: ${describe(error)}`);
      lastFailure = { at: now().toISOString(), folder, fallback: null };
      if (defaultFolder === null || folder === defaultFolder)
        throw new AppError('internal', 'error.backup.failed', { folder });
      try {
        const file = await writeTo(defaultFolder, reason, detail);
        lastFailure.fallback = defaultFolder;
        backedUpAt = changes;
        return file;
      } catch (second) {
        log.warn(`backup to ${defaultFolder} failed too: ${describe(second)}`);
        throw new AppError('internal', 'error.backup.failed', { folder });
      }
    }
  }

  /** One backup at a time, in the order asked. */
  function take(reason: BackupReason, detail: string | null = null): Promise<BackupFile> {
    const run = () => backUp(reason, detail);
    const result = queue.then(run, run);
    queue = result.catch(() => undefined);
    return result;
  }

  function takeQuietly(reason: BackupReason, detail: string | null = null): void {
    take(reason, detail).catch((error: unknown) => log.warn(`automatic backup (${reason}) failed: ${describe(error)}`));
  }

  function folderState(locale: Locale): BackupFolder {
    const chosen = chosenFolder();
    const failure = lastFailure;
    return {
      folder: chosen ?? defaultFolder ?? '',
      defaultFolder: defaultFolder ?? '',
      custom: chosen !== null,
      lastFailure: failure
        ? {
            at: failure.at,
            message: failure.fallback
              ? translate(locale, 'backups.failure.fellBack', { folder: failure.folder, fallback: failure.fallback })
              : translate(locale, 'backups.failure.none', { folder: failure.folder }),
          }
        : null,
    };
  }

  /** The folder exists, is a folder and takes a file: else a 400 that says which. */
  function checkFolder(folder: string): void {
    let isFolder = false;
    try {
      isFolder = statSync(folder).isDirectory();
    } catch {
      isFolder = false;
    }
    if (!isFolder) throw new AppError('bad_request', 'error.backup.folderMissing', { folder }, 'folder');
    const probe = join(folder, `.podium-probe-${randomBytes(6).toString('hex')}`);
    try {
      writeFileSync(probe, 'podium', { mode: 0o600 });
    } catch {
      throw new AppError('bad_request', 'error.backup.folderNotWritable', { folder }, 'folder');
    } finally {
      rmSync(probe, { force: true });
    }
  }

  return {
    /** A consistent copy of the whole database, taken without stopping the event. */
    snapshot(): Buffer {
      return repos.db.serialize();
    },

    /** The backups kept, newest first. */
    list(): Backup[] {
      return list().map(publicOf);
    },

    /** One now (the console's 立即备份, or before something risky). */
    async take(reason: BackupReason = 'manual'): Promise<Backup> {
      return publicOf(await take(reason));
    },

    /**
     * Puts a backup's data in place of the current data, without a restart: the chosen file is copied and checked
     * first (a corrupt one or a newer Podium's is refused and nothing changes), then the current data is backed up.
     */
    async restore(name: string): Promise<RestoreAnswer> {
      const chosen = list().find((b) => b.name === name);
      if (!chosen) throw new AppError('not_found', 'error.backup.notFound', { name });
      const scratch = await mkdtemp(join(tmpdir(), 'podium-restore-'));
      try {
        const copy = join(scratch, 'restore.sqlite');
        await copyFile(chosen.path, copy).catch(() => {
          throw new AppError('not_found', 'error.backup.notFound', { name });
        });
        prepareRestore(copy, name);
        const before = await take('before-restore');
        // No await from here on: nothing else runs between the backup of the current data and its replacement.
        replaceContents(repos.db, copy, keptOnRestore);
        backedUpAt = totalChanges(repos.db);
        log.info(`restored the backup ${name}; the data before it is in ${before.name}`);
        deps.restored?.();
        return { restored: publicOf(chosen), before: publicOf(before) };
      } finally {
        await rm(scratch, { recursive: true, force: true });
      }
    },

    folder: folderState,

    /** Chooses where backups go (null: back to the folder in the data folder). */
    setFolder(folder: string | null, locale: Locale): BackupFolder {
      if (folder && !isAbsolute(folder))
        throw new AppError('bad_request', 'error.backup.folderNotAbsolute', { folder }, 'folder');
      const wanted = folder ? resolve(folder) : null;
      if (wanted !== null && wanted !== defaultFolder) checkFolder(wanted);
      const stored = wanted === defaultFolder ? '' : (wanted ?? '');
      // Choosing the folder in use writes nothing.
      if (stored !== (repos.judgeAccess.setting(folderSetting) ?? ''))
        repos.judgeAccess.putSetting(folderSetting, stored, now().toISOString());
      lastFailure = null;
      return folderState(locale);
    },

    /** Told of every audited change: a lock, a reveal or an import is backed up as soon as it is written. */
    afterAudit(entry: AuditInput): void {
      const reason = milestones[entry.action];
      if (!reason || stopped || defaultFolder === null) return;
      const detail =
        entry.participantId === undefined || entry.participantId === null
          ? null
          : (repos.participants.find(entry.participantId)?.name ?? null);
      // After the transaction that wrote it has committed.
      setImmediate(() => {
        if (!stopped) takeQuietly(reason, detail);
      });
    },

    /** Backs up every `intervalMs` while anything changed. */
    start(intervalMs: number): void {
      if (defaultFolder === null || timer) return;
      timer = setInterval(() => {
        if (!stopped && totalChanges(repos.db) !== backedUpAt) takeQuietly('interval');
      }, intervalMs);
      timer.unref();
    },

    /** On quit: waits for the backups under way, then keeps what changed since the last one. */
    async stop(): Promise<void> {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      await queue;
      if (defaultFolder !== null && totalChanges(repos.db) !== backedUpAt) {
        await take('quit').catch((error: unknown) => log.warn(`backup on quit failed: ${describe(error)}`));
      }
    },
  };
}
export type BackupService = ReturnType<typeof backupService>;

/** Tells `listener` of every audit entry written through these repositories (the backup service's milestones). */
export function watchAudit(repos: Repositories, listener: (entry: AuditInput) => void): void {
  const write = repos.contest.audit.bind(repos.contest);
  repos.contest.audit = (entry) => {
    write(entry);
    listener(entry);
  };
}
