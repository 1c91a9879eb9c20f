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
  // A speaker's turn and its scores have no cascade (the record of a contest must add up): removed by name here.
  const ofTurns = 'SELECT id FROM performances WHERE participant_id = ?';
  const removeSubmissions = db.prepare(`DELETE FROM score_submissions WHERE performance_id IN (${ofTurns})`);
  const removeScores = db.prepare(`DELETE FROM scores WHERE performance_id IN (${ofTurns})`);
  const removeTurns = db.prepare('DELETE FROM performances WHERE participant_id = ?');
  const sheets = db.prepare(
    `SELECT COUNT(DISTINCT s.judge_id) AS n FROM scores s JOIN performances p ON p.id = s.performance_id
     WHERE p.participant_id = ?`,
  );
  const checkins = db.prepare('SELECT COUNT(*) AS n FROM attendance WHERE participant_id = ?');
  const certificateNumbers = db.prepare('SELECT number FROM certificates WHERE participant_id = ? ORDER BY sequence');

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
    /** The person with their turn and its scores; check-ins go by cascade, issued certificates stay in the register. */
    remove(id: number): void {
      db.transaction(() => {
        removeSubmissions.run(id);
        removeScores.run(id);
        removeTurns.run(id);
        remove.run(id);
      })();
    },
    /** What a removal would take: judges' sheets, check-ins, and the numbers of certificates issued. */
    records(id: number): { sheets: number; checkins: number; certificates: string[] } {
      const count = (statement: typeof sheets) => {
        const row = statement.get(id);
        return isRow(row) ? int(row, 'n') : 0;
      };
      return {
        sheets: count(sheets),
        checkins: count(checkins),
        certificates: rows(certificateNumbers.all(id)).map((row) => str(row, 'number')),
      };
    },
    /** In registration order. */
    listByEvent(eventId: number): ParticipantRecord[] {
      return rows(byEvent.all(eventId)).map(toParticipant);
    },
  };
}
export type ParticipantsRepository = ReturnType<typeof participantsRepository>;
