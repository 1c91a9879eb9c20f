import { describe, expect } from 'vitest';
import { AuditEntry, Judge, Performance, PublicRanking, Ranking } from '../../shared/api/contest';
import { ErrorBody } from '../../shared/api/errors';
import { contestWith, nextSubmission, ok, type ContestSetUp } from '../support/contest';
import { withHost, type TestHost } from '../support/host';
import { totalRubric } from '../support/rubrics';

// A speaker's panel is fixed when their scores are locked: a judge added later scores only the speakers after that,
// and no locked or revealed result changes or leaves the public ranking because the panel grew.

const ranking = async (t: TestHost, eventId: number) =>
  Ranking.parse((await t.call('GET', `/api/events/${eventId}/ranking`)).body);
const publicRanking = async (t: TestHost, eventId: number) =>
  PublicRanking.parse((await t.call('GET', `/api/public/events/${eventId}/ranking`, { token: null })).body);
const rowOf = async (t: TestHost, eventId: number, pid: number) =>
  (await ranking(t, eventId)).rows.find((r) => r.participantId === pid)!;

/** Starts the speaker, has each judge submit their total, and locks (and reveals unless told not to). */
async function scoreSpeaker(
  t: TestHost,
  c: ContestSetUp,
  pid: number,
  sheets: Array<[Judge, number]>,
  then: 'lock' | 'reveal' = 'reveal',
): Promise<void> {
  const path = `/api/events/${c.eventId}/performances/${pid}`;
  if ((await t.call('POST', `${path}/start`)).status !== 200) throw new Error('start');
  for (const [judge, total] of sheets) {
    const body = { scores: { total }, submissionId: nextSubmission('late') };
    await ok(t.call('PUT', `/api/judge/scores/${pid}`, { token: judge.token, body }), 'score');
  }
  await ok(t.call('POST', `${path}/lock`), 'lock');
  if (then === 'reveal') await ok(t.call('POST', `${path}/reveal`), 'reveal');
}

/** Adds a judge a moment later than what came before (a panel is fixed at the millisecond of its lock). */
/** 张经天 and 叶颖华, 王评委 and 李评委, with the one-criterion rubric unless another is given. */
async function twoByTwo(t: TestHost, rubric = totalRubric()) {
  const c = await contestWith(t, { speakers: ['张经天', '叶颖华'], judges: ['王评委', '李评委'], rubric });
  return { ...c, first: c.speakers[0]!.id, second: c.speakers[1]!.id };
}

const addJudge = async (t: TestHost, eventId: number, name: string, group?: string) => {
  await new Promise((resolve) => setTimeout(resolve, 5));
  return Judge.parse(
    await ok(t.call('POST', `/api/events/${eventId}/judges`, { body: group ? { name, group } : { name } }), 'judge'),
  );
};

describe('a judge added after a speaker is locked', () => {
  withHost('changes no revealed result, not even a summed one, and is not on that speaker’s panel', async ({ t }) => {
    const rubric = totalRubric({}, { aggregation: { method: 'sum', dropHighest: 0, dropLowest: 0 } });
    const c = await twoByTwo(t, rubric);
    const { first, second } = c;
    await scoreSpeaker(t, c, first, [
      [c.judges[0]!, 80],
      [c.judges[1]!, 90],
    ]);
    const shown = await publicRanking(t, c.eventId);
    expect(shown.rows.map((r) => [r.name, r.final])).toEqual([['张经天', '170.00']]);

    await addJudge(t, c.eventId, '赵评委');

    expect(await publicRanking(t, c.eventId)).toEqual(shown);
    const row = await rowOf(t, c.eventId, first);
    expect(row).toMatchObject({ status: 'final', final: '170.00', revealed: true });
    expect(row.judgeTotals.map((j) => [j.name, j.total])).toEqual([
      ['王评委', '80.00'],
      ['李评委', '90.00'],
    ]);
    const listed = await t.call('GET', `/api/events/${c.eventId}/performances`);
    const performances = Performance.array().parse(listed.body);
    expect(performances.find((p) => p.participantId === first)).toMatchObject({ status: 'revealed', hasFinal: true });
    // The next speaker is scored by all three.
    expect((await rowOf(t, c.eventId, second)).judgeTotals.map((j) => j.name)).toEqual(['王评委', '李评委', '赵评委']);
  });

  withHost(
    'added while a speaker is on stage, scores that speaker (the lock asks for their sheet) and the ones after',
    async ({ t }) => {
      const c = await twoByTwo(t);
      const { first, second } = c;
      await scoreSpeaker(t, c, first, [
        [c.judges[0]!, 90],
        [c.judges[1]!, 91],
      ]);
      const path = `/api/events/${c.eventId}/performances/${second}`;
      await ok(t.call('POST', `${path}/start`), 'start');
      const late = await addJudge(t, c.eventId, '赵评委');
      for (const [judge, total] of [
        [c.judges[0]!, 80],
        [c.judges[1]!, 81],
      ] as const) {
        const body = { scores: { total }, submissionId: nextSubmission('late') };
        await ok(t.call('PUT', `/api/judge/scores/${second}`, { token: judge.token, body }), 'score');
      }
      const asked = await t.call('POST', `${path}/lock`);
      expect(asked.status).toBe(409);
      expect(ErrorBody.parse(asked.body).error.judges).toEqual([{ id: late.id, name: '赵评委' }]);
      const body = { scores: { total: 85 }, submissionId: nextSubmission('late') };
      await ok(t.call('PUT', `/api/judge/scores/${second}`, { token: late.token, body }), 'late judge scores');
      await ok(t.call('POST', `${path}/lock`), 'lock');
      await ok(t.call('POST', `${path}/reveal`), 'reveal');

      // The ranking says how many judges scored each speaker, since it differs.
      const rows = (await ranking(t, c.eventId)).rows;
      expect(rows.map((r) => [r.name, r.final, r.judgeTotals.length])).toEqual([
        ['张经天', '90.50', 2],
        ['叶颖华', '82.00', 3],
      ]);
      const shown = await publicRanking(t, c.eventId);
      expect(shown.rows.map((r) => [r.name, r.judgeTotals.map((j) => j.judgeNo)])).toEqual([
        ['张经天', [1, 2]],
        ['叶颖华', [1, 2, 3]],
      ]);
    },
  );

  withHost(
    'cannot have a sheet entered (补录) for a locked or revealed speaker: 409 with a sentence',
    async ({ t }) => {
      const c = await twoByTwo(t);
      const { first, second } = c;
      const two = (a: number, b: number): Array<[Judge, number]> => [
        [c.judges[0]!, a],
        [c.judges[1]!, b],
      ];
      await scoreSpeaker(t, c, first, two(90, 91));
      await scoreSpeaker(t, c, second, two(80, 81), 'lock');
      const late = await addJudge(t, c.eventId, '赵评委');
      const auditBefore = AuditEntry.array().parse((await t.call('GET', `/api/events/${c.eventId}/audit`)).body);
      const rankingBefore = await ranking(t, c.eventId);

      const enter = (pid: number, lang?: string) =>
        t.call('PUT', `/api/events/${c.eventId}/performances/${pid}/scores/${late.id}`, {
          body: { scores: { total: 99 }, reason: '按纸质评分卡补录' },
          ...(lang ? { lang } : {}),
        });
      for (const [pid, name] of [
        [first, '张经天'],
        [second, '叶颖华'],
      ] as const) {
        const r = await enter(pid);
        expect(r.status).toBe(409);
        expect(ErrorBody.parse(r.body).error).toEqual({
          code: 'conflict',
          message:
            `赵评委 是在 ${name} 的评分锁定之后才加入的评委，不在这位选手的评委组里，不能为其补录评分；` +
            '赵评委 只为之后出场的选手评分。',
        });
      }
      expect(ErrorBody.parse((await enter(second, 'en')).body).error.message).toMatch(
        /^赵评委 joined the panel after the scores of 叶颖华 were locked/,
      );
      // Nor by the judge themselves.
      const own = { scores: { total: 99 }, submissionId: nextSubmission('late') };
      expect((await t.call('PUT', `/api/judge/scores/${second}`, { token: late.token, body: own })).status).toBe(409);
      expect(AuditEntry.array().parse((await t.call('GET', `/api/events/${c.eventId}/audit`)).body)).toEqual(
        auditBefore,
      );
      expect(await ranking(t, c.eventId)).toEqual(rankingBefore);
    },
  );

  withHost('with weighted groups, a group whose judges all came later leaves earlier results alone', async ({ t }) => {
    const rubric = totalRubric(
      {},
      {
        groups: [
          { key: 'expert', name: '专业评委', weight: 70 },
          { key: 'public', name: '大众评委', weight: 30 },
        ],
      },
    );
    const c = await contestWith(t, {
      speakers: ['张经天', '叶颖华'],
      judges: [
        { name: '王专家', group: 'expert' },
        { name: '李专家', group: 'expert' },
      ],
      rubric,
    });
    const [first, second] = [c.speakers[0]!.id, c.speakers[1]!.id];
    await scoreSpeaker(t, c, first, [
      [c.judges[0]!, 90],
      [c.judges[1]!, 85],
    ]);
    const shown = await publicRanking(t, c.eventId);
    expect(shown.rows.map((r) => r.final)).toEqual(['87.50']);

    const audience = await addJudge(t, c.eventId, '赵大众', 'public');
    expect(await publicRanking(t, c.eventId)).toEqual(shown);
    expect((await rowOf(t, c.eventId, first)).final).toBe('87.50');

    // The next speaker is weighted 70/30: experts' mean 80 × 0.7 + 70 × 0.3 = 77.
    await scoreSpeaker(t, c, second, [
      [c.judges[0]!, 81],
      [c.judges[1]!, 79],
      [audience, 70],
    ]);
    expect((await publicRanking(t, c.eventId)).rows.map((r) => [r.name, r.final])).toEqual([
      ['张经天', '87.50'],
      ['叶颖华', '77.00'],
    ]);
  });
});

describe('a speaker locked with no sheet in, then a judge added', () => {
  withHost('the refused reveal asks for 补录 from that speaker’s panel only', async ({ t }) => {
    const c = await twoByTwo(t);
    const path = `/api/events/${c.eventId}/performances/${c.first}`;
    await ok(t.call('POST', `${path}/start`), 'start');
    await ok(t.call('POST', `${path}/lock`, { body: { force: true } }), 'forced lock');
    await addJudge(t, c.eventId, '赵评委');
    const r = await t.call('POST', `${path}/reveal`);
    expect(r.status).toBe(409);
    expect(ErrorBody.parse(r.body).error.message).toBe(
      '张经天 只收到 0 份评分，算不出成绩，不能公布：请由主评委按纸质评分卡为 王评委、李评委 补录评分后再公布。',
    );
  });
});
