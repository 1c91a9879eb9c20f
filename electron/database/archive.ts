// The event archive (.podium): one event's rows copied into an SQLite file of its own, read back on another host.
// Only the columns listed here leave the host — an allow-list, so a token column added later stays home.
import Sqlite, { type Database, type Statement } from 'better-sqlite3';
import { isRow, rows, type Row } from './rows';

/** The archive's own format: raised when the tables or columns below change meaning. */
export const archiveFormat = 1;

export type ArchiveColumn = 'int' | 'int?' | 'real' | 'text' | 'text?' | 'blob';

export interface ArchiveTable {
  name: string;
  columns: Readonly<Record<string, ArchiveColumn>>;
  /** Which rows are the event's (`@eventId` bound), in the source database. */
  scope: string;
  /** Column → table whose `id` it holds; those ids are renumbered on import. */
  refs?: Readonly<Record<string, string>>;
}

const event = 'event_id = @eventId';
const ofSessions = 'session_id IN (SELECT id FROM main.sessions WHERE event_id = @eventId)';

/**
 * Table by table, in the order an import writes them (a row after the rows it points at). Not exported:
 * `score_submissions` (a resend ledger for judges' devices; imported judges get new links, nothing can resend),
 * `judge_join_codes` and `tokens_to_seal` (secrets to reach the host), `self_checkin` (its rotating-code secret),
 * `host_settings` and `schema_migrations` (this installation, not the event; the header lists the migrations),
 * `event_archives` (the header carries the archive id).
 */
export const archiveTables: readonly ArchiveTable[] = [
  // The event itself: title, dates, place, the class's 期次/班主任/contact and late grace.
  {
    name: 'events',
    scope: 'id = @eventId',
    columns: {
      id: 'int',
      title: 'text',
      kind: 'text',
      starts_on: 'text',
      ends_on: 'text?',
      venue: 'text?',
      organizer: 'text?',
      created_at: 'text',
      term: 'text?',
      class_teacher: 'text?',
      contact: 'text?',
      grace_minutes: 'int',
    },
  },
  // 主会场/分会场/现场教学点 of a class.
  {
    name: 'venues',
    scope: event,
    refs: { event_id: 'events' },
    columns: { id: 'int', event_id: 'int', name: 'text', kind: 'text', address: 'text?', created_at: 'text' },
  },
  // The roster, speakers or trainees.
  {
    name: 'participants',
    scope: event,
    refs: { event_id: 'events', venue_id: 'venues' },
    columns: {
      id: 'int',
      event_id: 'int',
      name: 'text',
      organization: 'text?',
      title: 'text?',
      phone: 'text?',
      gender: 'text?',
      group_name: 'text?',
      registered_at: 'text',
      region: 'text?',
      ethnicity: 'text?',
      note: 'text?',
      venue_id: 'int?',
    },
  },
  // Discussion groups (members are participants.group_name), and the last assignment with its seed.
  {
    name: 'discussion_groups',
    scope: event,
    refs: { event_id: 'events', leader_id: 'participants', recorder_id: 'participants' },
    columns: {
      id: 'int',
      event_id: 'int',
      name: 'text',
      position: 'int',
      leader_id: 'int?',
      recorder_id: 'int?',
      created_at: 'text',
    },
  },
  {
    name: 'group_assignments',
    scope: event,
    refs: { event_id: 'events' },
    columns: { event_id: 'int', group_count: 'int?', balance_json: 'text?', seed: 'text?', assigned_at: 'text?' },
  },
  // 学习心得: assignments WITHOUT their phone codes (the importing host gives each a new one) and the texts.
  {
    name: 'reflection_assignments',
    scope: event,
    refs: { event_id: 'events' },
    columns: { id: 'int', event_id: 'int', title: 'text', prompt: 'text?', due_at: 'text', created_at: 'text' },
  },
  {
    name: 'reflections',
    scope: 'assignment_id IN (SELECT id FROM main.reflection_assignments WHERE event_id = @eventId)',
    refs: { assignment_id: 'reflection_assignments', participant_id: 'participants' },
    columns: {
      id: 'int',
      assignment_id: 'int',
      participant_id: 'int',
      title: 'text',
      body: 'text',
      excellent: 'int',
      submitted_at: 'text',
      updated_at: 'text',
    },
  },
  // Rubric, rules, awards and the order of appearance (its participant ids are renumbered by the importer).
  {
    name: 'contest_settings',
    scope: event,
    refs: { event_id: 'events' },
    columns: {
      event_id: 'int',
      rubric_json: 'text?',
      awards_json: 'text?',
      order_json: 'text?',
      draw_seed: 'text?',
      updated_at: 'text',
    },
  },
  // Judges WITHOUT any token, token hash, sealed token or join code: the importing host mints new links.
  {
    name: 'judges',
    scope: event,
    refs: { event_id: 'events' },
    columns: {
      id: 'int',
      event_id: 'int',
      name: 'text',
      organization: 'text?',
      group_key: 'text?',
      created_at: 'text',
    },
  },
  // 回避: who must not score whom.
  {
    name: 'judge_conflicts',
    scope: 'judge_id IN (SELECT id FROM main.judges WHERE event_id = @eventId)',
    refs: { judge_id: 'judges', participant_id: 'participants' },
    columns: { judge_id: 'int', participant_id: 'int' },
  },
  // Each speaker's turn: status, times, overtime and deductions.
  {
    name: 'performances',
    scope: event,
    refs: { event_id: 'events', participant_id: 'participants' },
    columns: {
      id: 'int',
      event_id: 'int',
      participant_id: 'int',
      status: 'text',
      started_at: 'text',
      finished_at: 'text?',
      locked_at: 'text?',
      revealed_at: 'text?',
      overtime_seconds: 'int',
      deduction: 'int',
      deduction_reason: 'text?',
    },
  },
  // What judges entered (corrections and 补录 included: they are sheets too).
  {
    name: 'scores',
    scope: 'performance_id IN (SELECT id FROM main.performances WHERE event_id = @eventId)',
    refs: { performance_id: 'performances', judge_id: 'judges' },
    columns: { performance_id: 'int', judge_id: 'int', criterion_key: 'text', value: 'int', updated_at: 'text' },
  },
  // The audit log, in its order; ids of removed people are no longer there and are left empty on import.
  {
    name: 'audit_log',
    scope: event,
    refs: { event_id: 'events', participant_id: 'participants', judge_id: 'judges' },
    columns: {
      id: 'int',
      event_id: 'int',
      at: 'text',
      actor: 'text',
      action: 'text',
      participant_id: 'int?',
      judge_id: 'int?',
      before_json: 'text?',
      after_json: 'text?',
      reason: 'text?',
      submission_id: 'text?',
    },
  },
  // Certificate templates, the printer offset, the background and seal pictures, and every number issued.
  {
    name: 'certificate_settings',
    scope: event,
    refs: { event_id: 'events' },
    columns: {
      event_id: 'int',
      offset_x_mm: 'real',
      offset_y_mm: 'real',
      award_template_json: 'text?',
      completion_template_json: 'text?',
      updated_at: 'text',
    },
  },
  {
    name: 'certificate_images',
    scope: event,
    refs: { event_id: 'events' },
    columns: { event_id: 'int', kind: 'text', role: 'text', media_type: 'text', data: 'blob', updated_at: 'text' },
  },
  {
    name: 'certificates',
    scope: event,
    refs: { event_id: 'events', participant_id: 'participants' },
    columns: {
      id: 'int',
      event_id: 'int',
      participant_id: 'int?',
      kind: 'text',
      sequence: 'int',
      number: 'text',
      name: 'text',
      organization: 'text?',
      award: 'text?',
      issued_on: 'text',
      first_printed_at: 'text',
      last_printed_at: 'text',
      prints: 'int',
    },
  },
  // The schedule.
  {
    name: 'sessions',
    scope: event,
    refs: { event_id: 'events', venue_id: 'venues' },
    columns: {
      id: 'int',
      event_id: 'int',
      title: 'text',
      kind: 'text',
      starts_at: 'text',
      ends_at: 'text',
      teacher: 'text?',
      teacher_title: 'text?',
      location: 'text?',
      venue_id: 'int?',
      hours_tenths: 'int',
      created_at: 'text',
      organization: 'text?',
    },
  },
  // Course evaluations: each session's form WITHOUT its QR code (an imported form gets a new one when opened),
  // and the anonymous answers (no participant; the voter is a keyed hash, meaningless without this host's key).
  {
    name: 'evaluation_forms',
    scope: ofSessions,
    refs: { session_id: 'sessions' },
    columns: {
      session_id: 'int',
      open: 'int',
      questions_json: 'text',
      opened_at: 'text?',
      closed_at: 'text?',
      updated_at: 'text',
    },
  },
  {
    name: 'evaluation_answers',
    scope: ofSessions,
    refs: { session_id: 'sessions', venue_id: 'venues' },
    columns: {
      id: 'text',
      session_id: 'int',
      voter: 'text',
      answers_json: 'text',
      venue_id: 'int?',
      at: 'text',
    },
  },
  // The groups' records of discussion sessions.
  {
    name: 'group_records',
    scope: ofSessions,
    refs: { session_id: 'sessions', group_id: 'discussion_groups' },
    columns: {
      session_id: 'int',
      group_id: 'int',
      topic: 'text?',
      summary: 'text',
      source: 'text?',
      updated_at: 'text',
    },
  },
  // 签到台 WITHOUT their tokens (attendance names the desk); the importing host makes new desk links.
  {
    name: 'desks',
    scope: event,
    refs: { event_id: 'events' },
    columns: { id: 'int', event_id: 'int', name: 'text', created_at: 'text', revoked_at: 'text?' },
  },
  // Attendance, and which phone checked in whom (the record of self check-in).
  {
    name: 'attendance',
    scope: ofSessions,
    refs: { session_id: 'sessions', participant_id: 'participants', desk_id: 'desks', venue_id: 'venues' },
    columns: {
      session_id: 'int',
      participant_id: 'int',
      status: 'text',
      at: 'text?',
      reason: 'text?',
      source: 'text',
      desk_id: 'int?',
      device: 'text?',
      updated_at: 'text',
      venue_id: 'int?',
    },
  },
  // 分会场: a trainee checked in at two venues for one session, and the venue bundles merged (so one is not merged
  // twice after the class moves to another laptop). Not exported: `local_venues` and `archive_origins` (this laptop's).
  {
    name: 'venue_checkin_conflicts',
    scope: ofSessions,
    refs: { session_id: 'sessions', participant_id: 'participants', kept_venue_id: 'venues', other_venue_id: 'venues' },
    columns: {
      session_id: 'int',
      participant_id: 'int',
      kept_venue_id: 'int?',
      kept_at: 'text?',
      other_venue_id: 'int?',
      other_at: 'text?',
      flagged_at: 'text',
    },
  },
  {
    name: 'venue_bundles',
    scope: event,
    refs: { event_id: 'events', venue_id: 'venues' },
    columns: {
      bundle_id: 'text',
      event_id: 'int',
      venue_id: 'int?',
      venue_name: 'text',
      created_at: 'text',
      imported_at: 'text',
      checkins: 'int',
      statuses: 'int',
      evaluations: 'int',
      reflections: 'int',
      flagged: 'int',
    },
  },
  {
    name: 'checkin_devices',
    scope: ofSessions,
    refs: { session_id: 'sessions', participant_id: 'participants' },
    columns: { session_id: 'int', device: 'text', participant_id: 'int', at: 'text' },
  },
  // 结业: the rule and the organiser's per-trainee decisions.
  {
    name: 'completion_rules',
    scope: event,
    refs: { event_id: 'events' },
    columns: { event_id: 'int', rules_json: 'text', updated_at: 'text' },
  },
  {
    name: 'completion_overrides',
    scope: event,
    refs: { event_id: 'events', participant_id: 'participants' },
    columns: { event_id: 'int', participant_id: 'int', completes: 'int', reason: 'text', updated_at: 'text' },
  },
  // What the projector was asked to show, and a pending 解除锁定 (both part of where the event stands).
  {
    name: 'event_screens',
    scope: event,
    refs: { event_id: 'events' },
    columns: { event_id: 'int', mode: 'text', language: 'text?', updated_at: 'text' },
  },
  {
    name: 'rules_unfreezes',
    scope: event,
    refs: { event_id: 'events' },
    columns: { event_id: 'int', reason: 'text', locked: 'int', at: 'text' },
  },
];

/** The first table of an archive: what made it and which event it is. */
export interface ArchiveHeader {
  format: number;
  podiumVersion: string;
  /** The source's applied migrations, by name. */
  migrations: string[];
  archiveId: string;
  eventKind: string;
  createdAt: string;
}

/** Each column type as SQLite declares it (the venue bundle's tables use the same). */
export const sqlType: Record<ArchiveColumn, string> = {
  int: 'INTEGER NOT NULL',
  'int?': 'INTEGER',
  real: 'REAL NOT NULL',
  text: 'TEXT NOT NULL',
  'text?': 'TEXT',
  blob: 'BLOB NOT NULL',
};

const columnList = (t: ArchiveTable) => Object.keys(t.columns).join(', ');

function archiveSchema(schema: string): string {
  const header = `CREATE TABLE ${schema}.podium_archive (format INTEGER NOT NULL, podium_version TEXT NOT NULL,
    migrations TEXT NOT NULL, archive_id TEXT NOT NULL, event_kind TEXT NOT NULL, created_at TEXT NOT NULL) STRICT;`;
  const tables = archiveTables.map((t) => {
    const columns = Object.entries(t.columns).map(([name, type]) => `${name} ${sqlType[type]}`);
    return `CREATE TABLE ${schema}.${t.name} (${columns.join(', ')}) STRICT;`;
  });
  return [header, ...tables].join('\n');
}

/** The archive id this host gave an event (on its first export or when it was imported), if any. */
export function archiveIdOf(db: Database, eventId: number): string | null {
  const row: unknown = db.prepare('SELECT archive_id FROM event_archives WHERE event_id = ?').get(eventId);
  return isRow(row) && typeof row.archive_id === 'string' ? row.archive_id : null;
}

/** The event an archive id stands for here, if that event is still here. */
export function eventOfArchive(db: Database, archiveId: string): number | null {
  const row: unknown = db.prepare('SELECT event_id FROM event_archives WHERE archive_id = ?').get(archiveId);
  return isRow(row) && typeof row.event_id === 'number' ? row.event_id : null;
}

export function recordArchive(
  db: Database,
  archive: { archiveId: string; eventId: number; origin: 'export' | 'import'; at: string },
): void {
  db.prepare('INSERT INTO event_archives (archive_id, event_id, origin, at) VALUES (?, ?, ?, ?)').run(
    archive.archiveId,
    archive.eventId,
    archive.origin,
    archive.at,
  );
}

const outAlias = 'podium_archive_out';

/**
 * Writes one event into a new SQLite file at `file`, read in one transaction so the copy is consistent while
 * judges keep scoring. The file is attached to the live connection and detached again before returning.
 */
export function writeArchive(db: Database, eventId: number, file: string, header: ArchiveHeader): void {
  db.prepare(`ATTACH DATABASE ? AS ${outAlias}`).run(file);
  try {
    db.exec(archiveSchema(outAlias));
    db.transaction(() => {
      db.prepare(
        `INSERT INTO ${outAlias}.podium_archive
         (format, podium_version, migrations, archive_id, event_kind, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(
        header.format,
        header.podiumVersion,
        JSON.stringify(header.migrations),
        header.archiveId,
        header.eventKind,
        header.createdAt,
      );
      for (const t of archiveTables) {
        const columns = columnList(t);
        db.prepare(
          `INSERT INTO ${outAlias}.${t.name} (${columns})
           SELECT ${columns} FROM main.${t.name} WHERE ${t.scope} ORDER BY rowid`,
        ).run({ eventId });
      }
    })();
  } finally {
    db.exec(`DETACH DATABASE ${outAlias}`);
  }
}

/** An archive file opened read-only; every read may throw if the file is not what it claims. */
export interface ArchiveReader {
  /** `PRAGMA integrity_check`'s verdict: true when the file is sound. */
  intact(): boolean;
  /** The header row as stored (unchecked: the caller parses it). */
  header(): Row | null;
  /** A table's rows (the allow-listed columns only), in their original order. */
  rows(table: ArchiveTable): Row[];
  close(): void;
}

/** A file from outside (an archive, a venue bundle) opened read-only, and whether SQLite finds it sound. */
export function openOutsideFile(file: string): { db: Database; intact: () => boolean } {
  const db: Database = new Sqlite(file, { readonly: true, fileMustExist: true });
  // The file came from outside: its schema may not run functions of ours in views or triggers.
  db.pragma('trusted_schema = OFF');
  return {
    db,
    intact: () => db.pragma('integrity_check', { simple: true }) === 'ok',
  };
}

export function openArchive(file: string): ArchiveReader {
  const { db, intact } = openOutsideFile(file);
  return {
    intact,
    header() {
      const row: unknown = db.prepare('SELECT * FROM podium_archive').get();
      return isRow(row) ? row : null;
    },
    rows(table) {
      // An archive of an older Podium lacks the tables and optional columns added since: read as empty.
      const stored = new Set(
        rows(db.prepare('SELECT name FROM pragma_table_info(?)').all(table.name)).map((r) => r.name),
      );
      if (stored.size === 0) return [];
      const columns = Object.entries(table.columns).map(([c, type]) =>
        stored.has(c) || !type.endsWith('?') ? c : `NULL AS ${c}`,
      );
      return rows(db.prepare(`SELECT ${columns.join(', ')} FROM ${table.name} ORDER BY rowid`).all());
    },
    close() {
      db.close();
    },
  };
}

/** Inserts archived rows into the live database (the columns each row gives); answers each new row's id. */
export function archivedRowInserter(db: Database): (table: ArchiveTable, values: Row) => number {
  const statements = new Map<string, Statement>();
  return (table, values) => {
    const columns = Object.keys(values).filter((c) => c in table.columns);
    const names = columns.map((c) => `@${c}`).join(', ');
    const sql = `INSERT INTO main.${table.name} (${columns.join(', ')}) VALUES (${names})`;
    const statement = statements.get(sql) ?? db.prepare(sql);
    statements.set(sql, statement);
    return Number(statement.run(values).lastInsertRowid);
  };
}
