import type { Database } from 'better-sqlite3';
import { int, isRow } from '../rows';

/** The pending 解除锁定 of an event's rules (table rules_unfreezes): one edit allowed after a lock. */
export function rulesRepository(db: Database) {
  const q = {
    get: db.prepare('SELECT locked FROM rules_unfreezes WHERE event_id = ?'),
    put: db.prepare(
      `INSERT INTO rules_unfreezes (event_id, reason, locked, at) VALUES (?, ?, ?, ?)
       ON CONFLICT (event_id) DO UPDATE SET reason = excluded.reason, locked = excluded.locked, at = excluded.at`,
    ),
    clear: db.prepare('DELETE FROM rules_unfreezes WHERE event_id = ?'),
  };
  return {
    /** How many speakers were locked when the pending 解除锁定 was given; null when there is none. */
    unfrozenAt(eventId: number): number | null {
      const row = q.get.get(eventId);
      return isRow(row) ? int(row, 'locked') : null;
    },
    unfreeze(eventId: number, reason: string, locked: number, at: string): void {
      q.put.run(eventId, reason, locked, at);
    },
    /** The one edit was made: the rules freeze again. */
    refreeze(eventId: number): void {
      q.clear.run(eventId);
    },
  };
}
