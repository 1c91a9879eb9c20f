import type { Database } from 'better-sqlite3';
import type { EventKind } from '../../../shared/domain/vocabulary';
import { eventKinds } from '../../../shared/domain/vocabulary';
import { defaultGraceMinutes } from '../../../shared/domain/attendance';
import { int, isRow, optStr, rows, str, type Row } from '../rows';

export interface EventRecord {
  id: number;
  title: string;
  kind: EventKind;
  startsOn: string;
  endsOn: string | null;
  venue: string | null;
  organizer: string | null;
  term: string | null;
  classTeacher: string | null;
  contact: string | null;
  graceMinutes: number;
  createdAt: string;
  participantCount: number;
}

export interface NewEvent {
  title: string;
  kind: EventKind;
  startsOn: string;
  endsOn?: string | undefined;
  venue?: string | undefined;
  organizer?: string | undefined;
  term?: string | undefined;
  classTeacher?: string | undefined;
  contact?: string | undefined;
  graceMinutes?: number | undefined;
}

function kindOf(value: string): EventKind {
  const kind = eventKinds.find((k) => k === value);
  if (!kind) throw new Error(`unknown event kind ${value}`);
  return kind;
}

function toEvent(row: Row): EventRecord {
  return {
    id: int(row, 'id'),
    title: str(row, 'title'),
    kind: kindOf(str(row, 'kind')),
    startsOn: str(row, 'starts_on'),
    endsOn: optStr(row, 'ends_on'),
    venue: optStr(row, 'venue'),
    organizer: optStr(row, 'organizer'),
    term: optStr(row, 'term'),
    classTeacher: optStr(row, 'class_teacher'),
    contact: optStr(row, 'contact'),
    graceMinutes: int(row, 'grace_minutes'),
    createdAt: str(row, 'created_at'),
    participantCount: int(row, 'participant_count'),
  };
}

function eventColumns(event: NewEvent) {
  return {
    title: event.title,
    kind: event.kind,
    startsOn: event.startsOn,
    endsOn: event.endsOn ?? null,
    venue: event.venue ?? null,
    organizer: event.organizer ?? null,
    term: event.term ?? null,
    classTeacher: event.classTeacher ?? null,
    contact: event.contact ?? null,
    graceMinutes: event.graceMinutes ?? defaultGraceMinutes,
  };
}

const selectEvent = `SELECT e.*,
  (SELECT COUNT(*) FROM participants p WHERE p.event_id = e.id) AS participant_count
  FROM events e`;

export function eventsRepository(db: Database) {
  const insert = db.prepare(
    `INSERT INTO events (title, kind, starts_on, ends_on, venue, organizer, term, class_teacher, contact,
       grace_minutes, created_at)
     VALUES (@title, @kind, @startsOn, @endsOn, @venue, @organizer, @term, @classTeacher, @contact, @graceMinutes,
       @createdAt)`,
  );
  const update = db.prepare(
    `UPDATE events SET title = @title, kind = @kind, starts_on = @startsOn, ends_on = @endsOn, venue = @venue,
       organizer = @organizer, term = @term, class_teacher = @classTeacher, contact = @contact,
       grace_minutes = @graceMinutes
     WHERE id = @id`,
  );
  const byId = db.prepare(`${selectEvent} WHERE e.id = ?`);
  const all = db.prepare(`${selectEvent} ORDER BY e.starts_on DESC, e.id DESC`);
  const byTitle = db.prepare(`${selectEvent} WHERE e.title = ?`);
  const counts = db.prepare(
    `SELECT
       (SELECT COUNT(*) FROM judges WHERE event_id = @id) AS judges,
       (SELECT COUNT(*) FROM (SELECT DISTINCT s.performance_id, s.judge_id FROM scores s
          JOIN performances p ON p.id = s.performance_id WHERE p.event_id = @id)) AS sheets,
       (SELECT COUNT(*) FROM attendance a JOIN sessions s ON s.id = a.session_id WHERE s.event_id = @id) AS checkins,
       (SELECT COUNT(*) FROM certificates WHERE event_id = @id) AS certificates`,
  );
  // Scores and submissions hang on performances without a cascade; the rest of the event goes with its row.
  const ofTurns = 'SELECT id FROM performances WHERE event_id = ?';
  const removeSubmissions = db.prepare(`DELETE FROM score_submissions WHERE performance_id IN (${ofTurns})`);
  const removeScores = db.prepare(`DELETE FROM scores WHERE performance_id IN (${ofTurns})`);
  const removeEvent = db.prepare('DELETE FROM events WHERE id = ?');
  // Allowed by 0006_editing only once the event is gone: an id SQLite may give again must not inherit its history.
  const removeAudit = db.prepare('DELETE FROM audit_log WHERE event_id = ?');

  return {
    create(event: NewEvent, createdAt: string): EventRecord {
      const { lastInsertRowid } = insert.run({ ...eventColumns(event), createdAt });
      const created = this.find(Number(lastInsertRowid));
      if (!created) throw new Error('event vanished after insert');
      return created;
    },
    /** Replaces every field the organiser gives (an absent grace period is the default again). */
    update(id: number, event: NewEvent): EventRecord {
      update.run({ ...eventColumns(event), id });
      const updated = this.find(id);
      if (!updated) throw new Error('event vanished after update');
      return updated;
    },
    find(id: number): EventRecord | null {
      const row = byId.get(id);
      return isRow(row) ? toEvent(row) : null;
    },
    findByTitle(title: string): EventRecord | null {
      const row = byTitle.get(title);
      return isRow(row) ? toEvent(row) : null;
    },
    list(): EventRecord[] {
      return rows(all.all()).map(toEvent);
    },
    /** How much of the event's record a deletion would take. */
    counts(id: number): { judges: number; sheets: number; checkins: number; certificates: number } {
      const row = counts.get({ id });
      if (!isRow(row)) return { judges: 0, sheets: 0, checkins: 0, certificates: 0 };
      return {
        judges: int(row, 'judges'),
        sheets: int(row, 'sheets'),
        checkins: int(row, 'checkins'),
        certificates: int(row, 'certificates'),
      };
    },
    /** The event and everything of it, its audit log included, in one transaction. */
    remove(id: number): void {
      db.transaction(() => {
        removeSubmissions.run(id);
        removeScores.run(id);
        removeEvent.run(id);
        removeAudit.run(id);
      })();
    },
  };
}
export type EventsRepository = ReturnType<typeof eventsRepository>;
