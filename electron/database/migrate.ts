import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { StartupError } from './errors';
import { rows, str } from './rows';

export interface Migration {
  /** File name without .sql, e.g. "0001_events". */
  name: string;
  sql: string;
  checksum: string;
}

export interface AppliedMigration {
  name: string;
  checksum: string;
}

const sqlFiles = import.meta.glob<string>('./migrations/*.sql', { query: '?raw', import: 'default', eager: true });

const namePattern = /^\d{4}_[a-z0-9_]+$/;

export function checksum(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}

/** The migrations shipped with this build, in order. */
export function bundledMigrations(files: Record<string, string> = sqlFiles): Migration[] {
  return Object.entries(files)
    .map(([path, sql]) => {
      const name = path.replace(/^.*\//, '').replace(/\.sql$/, '');
      if (!namePattern.test(name)) throw new Error(`migration file ${path} is not named NNNN_name.sql`);
      return { name, sql, checksum: checksum(sql) };
    })
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

export type MigrationPlan =
  | { ok: true; pending: Migration[] }
  | { ok: false; reason: 'newer'; names: string[] }
  | { ok: false; reason: 'changed'; names: string[] };

/**
 * What to do with a database: the applied list must be exactly a prefix of the
 * files (same names, same checksums); anything else means the file was made by
 * another build, and touching it could corrupt it.
 */
export function planMigrations(applied: AppliedMigration[], files: Migration[]): MigrationPlan {
  const known = new Map(files.map((f) => [f.name, f]));
  const unknown = applied.filter((a) => !known.has(a.name)).map((a) => a.name);
  if (unknown.length > 0) return { ok: false, reason: 'newer', names: unknown };
  const changed = applied
    .filter((a, i) => files[i]?.name !== a.name || files[i]?.checksum !== a.checksum)
    .map((a) => a.name);
  if (changed.length > 0) return { ok: false, reason: 'changed', names: changed };
  return { ok: true, pending: files.slice(applied.length) };
}

const ledger = `CREATE TABLE IF NOT EXISTS schema_migrations (
  name       TEXT PRIMARY KEY,
  checksum   TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;

export function appliedMigrations(db: Database): AppliedMigration[] {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!exists) return [];
  return rows(db.prepare('SELECT name, checksum FROM schema_migrations ORDER BY name').all()).map((row) => ({
    name: str(row, 'name'),
    checksum: str(row, 'checksum'),
  }));
}

/** Refuses (StartupError) when the database and this build disagree; writes nothing in that case. */
export function checkMigrations(db: Database, file: string, files: Migration[] = bundledMigrations()): Migration[] {
  const plan = planMigrations(appliedMigrations(db), files);
  if (!plan.ok) {
    const key = plan.reason === 'newer' ? 'host.newerDatabase' : 'host.migrationChanged';
    throw new StartupError(key, { file, names: plan.names.join('、') });
  }
  return plan.pending;
}

/** Applies the pending migrations, each in its own transaction with its ledger row. */
export function applyMigrations(db: Database, pending: Migration[], now: () => Date = () => new Date()): void {
  db.exec(ledger);
  const record = db.prepare('INSERT INTO schema_migrations (name, checksum, applied_at) VALUES (?, ?, ?)');
  for (const m of pending) {
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.name, m.checksum, now().toISOString());
    })();
  }
}
