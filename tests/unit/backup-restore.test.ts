import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import { openDatabase } from '../../electron/database';
import { prepareRestore, replaceContents } from '../../electron/database/backups';
import { AppError } from '../../electron/errors';
import { tempDir } from '../support/host';

// The SQL of a restore, on real SQLite files: the rows are replaced in one transaction, the audit log stays
// append-only afterwards, and this computer's settings stay as they are.

const folders: Array<() => void> = [];
afterEach(() => folders.splice(0).forEach((remove) => remove()));

function freshDatabase(): { db: Database; dir: string } {
  const dir = tempDir('podium-restore-');
  folders.push(dir.remove);
  return { db: openDatabase(dir.path), dir: dir.path };
}

const at = '2026-11-30T10:00:00.000Z';

function addEvent(db: Database, title: string, people: string[]): number {
  const event = db
    .prepare("INSERT INTO events (title, kind, starts_on, created_at) VALUES (?, 'contest', '2026-11-30', ?)")
    .run(title, at);
  const eventId = Number(event.lastInsertRowid);
  for (const name of people)
    db.prepare('INSERT INTO participants (event_id, name, registered_at) VALUES (?, ?, ?)').run(eventId, name, at);
  db.prepare("INSERT INTO audit_log (event_id, at, actor, action) VALUES (?, ?, 'admin', 'import')").run(eventId, at);
  return eventId;
}

const names = (db: Database) => db.prepare('SELECT name FROM participants ORDER BY id').all();

/** A backup of `db` as it is now, prepared for a restore (what the backup service does with a private copy). */
async function preparedCopy(db: Database, dir: string): Promise<string> {
  const file = join(dir, 'backup.sqlite');
  await db.backup(file);
  const copy = join(dir, 'copy.sqlite');
  copyFileSync(file, copy);
  prepareRestore(copy, 'backup.sqlite');
  return copy;
}

describe('replacing the live rows with a backup', () => {
  test('brings the rows back, keeps this computer’s settings, and the audit log stays append-only', async () => {
    const { db, dir } = freshDatabase();
    const eventId = addEvent(db, '演讲比赛', ['张三', '李四']);
    const copy = await preparedCopy(db, dir);

    db.prepare('DELETE FROM participants WHERE name = ?').run('李四');
    addEvent(db, '培训班', ['王五']);
    db.prepare("INSERT INTO host_settings (key, value, updated_at) VALUES ('venue.address', '192.168.1.23', ?)").run(
      at,
    );
    const statement = db.prepare('SELECT count(*) AS n FROM events');

    replaceContents(db, copy, ['host_settings', 'schema_migrations']);

    expect(names(db)).toEqual([{ name: '张三' }, { name: '李四' }]);
    // A statement prepared before the restore still runs, on the restored rows.
    expect(statement.get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT value FROM host_settings').all()).toEqual([{ value: '192.168.1.23' }]);
    expect(() => db.prepare('UPDATE audit_log SET actor = ? WHERE event_id = ?').run('someone', eventId)).toThrow(
      /append-only/,
    );
    expect(() => db.prepare('DELETE FROM audit_log WHERE event_id = ?').run(eventId)).toThrow(/append-only/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  test('a failure half way leaves the live rows as they were', async () => {
    const { db, dir } = freshDatabase();
    addEvent(db, '演讲比赛', ['张三']);
    const copy = await preparedCopy(db, dir);
    db.prepare('INSERT INTO participants (event_id, name, registered_at) VALUES (1, ?, ?)').run('李四', at);
    // A table the copy does not have: the INSERT … SELECT of that table fails after the deletes.
    db.exec('CREATE TABLE zz_later (id INTEGER PRIMARY KEY)');
    const triggers = db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name");
    const before = triggers.all();

    expect(() => replaceContents(db, copy, ['host_settings', 'schema_migrations'])).toThrow();
    expect(names(db)).toEqual([{ name: '张三' }, { name: '李四' }]);
    expect(triggers.all()).toEqual(before);
    expect(before).not.toEqual([]);
    db.close();
  });
});

describe('checking a backup before it may be restored', () => {
  test('a database that is not Podium’s is refused', () => {
    const { dir } = freshDatabase();
    const other = openDatabase(join(dir, 'other'));
    other.exec('DROP TABLE schema_migrations');
    other.close();
    const refusal = (() => {
      try {
        prepareRestore(join(dir, 'other', 'podium.db'), 'other.sqlite');
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: 'bad_request', key: 'error.backup.notPodium' });
  });
});
