import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AuditEntry, IssuedJudge, Judge, JudgeState, Ranking } from '../../shared/api/contest';
import { ErrorBody } from '../../shared/api/errors';
import { JoinAnswer } from '../../shared/api/host';
import { Desk } from '../../shared/api/training';
import { bundledMigrations } from '../../electron/database/migrate';
import { openDatabase } from '../../electron/database';
import { contestWith, nextSubmission, ok } from '../support/contest';
import { startTestHost, tempDir, withHost, type TestHost } from '../support/host';
import { openLive } from '../support/live';
import { totalRubric } from '../support/rubrics';
import { setUpClass } from '../support/training';

async function listJudges(t: TestHost, eventId: number): Promise<Judge[]> {
  return Judge.array().parse(await ok(t.call('GET', `/api/events/${eventId}/judges`), 'judges'));
}

async function reissue(t: TestHost, eventId: number, judgeId: number): Promise<IssuedJudge> {
  return IssuedJudge.parse(await ok(t.call('POST', `/api/events/${eventId}/judges/${judgeId}/token`), 'reissue'));
}

const score = (t: TestHost, token: string, pid: number, total = 80) =>
  t.call('PUT', `/api/judge/scores/${pid}`, { token, body: { scores: { total }, submissionId: nextSubmission() } });

const state = (t: TestHost, token: string) => t.call('GET', '/api/judge/state', { token });

const joinWith = (t: TestHost, code: string) => t.call('POST', '/api/public/join', { token: null, body: { code } });

/** A contest with one speaker on stage and two judges. */
async function onStage(t: TestHost) {
  const c = await contestWith(t, {
    speakers: ['张经天', '叶颖华'],
    judges: ['王评委', '李评委'],
    rubric: totalRubric(),
  });
  await ok(t.call('POST', `/api/events/${c.eventId}/performances/${c.speakers[0]!.id}/start`), 'start');
  return c;
}

/** Every place in the data folder's database a secret could be read from: text columns, and the raw bytes. */
function clearTextHits(dataDir: string, secrets: readonly string[]): string[] {
  const hits: string[] = [];
  const db = new Sqlite(join(dataDir, 'podium.db'), { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    for (const table of tables) {
      if (typeof table !== 'string') continue;
      const columns = db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table);
      for (const column of columns) {
        if (typeof column !== 'string') continue;
        for (const secret of secrets) {
          const found = db
            .prepare(`SELECT 1 FROM "${table}" WHERE instr(CAST("${column}" AS TEXT), ?) > 0 LIMIT 1`)
            .get(secret);
          if (found) hits.push(`${table}.${column} holds ${secret}`);
        }
      }
    }
  } finally {
    db.close();
  }
  for (const file of ['podium.db', 'podium.db-wal']) {
    const path = join(dataDir, file);
    if (!existsSync(path)) continue;
    const bytes = readFileSync(path);
    for (const secret of secrets) if (bytes.includes(secret)) hits.push(`the bytes of ${file} hold ${secret}`);
  }
  return hits;
}

describe('reissuing a judge’s link (a lost laptop)', () => {
  withHost('the old token answers 401 at once, its socket is closed, the new one works', async ({ t }) => {
    const { eventId, speakers, judges } = await onStage(t);
    const [lost, other] = [judges[0]!, judges[1]!];
    const pid = speakers[0]!.id;
    await ok(score(t, lost.token, pid, 81), 'score before');
    const socket = await openLive(t, `event=${eventId}&token=${lost.token}`);
    const closed = new Promise<number>((resolve) => socket.socket.on('close', (code) => resolve(code)));

    const fresh = await reissue(t, eventId, lost.id);
    expect(fresh).toMatchObject({ id: lost.id, name: '王评委', link: 'active' });
    expect(fresh.token).not.toBe(lost.token);
    expect(fresh.joinCode).not.toBe(lost.joinCode);
    expect(fresh.joinUrl).toBe(`${t.host.url}/#/judge?token=${fresh.token}`);
    expect(await closed).toBe(4401);

    const refused = await state(t, lost.token);
    expect(refused.status).toBe(401);
    expect(ErrorBody.parse(refused.body).error.code).toBe('unauthorized');
    expect((await score(t, lost.token, pid, 82)).status).toBe(401);
    // Nor can the old token listen in again.
    await expect(openLive(t, `event=${eventId}&token=${lost.token}`)).rejects.toThrow(/401/);

    const mine = JudgeState.parse(await ok(state(t, fresh.token), 'state with the new token'));
    expect(mine.judge.name).toBe('王评委');
    // The sheet entered with the old link is the judge's, not the laptop's.
    expect(mine.myScores.map((s) => s.participantId)).toEqual([pid]);
    expect((await score(t, fresh.token, pid, 83)).status).toBe(200);
    expect((await state(t, other.token)).status).toBe(200);

    const listed = (await listJudges(t, eventId)).find((j) => j.id === lost.id);
    expect(listed).toMatchObject({ token: fresh.token, joinUrl: fresh.joinUrl, joinCode: fresh.joinCode });
    const log = AuditEntry.array().parse(await ok(t.call('GET', `/api/events/${eventId}/audit`), 'audit'));
    expect(log.filter((e) => e.action === 'reissue-link').map((e) => e.judgeId)).toEqual([lost.id]);
  });

  withHost('the old join code finds nobody, the new one opens the new link', async ({ t }) => {
    const { eventId, judges } = await contestWith(t, { judges: ['王评委'] });
    const old = judges[0]!;
    const fresh = await reissue(t, eventId, old.id);
    const refused = await joinWith(t, old.joinCode);
    expect(refused.status).toBe(404);
    expect(ErrorBody.parse(refused.body).error.code).toBe('not_found');
    const opened = JoinAnswer.parse(await ok(joinWith(t, fresh.joinCode.toLowerCase()), 'join'));
    expect(opened.url).toBe(`/#/judge?token=${fresh.token}`);
  });

  withHost('an unknown judge, or a judge of another event, is a 404 and changes nothing', async ({ t }) => {
    const { eventId, judges } = await contestWith(t, { judges: ['王评委'] });
    const other = await contestWith(t, { judges: ['赵评委'] });
    for (const [method, path] of [
      ['POST', `/api/events/${eventId}/judges/999/token`],
      ['DELETE', `/api/events/${eventId}/judges/999/token`],
      ['POST', `/api/events/${other.eventId}/judges/${judges[0]!.id}/token`],
      ['DELETE', `/api/events/${other.eventId}/judges/${judges[0]!.id}/token`],
    ] as const) {
      const r = await t.call(method, path, { lang: 'en' });
      expect(r.status, `${method} ${path}`).toBe(404);
      expect(ErrorBody.parse(r.body).error.message).toMatch(/judge/i);
    }
    expect((await state(t, judges[0]!.token)).status).toBe(200);
    expect((await listJudges(t, eventId))[0]).toMatchObject({ token: judges[0]!.token, link: 'active' });
  });

  withHost('a judge’s token cannot reissue or revoke links (admin only)', async ({ t }) => {
    const { eventId, judges } = await contestWith(t, { judges: ['王评委', '李评委'] });
    const path = `/api/events/${eventId}/judges/${judges[1]!.id}/token`;
    expect((await t.call('POST', path, { token: judges[0]!.token })).status).toBe(403);
    expect((await t.call('DELETE', path, { token: judges[0]!.token })).status).toBe(403);
    expect((await state(t, judges[1]!.token)).status).toBe(200);
  });
});

describe('revoking a judge’s link (停用)', () => {
  withHost('the judge is shut out, their sheets still count, and a new link lets them back', async ({ t }) => {
    const { eventId, speakers, judges } = await onStage(t);
    const pid = speakers[0]!.id;
    for (const [i, judge] of judges.entries()) await ok(score(t, judge.token, pid, 80 + i), 'score');
    const socket = await openLive(t, `event=${eventId}&token=${judges[0]!.token}`);
    const closed = new Promise<number>((resolve) => socket.socket.on('close', (code) => resolve(code)));

    const r = await t.call('DELETE', `/api/events/${eventId}/judges/${judges[0]!.id}/token`);
    expect(r.status).toBe(204);
    expect(await closed).toBe(4401);
    expect((await state(t, judges[0]!.token)).status).toBe(401);
    expect((await score(t, judges[0]!.token, pid, 90)).status).toBe(401);
    expect((await joinWith(t, judges[0]!.joinCode)).status).toBe(404);

    const listed = await listJudges(t, eventId);
    expect(listed[0]).toMatchObject({ name: '王评委', link: 'revoked', token: null, joinUrl: null, joinCode: null });
    expect(listed[0]!.scoredSpeakers).toBe(1);

    await ok(t.call('POST', `/api/events/${eventId}/performances/${pid}/lock`), 'lock');
    const ranking = Ranking.parse(await ok(t.call('GET', `/api/events/${eventId}/ranking`), 'ranking'));
    const row = ranking.rows.find((x) => x.participantId === pid);
    expect(row?.final).toBe('80.50');
    expect(row?.judgeTotals.map((j) => j.judgeId).sort()).toEqual(judges.map((j) => j.id).sort());

    // Revoking twice is still 204 and changes nothing more.
    expect((await t.call('DELETE', `/api/events/${eventId}/judges/${judges[0]!.id}/token`)).status).toBe(204);
    const back = await reissue(t, eventId, judges[0]!.id);
    expect((await state(t, back.token)).status).toBe(200);
    const log = AuditEntry.array().parse(await ok(t.call('GET', `/api/events/${eventId}/audit`), 'audit'));
    // Newest first.
    expect(log.filter((e) => e.action.endsWith('-link')).map((e) => e.action)).toEqual(['reissue-link', 'revoke-link']);
  });
});

describe('tokens are not kept in clear', () => {
  withHost('no judge token, join code or desk token can be read from the database file', async ({ t }) => {
    const { eventId, judges } = await contestWith(t, { judges: ['王评委', '李评委'] });
    const reissued = await reissue(t, eventId, judges[1]!.id);
    const { eventId: classId, desk } = await setUpClass(t);
    const secrets = [judges[0]!.token, judges[0]!.joinCode, reissued.token, reissued.joinCode, desk.token];
    expect(clearTextHits(t.dataDir, secrets)).toEqual([]);
    // The console still shows (and so reprints) every card and desk link.
    const listed = await listJudges(t, eventId);
    expect(listed.map((j) => [j.token, j.joinCode])).toEqual([
      [judges[0]!.token, judges[0]!.joinCode],
      [reissued.token, reissued.joinCode],
    ]);
    const desks = Desk.array().parse(await ok(t.call('GET', `/api/events/${classId}/desks`), 'desks'));
    expect(desks.map((d) => d.token)).toEqual([desk.token]);
  });

  withHost('the host key is a file of its own, readable by the owner only', async ({ t }) => {
    await contestWith(t, { judges: ['王评委'] });
    const key = join(t.dataDir, 'host.key');
    expect(statSync(key).size).toBe(32);
    if (process.platform !== 'win32') expect(statSync(key).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(t.dataDir, 'podium.db')).includes(readFileSync(key))).toBe(false);
  });

  withHost('without the host key (a database brought from another computer) cards need a new link', async ({ t }) => {
    const { eventId, judges } = await contestWith(t, { judges: ['王评委'] });
    await t.host.close();
    rmSync(join(t.dataDir, 'host.key'));
    const moved = await startTestHost({ dataDir: t.dataDir });
    try {
      const [judge] = Judge.array().parse(await ok(moved.call('GET', `/api/events/${eventId}/judges`), 'judges'));
      expect(judge).toMatchObject({ link: 'unprintable', token: null, joinUrl: null, joinCode: null });
      // The judge's laptop is not shut out by the move; only the card cannot be printed again here.
      expect((await state(moved, judges[0]!.token)).status).toBe(200);
      const fresh = await reissue(moved, eventId, judges[0]!.id);
      expect((await state(moved, judges[0]!.token)).status).toBe(401);
      expect((await state(moved, fresh.token)).status).toBe(200);
      const [again] = Judge.array().parse(await ok(moved.call('GET', `/api/events/${eventId}/judges`), 'judges'));
      expect(again).toMatchObject({ link: 'active', token: fresh.token, joinCode: fresh.joinCode });
    } finally {
      await moved.stop();
    }
  });
});

describe('a database of an older Podium (tokens in clear)', () => {
  it('keeps every link working and leaves no clear token in the file', async () => {
    const dir = tempDir();
    try {
      const old = openDatabase(dir.path, bundledMigrations().slice(0, 8));
      const at = '2024-07-03T08:00:00.000Z';
      old.exec(`
        INSERT INTO events (id, title, kind, starts_on, created_at) VALUES
          (1, '演讲比赛', 'contest', '2024-07-03', '${at}'), (2, '培训班', 'training', '2024-07-01', '${at}');
        INSERT INTO participants (id, event_id, name, registered_at) VALUES (1, 1, '张经天', '${at}');
        INSERT INTO contest_settings (event_id, rubric_json, updated_at) VALUES (1, NULL, '${at}');
        INSERT INTO judges (id, event_id, name, token, created_at) VALUES
          (1, 1, '王评委', '0123456789abcdef0123456789abcdef', '${at}'),
          (2, 1, '李评委', 'fedcba9876543210fedcba9876543210', '${at}');
        INSERT INTO judge_conflicts (judge_id, participant_id) VALUES (2, 1);
        INSERT INTO judge_join_codes (judge_id, code, created_at) VALUES (1, 'ABCDEF', '${at}');
        INSERT INTO performances (id, event_id, participant_id, status, started_at)
          VALUES (1, 1, 1, 'scoring', '${at}');
        INSERT INTO scores (performance_id, judge_id, criterion_key, value, updated_at)
          VALUES (1, 1, 'total', 8000, '${at}');
        INSERT INTO desks (id, event_id, name, token, created_at) VALUES
          (1, 2, '一号台', 'aaaabbbbccccddddaaaabbbbccccdddd', '${at}');
      `);
      old.close();

      const t = await startTestHost({ dataDir: dir.path });
      try {
        const judges = await listJudges(t, 1);
        expect(judges.map((j) => [j.name, j.token, j.link])).toEqual([
          ['王评委', '0123456789abcdef0123456789abcdef', 'active'],
          ['李评委', 'fedcba9876543210fedcba9876543210', 'active'],
        ]);
        expect(judges[0]!.joinCode).toBe('ABCDEF');
        expect(judges[1]!.conflicts).toEqual([1]);
        expect(judges[0]!.scoredSpeakers).toBe(1);
        expect((await state(t, '0123456789abcdef0123456789abcdef')).status).toBe(200);
        expect(JoinAnswer.parse(await ok(joinWith(t, 'abc-def'), 'join')).url).toBe(
          '/#/judge?token=0123456789abcdef0123456789abcdef',
        );
        const desks = Desk.array().parse(await ok(t.call('GET', '/api/events/2/desks'), 'desks'));
        expect(desks.map((d) => d.token)).toEqual(['aaaabbbbccccddddaaaabbbbccccdddd']);
        expect(
          clearTextHits(dir.path, [
            '0123456789abcdef0123456789abcdef',
            'fedcba9876543210fedcba9876543210',
            'ABCDEF',
            'aaaabbbbccccddddaaaabbbbccccdddd',
          ]),
        ).toEqual([]);
        const db = new Sqlite(join(dir.path, 'podium.db'), { readonly: true });
        try {
          expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
          expect(db.prepare('SELECT COUNT(*) FROM tokens_to_seal').pluck().get()).toBe(0);
        } finally {
          db.close();
        }
      } finally {
        await t.stop();
      }
    } finally {
      dir.remove();
    }
  });
});
