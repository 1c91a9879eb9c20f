import { accessSync, constants, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite, { type Database } from 'better-sqlite3';
import { isDiskFull, StartupError } from './errors';
import { applyMigrations, bundledMigrations, checkMigrations, type Migration } from './migrate';

export const databaseFileName = 'podium.db';

/** Creates the data folder if needed; a StartupError when it cannot be written. */
export function ensureWritableDir(dir: string): void {
  try {
    if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
    if (!statSync(dir).isDirectory()) throw new Error('not a directory');
    accessSync(dir, constants.W_OK | constants.R_OK);
  } catch {
    throw new StartupError('host.dataDirNotWritable', { dir });
  }
}

function isNotADatabase(error: unknown): boolean {
  return (
    error instanceof Error && 'code' in error && (error.code === 'SQLITE_NOTADB' || error.code === 'SQLITE_CORRUPT')
  );
}

/**
 * Checks an existing file on a private copy (with its WAL), because even a read-only
 * open of a WAL database creates files next to it: a refusal must leave the folder as it was.
 */
function inspectExisting(file: string, migrations: Migration[]): void {
  const scratch = mkdtempSync(join(tmpdir(), 'podium-inspect-'));
  let db: Database | undefined;
  try {
    const copy = join(scratch, databaseFileName);
    copyFileSync(file, copy);
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
    db = new Sqlite(copy, { fileMustExist: true });
    db.pragma('schema_version');
    checkMigrations(db, file, migrations);
  } catch (error) {
    if (error instanceof StartupError) throw error;
    if (isNotADatabase(error)) throw new StartupError('host.notADatabase', { file });
    throw error;
  } finally {
    db?.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Opens (creating if needed) the event database in `dataDir` and brings it to this
 * build's schema. Durability over speed: a score that got a 200 must survive a crash.
 */
export function openDatabase(dataDir: string, migrations: Migration[] = bundledMigrations()): Database {
  ensureWritableDir(dataDir);
  const file = join(dataDir, databaseFileName);
  if (existsSync(file)) inspectExisting(file, migrations);
  const db = new Sqlite(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    applyMigrations(db, checkMigrations(db, file, migrations));
    return db;
  } catch (error) {
    db.close();
    if (isDiskFull(error)) throw new StartupError('host.diskFull', { dir: dataDir });
    throw error;
  }
}
