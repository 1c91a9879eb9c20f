import type { Database } from 'better-sqlite3';
import { genders, type Gender } from '../../../shared/domain/vocabulary';
import { int, isRow, optInt, optStr, rows, str, type Row } from '../rows';

export interface ParticipantRecord {
  id: number;
  eventId: number;
  name: string;
  organization: string | null;
  title: string | null;
  phone: string | null;
  gender: Gender | null;
  group: string | null;
  region: string | null;
  ethnicity: string | null;
  note: string | null;
  venueId: number | null;
  registeredAt: string;
}

export interface NewParticipant {
  name: string;
  organization?: string | undefined;
  title?: string | undefined;
  phone?: string | undefined;
  gender?: Gender | undefined;
  group?: string | undefined;
  region?: string | undefined;
  ethnicity?: string | undefined;
  note?: string | undefined;
  venueId?: number | undefined;
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
    region: optStr(row, 'region'),
    ethnicity: optStr(row, 'ethnicity'),
    note: optStr(row, 'note'),
    venueId: optInt(row, 'venue_id'),
    registeredAt: str(row, 'registered_at'),
  };
}

function participantColumns(p: NewParticipant) {
  return {
    name: p.name,
    organization: p.organization ?? null,
    title: p.title ?? null,
    phone: p.phone ?? null,
    gender: p.gender ?? null,
    group: p.group ?? null,
    region: p.region ?? null,
    ethnicity: p.ethnicity ?? null,
    note: p.note ?? null,
    venueId: p.venueId ?? null,
  };
}

export function participantsRepository(db: Database) {
  const insert = db.prepare(
    `INSERT INTO participants (event_id, name, organization, title, phone, gender, group_name, region, ethnicity,
       note, venue_id, registered_at)
     VALUES (@eventId, @name, @organization, @title, @phone, @gender, @group, @region, @ethnicity, @note, @venueId,
       @registeredAt)`,
  );
  const byId = db.prepare('SELECT * FROM participants WHERE id = ?');
  const byEvent = db.prepare('SELECT * FROM participants WHERE event_id = ? ORDER BY id');
  const update = db.prepare(
    `UPDATE participants SET name = @name, organization = @organization, title = @title, phone = @phone,
       gender = @gender, group_name = @group, region = @region, ethnicity = @ethnicity, note = @note,
       venue_id = @venueId
     WHERE id = @id`,
  );
  const remove = db.prepare('DELETE FROM participants WHERE id = ?');

  return {
    create(eventId: number, p: NewParticipant, registeredAt: string): ParticipantRecord {
      const { lastInsertRowid } = insert.run({ eventId, ...participantColumns(p), registeredAt });
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
      update.run({ id, ...participantColumns(p) });
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
