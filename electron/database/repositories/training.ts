import type { Database } from 'better-sqlite3';
import {
  attendanceStatuses,
  sessionKinds,
  venueKinds,
  type AttendanceStatus,
  type SessionKind,
  type VenueKind,
} from '../../../shared/domain/attendance';
import { int, isRow, optInt, optStr, rows, str, type Row } from '../rows';

export interface VenueRecord {
  id: number;
  eventId: number;
  name: string;
  kind: VenueKind;
  address: string | null;
}
export interface NewVenue {
  name: string;
  kind: VenueKind;
  address?: string | undefined;
}

export interface SessionRecord {
  id: number;
  eventId: number;
  title: string;
  kind: SessionKind;
  startsAt: string;
  endsAt: string;
  teacher: string | null;
  teacherTitle: string | null;
  location: string | null;
  venueId: number | null;
  hoursTenths: number;
  /** The organisation (居民区) that held it, for study-session counts. */
  organization: string | null;
}
export type NewSession = Omit<SessionRecord, 'id' | 'eventId'>;

export interface DeskRecord {
  id: number;
  eventId: number;
  name: string;
  /** SHA-256 of the desk's token; null once revoked. */
  tokenHash: string | null;
  /** The token sealed with the host key, to show the link again. */
  tokenSealed: string | null;
  createdAt: string;
}

export const checkinSources = ['desk', 'self', 'staff', 'paper'] as const;
export type CheckinSource = (typeof checkinSources)[number];

export interface AttendanceRecord {
  sessionId: number;
  participantId: number;
  status: AttendanceStatus;
  at: string | null;
  reason: string | null;
  source: CheckinSource;
  deskId: number | null;
  device: string | null;
  updatedAt: string;
  /** Where it was recorded: this laptop's venue (本机会场) then, or the venue a bundle came from. */
  venueId?: number | null;
}

export interface SelfCheckinRecord {
  sessionId: number;
  eventId: number;
  open: boolean;
  secret: string;
  rotateSeconds: number;
  openedAt: string;
  closedAt: string | null;
}

export interface CompletionOverrideRecord {
  participantId: number;
  completes: boolean;
  reason: string;
}

function oneOf<T extends string>(values: readonly T[], value: string, what: string): T {
  const found = values.find((v) => v === value);
  if (found === undefined) throw new Error(`unknown ${what} ${value}`);
  return found;
}

const toVenue = (row: Row): VenueRecord => ({
  id: int(row, 'id'),
  eventId: int(row, 'event_id'),
  name: str(row, 'name'),
  kind: oneOf(venueKinds, str(row, 'kind'), 'venue kind'),
  address: optStr(row, 'address'),
});

const toSession = (row: Row): SessionRecord => ({
  id: int(row, 'id'),
  eventId: int(row, 'event_id'),
  title: str(row, 'title'),
  kind: oneOf(sessionKinds, str(row, 'kind'), 'session kind'),
  startsAt: str(row, 'starts_at'),
  endsAt: str(row, 'ends_at'),
  teacher: optStr(row, 'teacher'),
  teacherTitle: optStr(row, 'teacher_title'),
  location: optStr(row, 'location'),
  venueId: optInt(row, 'venue_id'),
  hoursTenths: int(row, 'hours_tenths'),
  organization: optStr(row, 'organization'),
});

const toDesk = (row: Row): DeskRecord => ({
  id: int(row, 'id'),
  eventId: int(row, 'event_id'),
  name: str(row, 'name'),
  tokenHash: optStr(row, 'token_hash'),
  tokenSealed: optStr(row, 'token_sealed'),
  createdAt: str(row, 'created_at'),
});

const toAttendance = (row: Row): AttendanceRecord => ({
  sessionId: int(row, 'session_id'),
  participantId: int(row, 'participant_id'),
  status: oneOf(attendanceStatuses, str(row, 'status'), 'attendance status'),
  at: optStr(row, 'at'),
  reason: optStr(row, 'reason'),
  source: oneOf(checkinSources, str(row, 'source'), 'check-in source'),
  deskId: optInt(row, 'desk_id'),
  device: optStr(row, 'device'),
  updatedAt: str(row, 'updated_at'),
  venueId: optInt(row, 'venue_id'),
});

const toSelfCheckin = (row: Row): SelfCheckinRecord => ({
  sessionId: int(row, 'session_id'),
  eventId: int(row, 'event_id'),
  open: int(row, 'open') === 1,
  secret: str(row, 'secret'),
  rotateSeconds: int(row, 'rotate_seconds'),
  openedAt: str(row, 'opened_at'),
  closedAt: optStr(row, 'closed_at'),
});

/** Venues, the schedule, desks, attendance, self check-in and completion of training classes. */
export function trainingRepository(db: Database) {
  const q = {
    venues: db.prepare('SELECT * FROM venues WHERE event_id = ? ORDER BY id'),
    venue: db.prepare('SELECT * FROM venues WHERE id = ?'),
    insertVenue: db.prepare(
      `INSERT INTO venues (event_id, name, kind, address, created_at) VALUES (@eventId, @name, @kind, @address, @at)`,
    ),
    updateVenue: db.prepare('UPDATE venues SET name = @name, kind = @kind, address = @address WHERE id = @id'),
    deleteVenue: db.prepare('DELETE FROM venues WHERE id = ?'),

    sessions: db.prepare('SELECT * FROM sessions WHERE event_id = ? ORDER BY starts_at, ends_at, id'),
    session: db.prepare('SELECT * FROM sessions WHERE id = ?'),
    insertSession: db.prepare(
      `INSERT INTO sessions (event_id, title, kind, starts_at, ends_at, teacher, teacher_title, location, venue_id,
         hours_tenths, organization, created_at)
       VALUES (@eventId, @title, @kind, @startsAt, @endsAt, @teacher, @teacherTitle, @location, @venueId,
         @hoursTenths, @organization, @at)`,
    ),
    updateSession: db.prepare(
      `UPDATE sessions SET title = @title, kind = @kind, starts_at = @startsAt, ends_at = @endsAt, teacher = @teacher,
         teacher_title = @teacherTitle, location = @location, venue_id = @venueId, hours_tenths = @hoursTenths,
         organization = @organization
       WHERE id = @id`,
    ),
    deleteSession: db.prepare('DELETE FROM sessions WHERE id = ?'),

    desks: db.prepare('SELECT * FROM desks WHERE event_id = ? AND token_hash IS NOT NULL ORDER BY id'),
    desk: db.prepare('SELECT * FROM desks WHERE id = ?'),
    deskByTokenHash: db.prepare('SELECT * FROM desks WHERE token_hash = ?'),
    insertDesk: db.prepare(
      'INSERT INTO desks (event_id, name, token_hash, token_sealed, created_at) VALUES (?, ?, ?, ?, ?)',
    ),
    setDeskToken: db.prepare('UPDATE desks SET token_hash = ?, token_sealed = ? WHERE id = ?'),
    revokeDesk: db.prepare('UPDATE desks SET token_hash = NULL, token_sealed = NULL, revoked_at = ? WHERE id = ?'),

    eventAttendance: db.prepare(
      `SELECT a.* FROM attendance a JOIN sessions s ON s.id = a.session_id WHERE s.event_id = ?
       ORDER BY a.session_id, a.participant_id`,
    ),
    sessionAttendance: db.prepare('SELECT * FROM attendance WHERE session_id = ? ORDER BY participant_id'),
    attendance: db.prepare('SELECT * FROM attendance WHERE session_id = ? AND participant_id = ?'),
    putAttendance: db.prepare(
      `INSERT INTO attendance (session_id, participant_id, status, at, reason, source, desk_id, device, updated_at,
         venue_id)
       VALUES (@sessionId, @participantId, @status, @at, @reason, @source, @deskId, @device, @updatedAt, @venueId)
       ON CONFLICT (session_id, participant_id) DO UPDATE SET status = excluded.status, at = excluded.at,
         reason = excluded.reason, source = excluded.source, desk_id = excluded.desk_id, device = excluded.device,
         updated_at = excluded.updated_at, venue_id = excluded.venue_id`,
    ),
    deleteAttendance: db.prepare('DELETE FROM attendance WHERE session_id = ? AND participant_id = ?'),

    selfCheckins: db.prepare(
      'SELECT c.*, s.event_id FROM self_checkin c JOIN sessions s ON s.id = c.session_id ORDER BY c.session_id',
    ),
    selfCheckin: db.prepare(
      'SELECT c.*, s.event_id FROM self_checkin c JOIN sessions s ON s.id = c.session_id WHERE c.session_id = ?',
    ),
    openSelfCheckin: db.prepare(
      `INSERT INTO self_checkin (session_id, open, secret, rotate_seconds, opened_at, closed_at)
       VALUES (@sessionId, 1, @secret, @rotateSeconds, @openedAt, NULL)
       ON CONFLICT (session_id) DO UPDATE SET open = 1, secret = excluded.secret,
         rotate_seconds = excluded.rotate_seconds, opened_at = excluded.opened_at, closed_at = NULL`,
    ),
    closeSelfCheckin: db.prepare('UPDATE self_checkin SET open = 0, closed_at = ? WHERE session_id = ? AND open = 1'),

    device: db.prepare('SELECT participant_id FROM checkin_devices WHERE session_id = ? AND device = ?'),
    insertDevice: db.prepare(
      'INSERT OR IGNORE INTO checkin_devices (session_id, device, participant_id, at) VALUES (?, ?, ?, ?)',
    ),

    rules: db.prepare('SELECT rules_json FROM completion_rules WHERE event_id = ?'),
    putRules: db.prepare(
      `INSERT INTO completion_rules (event_id, rules_json, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (event_id) DO UPDATE SET rules_json = excluded.rules_json, updated_at = excluded.updated_at`,
    ),
    overrides: db.prepare(
      `SELECT o.* FROM completion_overrides o JOIN participants p ON p.id = o.participant_id
       WHERE o.event_id = ? ORDER BY p.id`,
    ),
    clearOverrides: db.prepare('DELETE FROM completion_overrides WHERE event_id = ?'),
    insertOverride: db.prepare(
      `INSERT INTO completion_overrides (event_id, participant_id, completes, reason, updated_at)
       VALUES (?, ?, ?, ?, ?)`,
    ),
  };

  return {
    venues(eventId: number): VenueRecord[] {
      return rows(q.venues.all(eventId)).map(toVenue);
    },
    venue(id: number): VenueRecord | null {
      const row = q.venue.get(id);
      return isRow(row) ? toVenue(row) : null;
    },
    createVenue(eventId: number, v: NewVenue, at: string): VenueRecord {
      const { lastInsertRowid } = q.insertVenue.run({
        eventId,
        name: v.name,
        kind: v.kind,
        address: v.address ?? null,
        at,
      });
      const venue = this.venue(Number(lastInsertRowid));
      if (!venue) throw new Error('venue vanished after insert');
      return venue;
    },
    updateVenue(id: number, v: NewVenue): void {
      q.updateVenue.run({ id, name: v.name, kind: v.kind, address: v.address ?? null });
    },
    removeVenue(id: number): void {
      q.deleteVenue.run(id);
    },

    /** In time order. */
    sessions(eventId: number): SessionRecord[] {
      return rows(q.sessions.all(eventId)).map(toSession);
    },
    session(id: number): SessionRecord | null {
      const row = q.session.get(id);
      return isRow(row) ? toSession(row) : null;
    },
    createSession(eventId: number, s: NewSession, at: string): number {
      return Number(q.insertSession.run({ ...s, eventId, at }).lastInsertRowid);
    },
    updateSession(id: number, s: NewSession): void {
      q.updateSession.run({ ...s, id });
    },
    removeSession(id: number): void {
      q.deleteSession.run(id);
    },

    /** Desks whose link still works. */
    desks(eventId: number): DeskRecord[] {
      return rows(q.desks.all(eventId)).map(toDesk);
    },
    desk(id: number): DeskRecord | null {
      const row = q.desk.get(id);
      return isRow(row) ? toDesk(row) : null;
    },
    deskByTokenHash(hash: string): DeskRecord | null {
      const row = q.deskByTokenHash.get(hash);
      return isRow(row) ? toDesk(row) : null;
    },
    createDesk(eventId: number, name: string, token: { hash: string; sealed: string }, at: string): number {
      return Number(q.insertDesk.run(eventId, name, token.hash, token.sealed, at).lastInsertRowid);
    },
    setDeskToken(id: number, hash: string, sealed: string): void {
      q.setDeskToken.run(hash, sealed, id);
    },
    revokeDesk(id: number, at: string): void {
      q.revokeDesk.run(at, id);
    },

    eventAttendance(eventId: number): AttendanceRecord[] {
      return rows(q.eventAttendance.all(eventId)).map(toAttendance);
    },
    sessionAttendance(sessionId: number): AttendanceRecord[] {
      return rows(q.sessionAttendance.all(sessionId)).map(toAttendance);
    },
    attendance(sessionId: number, participantId: number): AttendanceRecord | null {
      const row = q.attendance.get(sessionId, participantId);
      return isRow(row) ? toAttendance(row) : null;
    },
    putAttendance(record: AttendanceRecord): void {
      q.putAttendance.run({ ...record, venueId: record.venueId ?? null });
    },
    removeAttendance(sessionId: number, participantId: number): void {
      q.deleteAttendance.run(sessionId, participantId);
    },

    /** Every self check-in ever opened (the public code names no event). */
    selfCheckins(): SelfCheckinRecord[] {
      return rows(q.selfCheckins.all()).map(toSelfCheckin);
    },
    selfCheckin(sessionId: number): SelfCheckinRecord | null {
      const row = q.selfCheckin.get(sessionId);
      return isRow(row) ? toSelfCheckin(row) : null;
    },
    openSelfCheckin(sessionId: number, secret: string, rotateSeconds: number, openedAt: string): void {
      q.openSelfCheckin.run({ sessionId, secret, rotateSeconds, openedAt });
    },
    closeSelfCheckin(sessionId: number, at: string): void {
      q.closeSelfCheckin.run(at, sessionId);
    },

    /** The trainee this phone checked in for the session, if any. */
    deviceUse(sessionId: number, device: string): number | null {
      const row = q.device.get(sessionId, device);
      return isRow(row) ? int(row, 'participant_id') : null;
    },
    recordDevice(sessionId: number, device: string, participantId: number, at: string): void {
      q.insertDevice.run(sessionId, device, participantId, at);
    },

    completionRulesJson(eventId: number): string | null {
      const row = q.rules.get(eventId);
      return isRow(row) ? str(row, 'rules_json') : null;
    },
    overrides(eventId: number): CompletionOverrideRecord[] {
      return rows(q.overrides.all(eventId)).map((row) => ({
        participantId: int(row, 'participant_id'),
        completes: int(row, 'completes') === 1,
        reason: str(row, 'reason'),
      }));
    },
    /** Replaces the rules and every override of the event (call inside a transaction). */
    putCompletion(
      eventId: number,
      rulesJson: string,
      overrides: readonly CompletionOverrideRecord[],
      at: string,
    ): void {
      q.putRules.run(eventId, rulesJson, at);
      q.clearOverrides.run(eventId);
      for (const o of overrides) q.insertOverride.run(eventId, o.participantId, o.completes ? 1 : 0, o.reason, at);
    },
  };
}
export type TrainingRepository = ReturnType<typeof trainingRepository>;
