import { IssuedJudge, type RubricInput } from '../../shared/api/contest';
import { Event, Participant, type EventCreate, type ParticipantCreate } from '../../shared/api/events';
import type { TestHost } from './host';
import { totalRubric } from './rubrics';

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
/** A submissionId no other score in this run has used. */
export const nextSubmission = (prefix = 'run-submission') => `${prefix}-${++submissions}-${Date.now()}`;

/** The body of an answer the arrangement needs to succeed; a refusal fails the test with what the host said. */
export async function ok(answer: Promise<{ status: number; body: unknown }>, what: string): Promise<unknown> {
  const r = await answer;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export interface ContestPlan {
  /** Title, date, venue…; a plain contest on 2024-07-03 unless given. */
  event?: Partial<EventCreate>;
  speakers?: Array<string | ParticipantCreate>;
  judges?: Array<string | { name: string; organization?: string; group?: string }>;
  /** Left unset when not given: some cases need a contest without one. */
  rubric?: RubricInput;
}

export interface ContestSetUp {
  event: Event;
  eventId: number;
  /** In registration order. */
  speakers: Participant[];
  /** In the order they were added. */
  judges: IssuedJudge[];
}

/** Sets up a contest over HTTP as the organiser would: the event, its speakers, the rubric, then the judges. */
export async function contestWith(t: TestHost, plan: ContestPlan = {}): Promise<ContestSetUp> {
  const body = { title: '居民区青年干部演讲比赛', kind: 'contest', startsOn: '2024-07-03', ...plan.event };
  const event = Event.parse(await ok(t.call('POST', '/api/events', { body }), 'event'));
  const speakers: Participant[] = [];
  for (const speaker of plan.speakers ?? []) {
    const s = typeof speaker === 'string' ? { name: speaker } : speaker;
    const created = await ok(t.call('POST', `/api/events/${event.id}/participants`, { body: s }), 'speaker');
    speakers.push(Participant.parse(created));
  }
  if (plan.rubric) await ok(t.call('PUT', `/api/events/${event.id}/rubric`, { body: plan.rubric }), 'rubric');
  const judges: IssuedJudge[] = [];
  for (const judge of plan.judges ?? []) {
    const j = typeof judge === 'string' ? { name: judge } : judge;
    judges.push(IssuedJudge.parse(await ok(t.call('POST', `/api/events/${event.id}/judges`, { body: j }), 'judge')));
  }
  return { event, eventId: event.id, speakers, judges };
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
    t.call('PUT', `/api/events/${eventId}/rubric`, { body: totalRubric({ step: 0.5 }, { tieBreak: [] }) }),
    'rubric',
  );
  const judges: IssuedJudge[] = [];
  for (const name of ['王评委', '李评委', '张评委'])
    judges.push(
      IssuedJudge.parse(await ok(t.call('POST', `/api/events/${eventId}/judges`, { body: { name } }), 'judge')),
    );
  for (const [i, speaker] of speakers.entries()) {
    if (skip.includes(speaker.id)) continue;
    await ok(t.call('POST', `/api/events/${eventId}/performances/${speaker.id}/start`), 'start');
    for (const judge of judges) {
      const scores = { total: totals[i] ?? 80 };
      await ok(
        t.call('PUT', `/api/judge/scores/${speaker.id}`, {
          token: judge.token,
          body: { scores, submissionId: nextSubmission() },
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
