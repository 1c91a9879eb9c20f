import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ArchiveImported } from '../../shared/api/archive-routes';
import { CertificateRecipients, CertificateTemplateState } from '../../shared/api/certificates';
import { builtInTemplates } from '../../shared/domain/certificates';
import { AuditEntry, Judge, PublicRanking, Ranking } from '../../shared/api/contest';
import { ErrorBody } from '../../shared/api/errors';
import { Event } from '../../shared/api/events';
import { AttendanceSummary } from '../../shared/api/training';
import { demoEvents, demoTiers, ok, runContest } from '../support/contest';
import { adminToken, startTestHost, type TestHost } from '../support/host';
import { rowCounts } from '../support/tables';

// Two real hosts, each with its own data folder: an event exported from one is imported into the other.

const hosts: TestHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.stop()));
});
async function host(): Promise<TestHost> {
  const h = await startTestHost();
  hosts.push(h);
  return h;
}

const err = (body: unknown) => ErrorBody.parse(body).error;
const bytes = (body: unknown): Uint8Array => {
  if (!(body instanceof Uint8Array)) throw new Error(`expected bytes, got ${JSON.stringify(body)}`);
  return body;
};

async function exportArchive(t: TestHost, eventId: number) {
  const r = await t.call('GET', `/api/events/${eventId}/archive.podium`);
  expect(r.status).toBe(200);
  return { data: bytes(r.body), disposition: decodeURIComponent(r.headers.get('content-disposition') ?? '') };
}
const importArchive = (t: TestHost, data: Uint8Array, lang?: string) =>
  t.call('POST', '/api/archives', { rawBody: data, ...(lang ? { lang } : {}) });

const TableName = z.object({ name: z.string() });

/** The archive bytes as an SQLite file of its own, opened for a look (or a change), then removed. */
function withArchiveFile<T>(data: Uint8Array, work: (db: Sqlite.Database) => T, write = false): T & { bytes: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'podium-archive-test-'));
  const file = join(dir, 'event.podium');
  writeFileSync(file, data);
  const db = new Sqlite(file, { readonly: !write });
  try {
    const result = work(db);
    db.close();
    return Object.assign({}, result, { bytes: readFileSync(file) });
  } finally {
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every text value of every table of an archive file. */
function textsOf(data: Uint8Array): string[] {
  return withArchiveFile(data, (db) => {
    const texts: string[] = [];
    const tables = TableName.array().parse(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all());
    for (const { name } of tables) {
      for (const row of db.prepare(`SELECT * FROM "${name}"`).all()) {
        if (typeof row !== 'object' || row === null) continue;
        for (const value of Object.values(row)) {
          if (typeof value === 'string') texts.push(value);
          if (value instanceof Uint8Array) texts.push(Buffer.from(value).toString('latin1'));
        }
      }
    }
    return { texts };
  }).texts;
}

/** What the source host keeps to let people in: every value of a token, hash, sealed copy, code or secret column. */
function storedSecrets(t: TestHost): string[] {
  const db = new Sqlite(join(t.dataDir, 'podium.db'), { readonly: true });
  try {
    const secrets: string[] = [];
    const tables = TableName.array().parse(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all());
    for (const { name } of tables) {
      const columns = TableName.array().parse(db.prepare(`SELECT name FROM pragma_table_info('${name}')`).all());
      for (const column of columns.filter((c) => /token|code|secret|sealed|hash/i.test(c.name))) {
        const values = z
          .array(z.object({ v: z.unknown() }))
          .parse(db.prepare(`SELECT "${column.name}" AS v FROM "${name}"`).all());
        for (const { v } of values) if (typeof v === 'string' && v.length >= 6) secrets.push(v);
      }
    }
    return secrets;
  } finally {
    db.close();
  }
}

/** Fails when any of the secrets appears in the archive: in its raw bytes or in any text column. */
function expectNoSecrets(data: Uint8Array, secrets: readonly string[]): void {
  const raw = Buffer.from(data).toString('latin1');
  const texts = textsOf(data);
  expect(secrets.length).toBeGreaterThan(0);
  for (const secret of secrets) {
    expect(secret.length).toBeGreaterThanOrEqual(6);
    expect(raw.includes(secret), `secret ${secret} in the archive bytes`).toBe(false);
    expect(
      texts.some((text) => text.includes(secret)),
      `secret ${secret} in a text column`,
    ).toBe(false);
  }
}

const rankingOf = async (t: TestHost, eventId: number) =>
  Ranking.parse((await t.call('GET', `/api/events/${eventId}/ranking`)).body).rows.map((r) => ({
    rank: r.rank,
    name: r.name,
    final: r.final,
    award: r.award,
    judgeTotals: r.judgeTotals.map((j) => [j.total, j.dropped]),
  }));
const auditOf = async (t: TestHost, eventId: number) =>
  AuditEntry.array().parse((await t.call('GET', `/api/events/${eventId}/audit`)).body);
const numbersOf = async (t: TestHost, eventId: number) =>
  CertificateRecipients.parse(
    (await t.call('GET', `/api/events/${eventId}/certificates/award/recipients`)).body,
  ).recipients.map((r) => [r.name, r.award, r.number]);
const judgesOf = async (t: TestHost, eventId: number) =>
  Judge.array().parse((await t.call('GET', `/api/events/${eventId}/judges`)).body);

/** The demo contest on `t`: three judges, every speaker locked, two revealed, a correction, certificates printed. */
async function contestDay(t: TestHost) {
  const { contest } = await demoEvents(t);
  const speakers = await runContest(t, contest.id, [95, 92, 90, 88, 86, 84, 82, 80]);
  const judges = await judgesOf(t, contest.id);
  for (const speaker of speakers.slice(0, 2))
    await ok(t.call('POST', `/api/events/${contest.id}/performances/${speaker.id}/reveal`), 'reveal');
  await ok(
    t.call('PUT', `/api/events/${contest.id}/performances/${speakers[3]!.id}/scores/${judges[1]!.id}`, {
      body: { scores: { total: 87.5 }, reason: '评委笔误，经本人确认更正' },
    }),
    'correction',
  );
  await ok(t.call('POST', `/api/events/${contest.id}/awards`, { body: { tiers: demoTiers } }), 'awards');
  await ok(
    t.call('PUT', `/api/events/${contest.id}/judges/${judges[2]!.id}/conflicts`, {
      body: { participantIds: [speakers[7]!.id, speakers[6]!.id] },
    }),
    '回避',
  );
  const template = { ...builtInTemplates.award, numberPrefix: 'JPL' };
  await ok(t.call('PUT', `/api/events/${contest.id}/certificates/award/template`, { body: template }), 'template');
  bytes((await t.call('GET', `/api/events/${contest.id}/certificates.pdf?kind=award`)).body);
  return { contest, speakers, judges };
}

describe('the event archive (.podium)', () => {
  it('carries a contest to another host: same ranking, audit log and certificate numbers', async () => {
    const source = await host();
    const target = await host();
    const { contest, judges } = await contestDay(source);
    // The other host has events of its own, so every id of the archive must be renumbered to fit.
    await contestDay(target);

    const archive = await exportArchive(source, contest.id);
    expect(archive.disposition).toContain(`${contest.title} 2024年7月3日.podium`);
    expect(Buffer.from(archive.data.subarray(0, 15)).toString('latin1')).toBe('SQLite format 3');

    const imported = await importArchive(target, archive.data);
    expect(imported.status).toBe(201);
    const { eventId } = ArchiveImported.parse(imported.body);

    const copy = Event.parse((await target.call('GET', `/api/events/${eventId}`)).body);
    expect(copy).toMatchObject({ title: contest.title, kind: 'contest', startsOn: '2024-07-03', venue: contest.venue });
    const ranking = await rankingOf(source, contest.id);
    expect(ranking.filter((r) => r.final !== null)).toHaveLength(8);
    expect(await rankingOf(target, eventId)).toEqual(ranking);
    const audit = await auditOf(source, contest.id);
    const copiedAudit = await auditOf(target, eventId);
    expect(copiedAudit).toHaveLength(audit.length);
    // Each entry says the same of the same people: ids are renumbered, in the columns and inside what changed.
    const described = async (t: TestHost, id: number, entries: AuditEntry[]) => {
      const speakers = new Map(
        z
          .array(z.object({ id: z.number(), name: z.string() }))
          .parse((await t.call('GET', `/api/events/${id}/participants`)).body)
          .map((p) => [p.id, p.name]),
      );
      const judgeNames = new Map((await judgesOf(t, id)).map((j) => [j.id, j.name]));
      return entries.map((e) => [
        e.at,
        e.actor,
        e.action,
        e.reason,
        e.participantId === null ? null : speakers.get(e.participantId),
        e.judgeId === null ? null : judgeNames.get(e.judgeId),
        e.action === 'conflicts'
          ? z
              .array(z.number())
              .parse(e.after)
              .map((p) => speakers.get(p))
          : e.after,
        e.before,
      ]);
    };
    const expected = await described(source, contest.id, audit);
    expect(expected.some((e) => e[1] === 'judge:王评委' && e[4] === '张经天')).toBe(true);
    expect(expected.some((e) => e[2] === 'conflicts' && JSON.stringify(e[6]) === '["李文渊","李怡"]')).toBe(true);
    expect(await described(target, eventId, copiedAudit)).toEqual(expected);
    const numbers = await numbersOf(source, contest.id);
    expect(numbers.filter(([, , number]) => number !== null)).toHaveLength(6);
    expect(numbers[0]![2]).toMatch(/^JPL/);
    expect(await numbersOf(target, eventId)).toEqual(numbers);
    const templateOf = async (t: TestHost, id: number) =>
      CertificateTemplateState.parse((await t.call('GET', `/api/events/${id}/certificates/award/template`)).body);
    expect(await templateOf(target, eventId)).toEqual(await templateOf(source, contest.id));
    // The public ranking shows the same two revealed speakers.
    const publicRows = async (t: TestHost, id: number) =>
      PublicRanking.parse((await t.call('GET', `/api/public/events/${id}/ranking`, { token: null })).body).rows.map(
        (r) => r.name,
      );
    expect(await publicRows(target, eventId)).toEqual(await publicRows(source, contest.id));
    expect(await publicRows(target, eventId)).toHaveLength(2);

    // The judges came without their links: each has a new one that works on the new host, the old ones do not.
    const newJudges = await judgesOf(target, eventId);
    expect(newJudges.map((j) => j.name)).toEqual(judges.map((j) => j.name));
    for (const [i, judge] of newJudges.entries()) {
      expect(judge.token).toBeTruthy();
      expect(judge.token).not.toBe(judges[i]!.token);
      expect((await target.call('GET', '/api/judge/state', { token: judge.token })).status).toBe(200);
      expect((await target.call('GET', '/api/judge/state', { token: judges[i]!.token })).status).toBe(401);
    }
  });

  it('holds no token of the source: not the admin’s, a judge’s, a join code nor a desk’s', async () => {
    const source = await host();
    const { contest, judges } = await contestDay(source);
    const { training } = await demoEvents(source);
    const desk = z
      .object({ token: z.string() })
      .parse(
        await ok(source.call('POST', `/api/events/${training.id}/desks`, { body: { name: '东门签到台' } }), 'desk'),
      );

    const secrets = [adminToken, ...judges.flatMap((j) => [j.token ?? '', j.joinCode ?? ''])].filter(Boolean);
    expect(secrets.length).toBe(1 + judges.length * 2);
    expectNoSecrets((await exportArchive(source, contest.id)).data, secrets);
    expectNoSecrets((await exportArchive(source, training.id)).data, [adminToken, desk.token]);
    // Nor what the host stores in their place: hashes, sealed copies, join codes, self check-in secrets.
    const session = z
      .array(z.object({ id: z.number() }))
      .parse((await source.call('GET', `/api/events/${training.id}/sessions`)).body)[0]!;
    await ok(
      source.call('POST', `/api/events/${training.id}/sessions/${session.id}/self-checkin`, { body: { open: true } }),
      'self check-in',
    );
    const stored = storedSecrets(source);
    expect(stored.length).toBeGreaterThanOrEqual(judges.length * 2 + 2);
    expectNoSecrets((await exportArchive(source, contest.id)).data, stored);
    expectNoSecrets((await exportArchive(source, training.id)).data, stored);
  });

  it('imported twice is one event: 200 with the first eventId and not a row more', async () => {
    const source = await host();
    const target = await host();
    const { contest } = await contestDay(source);
    const archive = await exportArchive(source, contest.id);

    const first = await importArchive(target, archive.data);
    expect(first.status).toBe(201);
    const { eventId } = ArchiveImported.parse(first.body);
    const counts = rowCounts(target);

    const second = await importArchive(target, archive.data);
    expect(second.status).toBe(200);
    expect(ArchiveImported.parse(second.body).eventId).toBe(eventId);
    // A later export of the same event is the same archive too.
    const again = await importArchive(target, (await exportArchive(source, contest.id)).data);
    expect(again.status).toBe(200);
    expect(ArchiveImported.parse(again.body).eventId).toBe(eventId);
    expect(rowCounts(target)).toEqual(counts);

    // Back on the host it came from, it is the event it was exported from.
    const sourceCounts = rowCounts(source);
    const home = await importArchive(source, archive.data);
    expect(home.status).toBe(200);
    expect(ArchiveImported.parse(home.body).eventId).toBe(contest.id);
    expect(rowCounts(source)).toEqual(sourceCounts);

    // Once the imported event is deleted, the archive is new again: imported afresh, not pointed at nothing.
    expect((await target.call('DELETE', `/api/events/${eventId}`)).status).toBe(204);
    const afresh = await importArchive(target, archive.data);
    expect(afresh.status).toBe(201);
    expect(rowCounts(target)).toEqual(counts);
  });

  it('refuses a truncated file and random bytes with a sentence, and changes nothing', async () => {
    const source = await host();
    const target = await host();
    const { contest } = await contestDay(source);
    const archive = await exportArchive(source, contest.id);
    await demoEvents(target);
    const counts = rowCounts(target);

    const random = new Uint8Array(64 * 1024).map(() => Math.floor(Math.random() * 256));
    const truncated = archive.data.subarray(0, Math.floor(archive.data.length / 2));
    const headerOnly = archive.data.subarray(0, 100);
    for (const [what, data] of [
      ['random', random],
      ['truncated', truncated],
      ['header only', headerOnly],
      ['empty', new Uint8Array(0)],
    ] as const) {
      const r = await importArchive(target, data);
      expect(r.status, what).toBe(400);
      expect(err(r.body).message, what).toContain('不是 Podium 活动存档');
    }
    const english = await importArchive(target, random, 'en');
    expect(err(english.body).message).toContain('not a Podium event archive');
    // An SQLite file that is not an archive (a backup of the whole database) is refused the same way.
    const backup = bytes((await source.call('GET', '/api/host/backup')).body);
    const notArchive = await importArchive(target, backup);
    expect(notArchive.status).toBe(400);
    expect(err(notArchive.body).message).toContain('不是 Podium 活动存档');
    expect(rowCounts(target)).toEqual(counts);
  });

  it('refuses an archive from a newer Podium: a newer format or a migration this Podium does not know', async () => {
    const source = await host();
    const target = await host();
    const { contest } = await contestDay(source);
    const archive = await exportArchive(source, contest.id);
    const counts = rowCounts(target);

    const newerFormat = withArchiveFile(archive.data, (db) => db.exec('UPDATE podium_archive SET format = 99'), true);
    const newerSchema = withArchiveFile(
      archive.data,
      (db) => {
        const header = z
          .object({ migrations: z.string() })
          .parse(db.prepare('SELECT migrations FROM podium_archive').get());
        const names = z.array(z.string()).parse(JSON.parse(header.migrations));
        db.prepare('UPDATE podium_archive SET migrations = ?').run(JSON.stringify([...names, '9999_from_the_future']));
      },
      true,
    );
    for (const data of [newerFormat.bytes, newerSchema.bytes]) {
      const r = await importArchive(target, data);
      expect(r.status).toBe(400);
      expect(err(r.body).message).toContain('用更新版本的 Podium 打开');
    }
    expect(rowCounts(target)).toEqual(counts);
  });

  it('refuses an archive whose rows break the rules, taking nothing of it', async () => {
    const source = await host();
    const target = await host();
    const { contest } = await contestDay(source);
    const archive = await exportArchive(source, contest.id);
    const counts = rowCounts(target);
    // A score of a judge the archive does not have: the copy stops half-way and must leave nothing behind.
    const broken = withArchiveFile(
      archive.data,
      (db) => db.exec('UPDATE scores SET judge_id = 999999 WHERE rowid = (SELECT MAX(rowid) FROM scores)'),
      true,
    );
    const r = await importArchive(target, broken.bytes);
    expect(r.status).toBe(400);
    expect(rowCounts(target)).toEqual(counts);
  });

  it('carries a training class with its sessions, attendance and desks', async () => {
    const source = await host();
    const target = await host();
    const { training } = await demoEvents(source);
    await ok(source.call('POST', `/api/events/${training.id}/desks`, { body: { name: '东门签到台' } }), 'desk');
    const attendance = async (t: TestHost, id: number) => {
      const summary = AttendanceSummary.parse((await t.call('GET', `/api/events/${id}/attendance`)).body);
      const titles = new Map(summary.sessions.map((s) => [String(s.id), `${s.startsAt} ${s.title}`]));
      return summary.rows.map((row) => ({
        name: row.name,
        group: row.group,
        venue: row.venue,
        rate: row.rate,
        hours: row.hours,
        completes: row.completes,
        statuses: Object.fromEntries(Object.entries(row.statuses).map(([sid, s]) => [titles.get(sid) ?? sid, s])),
      }));
    };
    const before = await attendance(source, training.id);
    expect(before.some((row) => Object.values(row.statuses).some((s) => s !== null))).toBe(true);

    await demoEvents(target);
    const imported = await importArchive(target, (await exportArchive(source, training.id)).data);
    expect(imported.status).toBe(201);
    const { eventId } = ArchiveImported.parse(imported.body);
    expect(await attendance(target, eventId)).toEqual(before);
    const sessions = async (t: TestHost, id: number) =>
      z
        .array(z.object({ title: z.string(), startsAt: z.string(), venueId: z.number().nullable() }))
        .parse((await t.call('GET', `/api/events/${id}/sessions`)).body)
        .map((s) => [s.title, s.startsAt, s.venueId === null]);
    expect(await sessions(target, eventId)).toEqual(await sessions(source, training.id));
    // The desk came as a record (who checked in where), without its link: the new host makes its own desk links.
    expect((await source.call('GET', `/api/events/${training.id}/desks`)).body).toHaveLength(1);
    expect((await target.call('GET', `/api/events/${eventId}/desks`)).body).toEqual([]);
  });
});
