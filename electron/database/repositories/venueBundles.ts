import type { Database } from 'better-sqlite3';
import { int, isRow, optInt, optStr, rows, str, type Row } from '../rows';

/** Tables whose ids a bundle speaks in the class's numbering (recorded when an archive is imported). */
export const originTables = ['venues', 'participants', 'sessions', 'reflection_assignments'] as const;
export type OriginTable = (typeof originTables)[number];

export interface BundleRecord {
  bundleId: string;
  venueId: number | null;
  venueName: string;
  createdAt: string;
  importedAt: string;
  checkins: number;
  statuses: number;
  evaluations: number;
  reflections: number;
  flagged: number;
}

export interface ConflictRecord {
  sessionId: number;
  participantId: number;
  keptVenueId: number | null;
  keptAt: string | null;
  otherVenueId: number | null;
  otherAt: string | null;
  flaggedAt: string;
}

export interface ReflectionRow {
  assignmentId: number;
  participantId: number;
  title: string;
  body: string;
  excellent: number;
  submittedAt: string;
  updatedAt: string;
}

const toBundle = (row: Row): BundleRecord => ({
  bundleId: str(row, 'bundle_id'),
  venueId: optInt(row, 'venue_id'),
  venueName: str(row, 'venue_name'),
  createdAt: str(row, 'created_at'),
  importedAt: str(row, 'imported_at'),
  checkins: int(row, 'checkins'),
  statuses: int(row, 'statuses'),
  evaluations: int(row, 'evaluations'),
  reflections: int(row, 'reflections'),
  flagged: int(row, 'flagged'),
});

const toConflict = (row: Row): ConflictRecord => ({
  sessionId: int(row, 'session_id'),
  participantId: int(row, 'participant_id'),
  keptVenueId: optInt(row, 'kept_venue_id'),
  keptAt: optStr(row, 'kept_at'),
  otherVenueId: optInt(row, 'other_venue_id'),
  otherAt: optStr(row, 'other_at'),
  flaggedAt: str(row, 'flagged_at'),
});

/** This laptop's venue per class, where archived ids came from, and the bundles merged here. */
export function venueBundlesRepository(db: Database) {
  const q = {
    localVenue: db.prepare('SELECT venue_id FROM local_venues WHERE event_id = ?'),
    putLocalVenue: db.prepare(
      `INSERT INTO local_venues (event_id, venue_id, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (event_id) DO UPDATE SET venue_id = excluded.venue_id, updated_at = excluded.updated_at`,
    ),
    clearLocalVenue: db.prepare('DELETE FROM local_venues WHERE event_id = ?'),

    insertOrigin: db.prepare(
      'INSERT INTO archive_origins (event_id, table_name, source_id, local_id) VALUES (?, ?, ?, ?)',
    ),
    origins: db.prepare('SELECT source_id, local_id FROM archive_origins WHERE event_id = ? AND table_name = ?'),
    hasOrigins: db.prepare('SELECT 1 FROM archive_origins WHERE event_id = ? LIMIT 1'),
    belongs: Object.fromEntries(
      originTables.map((t) => [t, db.prepare(`SELECT 1 FROM ${t} WHERE id = ? AND event_id = ?`)]),
    ),

    bundle: db.prepare('SELECT * FROM venue_bundles WHERE bundle_id = ?'),
    bundles: db.prepare('SELECT * FROM venue_bundles WHERE event_id = ? ORDER BY imported_at, bundle_id'),
    insertBundle: db.prepare(
      `INSERT INTO venue_bundles (bundle_id, event_id, venue_id, venue_name, created_at, imported_at, checkins,
         statuses, evaluations, reflections, flagged)
       VALUES (@bundleId, @eventId, @venueId, @venueName, @createdAt, @importedAt, @checkins, @statuses,
         @evaluations, @reflections, @flagged)`,
    ),

    conflicts: db.prepare(
      `SELECT c.* FROM venue_checkin_conflicts c JOIN sessions s ON s.id = c.session_id WHERE s.event_id = ?
       ORDER BY s.starts_at, c.session_id, c.participant_id`,
    ),
    putConflict: db.prepare(
      `INSERT INTO venue_checkin_conflicts (session_id, participant_id, kept_venue_id, kept_at, other_venue_id,
         other_at, flagged_at)
       VALUES (@sessionId, @participantId, @keptVenueId, @keptAt, @otherVenueId, @otherAt, @flaggedAt)
       ON CONFLICT (session_id, participant_id) DO UPDATE SET kept_venue_id = excluded.kept_venue_id,
         kept_at = excluded.kept_at, other_venue_id = excluded.other_venue_id, other_at = excluded.other_at`,
    ),
    conflict: db.prepare('SELECT * FROM venue_checkin_conflicts WHERE session_id = ? AND participant_id = ?'),

    venueAttendance: db.prepare(
      `SELECT a.* FROM attendance a JOIN sessions s ON s.id = a.session_id
         JOIN participants p ON p.id = a.participant_id
       WHERE s.event_id = @eventId AND (a.venue_id = @venueId OR (a.venue_id IS NULL AND p.venue_id = @venueId))
       ORDER BY a.session_id, a.participant_id`,
    ),
    expectedPerVenue: db.prepare(
      `SELECT venue_id, COUNT(*) AS n FROM participants WHERE event_id = ? AND venue_id IS NOT NULL GROUP BY venue_id`,
    ),

    venueAnswers: db.prepare(
      `SELECT a.id, a.session_id, a.voter, a.answers_json, a.at FROM evaluation_answers a
         JOIN sessions s ON s.id = a.session_id
       WHERE s.event_id = @eventId AND (a.venue_id = @venueId OR (a.venue_id IS NULL AND @venueId = (
         SELECT venue_id FROM local_venues WHERE event_id = @eventId)))
       ORDER BY a.at, a.id`,
    ),
    answerKnown: db.prepare('SELECT 1 FROM evaluation_answers WHERE id = ? OR (session_id = ? AND voter = ?)'),
    insertAnswer: db.prepare(
      `INSERT INTO evaluation_answers (id, session_id, voter, answers_json, venue_id, at)
       VALUES (@id, @sessionId, @voter, @answersJson, @venueId, @at)`,
    ),

    venueReflections: db.prepare(
      `SELECT r.* FROM reflections r JOIN participants p ON p.id = r.participant_id
       WHERE p.event_id = ? AND p.venue_id = ? ORDER BY r.assignment_id, r.participant_id`,
    ),
    reflection: db.prepare('SELECT * FROM reflections WHERE assignment_id = ? AND participant_id = ?'),
    putReflection: db.prepare(
      `INSERT INTO reflections (assignment_id, participant_id, title, body, excellent, submitted_at, updated_at)
       VALUES (@assignmentId, @participantId, @title, @body, @excellent, @submittedAt, @updatedAt)
       ON CONFLICT (assignment_id, participant_id) DO UPDATE SET title = excluded.title, body = excluded.body,
         excellent = MAX(reflections.excellent, excluded.excellent), submitted_at = excluded.submitted_at,
         updated_at = excluded.updated_at`,
    ),
  };

  const toReflection = (row: Row): ReflectionRow => ({
    assignmentId: int(row, 'assignment_id'),
    participantId: int(row, 'participant_id'),
    title: str(row, 'title'),
    body: str(row, 'body'),
    excellent: int(row, 'excellent'),
    submittedAt: str(row, 'submitted_at'),
    updatedAt: str(row, 'updated_at'),
  });

  return {
    localVenue(eventId: number): number | null {
      const row = q.localVenue.get(eventId);
      return isRow(row) ? int(row, 'venue_id') : null;
    },
    setLocalVenue(eventId: number, venueId: number | null, at: string): void {
      if (venueId === null) q.clearLocalVenue.run(eventId);
      else q.putLocalVenue.run(eventId, venueId, at);
    },

    recordOrigin(eventId: number, table: OriginTable, sourceId: number, localId: number): void {
      q.insertOrigin.run(eventId, table, sourceId, localId);
    },
    /** Source id → local id of one table of an imported event. */
    origins(eventId: number, table: OriginTable): Map<number, number> {
      return new Map(rows(q.origins.all(eventId, table)).map((r) => [int(r, 'source_id'), int(r, 'local_id')]));
    },
    /** Whether a row of `table` with this id is the event's. */
    belongs(table: OriginTable, id: number, eventId: number): boolean {
      return q.belongs[table]?.get(id, eventId) !== undefined;
    },
    /** Whether the event came here from an archive (its ids are not the class's). */
    imported(eventId: number): boolean {
      return q.hasOrigins.get(eventId) !== undefined;
    },

    bundle(bundleId: string): (BundleRecord & { eventId: number }) | null {
      const row = q.bundle.get(bundleId);
      return isRow(row) ? { ...toBundle(row), eventId: int(row, 'event_id') } : null;
    },
    bundles(eventId: number): BundleRecord[] {
      return rows(q.bundles.all(eventId)).map(toBundle);
    },
    recordBundle(eventId: number, bundle: BundleRecord): void {
      q.insertBundle.run({ ...bundle, eventId });
    },

    conflicts(eventId: number): ConflictRecord[] {
      return rows(q.conflicts.all(eventId)).map(toConflict);
    },
    conflict(sessionId: number, participantId: number): ConflictRecord | null {
      const row = q.conflict.get(sessionId, participantId);
      return isRow(row) ? toConflict(row) : null;
    },
    putConflict(conflict: ConflictRecord): void {
      q.putConflict.run(conflict);
    },

    /** The attendance rows recorded at a venue, and its trainees' rows recorded nowhere in particular. */
    venueAttendance(eventId: number, venueId: number): Row[] {
      return rows(q.venueAttendance.all({ eventId, venueId }));
    },
    /** 应到 per venue: the trainees registered there. */
    expectedPerVenue(eventId: number): Map<number, number> {
      return new Map(rows(q.expectedPerVenue.all(eventId)).map((r) => [int(r, 'venue_id'), int(r, 'n')]));
    },

    /** The answers given at a venue, and those given on this laptop with no venue recorded when it is that venue. */
    venueAnswers(eventId: number, venueId: number): Row[] {
      return rows(q.venueAnswers.all({ eventId, venueId }));
    },
    /** Adds an answer unless its id, or that voter's answer to that session, is here already. */
    addAnswer(answer: {
      id: string;
      sessionId: number;
      voter: string;
      answersJson: string;
      venueId: number;
      at: string;
    }): boolean {
      if (q.answerKnown.get(answer.id, answer.sessionId, answer.voter) !== undefined) return false;
      q.insertAnswer.run(answer);
      return true;
    },

    venueReflections(eventId: number, venueId: number): ReflectionRow[] {
      return rows(q.venueReflections.all(eventId, venueId)).map(toReflection);
    },
    reflection(assignmentId: number, participantId: number): ReflectionRow | null {
      const row = q.reflection.get(assignmentId, participantId);
      return isRow(row) ? toReflection(row) : null;
    },
    putReflection(reflection: ReflectionRow): void {
      q.putReflection.run(reflection);
    },
  };
}
export type VenueBundlesRepository = ReturnType<typeof venueBundlesRepository>;
