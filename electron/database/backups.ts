// The SQL of backups and restores: checking a backup copy and putting its rows in place of the live ones.
import Sqlite, { type Database } from 'better-sqlite3';
import { AppError } from '../errors';
import { appliedMigrations, applyMigrations, bundledMigrations, planMigrations, type Migration } from './migrate';
import { int, isRow, rows, str } from './rows';

/** Rows written on this connection since it was opened: a cheap "did anything change since the last backup". */
export function totalChanges(db: Database): number {
  const row = db.prepare('SELECT total_changes() AS n').get();
  return isRow(row) ? int(row, 'n') : 0;
}

function isNotADatabase(error: unknown): boolean {
  return (
    error instanceof Error && 'code' in error && (error.code === 'SQLITE_NOTADB' || error.code === 'SQLITE_CORRUPT')
  );
}

/**
 * Checks a private copy of a backup before it may replace anything: SQLite's integrity check, a Podium database
 * whose migrations this build knows (a newer Podium's is refused); then brings it to this build's schema.
 */
export function prepareRestore(file: string, name: string, migrations: Migration[] = bundledMigrations()): void {
  let db: Database | undefined;
  try {
    db = new Sqlite(file, { fileMustExist: true });
    const check: unknown = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new AppError('bad_request', 'error.backup.corrupt', { name });
    const applied = appliedMigrations(db);
    if (applied.length === 0) throw new AppError('bad_request', 'error.backup.notPodium', { name });
    const plan = planMigrations(applied, migrations);
    if (!plan.ok && plan.reason === 'newer') throw new AppError('bad_request', 'error.backup.newer', { name });
    if (!plan.ok) throw new AppError('bad_request', 'error.backup.notPodium', { name });
    // A plain file for ATTACH: no WAL beside it.
    db.pragma('journal_mode = DELETE');
    applyMigrations(db, plan.pending);
  } catch (error) {
    if (isNotADatabase(error)) throw new AppError('bad_request', 'error.backup.corrupt', { name });
    throw error;
  } finally {
    db?.close();
  }
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

function names(db: Database, sql: string, ...params: string[]): string[] {
  return rows(db.prepare(sql).all(...params)).map((row) => str(row, 'name'));
}

/**
 * Replaces every row of the live database with those of a prepared backup copy (same schema), in one transaction
 * on the live connection: its prepared statements stay valid, and a failure leaves the live data as it was.
 * `keep` tables are left alone (settings of this computer, not of the events).
 */
export function replaceContents(db: Database, file: string, keep: readonly string[]): void {
  db.prepare('ATTACH DATABASE ? AS restored').run(file);
  try {
    db.transaction(() => {
      db.pragma('defer_foreign_keys = ON');
      // The audit log's append-only triggers would refuse the deletes: dropped and made again in this transaction.
      const triggers = rows(db.prepare("SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger'").all());
      for (const t of triggers) db.exec(`DROP TRIGGER main.${quote(str(t, 'name'))}`);
      const tables = names(
        db,
        "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      ).filter((t) => !keep.includes(t));
      const sequence = names(db, "SELECT name FROM restored.sqlite_master WHERE name = 'sqlite_sequence'");
      if (tables.includes('judges')) keepCurrentLinks(db, 'before');
      for (const table of tables) db.exec(`DELETE FROM main.${quote(table)}`);
      for (const table of tables) {
        const columns = names(db, "SELECT name FROM pragma_table_info(?, 'main')", table).map(quote).join(', ');
        db.exec(`INSERT INTO main.${quote(table)} (${columns}) SELECT ${columns} FROM restored.${quote(table)}`);
      }
      if (sequence.length > 0) {
        db.exec('DELETE FROM main.sqlite_sequence');
        db.exec('INSERT INTO main.sqlite_sequence SELECT * FROM restored.sqlite_sequence');
      }
      if (tables.includes('judges')) keepCurrentLinks(db, 'after');
      for (const t of triggers) db.exec(str(t, 'sql'));
    })();
  } finally {
    db.exec('DETACH DATABASE restored');
  }
}

/**
 * Judges' and desks' links are this computer's present, not the backup's: a link shut out (停用) or replaced
 * (重新生成链接) after the backup was taken must not work again because of a restore. A judge or desk of the backup
 * that this computer no longer has comes back without a link (the console offers 重新生成链接).
 * Same id, event and creation time: ids of deleted rows can be used again.
 */
function keepCurrentLinks(db: Database, when: 'before' | 'after'): void {
  if (when === 'before') {
    db.exec(`
      CREATE TEMP TABLE current_judge_links AS
        SELECT id, event_id, created_at, token_hash, token_sealed FROM main.judges;
      CREATE TEMP TABLE current_join_codes AS
        SELECT c.judge_id, j.event_id, j.created_at AS judge_created, c.code_hash, c.code_sealed, c.created_at
        FROM main.judge_join_codes c JOIN main.judges j ON j.id = c.judge_id;
      CREATE TEMP TABLE current_desk_links AS
        SELECT id, event_id, created_at, token_hash, token_sealed, revoked_at FROM main.desks;
    `);
    return;
  }
  db.exec(`
    UPDATE main.judges SET token_hash = NULL, token_sealed = NULL;
    UPDATE main.judges SET token_hash = c.token_hash, token_sealed = c.token_sealed
      FROM temp.current_judge_links c
      WHERE c.id = judges.id AND c.event_id = judges.event_id AND c.created_at = judges.created_at;
    DELETE FROM main.judge_join_codes;
    INSERT INTO main.judge_join_codes (judge_id, code_hash, code_sealed, created_at)
      SELECT c.judge_id, c.code_hash, c.code_sealed, c.created_at FROM temp.current_join_codes c
      JOIN main.judges j ON j.id = c.judge_id AND j.event_id = c.event_id AND j.created_at = c.judge_created;
    UPDATE main.desks SET token_hash = NULL, token_sealed = NULL;
    UPDATE main.desks SET token_hash = c.token_hash, token_sealed = c.token_sealed, revoked_at = c.revoked_at
      FROM temp.current_desk_links c
      WHERE c.id = desks.id AND c.event_id = desks.event_id AND c.created_at = desks.created_at;
    UPDATE main.desks SET revoked_at = COALESCE(revoked_at, created_at) WHERE token_hash IS NULL;
    DROP TABLE temp.current_judge_links;
    DROP TABLE temp.current_join_codes;
    DROP TABLE temp.current_desk_links;
  `);
}
