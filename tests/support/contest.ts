import { Event, Participant } from '../../shared/api/events';
import { Judge } from '../../shared/api/contest';
import type { TestHost } from './host';

/** The demo's two events, loaded into a test host. */
export async function demoEvents(t: TestHost): Promise<{ contest: Event; training: Event }> {
  t.host.services.loadDemo();
  const events = Event.array().parse((await t.call('GET', '/api/events')).body);
  const contest = events.find((e) => e.kind === 'contest');
  const training = events.find((e) => e.kind === 'training');
  if (!contest || !training) throw new Error('the demo has no contest or no training class');
  return { contest, training };
}

let submissions = 0;

async function ok(answer: Promise<{ status: number; body: unknown }>, what: string): Promise<unknown> {
  const r = await answer;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/**
 * Runs a contest over HTTP as on the day: a one-criterion rubric, three judges, every speaker
 * started, scored and locked. `totals[i]` is what each judge gives the i-th speaker (distinct, so
 * no ties). Speakers in `skip` are left waiting.
 */
export async function runContest(
  t: TestHost,
  eventId: number,
  totals: number[],
  skip: number[] = [],
): Promise<Participant[]> {
  const speakers = Participant.array().parse((await t.call('GET', `/api/events/${eventId}/participants`)).body);
  await ok(
    t.call('PUT', `/api/events/${eventId}/rubric`, {
      body: {
        criteria: [{ key: 'total', name: '总分', max: 100, step: 0.5 }],
        aggregation: { method: 'mean', dropHighest: 0, dropLowest: 0 },
        decimals: 2,
        tieBreak: [],
      },
    }),
    'rubric',
  );
  const judges: Judge[] = [];
  for (const name of ['王评委', '李评委', '张评委'])
    judges.push(Judge.parse(await ok(t.call('POST', `/api/events/${eventId}/judges`, { body: { name } }), 'judge')));
  for (const [i, speaker] of speakers.entries()) {
    if (skip.includes(speaker.id)) continue;
    await ok(t.call('POST', `/api/events/${eventId}/performances/${speaker.id}/start`), 'start');
    for (const judge of judges) {
      const scores = { total: totals[i] ?? 80 };
      await ok(
        t.call('PUT', `/api/judge/scores/${speaker.id}`, {
          token: judge.token,
          body: { scores, submissionId: `run-submission-${++submissions}` },
        }),
        'score',
      );
    }
    await ok(t.call('POST', `/api/events/${eventId}/performances/${speaker.id}/lock`), 'lock');
  }
  return speakers;
}

/** 一等奖 ×1, 二等奖 ×2, 三等奖 ×3, as the organiser sets them. */
export const demoTiers = [
  { name: '一等奖', count: 1 },
  { name: '二等奖', count: 2 },
  { name: '三等奖', count: 3 },
];
