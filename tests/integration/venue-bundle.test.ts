import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ArchiveImported } from '../../shared/api/archive-routes';
import { ErrorBody } from '../../shared/api/errors';
import { Event, Participant } from '../../shared/api/events';
import { AttendanceSummary, Session, Venue } from '../../shared/api/training';
import { LocalVenue, SubVenuesOverview, VenueBundleMerged } from '../../shared/api/venue-bundle';
import { ok } from '../support/contest';
import { startTestHost, type TestHost } from '../support/host';
import { rowCounts } from '../support/tables';
import { setUpClass, TestClock, type ClassSetUp } from '../support/training';

// Two real hosts on loopback: the main classroom (主会场) and a sub-classroom's laptop (分会场), each with its own data.

const hosts: TestHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.stop()));
});
async function host(clock: TestClock): Promise<TestHost> {
  const h = await startTestHost({ now: clock.now });
  hosts.push(h);
  return h;
}

const err = (body: unknown) => ErrorBody.parse(body).error;
const bytes = (body: unknown): Uint8Array => {
  if (!(body instanceof Uint8Array)) throw new Error(`expected bytes, got ${JSON.stringify(body)}`);
  return body;
};

/** A host's database opened beside it, for what another part's page would write (answers, reflections). */
function withDatabase<T>(t: TestHost, work: (db: Sqlite.Database) => T): T {
  const db = new Sqlite(join(t.dataDir, 'podium.db'));
  try {
    return work(db);
  } finally {
    db.close();
  }
}

/** A bundle's (or an archive's) bytes as a file of its own, changed by `work`, read back. */
function changedBundle(data: Uint8Array, work: (db: Sqlite.Database) => void): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'podium-bundle-test-'));
  const file = join(dir, 'venue.podium-venue');
  try {
    writeFileSync(file, data);
    const db = new Sqlite(file);
    work(db);
    db.close();
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const Id = z.object({ id: z.number() });

interface SubClassroom {
  sub: TestHost;
  subEvent: number;
  subBase: string;
  subVenue: Venue;
  subSessions: Session[];
  subPeople: Participant[];
  subClock: TestClock;
}

/**
 * The class on the main laptop (its 本机会场 the main classroom), a reflection assignment, then its archive imported on
 * the sub-classroom's laptop, whose 本机会场 is the sub-classroom.
 */
async function twoClassrooms(): Promise<{ main: TestHost; mainClock: TestClock; c: ClassSetUp } & SubClassroom> {
  const mainClock = new TestClock();
  const main = await host(mainClock);
  const c = await setUpClass(main);
  const base = `/api/events/${c.eventId}`;
  await ok(main.call('PUT', `${base}/local-venue`, { body: { venueId: c.main.id } }), 'main local venue');
  withDatabase(main, (db) =>
    db
      .prepare(`INSERT INTO reflection_assignments (event_id, title, due_at, created_at) VALUES (?, ?, ?, ?)`)
      .run(c.eventId, '学习心得', '2026-03-05T00:00:00+08:00', '2026-03-01T00:00:00Z'),
  );
  const archive = bytes((await main.call('GET', `${base}/archive.podium`)).body);

  const subClock = new TestClock();
  const sub = await host(subClock);
  const imported = ArchiveImported.parse(await ok(sub.call('POST', '/api/archives', { rawBody: archive }), 'archive'));
  const subBase = `/api/events/${imported.eventId}`;
  const subVenues = Venue.array().parse(await ok(sub.call('GET', `${subBase}/venues`), 'venues'));
  const subVenue = subVenues.find((v) => v.name === c.sub.name);
  if (!subVenue) throw new Error('the sub-classroom did not come with the archive');
  const set = LocalVenue.parse(
    await ok(sub.call('PUT', `${subBase}/local-venue`, { body: { venueId: subVenue.id } }), 'sub local venue'),
  );
  expect(set.venueId).toBe(subVenue.id);
  const subSessions = Session.array().parse(await ok(sub.call('GET', `${subBase}/sessions`), 'sessions'));
  const subPeople = Participant.array().parse(await ok(sub.call('GET', `${subBase}/participants`), 'people'));
  return { main, mainClock, c, sub, subEvent: imported.eventId, subBase, subVenue, subSessions, subPeople, subClock };
}

const checkin = (t: TestHost, base: string, sessionId: number, phone: string) =>
  ok(t.call('POST', `${base}/sessions/${sessionId}/checkins`, { body: { phone } }), `check in ${phone}`);

async function exportBundle(t: TestHost, base: string, venueId: number) {
  const r = await t.call('GET', `${base}/venue-bundle?venue=${venueId}`);
  expect(r.status).toBe(200);
  return { data: bytes(r.body), disposition: decodeURIComponent(r.headers.get('content-disposition') ?? '') };
}
const importBundle = (t: TestHost, eventId: number, data: Uint8Array, lang?: string) =>
  t.call('POST', `/api/events/${eventId}/venue-bundle`, { rawBody: data, ...(lang ? { lang } : {}) });

const overview = async (t: TestHost, eventId: number) =>
  SubVenuesOverview.parse(await ok(t.call('GET', `/api/events/${eventId}/sub-venues`), 'overview'));

describe('venue bundles (分会场数据包)', () => {
  it('merges a sub-classroom’s check-ins, leave, answers and reflections once, flags a double check-in', async () => {
    const { main, mainClock, c, sub, subEvent, subBase, subVenue, subSessions, subPeople, subClock } =
      await twoClassrooms();
    const base = `/api/events/${c.eventId}`;
    const opening = c.sessions[0]!;
    const subOpening = subSessions.find((s) => s.title === opening.title)!;
    const subLecture = subSessions.find((s) => s.title === c.sessions[1]!.title)!;
    const atSub = c.people.filter((p) => p.venueId === c.sub.id);
    const twice = atSub[0]!;

    // At the main classroom: two of its own trainees, and one of the sub-classroom's who came here first (08:55).
    mainClock.set('2026-03-02T08:55');
    for (const p of [c.people[0]!, twice, c.people[2]!]) await checkin(main, base, opening.id, p.phone!);

    // At the sub-classroom: all its trainees (the one above again, later), a trainee added there, a leave, answers.
    subClock.set('2026-03-02T09:02');
    for (const p of atSub) await checkin(sub, subBase, subOpening.id, p.phone!);
    const added = Participant.parse(
      await ok(
        sub.call('POST', `${subBase}/participants`, {
          body: { name: '新来的', organization: '第9社区', phone: '13900009999', venueId: subVenue.id },
        }),
        'add a trainee at the sub-classroom',
      ),
    );
    await checkin(sub, subBase, subOpening.id, added.phone!);
    const onLeave = subPeople.find((p) => p.phone === atSub[1]!.phone)!;
    await ok(
      sub.call('PUT', `${subBase}/sessions/${subLecture.id}/attendance/${onLeave.id}`, {
        body: { status: 'leave', reason: '病假' },
      }),
      'leave',
    );
    const answers = Array.from({ length: 6 }, (_, i) => ({
      id: randomUUID(),
      voter: `voter-${i}`,
      json: JSON.stringify({ content: 5, delivery: 4, usefulness: (i % 5) + 1, overall: 5, comment: '很实用' }),
    }));
    withDatabase(sub, (db) => {
      const insert = db.prepare(
        `INSERT INTO evaluation_answers (id, session_id, voter, answers_json, venue_id, at) VALUES (?, ?, ?, ?, ?, ?)`,
      );
      for (const a of answers) insert.run(a.id, subLecture.id, a.voter, a.json, subVenue.id, '2026-03-02T04:00:00Z');
      const assignment = Id.parse(db.prepare(`SELECT id FROM reflection_assignments WHERE title = '学习心得'`).get());
      db.prepare(
        `INSERT INTO reflections (assignment_id, participant_id, title, body, submitted_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(assignment.id, onLeave.id, '我的心得', '社区工作要用心。', '2026-03-03T10:00:00Z', '2026-03-03T10:00:00Z');
    });

    const bundle = await exportBundle(sub, subBase, subVenue.id);
    expect(bundle.disposition).toContain(`${c.event.title} ${c.sub.name} 2026年3月2日.podium-venue`);

    const first = await importBundle(main, c.eventId, bundle.data);
    expect(first.status).toBe(201);
    const merged = VenueBundleMerged.parse(first.body);
    // 20 trainees of the sub-classroom checked in there; one had checked in here first (flagged), one is new.
    expect(merged.merged).toEqual({ checkins: 20, statuses: 1, evaluations: 6, reflections: 1 });
    expect(merged.flagged).toBe(1);
    expect(merged.venueName).toBe(c.sub.name);
    expect(merged.already).toBe(false);

    // The same bundle again: 200, and not one row anywhere changed.
    const counts = rowCounts(main);
    const again = await importBundle(main, c.eventId, bundle.data);
    expect(again.status).toBe(200);
    expect(VenueBundleMerged.parse(again.body)).toMatchObject({ bundleId: merged.bundleId, flagged: 0, already: true });
    expect(VenueBundleMerged.parse(again.body).merged).toEqual({
      checkins: 0,
      statuses: 0,
      evaluations: 0,
      reflections: 0,
    });
    expect(rowCounts(main)).toEqual(counts);

    // 应到/实到 per venue: the double check-in counts once, at the venue it was recorded first.
    const seen = await overview(main, c.eventId);
    const row = seen.sessions.find((s) => s.sessionId === opening.id)!;
    const at = (venueId: number) => row.attended.find((a) => a.venueId === venueId)?.attended;
    expect(at(c.main.id)).toBe(3);
    expect(at(c.sub.id)).toBe(20);
    expect(seen.venues.find((v) => v.id === c.sub.id)?.expected).toBe(21);
    expect(seen.conflicts).toEqual([
      {
        sessionId: opening.id,
        sessionTitle: opening.title,
        participantId: twice.id,
        name: twice.name,
        keptVenue: c.main.name,
        keptAt: '2026-03-02T00:55:00.000Z',
        otherVenue: c.sub.name,
        otherAt: '2026-03-02T01:02:00.000Z',
      },
    ]);
    expect(seen.bundles).toHaveLength(1);
    expect(seen.bundles[0]).toMatchObject({ venueName: c.sub.name, checkins: 20, statuses: 1, flagged: 1 });

    // The attendance of the class: the new trainee is on the roster at the sub-classroom; nobody counted twice.
    const summary = AttendanceSummary.parse(await ok(main.call('GET', `${base}/attendance`), 'attendance'));
    const newcomer = summary.rows.find((r) => r.name === '新来的');
    expect(newcomer?.venue).toBe(c.sub.name);
    expect(newcomer?.statuses[String(opening.id)]).toBe('present');
    const twiceRow = summary.rows.find((r) => r.participantId === twice.id);
    expect(twiceRow?.statuses[String(opening.id)]).toBe('present');
    expect(summary.rows.filter((r) => r.statuses[String(opening.id)] === 'present')).toHaveLength(23);
    const lectureLeave = summary.rows.find((r) => r.participantId === atSub[1]!.id);
    expect(lectureLeave?.statuses[String(c.sessions[1]!.id)]).toBe('leave');

    // A later bundle from the same venue merges only what is new: one more check-in.
    subClock.set('2026-03-02T14:05');
    const discussion = subSessions.find((s) => s.title === '分组讨论')!;
    await checkin(sub, subBase, discussion.id, atSub[2]!.phone!);
    const later = await importBundle(main, c.eventId, (await exportBundle(sub, subBase, subVenue.id)).data);
    expect(later.status).toBe(201);
    expect(VenueBundleMerged.parse(later.body).merged).toEqual({
      checkins: 1,
      statuses: 0,
      evaluations: 0,
      reflections: 0,
    });
    expect(VenueBundleMerged.parse(later.body).flagged).toBe(0);
    expect((await overview(main, c.eventId)).bundles).toHaveLength(2);
    expect(subEvent).not.toBe(0);
  });

  it('refuses another class’s bundle, a damaged file and a newer Podium’s, importing nothing', async () => {
    const { main, c, sub, subBase, subVenue, subSessions, subClock } = await twoClassrooms();
    subClock.set('2026-03-02T09:01');
    const sessionId = subSessions[0]!.id;
    await checkin(sub, subBase, sessionId, c.people[1]!.phone!);
    const bundle = (await exportBundle(sub, subBase, subVenue.id)).data;

    // Another class on the main laptop: the bundle is not its.
    const other = Event.parse(
      await ok(
        main.call('POST', '/api/events', { body: { title: '另一个培训班', kind: 'training', startsOn: '2026-03-02' } }),
        'another class',
      ),
    );
    const otherCounts = rowCounts(main);
    const otherClass = await importBundle(main, other.id, bundle);
    expect(otherClass.status).toBe(400);
    expect(err(otherClass.body).message).toContain('另一个培训班');
    expect(err(otherClass.body).message).toContain('活动存档');
    const english = await importBundle(main, other.id, bundle, 'en');
    expect(err(english.body).message).toContain('belongs to another class');

    const corrupt = [
      bundle.subarray(0, Math.floor(bundle.length / 2)),
      new TextEncoder().encode('not a bundle at all'),
      bytes((await main.call('GET', `/api/events/${c.eventId}/archive.podium`)).body),
      changedBundle(bundle, (db) => db.exec(`UPDATE attendance SET status = 'teleported'`)),
      changedBundle(bundle, (db) => db.exec(`UPDATE podium_venue_bundle SET bundle_id = ''`)),
      changedBundle(bundle, (db) =>
        db.exec(`DROP TABLE attendance; CREATE TABLE attendance (session_id, trainee_id, status, at, reason, source,
          updated_at); INSERT INTO attendance VALUES ('first', 1, 'present', NULL, NULL, 'desk', 'x')`),
      ),
    ];
    for (const data of corrupt) {
      const r = await importBundle(main, c.eventId, data);
      expect(r.status).toBe(400);
      expect(err(r.body).message).toContain('不是 Podium 分会场数据包');
    }

    // Trainees whose ids name other people here (another numbering): refused rather than merged onto the wrong names.
    const otherRoster = changedBundle(bundle, (db) =>
      db.exec(`UPDATE trainees SET name = '查无此人', phone = '13911112222'`),
    );
    const misread = await importBundle(main, c.eventId, otherRoster);
    expect(misread.status).toBe(400);
    expect(err(misread.body).message).toContain('名单对不上');

    const newerFormat = changedBundle(bundle, (db) => db.exec('UPDATE podium_venue_bundle SET format = 99'));
    const newerMigration = changedBundle(bundle, (db) =>
      db.prepare('UPDATE podium_venue_bundle SET migrations = ?').run(JSON.stringify(['9999_from_the_future'])),
    );
    for (const data of [newerFormat, newerMigration]) {
      const r = await importBundle(main, c.eventId, data);
      expect(r.status).toBe(400);
      expect(err(r.body).message).toContain('更新版本的 Podium');
    }
    expect(rowCounts(main)).toEqual(otherCounts);

    // The sound bundle still merges afterwards: the refusals left nothing half-done.
    expect((await importBundle(main, c.eventId, bundle)).status).toBe(201);
  });

  it('still imports a class archive made before venues were recorded (no venue column, no bundle tables)', async () => {
    const clock = new TestClock();
    const main = await host(clock);
    const c = await setUpClass(main);
    clock.set('2026-03-02T08:58');
    await checkin(main, `/api/events/${c.eventId}`, c.sessions[0]!.id, c.people[0]!.phone!);
    const archive = bytes((await main.call('GET', `/api/events/${c.eventId}/archive.podium`)).body);
    const older = changedBundle(archive, (db) =>
      db.exec(
        'ALTER TABLE attendance DROP COLUMN venue_id; DROP TABLE venue_bundles; DROP TABLE venue_checkin_conflicts',
      ),
    );
    const other = await host(new TestClock());
    const imported = await other.call('POST', '/api/archives', { rawBody: older });
    expect(imported.status).toBe(201);
    const eventId = ArchiveImported.parse(imported.body).eventId;
    const summary = AttendanceSummary.parse(await ok(other.call('GET', `/api/events/${eventId}/attendance`), 'att'));
    expect(summary.rows.filter((r) => r.statuses[String(summary.sessions[0]?.id)] === 'present')).toHaveLength(1);
  });

  it('keeps this laptop’s venue per class and refuses a venue of another class', async () => {
    const clock = new TestClock();
    const t = await host(clock);
    const c = await setUpClass(t);
    const base = `/api/events/${c.eventId}`;
    expect(LocalVenue.parse(await ok(t.call('GET', `${base}/local-venue`), 'get')).venueId).toBeNull();
    const wrong = await t.call('PUT', `${base}/local-venue`, { body: { venueId: 9999 } });
    expect(wrong.status).toBe(400);
    expect(err(wrong.body).field).toBe('venueId');
    await ok(t.call('PUT', `${base}/local-venue`, { body: { venueId: c.sub.id } }), 'set');
    clock.set('2026-03-02T08:59');
    await checkin(t, base, c.sessions[0]!.id, c.people[0]!.phone!);
    const seen = await overview(t, c.eventId);
    expect(seen.sessions[0]?.attended.find((a) => a.venueId === c.sub.id)?.attended).toBe(1);
    expect(seen.sessions[0]?.unplaced).toBe(0);
    await ok(t.call('PUT', `${base}/local-venue`, { body: { venueId: null } }), 'clear');
    expect(LocalVenue.parse(await ok(t.call('GET', `${base}/local-venue`), 'get')).venueId).toBeNull();
    // With no 本机会场, a check-in counts at the venue the trainee is registered at (sub for people[1], main for [2]).
    await checkin(t, base, c.sessions[0]!.id, c.people[1]!.phone!);
    await checkin(t, base, c.sessions[0]!.id, c.people[2]!.phone!);
    const after = await overview(t, c.eventId);
    expect(after.sessions[0]?.attended.find((a) => a.venueId === c.sub.id)?.attended).toBe(2);
    expect(after.sessions[0]?.attended.find((a) => a.venueId === c.main.id)?.attended).toBe(1);
    expect(after.sessions[0]?.unplaced).toBe(0);
    const missing = await t.call('GET', `${base}/venue-bundle?venue=9999`);
    expect(missing.status).toBe(404);
  });
});
