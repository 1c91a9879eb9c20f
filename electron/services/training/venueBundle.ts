// 分会场: a sub-classroom's laptop exports what it recorded for its venue as one file (a venue bundle); the main
// classroom merges it once, flagging a trainee checked in at two venues instead of counting them twice.
import { randomUUID } from 'node:crypto';
import { writeFileSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import pkg from '../../../package.json';
import type { FileAnswer } from '../../../shared/api/contract';
import { ParticipantCreate } from '../../../shared/api/events';
import { venueBundleFileName, type SubVenuesOverview, type VenueBundleMerged } from '../../../shared/api/venue-bundle';
import { attendanceStatuses, type AttendanceStatus } from '../../../shared/domain/attendance';
import { normalizePhone } from '../../../shared/domain/phones';
import type { Locale } from '../../../shared/domain/vocabulary';
import { translate } from '../../../shared/i18n';
import type { Repositories } from '../../database';
import { archiveIdOf, recordArchive } from '../../database/archive';
import { appliedMigrations } from '../../database/migrate';
import { checkinSources, type AttendanceRecord } from '../../database/repositories/training';
import type { OriginTable } from '../../database/repositories/venueBundles';
import type { Row } from '../../database/rows';
import {
  bundleTables,
  openVenueBundle,
  venueBundleFormat,
  writeVenueBundle,
  type BundleHeader,
  type BundleTable,
  type BundleTableName,
} from '../../database/venueBundle';
import { AppError } from '../../errors';
import { isBadFile, migrationNames, NotAnArchive, valueOf, withScratch } from '../archive';
import type { EventsService } from '../events';

const bundleType = 'application/vnd.sqlite3';

/** The file is not a bundle, or is damaged: nothing was merged. */
class NotABundle extends Error {}

const StoredHeader = z.object({
  format: z.number().int(),
  podium_version: z.string(),
  migrations: z.string(),
  bundle_id: z.string().min(1).max(100),
  archive_id: z.string().min(1).max(100),
  venue_id: z.number().int(),
  venue_name: z.string().max(200),
  created_at: z.string(),
});
const Answers = z.record(z.string(), z.union([z.number().int().min(1).max(5), z.string().max(2000)]));

/** Check-ins, as opposed to statuses set by staff (leave, absent, early). */
const checkedIn = (status: AttendanceStatus) => status === 'present' || status === 'late';

function oneOf<T extends string>(values: readonly T[], value: unknown): T {
  const found = values.find((v) => v === value);
  if (found === undefined) throw new NotABundle(String(value));
  return found;
}

const text = (row: Row, column: string): string => {
  const v = row[column];
  if (typeof v !== 'string') throw new NotABundle(column);
  return v;
};
const optText = (row: Row, column: string): string | null => (row[column] === null ? null : text(row, column));
const whole = (row: Row, column: string): number => {
  const v = row[column];
  if (typeof v !== 'number') throw new NotABundle(column);
  return v;
};

function readBundle(file: string, knownMigrations: ReadonlySet<string>) {
  const reader = openVenueBundle(file);
  try {
    if (!reader.intact()) throw new NotABundle('integrity');
    const stored = StoredHeader.safeParse(reader.header());
    if (!stored.success) throw new NotABundle('header');
    const migrations = migrationNames(stored.data.migrations);
    if (stored.data.format > venueBundleFormat || migrations.some((name) => !knownMigrations.has(name)))
      throw new AppError('bad_request', 'venueBundle.error.newer');
    if (stored.data.format < 1) throw new NotABundle('format');
    const header: BundleHeader = {
      format: stored.data.format,
      podiumVersion: stored.data.podium_version,
      migrations,
      bundleId: stored.data.bundle_id,
      archiveId: stored.data.archive_id,
      venueId: stored.data.venue_id,
      venueName: stored.data.venue_name,
      createdAt: stored.data.created_at,
    };
    const read = (table: BundleTable) =>
      reader.rows(table).map((row) => {
        const values: Row = {};
        for (const [column, type] of Object.entries(table.columns)) values[column] = valueOf(type, row[column]);
        return values;
      });
    const data = {
      trainees: read(bundleTables.trainees),
      attendance: read(bundleTables.attendance),
      evaluationAnswers: read(bundleTables.evaluationAnswers),
      reflections: read(bundleTables.reflections),
    } satisfies Record<BundleTableName, Row[]>;
    return { header, data };
  } finally {
    reader.close();
  }
}

const noneMerged = { checkins: 0, statuses: 0, evaluations: 0, reflections: 0 };

export function venueBundleService(deps: { repos: Repositories; events: EventsService; now: () => Date }) {
  const { repos, events, now } = deps;
  const store = repos.venueBundles;
  const db = repos.db;

  /** The class's ids ↔ this host's: through the archive's origins on a sub-classroom, the same on the main one. */
  function idSpace(eventId: number) {
    const imported = store.imported(eventId);
    const cache = new Map<OriginTable, { toLocal: Map<number, number>; toClass: Map<number, number> }>();
    const maps = (table: OriginTable) => {
      let found = cache.get(table);
      if (!found) {
        const toLocal = store.origins(eventId, table);
        found = { toLocal, toClass: new Map([...toLocal].map(([source, local]) => [local, source])) };
        cache.set(table, found);
      }
      return found;
    };
    return {
      toClass: (table: OriginTable, local: number): number | null =>
        imported ? (maps(table).toClass.get(local) ?? null) : local,
      toLocal: (table: OriginTable, classId: number): number | null => {
        const local = imported ? (maps(table).toLocal.get(classId) ?? null) : classId;
        return local !== null && store.belongs(table, local, eventId) ? local : null;
      },
    };
  }

  function venueOf(eventId: number, venueId: number) {
    const venue = repos.training.venue(venueId);
    if (!venue || venue.eventId !== eventId)
      throw new AppError('not_found', 'venueBundle.error.venueNotFound', { id: venueId }, 'venue');
    return venue;
  }

  /** The class's archive id, given now if the class was never exported (as its first archive export would). */
  function classArchiveId(eventId: number, at: string): string {
    return repos.transaction(() => {
      const known = archiveIdOf(db, eventId);
      if (known !== null) return known;
      const fresh = randomUUID();
      recordArchive(db, { archiveId: fresh, eventId, origin: 'export', at });
      return fresh;
    });
  }

  /** A trainee of the bundle here: by the class's id, else by phone, then name and organisation, else added. */
  function traineeHere(eventId: number, row: Row, venueId: number, ids: ReturnType<typeof idSpace>, at: string) {
    const classId = row.class_id;
    const name = text(row, 'name');
    const organization = optText(row, 'organization');
    const phone = optText(row, 'phone');
    if (typeof classId === 'number') {
      const local = ids.toLocal('participants', classId);
      const here = local === null ? null : repos.participants.find(local);
      // Neither the name nor the phone agree: the ids are not this class's numbering, so nothing is merged.
      if (here && here.name !== name && (phone === null || here.phone !== normalizePhone(phone)))
        throw new AppError('bad_request', 'venueBundle.error.rosterDiffers', { name, here: here.name });
      return local;
    }
    const people = repos.participants.listByEvent(eventId);
    const byPhone = phone === null ? undefined : people.find((p) => p.phone === normalizePhone(phone));
    const byName = people.find((p) => p.name === name && p.organization === organization);
    const found = byPhone ?? byName;
    if (found) return found.id;
    // A trainee added at the sub-classroom joins the class under the same rules as one typed in here.
    const person = ParticipantCreate.safeParse({
      name,
      venueId,
      ...(organization !== null ? { organization } : {}),
      ...(phone !== null ? { phone } : {}),
      ...(row.gender !== null ? { gender: row.gender } : {}),
      ...(row.group_name !== null ? { group: row.group_name } : {}),
    });
    if (!person.success) throw new NotABundle('trainees');
    return repos.participants.create(eventId, person.data, at).id;
  }

  return {
    localVenue(eventId: number): { venueId: number | null } {
      events.get(eventId);
      return { venueId: store.localVenue(eventId) };
    },
    setLocalVenue(eventId: number, venueId: number | null): { venueId: number | null } {
      events.get(eventId);
      if (venueId !== null) {
        const venue = repos.training.venue(venueId);
        if (!venue || venue.eventId !== eventId)
          throw new AppError('validation', 'error.training.venueNotFound', { id: venueId }, 'venueId');
      }
      store.setLocalVenue(eventId, venueId, now().toISOString());
      return { venueId: store.localVenue(eventId) };
    },

    /** 应到 per venue, 实到 per session and venue (where each check-in was recorded), double check-ins, bundles. */
    overview(eventId: number): SubVenuesOverview {
      events.get(eventId);
      const venues = repos.training.venues(eventId);
      const expected = store.expectedPerVenue(eventId);
      const attendance = repos.training.eventAttendance(eventId).filter((a) => checkedIn(a.status));
      const people = new Map(repos.participants.listByEvent(eventId).map((p) => [p.id, p]));
      const sessions = repos.training.sessions(eventId);
      const venueName = (id: number | null) => venues.find((v) => v.id === id)?.name ?? null;
      return {
        venues: venues.map((v) => ({ id: v.id, name: v.name, kind: v.kind, expected: expected.get(v.id) ?? 0 })),
        sessions: sessions.map((s) => {
          // A check-in made where no 本机会场 was set (the main classroom's own desk, an older record) counts at the
          // venue the trainee is registered at, as the venue's bundle does; only one with neither stays unplaced.
          const here = attendance
            .filter((a) => a.sessionId === s.id)
            .map((a) => a.venueId ?? people.get(a.participantId)?.venueId ?? null);
          return {
            sessionId: s.id,
            title: s.title,
            startsAt: s.startsAt,
            endsAt: s.endsAt,
            attended: venues.map((v) => ({ venueId: v.id, attended: here.filter((at) => at === v.id).length })),
            unplaced: here.filter((at) => at === null).length,
          };
        }),
        conflicts: store.conflicts(eventId).map((c) => ({
          sessionId: c.sessionId,
          sessionTitle: sessions.find((s) => s.id === c.sessionId)?.title ?? '',
          participantId: c.participantId,
          name: people.get(c.participantId)?.name ?? '',
          keptVenue: venueName(c.keptVenueId),
          keptAt: c.keptAt,
          otherVenue: venueName(c.otherVenueId),
          otherAt: c.otherAt,
        })),
        bundles: store.bundles(eventId).map(({ venueId: _venueId, ...b }) => b),
      };
    },

    /** What this laptop recorded for a venue, in the class's ids, as one file (a new bundle id each time). */
    exportBundle(eventId: number, venueId: number, locale: Locale): FileAnswer {
      const event = events.get(eventId);
      const venue = venueOf(eventId, venueId);
      const ids = idSpace(eventId);
      const classVenue = ids.toClass('venues', venue.id);
      if (classVenue === null)
        throw new AppError('conflict', 'venueBundle.error.venueNotShared', { venue: venue.name });
      const at = now();
      const archiveId = classArchiveId(eventId, at.toISOString());
      const trainees = new Map<number, Row>();
      const trainee = (participantId: number): number => {
        if (!trainees.has(participantId)) {
          const p = repos.participants.find(participantId);
          trainees.set(participantId, {
            id: participantId,
            class_id: ids.toClass('participants', participantId),
            name: p?.name ?? '',
            organization: p?.organization ?? null,
            phone: p?.phone ?? null,
            gender: p?.gender ?? null,
            group_name: p?.group ?? null,
          });
        }
        return participantId;
      };
      const attendance = store.venueAttendance(eventId, venue.id).flatMap((a) => {
        const session = ids.toClass('sessions', whole(a, 'session_id'));
        if (session === null) return [];
        return [
          {
            session_id: session,
            trainee_id: trainee(whole(a, 'participant_id')),
            status: a.status,
            at: a.at,
            reason: a.reason,
            source: a.source,
            updated_at: a.updated_at,
          },
        ];
      });
      const evaluationAnswers = store.venueAnswers(eventId, venue.id).flatMap((a) => {
        const session = ids.toClass('sessions', whole(a, 'session_id'));
        return session === null ? [] : [{ ...a, session_id: session }];
      });
      const reflections = store.venueReflections(eventId, venue.id).flatMap((r) => {
        const assignment = ids.toClass('reflection_assignments', r.assignmentId);
        if (assignment === null) return [];
        return [
          {
            assignment_id: assignment,
            trainee_id: trainee(r.participantId),
            title: r.title,
            body: r.body,
            excellent: r.excellent,
            submitted_at: r.submittedAt,
            updated_at: r.updatedAt,
          },
        ];
      });
      const header: BundleHeader = {
        format: venueBundleFormat,
        podiumVersion: pkg.version,
        migrations: appliedMigrations(db).map((m) => m.name),
        bundleId: randomUUID(),
        archiveId,
        venueId: classVenue,
        venueName: venue.name,
        createdAt: at.toISOString(),
      };
      const data = withScratch((file) => {
        writeVenueBundle(file, header, {
          trainees: [...trainees.values()],
          attendance,
          evaluationAnswers,
          reflections,
        });
        return readFileSync(file);
      });
      return {
        data,
        fileName: venueBundleFileName(locale, { title: event.title, venue: venue.name, at }),
        contentType: bundleType,
      };
    },

    /**
     * Merges a bundle, all or nothing. The same bundle again changes nothing (`already`); another class's,
     * a newer Podium's or a damaged file is refused (400) with nothing taken.
     */
    importBundle(eventId: number, bytes: Uint8Array): VenueBundleMerged {
      events.get(eventId);
      try {
        return withScratch((file) => {
          writeFileSync(file, bytes, { mode: 0o600 });
          const { header, data } = readBundle(file, new Set(appliedMigrations(db).map((m) => m.name)));
          if (header.archiveId !== archiveIdOf(db, eventId))
            throw new AppError('bad_request', 'venueBundle.error.otherClass');
          const known = store.bundle(header.bundleId);
          if (known !== null) {
            if (known.eventId !== eventId) throw new AppError('bad_request', 'venueBundle.error.otherClass');
            return {
              merged: noneMerged,
              flagged: 0,
              bundleId: known.bundleId,
              venueName: known.venueName,
              already: true,
            };
          }
          return repos.transaction(() => merge(eventId, header, data));
        });
      } catch (error) {
        if (error instanceof AppError) throw error;
        if (error instanceof NotABundle || error instanceof NotAnArchive || isBadFile(error))
          throw new AppError('bad_request', 'venueBundle.error.notABundle');
        throw error;
      }
    },
  };

  function merge(eventId: number, header: BundleHeader, data: { [K in BundleTableName]: Row[] }): VenueBundleMerged {
    const ids = idSpace(eventId);
    const at = now().toISOString();
    const venueId = ids.toLocal('venues', header.venueId);
    if (venueId === null)
      throw new AppError('bad_request', 'venueBundle.error.unknownVenue', { venue: header.venueName });
    const venueName = repos.training.venue(venueId)?.name ?? header.venueName;
    const merged = { ...noneMerged };
    let flagged = 0;

    const traineeOf = new Map<number, number | null>();
    for (const row of data.trainees) traineeOf.set(whole(row, 'id'), traineeHere(eventId, row, venueId, ids, at));

    for (const row of data.attendance) {
      const sessionId = ids.toLocal('sessions', whole(row, 'session_id'));
      const participantId = traineeOf.get(whole(row, 'trainee_id')) ?? null;
      if (sessionId === null || participantId === null) continue;
      const record: AttendanceRecord = {
        sessionId,
        participantId,
        status: oneOf(attendanceStatuses, row.status),
        at: optText(row, 'at'),
        reason: optText(row, 'reason'),
        source: oneOf(checkinSources, row.source),
        deskId: null,
        device: null,
        updatedAt: text(row, 'updated_at'),
        venueId,
      };
      const count = () => {
        if (checkedIn(record.status)) merged.checkins++;
        else merged.statuses++;
      };
      const existing = repos.training.attendance(sessionId, participantId);
      if (!existing) {
        repos.training.putAttendance(record);
        count();
        continue;
      }
      const same =
        existing.status === record.status &&
        existing.at === record.at &&
        existing.reason === record.reason &&
        existing.venueId === venueId;
      if (same) continue;
      if (checkedIn(existing.status) && checkedIn(record.status) && existing.venueId !== venueId) {
        const flag = store.conflict(sessionId, participantId);
        if (flag?.otherVenueId === venueId && flag.otherAt === record.at) continue;
        // Checked in at two venues: the earlier check-in counts, the other is kept beside it for a person to see.
        const bundleFirst = (record.at ?? record.updatedAt) < (existing.at ?? existing.updatedAt);
        const [kept, other] = bundleFirst ? [record, existing] : [existing, record];
        if (bundleFirst) repos.training.putAttendance(record);
        store.putConflict({
          sessionId,
          participantId,
          keptVenueId: kept.venueId ?? null,
          keptAt: kept.at,
          otherVenueId: other.venueId ?? null,
          otherAt: other.at,
          flaggedAt: at,
        });
        flagged++;
        continue;
      }
      if (record.updatedAt <= existing.updatedAt) continue;
      // A correction made at the venue after the main classroom's record: applied, and audited like one made here.
      repos.training.putAttendance(record);
      repos.contest.audit({
        eventId,
        at,
        actor: 'venue-bundle',
        action: 'attendance',
        participantId,
        before: { sessionId, status: existing.status, at: existing.at },
        after: { sessionId, status: record.status, at: record.at },
        reason: [record.reason, translate('zh-CN', 'venueBundle.auditReason', { venue: venueName })]
          .filter((r) => r !== null)
          .join('；'),
      });
      count();
    }

    for (const row of data.evaluationAnswers) {
      const sessionId = ids.toLocal('sessions', whole(row, 'session_id'));
      if (sessionId === null) continue;
      const answersJson = text(row, 'answers_json');
      try {
        if (!Answers.safeParse(JSON.parse(answersJson)).success) throw new NotABundle('answers_json');
      } catch {
        throw new NotABundle('answers_json');
      }
      const added = store.addAnswer({
        id: text(row, 'id'),
        sessionId,
        voter: text(row, 'voter'),
        answersJson,
        venueId,
        at: text(row, 'at'),
      });
      if (added) merged.evaluations++;
    }

    for (const row of data.reflections) {
      const assignmentId = ids.toLocal('reflection_assignments', whole(row, 'assignment_id'));
      const participantId = traineeOf.get(whole(row, 'trainee_id')) ?? null;
      if (assignmentId === null || participantId === null) continue;
      const reflection = {
        assignmentId,
        participantId,
        title: text(row, 'title'),
        body: text(row, 'body'),
        excellent: whole(row, 'excellent') === 1 ? 1 : 0,
        submittedAt: text(row, 'submitted_at'),
        updatedAt: text(row, 'updated_at'),
      };
      const existing = store.reflection(assignmentId, participantId);
      // The newer text wins; the same one again is nothing new.
      if (existing && existing.updatedAt >= reflection.updatedAt) continue;
      store.putReflection(reflection);
      merged.reflections++;
    }

    store.recordBundle(eventId, {
      bundleId: header.bundleId,
      venueId,
      venueName,
      createdAt: header.createdAt,
      importedAt: at,
      ...merged,
      flagged,
    });
    return { merged, flagged, bundleId: header.bundleId, venueName, already: false };
  }
}
export type VenueBundleService = ReturnType<typeof venueBundleService>;
