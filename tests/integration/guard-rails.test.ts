import { describe, expect } from 'vitest';
import { AuditEntry, Performance, PublicRanking, Ranking, ScoreAccepted } from '../../shared/api/contest';
import { ErrorBody } from '../../shared/api/errors';
import { contestWith, nextSubmission, ok, type ContestSetUp } from '../support/contest';
import { withHost, type TestHost } from '../support/host';
import { totalRubric } from '../support/rubrics';

// Locking with judges missing asks first (409 naming them), 补录 from the paper card, and no judges, no start.

const err = (body: unknown) => ErrorBody.parse(body).error;
const five = ['王评委', '李评委', '张评委', '赵评委', '陈评委'];

/** Two speakers, five judges, the first speaker started and scored by the first three judges (90, 91, 92). */
async function threeOfFive(t: TestHost): Promise<ContestSetUp & { path: string; pid: number }> {
  const c = await contestWith(t, { speakers: ['张经天', '叶颖华'], judges: five, rubric: totalRubric() });
  const pid = c.speakers[0]!.id;
  const path = `/api/events/${c.eventId}/performances/${pid}`;
  await ok(t.call('POST', `${path}/start`), 'start');
  for (const [i, judge] of c.judges.slice(0, 3).entries()) {
    const body = { scores: { total: 90 + i }, submissionId: nextSubmission('guard') };
    await ok(t.call('PUT', `/api/judge/scores/${pid}`, { token: judge.token, body }), 'score');
  }
  return { ...c, path, pid };
}

const rowOf = async (t: TestHost, eventId: number, pid: number) =>
  Ranking.parse((await t.call('GET', `/api/events/${eventId}/ranking`)).body).rows.find(
    (r) => r.participantId === pid,
  )!;
/** The audit log oldest first (the host lists it newest first). */
const auditOf = async (t: TestHost, eventId: number) =>
  AuditEntry.array()
    .parse((await t.call('GET', `/api/events/${eventId}/audit`)).body)
    .reverse();
const performanceOf = async (t: TestHost, eventId: number, pid: number) =>
  Performance.array()
    .parse((await t.call('GET', `/api/events/${eventId}/performances`)).body)
    .find((p) => p.participantId === pid)!;

describe('locking with judges missing', () => {
  withHost('refuses a lock with 3 of 5 sheets in, naming the two judges, and locks nothing', async ({ t }) => {
    const { eventId, judges, path, pid } = await threeOfFive(t);
    const r = await t.call('POST', `${path}/lock`);
    expect(r.status).toBe(409);
    const e = err(r.body);
    expect(e.code).toBe('missing_scores');
    expect(e.judges).toEqual([
      { id: judges[3]!.id, name: '赵评委' },
      { id: judges[4]!.id, name: '陈评委' },
    ]);
    expect(e.message).toMatch(/^还有 2 位评委未提交 张经天 的评分：赵评委、陈评委。/);
    const en = err((await t.call('POST', `${path}/lock`, { body: {}, lang: 'en' })).body);
    expect(en.message).toContain('for 张经天: 赵评委, 陈评委.');
    expect((await performanceOf(t, eventId, pid)).status).toBe('speaking');
    // The two judges can still score.
    const late = { scores: { total: 93 }, submissionId: nextSubmission('guard') };
    expect((await t.call('PUT', `/api/judge/scores/${pid}`, { token: judges[3]!.token, body: late })).status).toBe(200);
  });

  withHost('locks without asking once every judge who is not recused has submitted', async ({ t }) => {
    const { eventId, judges, path, pid } = await threeOfFive(t);
    await ok(
      t.call('PUT', `/api/events/${eventId}/judges/${judges[4]!.id}/conflicts`, { body: { participantIds: [pid] } }),
      'recuse',
    );
    const body = { scores: { total: 94 }, submissionId: nextSubmission('guard') };
    await ok(t.call('PUT', `/api/judge/scores/${pid}`, { token: judges[3]!.token, body }), 'score');
    expect((await t.call('POST', `${path}/lock`)).status).toBe(200);
    expect((await auditOf(t, eventId)).find((a) => a.action === 'lock')?.after).toBeNull();
  });

  withHost(
    'with force: locks, keeps the judges out, computes from the sheets in, audits who was missing',
    async ({ t }) => {
      const { eventId, judges, path, pid } = await threeOfFive(t);
      expect((await t.call('POST', `${path}/lock`, { body: { force: 'yes' } })).status).toBe(400);
      const r = await t.call('POST', `${path}/lock`, { body: { force: true } });
      expect(r.status).toBe(200);
      expect(Performance.parse(r.body)).toMatchObject({ status: 'locked', hasFinal: true });
      const late = { scores: { total: 99 }, submissionId: nextSubmission('guard') };
      expect((await t.call('PUT', `/api/judge/scores/${pid}`, { token: judges[3]!.token, body: late })).status).toBe(
        409,
      );
      const lock = (await auditOf(t, eventId)).find((a) => a.action === 'lock');
      expect(lock?.after).toEqual({
        force: true,
        missing: [
          { id: judges[3]!.id, name: '赵评委' },
          { id: judges[4]!.id, name: '陈评委' },
        ],
      });
      // The final is the mean of the three sheets in; the two judges show as not scored, not as recused.
      const row = await rowOf(t, eventId, pid);
      expect(row.final).toBe('91.00');
      expect(row.judgeTotals.map((j) => [j.name, j.total, j.recused])).toEqual([
        ['王评委', '90.00', false],
        ['李评委', '91.00', false],
        ['张评委', '92.00', false],
        ['赵评委', null, false],
        ['陈评委', null, false],
      ]);
      expect((await t.call('POST', `${path}/reveal`)).status).toBe(200);
      const shown = PublicRanking.parse(
        (await t.call('GET', `/api/public/events/${eventId}/ranking`, { token: null })).body,
      );
      expect(shown.rows.map((s) => s.final)).toEqual(['91.00']);
    },
  );

  withHost('refuses the reveal when a forced lock left no sheet at all, and says what to do', async ({ t }) => {
    const c = await contestWith(t, { speakers: ['张经天'], judges: ['王评委', '李评委'], rubric: totalRubric() });
    const path = `/api/events/${c.eventId}/performances/${c.speakers[0]!.id}`;
    await ok(t.call('POST', `${path}/start`), 'start');
    expect(err((await t.call('POST', `${path}/lock`)).body).judges?.map((j) => j.name)).toEqual(['王评委', '李评委']);
    const locked = Performance.parse(await ok(t.call('POST', `${path}/lock`, { body: { force: true } }), 'lock'));
    expect(locked.hasFinal).toBe(false);
    const r = await t.call('POST', `${path}/reveal`);
    expect(r.status).toBe(409);
    expect(err(r.body).message).toBe(
      '张经天 只收到 0 份评分，算不出成绩，不能公布：请由主评委按纸质评分卡为 王评委、李评委 补录评分后再公布。',
    );
  });
});

describe('补录: the chief judge enters a missing sheet from the paper card', () => {
  withHost('while scoring: audited as 补录 with its reason, counted, and then the lock asks nothing', async ({ t }) => {
    const { eventId, judges, path, pid } = await threeOfFive(t);
    const enter = (jid: number, total: number, reason = '评委手机没电，按纸质评分卡补录') =>
      t.call('PUT', `${path}/scores/${jid}`, { body: { scores: { total }, reason } });
    expect((await enter(judges[3]!.id, 93, '')).status).toBe(400);
    const entered = ScoreAccepted.parse(await ok(enter(judges[3]!.id, 93), '补录'));
    expect(entered.total).toBe('93.00');
    expect(err((await t.call('POST', `${path}/lock`)).body).judges?.map((j) => j.name)).toEqual(['陈评委']);
    await ok(enter(judges[4]!.id, 94), '补录');
    // A sheet that exists is corrected only after the lock, by 更正.
    expect((await enter(judges[0]!.id, 80)).status).toBe(409);
    expect((await t.call('POST', `${path}/lock`)).status).toBe(200);

    const entries = (await auditOf(t, eventId)).filter((a) => a.action === 'enter');
    expect(entries.map((a) => [a.judgeId, a.before, a.after, a.reason])).toEqual([
      [judges[3]!.id, null, { total: 9300 }, '评委手机没电，按纸质评分卡补录'],
      [judges[4]!.id, null, { total: 9400 }, '评委手机没电，按纸质评分卡补录'],
    ]);
    expect((await t.call('POST', `${path}/reveal`)).status).toBe(200);
    expect((await rowOf(t, eventId, pid)).final).toBe('92.00');
  });

  withHost(
    'after a forced lock: the entered sheet counts in the ranking, and a correction stays 更正',
    async ({ t }) => {
      const { eventId, judges, path, pid } = await threeOfFive(t);
      await ok(t.call('POST', `${path}/lock`, { body: { force: true } }), 'lock');
      expect((await rowOf(t, eventId, pid)).final).toBe('91.00');
      const body = { scores: { total: 96 }, reason: '按纸质评分卡补录' };
      await ok(t.call('PUT', `${path}/scores/${judges[4]!.id}`, { body }), '补录');
      expect((await rowOf(t, eventId, pid)).final).toBe('92.25');
      const fix = { scores: { total: 95 }, reason: '评委确认误将 95 输成 96' };
      await ok(t.call('PUT', `${path}/scores/${judges[4]!.id}`, { body: fix }), '更正');
      expect((await rowOf(t, eventId, pid)).final).toBe('92.00');
      const actions = (await auditOf(t, eventId))
        .filter((a) => a.judgeId === judges[4]!.id && a.action !== 'judge')
        .map((a) => a.action);
      expect(actions).toEqual(['enter', 'correct']);
    },
  );

  withHost('refuses to enter a sheet for a speaker who has not started', async ({ t }) => {
    const { eventId, judges, speakers } = await threeOfFive(t);
    const waiting = speakers[1]!;
    const r = await t.call('PUT', `/api/events/${eventId}/performances/${waiting.id}/scores/${judges[0]!.id}`, {
      body: { scores: { total: 90 }, reason: '补录' },
    });
    expect(r.status).toBe(409);
    expect(err(r.body).message).toBe('叶颖华 还没有开始演讲，不能补录评分。');
  });
});

describe('no judges, no start', () => {
  withHost('refuses to start a speaker when no judge has been added, saying where to add them', async ({ t }) => {
    const c = await contestWith(t, { speakers: ['张经天'], rubric: totalRubric() });
    const path = `/api/events/${c.eventId}/performances/${c.speakers[0]!.id}`;
    const r = await t.call('POST', `${path}/start`);
    expect(r.status).toBe(409);
    expect(err(r.body)).toEqual({ code: 'no_judges', message: '还没有添加评委：请先在“评委”中添加评委，再开始比赛。' });
    const en = err((await t.call('POST', `${path}/start`, { lang: 'en' })).body);
    expect(en.message).toBe('No judges have been added yet: add them under "Judges" first, then start.');
    // With a judge, it starts.
    await ok(t.call('POST', `/api/events/${c.eventId}/judges`, { body: { name: '王评委' } }), 'judge');
    expect((await t.call('POST', `${path}/start`)).status).toBe(200);
  });

  withHost('refuses to lock a speaker whose only judge was deleted after the start, even with force', async ({ t }) => {
    const c = await contestWith(t, { speakers: ['张经天'], judges: ['王评委'], rubric: totalRubric() });
    const path = `/api/events/${c.eventId}/performances/${c.speakers[0]!.id}`;
    await ok(t.call('POST', `${path}/start`), 'start');
    await ok(t.call('DELETE', `/api/events/${c.eventId}/judges/${c.judges[0]!.id}`), 'delete judge');
    for (const body of [{}, { force: true }]) {
      const r = await t.call('POST', `${path}/lock`, { body });
      expect(r.status).toBe(409);
      expect(err(r.body).code).toBe('no_judges');
    }
    expect((await performanceOf(t, c.eventId, c.speakers[0]!.id)).status).toBe('speaking');
  });
});
