import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect } from 'vitest';
import {
  Judge,
  JudgeSheet,
  Performance,
  PublicRanking,
  Ranking,
  JudgeState,
  ScoreAccepted,
  AuditEntry,
} from '../../shared/api/contest';
import { ErrorBody } from '../../shared/api/errors';
import { Event, Participant } from '../../shared/api/events';
import { LiveMessage } from '../../shared/api/live';
import { demoEvents, nextSubmission as next, ok } from '../support/contest';
import { withHost, type TestHost } from '../support/host';
import { openLive } from '../support/live';
import { speechRubricWith } from '../support/rubrics';

// Each case runs the demo contest (8 speakers) on a fresh host up to the point it checks, then checks it.

const rubric = speechRubricWith({
  step: 0.1,
  tieBreak: ['unrounded', 'raw-mean'],
  timer: { greenAt: 0, amberAt: 240, redAt: 300, overtimeDeductionPerMinute: 0.5 },
});
const panel = ['王评委', '李评委', '张评委', '赵评委', '陈评委', '周评委', '吴评委'];

const tenths = (x: number) => Math.round(x * 10) / 10;
/** A judge's sheet adding up to `total` (content takes what the others leave, up to its max). */
function sheet(total: number): Record<string, number> {
  const content = Math.min(40, tenths(total - 53));
  return { content, delivery: tenths(total - 26 - content), image: 17, time: 9 };
}

const err = (body: unknown) => ErrorBody.parse(body).error;
const asJudge = (j: Judge) => j.token;
const nextSubmission = () => next('sub');

/** Expected final: trimmed mean of hundredths, rounded half up, as the organiser would work it out on paper. */
function expectedFinal(totals: number[], deduction = 0): string {
  const h = totals
    .map((x) => Math.round(x * 100))
    .sort((a, b) => a - b)
    .slice(1, -1);
  const sum = h.reduce((a, b) => a + b, 0);
  const n = h.length;
  const hundredths = Math.floor((2 * (sum - deduction * n) + n) / (2 * n));
  return (hundredths / 100).toFixed(2);
}

interface Contest {
  eventId: number;
  speakers: Participant[];
  judges: Judge[];
}

/** The demo contest as loaded: 8 speakers, the usual rubric, no judges. */
async function demoContest(t: TestHost): Promise<Contest> {
  const eventId = (await demoEvents(t)).contest.id;
  const speakers = Participant.array().parse((await t.call('GET', `/api/events/${eventId}/participants`)).body);
  return { eventId, speakers, judges: [] };
}

/** The demo contest with this file's rubric, 7 judges (吴评委 recused from the first speaker), the order drawn. */
async function readyContest(t: TestHost, { draw = true } = {}): Promise<Contest> {
  const c = await demoContest(t);
  await ok(t.call('PUT', `/api/events/${c.eventId}/rubric`, { body: rubric }), 'rubric');
  for (const name of panel)
    await ok(t.call('POST', `/api/events/${c.eventId}/judges`, { body: { name, organization: '江浦路街道' } }), name);
  c.judges = Judge.array().parse((await t.call('GET', `/api/events/${c.eventId}/judges`)).body);
  await ok(
    t.call('PUT', `/api/events/${c.eventId}/judges/${c.judges[6]!.id}/conflicts`, {
      body: { participantIds: [c.speakers[0]!.id] },
    }),
    'recusal',
  );
  if (draw) await ok(t.call('POST', `/api/events/${c.eventId}/draw`, { body: { seed: '20240703' } }), 'draw');
  return c;
}

const performanceOrder = async (t: TestHost, c: Contest) =>
  Performance.array().parse((await t.call('GET', `/api/events/${c.eventId}/performances`)).body);

/** What six judges give the first speaker (吴评委 is recused): after trimming 88.1, 88.1, 88.1, 88.2 remain. */
const firstTotals = [95, 88.1, 88.1, 88.1, 88.2, 80];

/** The first speaker run without a hitch: 吴评委 recused, six sheets, locked and revealed at 88.13. */
async function runFirst(t: TestHost, c: Contest): Promise<number> {
  const pid = (await performanceOrder(t, c))[0]!.participantId;
  const path = `/api/events/${c.eventId}/performances/${pid}`;
  const recusal = { body: { participantIds: [pid] } };
  await ok(t.call('PUT', `/api/events/${c.eventId}/judges/${c.judges[6]!.id}/conflicts`, recusal), 'recusal');
  await ok(t.call('POST', `${path}/start`), 'start');
  for (const [i, total] of firstTotals.entries()) {
    const body = { scores: sheet(total), submissionId: nextSubmission() };
    await ok(t.call('PUT', `/api/judge/scores/${pid}`, { token: c.judges[i]!.token, body }), 'score');
  }
  await ok(t.call('POST', `${path}/lock`), 'lock');
  await ok(t.call('POST', `${path}/reveal`), 'reveal');
  return pid;
}

/** The seven speakers after the first, every judge scoring: each final as expected, by participant. */
async function runOthers(t: TestHost, c: Contest): Promise<Map<number, string>> {
  const { eventId, judges } = c;
  const order = (await performanceOrder(t, c)).slice(1);
  const base = [90.3, 85.6, 92.05, 85.6, 79.9, 91.2, 87.45];
  const expected = new Map<number, string>();
  for (const [k, p] of order.entries()) {
    const pid = p.participantId;
    // Starting while the previous is open is refused.
    expect((await t.call('POST', `/api/events/${eventId}/performances/${pid}/start`)).status).toBe(200);
    const next = order[k + 1];
    if (next)
      expect((await t.call('POST', `/api/events/${eventId}/performances/${next.participantId}/start`)).status).toBe(
        409,
      );
    const totals = judges.map((_, i) => Math.round((base[k]! + (i % 3) * 0.3 - (i === 4 ? 2 : 0)) * 10) / 10);
    for (const [i, judge] of judges.entries()) {
      const r = await t.call('PUT', `/api/judge/scores/${pid}`, {
        token: asJudge(judge),
        body: { scores: sheet(totals[i]!), submissionId: nextSubmission() },
      });
      expect(r.status).toBe(200);
    }
    expected.set(pid, expectedFinal(totals));
    expect((await t.call('POST', `/api/events/${eventId}/performances/${pid}/lock`)).status).toBe(200);
    expect((await t.call('POST', `/api/events/${eventId}/performances/${pid}/reveal`)).status).toBe(200);
  }
  return expected;
}

describe('a whole contest over HTTP: 8 speakers, 7 judges', () => {
  withHost('refuses to start before a rubric exists', async ({ t }) => {
    const fresh = Event.parse(
      (
        await t.call('POST', '/api/events', {
          body: { title: '还没有细则的比赛', kind: 'contest', startsOn: '2024-07-03' },
        })
      ).body,
    );
    const speaker = Participant.parse(
      (await t.call('POST', `/api/events/${fresh.id}/participants`, { body: { name: '张经天' } })).body,
    );
    const r = await t.call('POST', `/api/events/${fresh.id}/performances/${speaker.id}/start`);
    expect(r.status).toBe(409);
    expect(err(r.body).message).toBe('还没有设置评分细则，请先在控制台设置评分细则。');
  });

  withHost(
    'the demo contest comes ready to run: the usual rubric, and loading the demo again adds nothing',
    async ({ t }) => {
      const { eventId } = await demoContest(t);
      const r = await t.call('GET', `/api/events/${eventId}/rubric`);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({
        aggregation: { method: 'trimmed-mean', dropHighest: 1, dropLowest: 1 },
        timer: { redAt: 300 },
      });
      expect((r.body as { criteria: { name: string }[] }).criteria.map((c) => c.name)).toEqual([
        '内容',
        '表达',
        '形象风度',
        '时间把控',
      ]);
      expect(t.host.services.loadDemo()).toEqual([]);
      const titles = Event.array()
        .parse((await t.call('GET', '/api/events')).body)
        .map((e) => e.title);
      expect(new Set(titles).size).toBe(titles.length);
    },
  );

  withHost('sets the rubric, refusing bad rules with the field named', async ({ t }) => {
    const { eventId } = await demoContest(t);
    const bad = await t.call('PUT', `/api/events/${eventId}/rubric`, {
      body: { ...rubric, criteria: [{ key: 'c', name: '内容', max: 10.3, step: 0.5 }] },
    });
    expect(bad.status).toBe(400);
    expect(err(bad.body)).toMatchObject({
      field: 'criteria.0.max',
      message: '评分规则有误：满分必须是最小分值单位的整数倍。',
    });
    const r = await t.call('PUT', `/api/events/${eventId}/rubric`, { body: rubric });
    expect(r.status).toBe(200);
    expect((await t.call('GET', `/api/events/${eventId}/rubric`)).body).toMatchObject({
      decimals: 2,
      aggregation: { method: 'trimmed-mean' },
    });
  });

  withHost('adds 7 judges with 128-bit tokens and join links, and records a recusal', async ({ t }) => {
    const { eventId, speakers } = await demoContest(t);
    await ok(t.call('PUT', `/api/events/${eventId}/rubric`, { body: rubric }), 'rubric');
    for (const name of panel) {
      const r = await t.call('POST', `/api/events/${eventId}/judges`, { body: { name, organization: '江浦路街道' } });
      expect(r.status).toBe(201);
      const judge = Judge.parse(r.body);
      expect(judge.token).toMatch(/^[0-9a-f]{32}$/);
      expect(judge.joinUrl).toBe(`${t.host.url}/#/judge?token=${judge.token}`);
    }
    const judges = Judge.array().parse((await t.call('GET', `/api/events/${eventId}/judges`)).body);
    expect(judges).toHaveLength(7);
    const recusal = await t.call('PUT', `/api/events/${eventId}/judges/${judges[6]!.id}/conflicts`, {
      body: { participantIds: [speakers[0]!.id] },
    });
    expect(Judge.parse(recusal.body).conflicts).toEqual([speakers[0]!.id]);
  });

  withHost('draws the order with a recorded seed: the same seed gives the same order', async ({ t }) => {
    const { eventId } = await readyContest(t, { draw: false });
    const a = (await t.call('POST', `/api/events/${eventId}/draw`, { body: { seed: '20240703' } })).body;
    const b = (await t.call('POST', `/api/events/${eventId}/draw`, { body: { seed: '20240703' } })).body;
    expect(a).toEqual(b);
    expect(a).toMatchObject({ seed: '20240703' });
    const performances = Performance.array().parse((await t.call('GET', `/api/events/${eventId}/performances`)).body);
    expect(performances.map((p) => p.participantId)).toEqual((a as { order: number[] }).order);
    expect(new Set(performances.map((p) => p.participantId)).size).toBe(8);
  });

  withHost('keeps judges to their scope: no admin routes, no scoring before the start', async ({ t }) => {
    const { eventId, speakers, judges } = await readyContest(t);
    const judge = judges[0]!;
    expect((await t.call('GET', `/api/events/${eventId}/ranking`, { token: judge.token })).status).toBe(403);
    const early = await t.call('PUT', `/api/judge/scores/${speakers[0]!.id}`, {
      token: judge.token,
      body: { scores: sheet(88.1), submissionId: nextSubmission() },
    });
    expect(early.status).toBe(409);
    expect((await t.call('GET', '/api/judge/state', { token: 'not-a-token' })).status).toBe(401);
  });

  withHost(
    'runs the first speaker: scoring, bad input, a resend, recusal, lock, and the 88.125 → 88.13 reveal',
    async ({ t }) => {
      const { eventId, judges } = await readyContest(t);
      const socket = await openLive(t, `event=${eventId}`);
      const live = () => LiveMessage.array().parse(socket.received);
      const first = Performance.array().parse((await t.call('GET', `/api/events/${eventId}/performances`)).body)[0]!;
      const pid = first.participantId;
      await t.call('PUT', `/api/events/${eventId}/judges/${judges[6]!.id}/conflicts`, {
        body: { participantIds: [pid] },
      });
      expect((await t.call('POST', `/api/events/${eventId}/performances/${pid}/start`)).status).toBe(200);
      const state = JudgeState.parse((await t.call('GET', '/api/judge/state', { token: judges[0]!.token })).body);
      expect(state.current).toMatchObject({ participantId: pid, order: 1, status: 'speaking', recused: false });

      // Bad input changes nothing and names the criterion.
      const cases: Array<[Record<string, unknown>, string, string]> = [
        [{ ...sheet(88), content: 40.5 }, 'scores.content', '“内容”的分数应在 0 到 40 之间。'],
        [{ ...sheet(88), delivery: 27.05 }, 'scores.delivery', '“表达”的分数应为 0.1 的整数倍。'],
        [{ content: 30, delivery: 27, image: 17 }, 'scores.time', '请为“时间”打分。'],
        [{ ...sheet(88), voice: 3 }, 'scores.voice', '评分表中没有“voice”这一项，请刷新页面。'],
        [{ ...sheet(88), image: 'abc' }, 'scores.image', '“形象”的分数不是数字。'],
      ];
      for (const [scores, field, message] of cases) {
        const r = await t.call('PUT', `/api/judge/scores/${pid}`, {
          token: judges[0]!.token,
          body: { scores, submissionId: nextSubmission() },
        });
        expect(r.status, field).toBe(400);
        expect(err(r.body)).toMatchObject({ field, message });
      }
      // A home-made script with a short submissionId is told what is wrong with it, not that it is empty.
      const short = await t.call('PUT', `/api/judge/scores/${pid}`, {
        token: judges[0]!.token,
        body: { scores: sheet(88), submissionId: 'x1' },
      });
      expect(short.status).toBe(400);
      expect(err(short.body)).toMatchObject({ field: 'submissionId', message: '“提交编号”太短，至少 8 个字。' });
      expect(
        Performance.parse((await t.call('POST', `/api/events/${eventId}/performances/${pid}/finish`)).body)
          .submittedJudgeIds,
      ).toEqual([]);

      // Six judges score (the seventh is recused): after trimming 88.1, 88.1, 88.1, 88.2 remain.
      for (const [i, total] of firstTotals.entries()) {
        const id = nextSubmission();
        const r = await t.call('PUT', `/api/judge/scores/${pid}`, {
          token: judges[i]!.token,
          body: { scores: sheet(total), submissionId: id },
        });
        expect(r.status).toBe(200);
        expect(ScoreAccepted.parse(r.body).total).toBe(total.toFixed(2));
        if (i === 0) {
          // The page resends when the answer was lost: one write, the same answer.
          const again = await t.call('PUT', `/api/judge/scores/${pid}`, {
            token: judges[0]!.token,
            body: { scores: sheet(total), submissionId: id },
          });
          expect(again.status).toBe(200);
          expect(again.body).toEqual(r.body);
        }
      }
      // The judge's own sheet comes back in points, as typed.
      const mine = JudgeState.parse(
        (await t.call('GET', '/api/judge/state', { token: judges[1]!.token })).body,
      ).myScores;
      expect(mine).toEqual([expect.objectContaining({ participantId: pid, scores: sheet(88.1), total: '88.10' })]);
      const recused = await t.call('PUT', `/api/judge/scores/${pid}`, {
        token: judges[6]!.token,
        body: { scores: sheet(90), submissionId: nextSubmission() },
      });
      expect(recused.status).toBe(403);

      // Nothing public before the reveal.
      expect(
        PublicRanking.parse((await t.call('GET', `/api/public/events/${eventId}/ranking`, { token: null })).body).rows,
      ).toEqual([]);
      expect(live().some((m) => m.type === 'scores-progress')).toBe(false);

      expect((await t.call('POST', `/api/events/${eventId}/performances/${pid}/lock`)).status).toBe(200);
      const late = await t.call('PUT', `/api/judge/scores/${pid}`, {
        token: judges[1]!.token,
        body: { scores: sheet(99), submissionId: nextSubmission() },
      });
      expect(late.status).toBe(409);
      expect(err(late.body).message).toMatch(/评分已锁定/);

      expect((await t.call('POST', `/api/events/${eventId}/performances/${pid}/reveal`)).status).toBe(200);
      const row = Ranking.parse((await t.call('GET', `/api/events/${eventId}/ranking`)).body).rows.find(
        (r) => r.participantId === pid,
      )!;
      expect(row.final).toBe('88.13');
      expect(row.judgeTotals.filter((j) => j.dropped === 'high').map((j) => j.total)).toEqual(['95.00']);
      expect(row.judgeTotals.filter((j) => j.dropped === 'low').map((j) => j.total)).toEqual(['80.00']);
      expect(row.judgeTotals.find((j) => j.recused)?.judgeId).toBe(judges[6]!.id);

      await expect
        .poll(() => live().find((m) => m.type === 'reveal'))
        .toMatchObject({ participantId: pid, final: '88.13', rank: 1 });
      const reveal = live().find((m) => m.type === 'reveal');
      expect(JSON.stringify(reveal)).not.toContain('judgeId');
    },
  );

  withHost('runs the other seven speakers and ranks them exactly, ties sharing a rank', async ({ t }) => {
    const c = await readyContest(t);
    const { eventId } = c;
    await runFirst(t, c);
    const expected = await runOthers(t, c);
    const ranking = Ranking.parse((await t.call('GET', `/api/events/${eventId}/ranking`)).body);
    for (const row of ranking.rows)
      if (expected.has(row.participantId)) expect(row.final, row.name).toBe(expected.get(row.participantId));
    const finals = ranking.rows.map((r) => Number(r.final));
    expect(finals).toEqual([...finals].sort((a, b) => b - a));
    // Two speakers with identical sheets share a rank and the next rank skips.
    const tied = ranking.rows.filter(
      (r) => r.final === ranking.rows.find((x, i) => ranking.rows[i + 1]?.final === x.final)?.final,
    );
    expect(tied).toHaveLength(2);
    expect(tied[0]!.rank).toBe(tied[1]!.rank);
    const after = ranking.rows[ranking.rows.indexOf(tied[1]!) + 1];
    if (after) expect(after.rank).toBe(tied[0]!.rank! + 2);
    // The public ranking has the same finals, without judge ids.
    const pub = PublicRanking.parse(
      (await t.call('GET', `/api/public/events/${eventId}/ranking`, { token: null })).body,
    );
    expect(pub.rows.map((r) => r.final)).toEqual(ranking.rows.map((r) => r.final));
    expect(JSON.stringify(pub)).not.toMatch(/judgeId|王评委/);
  });

  withHost('assigns awards by rank and refuses a new draw after the start', async ({ t }) => {
    const c = await readyContest(t);
    const { eventId } = c;
    await runFirst(t, c);
    await runOthers(t, c);
    const tiers = {
      tiers: [
        { name: '一等奖', count: 1 },
        { name: '二等奖', count: 2 },
        { name: '三等奖', count: 3 },
        { name: '优秀奖', count: null },
      ],
    };
    expect((await t.call('POST', `/api/events/${eventId}/awards`, { body: tiers })).status).toBe(200);
    const ranking = Ranking.parse((await t.call('GET', `/api/events/${eventId}/ranking`)).body);
    expect(ranking.rows.every((r) => r.award)).toBe(true);
    expect(ranking.rows[0]!.award).toBe('一等奖');
    const draw = await t.call('POST', `/api/events/${eventId}/draw`, { body: {} });
    expect(draw.status).toBe(409);
    expect(err(draw.body).message).toBe('比赛已经开始，不能再抽签或调整出场顺序。');
  });

  withHost(
    'lets the chief judge correct a locked score only with a reason, and keeps every write in the audit log',
    async ({ t }) => {
      const c = await readyContest(t);
      const { eventId, judges } = c;
      await runFirst(t, c);
      await runOthers(t, c);
      const pid = Performance.array().parse((await t.call('GET', `/api/events/${eventId}/performances`)).body)[0]!
        .participantId;
      // The correction form starts from the judge's sheet as it stands (admin only).
      const sheetsPath = `/api/events/${eventId}/performances/${pid}/scores`;
      expect((await t.call('GET', sheetsPath, { token: judges[1]!.token })).status).toBe(403);
      const before = JudgeSheet.array().parse((await t.call('GET', sheetsPath)).body);
      expect(before).toHaveLength(6);
      expect(before.find((s) => s.judgeId === judges[1]!.id)).toMatchObject({
        judgeName: judges[1]!.name,
        scores: sheet(88.1),
        total: '88.10',
      });
      const noReason = await t.call('PUT', `/api/events/${eventId}/performances/${pid}/scores/${judges[1]!.id}`, {
        body: { scores: sheet(88.3) },
      });
      expect(noReason.status).toBe(400);
      expect(err(noReason.body).field).toBe('reason');
      const ok = await t.call('PUT', `/api/events/${eventId}/performances/${pid}/scores/${judges[1]!.id}`, {
        body: { scores: sheet(88.3), reason: '评委笔误，经本人确认更正' },
      });
      expect(ok.status).toBe(200);
      const log = AuditEntry.array().parse((await t.call('GET', `/api/events/${eventId}/audit`)).body);
      const correction = log.find((e) => e.action === 'correct');
      expect(correction).toMatchObject({
        reason: '评委笔误，经本人确认更正',
        judgeId: judges[1]!.id,
        participantId: pid,
      });
      expect(correction?.before).toEqual({ content: 3510, delivery: 2700, image: 1700, time: 900 });
      expect(correction?.after).toEqual({ content: 3530, delivery: 2700, image: 1700, time: 900 });
      const after = JudgeSheet.array().parse((await t.call('GET', sheetsPath)).body);
      expect(after.find((s) => s.judgeId === judges[1]!.id)).toMatchObject({ scores: sheet(88.3), total: '88.30' });
      // 8 speakers' scores by 6 or 7 judges, each a 'score' entry (the resend wrote none).
      expect(log.filter((e) => e.action === 'score')).toHaveLength(6 + 7 * 7);
      // The log is append-only in the database itself.
      const db = new Sqlite(join(t.dataDir, 'podium.db'));
      expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
      expect(() => db.prepare("UPDATE audit_log SET reason = 'x'").run()).toThrow(/append-only/);
      db.close();
    },
  );
});
