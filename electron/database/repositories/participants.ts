import type { Database } from 'better-sqlite3';
import { genders, type Gender } from '../../../shared/domain/vocabulary';
import { int, isRow, optStr, rows, str, type Row } from '../rows';

export interface ParticipantRecord {
  id: number;
  eventId: number;
  name: string;
  organization: string | null;
  title: string | null;
  phone: string | null;
  gender: Gender | null;
  group: string | null;
  registeredAt: string;
}

export interface NewParticipant {
  name: string;
  organization?: string | undefined;
  title?: string | undefined;
  phone?: string | undefined;
  gender?: Gender | undefined;
  group?: string | undefined;
}

function genderOf(value: string | null): Gender | null {
  return genders.find((g) => g === value) ?? null;
}

function toParticipant(row: Row): ParticipantRecord {
  return {
    id: int(row, 'id'),
    eventId: int(row, 'event_id'),
    name: str(row, 'name'),
    organization: optStr(row, 'organization'),
    title: optStr(row, 'title'),
    phone: optStr(row, 'phone'),
    gender: genderOf(optStr(row, 'gender')),
    group: optStr(row, 'group_name'),
    registeredAt: str(row, 'registered_at'),
  };
}

export function participantsRepository(db: Database) {
  const insert = db.prepare(
    `INSERT INTO participants (event_id, name, organization, title, phone, gender, group_name, registered_at)
     VALUES (@eventId, @name, @organization, @title, @phone, @gender, @group, @registeredAt)`,
  );
  const byId = db.prepare('SELECT * FROM participants WHERE id = ?');
  const byEvent = db.prepare('SELECT * FROM participants WHERE event_id = ? ORDER BY id');
  const update = db.prepare(
    `UPDATE participants SET name = @name, organization = @organization, title = @title, phone = @phone,
       gender = @gender, group_name = @group WHERE id = @id`,
  );
  const remove = db.prepare('DELETE FROM participants WHERE id = ?');

  return {
    create(eventId: number, p: NewParticipant, registeredAt: string): ParticipantRecord {
      const { lastInsertRowid } = insert.run({
        eventId,
        name: p.name,
        organization: p.organization ?? null,
        title: p.title ?? null,
        phone: p.phone ?? null,
        gender: p.gender ?? null,
        group: p.group ?? null,
        registeredAt,
      });
      const row = byId.get(Number(lastInsertRowid));
      if (!isRow(row)) throw new Error('participant vanished after insert');
      return toParticipant(row);
    },
    find(id: number): ParticipantRecord | null {
      const row = byId.get(id);
      return isRow(row) ? toParticipant(row) : null;
    },
    /** Replaces every field but the event and registration time. */
    update(id: number, p: NewParticipant): ParticipantRecord {
      update.run({
        id,
        name: p.name,
        organization: p.organization ?? null,
        title: p.title ?? null,
        phone: p.phone ?? null,
        gender: p.gender ?? null,
        group: p.group ?? null,
      });
      const row = byId.get(id);
      if (!isRow(row)) throw new Error('participant vanished after update');
      return toParticipant(row);
    },
    remove(id: number): void {
      remove.run(id);
    },
    /** In registration order. */
    listByEvent(eventId: number): ParticipantRecord[] {
      return rows(byEvent.all(eventId)).map(toParticipant);
    },
  };
}
export type ParticipantsRepository = ReturnType<typeof participantsRepository>;
