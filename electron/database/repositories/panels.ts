import type { Database } from 'better-sqlite3';
import { int, rows, str } from '../rows';

/** When each judge joined an event's panel: a speaker's panel is the judges there when their scores were locked. */
export function panelsRepository(db: Database) {
  const joined = db.prepare('SELECT id, created_at FROM judges WHERE event_id = ?');
  return {
    /** judgeId → when the judge was added (ISO time). */
    judgesJoinedAt(eventId: number): Map<number, string> {
      return new Map(rows(joined.all(eventId)).map((row) => [int(row, 'id'), str(row, 'created_at')]));
    },
  };
}
