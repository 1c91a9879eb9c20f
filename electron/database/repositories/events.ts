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
  };
}
export type EventsRepository = ReturnType<typeof eventsRepository>;
