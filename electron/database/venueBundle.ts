// The venue bundle (分会场数据包): what a sub-classroom recorded for its venue, in one SQLite file like the event
// archive, speaking the class's own ids (the ids of the archive the sub-classroom imported).
import Sqlite, { type Database } from 'better-sqlite3';
import { openOutsideFile, sqlType, type ArchiveColumn } from './archive';
import { isRow, rows, type Row } from './rows';

/** The bundle's own format: raised when the tables or columns below change meaning. */
export const venueBundleFormat = 1;

export interface BundleTable {
  name: string;
  columns: Readonly<Record<string, ArchiveColumn>>;
}

/**
 * `trainees` are the people the other rows name: `class_id` is their id in the class, null for one added only at the
 * sub-classroom (matched here by phone, then name and organisation). `id` is the bundle's own key for them.
 */
export const bundleTables = {
  trainees: {
    name: 'trainees',
    columns: {
      id: 'int',
      class_id: 'int?',
      name: 'text',
      organization: 'text?',
      phone: 'text?',
      gender: 'text?',
      group_name: 'text?',
    },
  },
  attendance: {
    name: 'attendance',
    columns: {
      session_id: 'int',
      trainee_id: 'int',
      status: 'text',
      at: 'text?',
      reason: 'text?',
      source: 'text',
      updated_at: 'text',
    },
  },
  evaluationAnswers: {
    name: 'evaluation_answers',
    columns: { id: 'text', session_id: 'int', voter: 'text', answers_json: 'text', at: 'text' },
  },
  reflections: {
    name: 'reflections',
    columns: {
      assignment_id: 'int',
      trainee_id: 'int',
      title: 'text',
      body: 'text',
      excellent: 'int',
      submitted_at: 'text',
      updated_at: 'text',
    },
  },
} as const satisfies Record<string, BundleTable>;

export type BundleTableName = keyof typeof bundleTables;
const bundleTableNames: readonly BundleTableName[] = ['trainees', 'attendance', 'evaluationAnswers', 'reflections'];

/** The first table of a bundle: what made it, which class and venue it is of. */
export interface BundleHeader {
  format: number;
  podiumVersion: string;
  migrations: string[];
  /** A new UUID per export: the same bundle imported twice is recognised by it. */
  bundleId: string;
  /** The class's archive id (`event_archives`), shared by the main classroom and its sub-classrooms. */
  archiveId: string;
  /** The venue's id in the class. */
  venueId: number;
  venueName: string;
  createdAt: string;
}

const columnList = (t: BundleTable) => Object.keys(t.columns).join(', ');

/** Writes a new bundle file at `file`: the header, then each table's rows (values keyed by column). */
export function writeVenueBundle(
  file: string,
  header: BundleHeader,
  data: { [K in BundleTableName]: readonly Row[] },
): void {
  const db: Database = new Sqlite(file);
  try {
    db.exec(`CREATE TABLE podium_venue_bundle (format INTEGER NOT NULL, podium_version TEXT NOT NULL,
      migrations TEXT NOT NULL, bundle_id TEXT NOT NULL, archive_id TEXT NOT NULL, venue_id INTEGER NOT NULL,
      venue_name TEXT NOT NULL, created_at TEXT NOT NULL) STRICT`);
    for (const t of Object.values(bundleTables)) {
      const columns = Object.entries(t.columns).map(([name, type]) => `${name} ${sqlType[type]}`);
      db.exec(`CREATE TABLE ${t.name} (${columns.join(', ')}) STRICT`);
    }
    db.transaction(() => {
      db.prepare(
        `INSERT INTO podium_venue_bundle (format, podium_version, migrations, bundle_id, archive_id, venue_id,
           venue_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        header.format,
        header.podiumVersion,
        JSON.stringify(header.migrations),
        header.bundleId,
        header.archiveId,
        header.venueId,
        header.venueName,
        header.createdAt,
      );
      for (const key of bundleTableNames) {
        const names = Object.keys(bundleTables[key].columns);
        const values = names.map((c) => `@${c}`).join(', ');
        const insert = db.prepare(`INSERT INTO ${bundleTables[key].name} (${names.join(', ')}) VALUES (${values})`);
        for (const row of data[key]) insert.run(Object.fromEntries(names.map((c) => [c, row[c] ?? null])));
      }
    })();
  } finally {
    db.close();
  }
}

/** A bundle file opened read-only; every read may throw if the file is not what it claims. */
export interface BundleReader {
  intact(): boolean;
  /** The header row as stored (unchecked: the caller parses it), or null when the file has no bundle header. */
  header(): Row | null;
  rows(table: BundleTable): Row[];
  close(): void;
}

export function openVenueBundle(file: string): BundleReader {
  const { db, intact } = openOutsideFile(file);
  return {
    intact,
    header() {
      const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'podium_venue_bundle'");
      if (exists.get() === undefined) return null;
      const row: unknown = db.prepare('SELECT * FROM podium_venue_bundle').get();
      return isRow(row) ? row : null;
    },
    rows(table) {
      return rows(db.prepare(`SELECT ${columnList(table)} FROM ${table.name} ORDER BY rowid`).all());
    },
    close() {
      db.close();
    },
  };
}
