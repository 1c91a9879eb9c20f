// The event archive (.podium): export one event to a file of its own; import it on another host with fresh ids.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import pkg from '../../package.json';
import { archiveFileName } from '../../shared/api/archive-routes';
import { CertificateTemplate } from '../../shared/api/certificates';
import { Awards, Rubric } from '../../shared/api/contest';
import type { FileAnswer } from '../../shared/api/contract';
import type { Locale } from '../../shared/domain/vocabulary';
import type { Repositories } from '../database';
import { originTables } from '../database/repositories/venueBundles';
import {
  archiveFormat,
  archiveIdOf,
  archiveTables,
  eventOfArchive,
  archivedRowInserter,
  openArchive,
  recordArchive,
  writeArchive,
  type ArchiveColumn,
  type ArchiveHeader,
  type ArchiveTable,
} from '../database/archive';
import { appliedMigrations } from '../database/migrate';
import type { Row } from '../database/rows';
import { AppError } from '../errors';
import type { EventsService } from './events';
import { newToken, type TokenVault } from './tokens';

const archiveType = 'application/vnd.sqlite3';

/** What the file claims to be, checked before anything of it is read further. */
const StoredHeader = z.object({
  format: z.number().int(),
  podium_version: z.string(),
  migrations: z.string(),
  archive_id: z.string().min(1).max(100),
  event_kind: z.enum(['contest', 'training']),
  created_at: z.string(),
});
const MigrationNames = z.array(z.string());
const Order = z.array(z.number().int());

/** The archive is not one, or is damaged: nothing was imported. */
export class NotAnArchive extends Error {}

const notAnArchive = () => new AppError('bad_request', 'archive.error.notAnArchive');

/** The header's list of migrations (stored as JSON text), or NotAnArchive. */
export function migrationNames(text: string): string[] {
  let migrations: unknown;
  try {
    migrations = JSON.parse(text);
  } catch {
    throw new NotAnArchive('migrations');
  }
  const names = MigrationNames.safeParse(migrations);
  if (!names.success) throw new NotAnArchive('migrations');
  return names.data;
}

function parseHeader(row: Row | null): ArchiveHeader {
  const header = StoredHeader.safeParse(row);
  if (!header.success) throw new NotAnArchive('header');
  return {
    format: header.data.format,
    podiumVersion: header.data.podium_version,
    migrations: migrationNames(header.data.migrations),
    archiveId: header.data.archive_id,
    eventKind: header.data.event_kind,
    createdAt: header.data.created_at,
  };
}

/** A stored value of the type the archive's column promises, or NotAnArchive. */
export function valueOf(type: ArchiveColumn, value: unknown): unknown {
  if (value === null && (type === 'int?' || type === 'text?')) return null;
  switch (type) {
    case 'int':
    case 'int?':
      if (typeof value === 'bigint') return Number(value);
      if (typeof value === 'number' && Number.isInteger(value)) return value;
      break;
    case 'real':
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      break;
    case 'text':
    case 'text?':
      if (typeof value === 'string') return value;
      break;
    case 'blob':
      if (value instanceof Uint8Array) return value;
      break;
  }
  throw new NotAnArchive(`a ${type} column`);
}

/** Settings stored as JSON must read back as this Podium reads them, or the imported event would fail later. */
function checkJson(table: string, values: Row): void {
  const parse = (column: string, schema: z.ZodType, wrap: (v: unknown) => unknown = (v) => v) => {
    const text = values[column];
    if (typeof text !== 'string') return;
    try {
      if (!schema.safeParse(wrap(JSON.parse(text))).success) throw new NotAnArchive(column);
    } catch {
      throw new NotAnArchive(column);
    }
  };
  if (table === 'contest_settings') {
    parse('rubric_json', Rubric);
    parse('awards_json', Awards, (tiers) => ({ tiers }));
    parse('order_json', Order);
  }
  if (table === 'certificate_settings') {
    parse('award_template_json', CertificateTemplate);
    parse('completion_template_json', CertificateTemplate);
  }
}

type Renumber = (table: string, old: unknown) => number | null;

/** Keys of the audit log's before/after values that hold an id, and the table the id is of. */
const idKeys: Readonly<Record<string, string>> = {
  participantId: 'participants',
  judgeId: 'judges',
  sessionId: 'sessions',
  deskId: 'desks',
};

/**
 * The ids inside an audit entry's before/after value, renumbered like the rows, so the console still names the right
 * people: the speakers of 回避 and of the order (a list), of a draw (`order`), the judges a forced lock left out
 * (`missing[].id`), and any `participantId`/`sessionId`-like key. An id of someone since removed becomes null.
 */
function renumberAuditValue(action: string, value: unknown, renumber: Renumber): unknown {
  const people = (list: unknown) =>
    Array.isArray(list) ? list.map((id: unknown) => renumber('participants', id)) : list;
  if (action === 'conflicts' || action === 'order') return people(value);
  const walk = (v: unknown, key?: string): unknown => {
    if (Array.isArray(v)) return v.map((item: unknown) => walk(item, key === 'missing' ? 'missing' : undefined));
    if (typeof v !== 'object' || v === null) return v;
    return Object.fromEntries(
      Object.entries(v).map(([k, inner]): [string, unknown] => {
        const table = idKeys[k] ?? (key === 'missing' && k === 'id' ? 'judges' : undefined);
        if (table !== undefined) return [k, inner === null ? null : renumber(table, inner)];
        if (action === 'draw' && k === 'order') return [k, people(inner)];
        return [k, walk(inner, k)];
      }),
    );
  };
  return walk(value);
}

/** A scratch folder (mode 0700) for the file SQLite reads or writes, removed whatever happens. */
export function withScratch<T>(work: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'podium-archive-'));
  try {
    return work(join(dir, 'event.podium'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function archiveService(deps: {
  repos: Repositories;
  events: EventsService;
  now: () => Date;
  vault: TokenVault;
}) {
  const { repos, events, now, vault } = deps;
  const db = repos.db;

  /** Reads every table of an opened archive, each value checked against its column. */
  function readAll(file: string): { header: ArchiveHeader; data: Map<string, Row[]> } {
    const reader = openArchive(file);
    try {
      if (!reader.intact()) throw new NotAnArchive('integrity');
      const header = parseHeader(reader.header());
      const known = new Set(appliedMigrations(db).map((m) => m.name));
      if (header.format > archiveFormat || header.migrations.some((name) => !known.has(name)))
        throw new AppError('bad_request', 'archive.error.newer');
      if (header.format < 1) throw new NotAnArchive('format');
      const data = new Map<string, Row[]>();
      for (const table of archiveTables) {
        data.set(
          table.name,
          reader.rows(table).map((row) => {
            const values: Row = {};
            for (const [column, type] of Object.entries(table.columns)) values[column] = valueOf(type, row[column]);
            return values;
          }),
        );
      }
      if (data.get('events')?.length !== 1) throw new NotAnArchive('events');
      return { header, data };
    } finally {
      reader.close();
    }
  }

  /** Copies the archive's rows in, table by table, every id renumbered and every reference mapped. */
  function copyIn(data: Map<string, Row[]>, at: string): number {
    const ids = new Map<string, Map<number, number>>(archiveTables.map((t) => [t.name, new Map()]));
    const insert = archivedRowInserter(db);
    // The audit log keeps what happened to people since removed: those references are left empty.
    const mapped = (table: ArchiveTable, column: string, old: unknown): unknown => {
      const target = table.refs?.[column];
      if (target === undefined || old === null) return old;
      const found = typeof old === 'number' ? ids.get(target)?.get(old) : undefined;
      if (found !== undefined) return found;
      if (table.name === 'audit_log' && column !== 'event_id') return null;
      throw new NotAnArchive(`${table.name}.${column}`);
    };
    const renumber: Renumber = (table, old) => (typeof old === 'number' ? (ids.get(table)?.get(old) ?? null) : null);
    // Who did it (`judge:7`, `desk:2`) and the ids inside what changed are renumbered too.
    const auditEntry = (values: Row) => {
      const action = typeof values.action === 'string' ? values.action : '';
      const match = typeof values.actor === 'string' ? /^(judge|desk):(\d+)$/.exec(values.actor) : null;
      if (match) values.actor = `${match[1]}:${renumber(`${match[1]}s`, Number(match[2])) ?? 'removed'}`;
      for (const column of ['before_json', 'after_json']) {
        const text = values[column];
        if (typeof text !== 'string') continue;
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch {
          throw new NotAnArchive(column);
        }
        values[column] = JSON.stringify(renumberAuditValue(action, value, renumber));
      }
    };

    for (const table of archiveTables) {
      const map = ids.get(table.name);
      for (const row of data.get(table.name) ?? []) {
        checkJson(table.name, row);
        const values: Row = {};
        for (const column of Object.keys(table.columns)) {
          // A text id is a UUID (evaluation answers): kept, so a venue bundle can tell the same answer again.
          if (column !== 'id' || table.columns.id === 'text') values[column] = mapped(table, column, row[column]);
        }
        if (table.name === 'contest_settings' && typeof values.order_json === 'string') {
          const order = Order.parse(JSON.parse(values.order_json));
          values.order_json = JSON.stringify(order.flatMap((id) => ids.get('participants')?.get(id) ?? []));
        }
        if (table.name === 'audit_log') auditEntry(values);
        // A desk arrives without its link, as a revoked one: the record of who checked in where stays.
        if (table.name === 'desks' && values.revoked_at === null) values.revoked_at = at;
        const id = table.name === 'judges' ? createJudge(values) : insert(table, values);
        if (typeof row.id === 'number') map?.set(row.id, id);
      }
    }
    const eventId = ids.get('events')?.values().next().value;
    if (eventId === undefined) throw new NotAnArchive('events');
    // A sub-classroom's venue bundle speaks the archive's ids: remember which became which (venueBundle service).
    for (const table of originTables)
      for (const [source, local] of ids.get(table) ?? [])
        repos.venueBundles.recordOrigin(eventId, table, source, local);
    return eventId;
  }

  /** Judges come in through the repository's own creation with a link minted here, hashed and sealed as usual. */
  function createJudge(values: Row): number {
    const text = (column: string) => {
      const v = values[column];
      return typeof v === 'string' ? v : null;
    };
    const eventId = values.event_id;
    const name = text('name');
    const createdAt = text('created_at');
    if (typeof eventId !== 'number' || name === null || createdAt === null) throw new NotAnArchive('judges');
    const token = newToken();
    const judge = repos.contest.createJudge(
      {
        eventId,
        name,
        organization: text('organization'),
        group: text('group_key'),
        tokenHash: vault.hash(token),
        tokenSealed: vault.seal(token),
      },
      createdAt,
    );
    return judge.id;
  }

  return {
    /** The event as one SQLite file, without a single token; its archive id is given on the first export. */
    exportArchive(eventId: number, locale: Locale): FileAnswer {
      const event = events.get(eventId);
      const at = now().toISOString();
      const archiveId = repos.transaction(() => {
        const known = archiveIdOf(db, eventId);
        if (known !== null) return known;
        const fresh = randomUUID();
        recordArchive(db, { archiveId: fresh, eventId, origin: 'export', at });
        return fresh;
      });
      const header: ArchiveHeader = {
        format: archiveFormat,
        podiumVersion: pkg.version,
        migrations: appliedMigrations(db).map((m) => m.name),
        archiveId,
        eventKind: event.kind,
        createdAt: at,
      };
      const data = withScratch((file) => {
        writeArchive(db, eventId, file, header);
        return readFileSync(file);
      });
      return { data, fileName: archiveFileName(locale, event), contentType: archiveType };
    },

    /**
     * Imports an archive's bytes as a new event, all or nothing. The same archive a second time finds the event it
     * made (or the event it was exported from, on that host) and changes nothing.
     */
    importArchive(bytes: Uint8Array): { eventId: number; created: boolean } {
      try {
        return withScratch((file) => {
          writeFileSync(file, bytes, { mode: 0o600 });
          const { header, data } = readAll(file);
          const existing = eventOfArchive(db, header.archiveId);
          if (existing !== null) return { eventId: existing, created: false };
          const at = now().toISOString();
          const eventId = repos.transaction(() => {
            const id = copyIn(data, at);
            recordArchive(db, { archiveId: header.archiveId, eventId: id, origin: 'import', at });
            return id;
          });
          return { eventId, created: true };
        });
      } catch (error) {
        if (error instanceof AppError) throw error;
        // Not SQLite, damaged, or rows that break this database's constraints: the transaction took nothing.
        if (error instanceof NotAnArchive || isBadFile(error)) throw notAnArchive();
        throw error;
      }
    },
  };
}
export type ArchiveService = ReturnType<typeof archiveService>;

// What SQLite says of a file that is not a sound archive; a full disk or a busy database is not the file's fault.
const badFileCodes = /^SQLITE_(NOTADB|CORRUPT|CONSTRAINT|ERROR|MISMATCH|TOOBIG|RANGE|FORMAT)/;

export function isBadFile(error: unknown): boolean {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' && badFileCodes.test(error.code);
}
