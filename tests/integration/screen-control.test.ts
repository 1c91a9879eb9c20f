import { describe, expect, test } from 'vitest';
import { PublicRanking, PublicShow } from '../../shared/api/contest';
import { ErrorBody } from '../../shared/api/errors';
import { LiveMessage } from '../../shared/api/live';
import { ScreenState } from '../../shared/api/screen';
import { contestWith, nextSubmission, ok } from '../support/contest';
import { startTestHost, tempDir, withHost, type TestHost } from '../support/host';
import { openLive } from '../support/live';
import { totalRubric } from '../support/rubrics';

// The console drives the projector (大屏幕): a held scene per event, pushed live, kept across a restart;
// and the hall's judge numbers (评委N) stay one person each for the whole contest.

const showOf = async (t: TestHost, eventId: number) =>
  PublicShow.parse((await t.call('GET', `/api/public/events/${eventId}/show`, { token: null })).body);

describe('the projector driven from the console', () => {
  withHost('a mode set in the console reaches every public socket and the show answer', async ({ t }) => {
    const { eventId } = await contestWith(t, { speakers: ['张经天'] });
    expect((await showOf(t, eventId)).screen).toEqual({ mode: 'auto', language: null });
    const projector = await openLive(t, `event=${eventId}`);

    const answer = await t.call('PUT', `/api/events/${eventId}/screen`, { body: { mode: 'leaderboard' } });
    expect(answer.status).toBe(200);
    expect(ScreenState.parse(answer.body)).toEqual({ mode: 'leaderboard', language: null });
    await expect
      .poll(() => projector.received.map((m) => LiveMessage.parse(m)).find((m) => m.type === 'screen'))
      .toEqual({ type: 'screen', eventId, mode: 'leaderboard', language: null });
    expect((await showOf(t, eventId)).screen.mode).toBe('leaderboard');

    // The language alone keeps the mode; the mode alone keeps the language.
    await ok(t.call('PUT', `/api/events/${eventId}/screen`, { body: { language: 'en' } }), 'language');
    await ok(t.call('PUT', `/api/events/${eventId}/screen`, { body: { mode: 'paused' } }), 'pause');
    expect((await showOf(t, eventId)).screen).toEqual({ mode: 'paused', language: 'en' });
    expect(ScreenState.parse((await t.call('GET', `/api/events/${eventId}/screen`)).body).mode).toBe('paused');
  });

  withHost('only the organiser sets it, and only to a scene the projector has', async ({ t }) => {
    const { eventId, judges } = await contestWith(t, { judges: ['王评委'] });
    const path = `/api/events/${eventId}/screen`;
    expect((await t.call('PUT', path, { token: null, body: { mode: 'awards' } })).status).toBe(401);
    expect((await t.call('PUT', path, { token: judges[0]!.token, body: { mode: 'awards' } })).status).toBe(403);
    const bad = await t.call('PUT', path, { body: { mode: 'fireworks' } });
    expect(bad.status).toBe(400);
    expect(ErrorBody.parse(bad.body).error.field).toBe('mode');
    expect((await t.call('PUT', '/api/events/999/screen', { body: { mode: 'awards' } })).status).toBe(404);
    expect((await showOf(t, eventId)).screen.mode).toBe('auto');
  });

  test('a projector that reloads after a host restart comes back in the same mode', async () => {
    const dir = tempDir();
    try {
      const first = await startTestHost({ dataDir: dir.path });
      const { eventId } = await contestWith(first, { speakers: ['张经天'] });
      await ok(first.call('PUT', `/api/events/${eventId}/screen`, { body: { mode: 'awards', language: 'en' } }), 'set');
      await first.stop();
      const again = await startTestHost({ dataDir: dir.path });
      try {
        expect((await showOf(again, eventId)).screen).toEqual({ mode: 'awards', language: 'en' });
      } finally {
        await again.stop();
      }
    } finally {
      dir.remove();
    }
  });
});

describe('judge numbers in the hall', () => {
  withHost('stay fixed for the contest: a recused judge leaves a gap instead of shifting the others', async ({ t }) => {
    const { eventId, speakers, judges } = await contestWith(t, {
      speakers: ['张经天', '叶颖华'],
      judges: ['王评委', '李评委', '张评委', '赵评委', '陈评委'],
      rubric: totalRubric({ step: 0.5 }, { tieBreak: [] }),
    });
    const [first, second] = speakers;
    // 赵评委 (the 4th judge added) must not score 叶颖华.
    await ok(
      t.call('PUT', `/api/events/${eventId}/judges/${judges[3]!.id}/conflicts`, {
        body: { participantIds: [second!.id] },
      }),
      'conflicts',
    );
    const projector = await openLive(t, `event=${eventId}`);
    for (const speaker of [first!, second!]) {
      await ok(t.call('POST', `/api/events/${eventId}/performances/${speaker.id}/start`), 'start');
      for (const [i, judge] of judges.entries()) {
        if (speaker === second && i === 3) continue;
        const body = { scores: { total: 80 + i }, submissionId: nextSubmission('screen') };
        await ok(t.call('PUT', `/api/judge/scores/${speaker.id}`, { token: judge.token, body }), 'score');
      }
      await ok(t.call('POST', `/api/events/${eventId}/performances/${speaker.id}/lock`), 'lock');
      await ok(t.call('POST', `/api/events/${eventId}/performances/${speaker.id}/reveal`), 'reveal');
    }

    const ranking = PublicRanking.parse(
      (await t.call('GET', `/api/public/events/${eventId}/ranking`, { token: null })).body,
    );
    const numbersOf = (pid: number) => ranking.rows.find((r) => r.participantId === pid)?.judgeTotals;
    expect(numbersOf(first!.id)?.map((j) => [j.judgeNo, j.total])).toEqual([
      [1, '80.00'],
      [2, '81.00'],
      [3, '82.00'],
      [4, '83.00'],
      [5, '84.00'],
    ]);
    // 评委5 is 陈评委 for 叶颖华 too: 评委4 (赵评委, recused) is a gap.
    expect(numbersOf(second!.id)?.map((j) => [j.judgeNo, j.total])).toEqual([
      [1, '80.00'],
      [2, '81.00'],
      [3, '82.00'],
      [5, '84.00'],
    ]);
    await expect
      .poll(() =>
        projector.received
          .map((m) => LiveMessage.parse(m))
          .find((m) => m.type === 'reveal' && m.participantId === second!.id),
      )
      .toMatchObject({ judgeTotals: [{ judgeNo: 1 }, { judgeNo: 2 }, { judgeNo: 3 }, { judgeNo: 5 }] });
    expect(JSON.stringify(ranking)).not.toContain('judgeId');
  });
});
