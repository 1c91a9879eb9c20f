// What a judge's phone reads from the host, in zod's small build (zod/mini): the judge page parses these answers
// without downloading the full zod and the whole contract (tests/e2e/judge-weight.spec.ts). The contract uses these
// very schemas (shared/api/contest.ts re-exports them; shared/api/judge-routes.ts adds the request schemas).
import { z } from 'zod/mini';
import { performanceStatuses } from '../domain/performance';
import { criterionSteps } from '../domain/scoring';

/** A criterion as the rubric states it (key, name, 满分, step). */
export const Criterion = z.object({
  key: z.string(),
  name: z.string(),
  max: z.number(),
  step: z.union(criterionSteps.map((s) => z.literal(s))),
});

const int = () => z.number().check(z.int());

export const ScoreAccepted = z.object({ total: z.string(), submissionId: z.string(), savedAt: z.string() });
export type ScoreAccepted = z.infer<typeof ScoreAccepted>;

export const MyScore = z.object({
  participantId: int(),
  name: z.string(),
  order: int(),
  /** Points per criterion, as the judge typed them. */
  scores: z.record(z.string(), z.number()),
  total: z.string(),
  savedAt: z.string(),
});

export const JudgeState = z.object({
  event: z.object({ id: int(), title: z.string() }),
  judge: z.object({ id: int(), name: z.string() }),
  rubric: z.object({ criteria: z.array(Criterion) }),
  /** The speaker open for scoring (speaking or scoring), or null between speakers. */
  current: z.nullable(
    z.object({
      participantId: int(),
      name: z.string(),
      organization: z.nullable(z.string()),
      title: z.nullable(z.string()),
      order: int(),
      status: z.enum(performanceStatuses),
      recused: z.boolean(),
    }),
  ),
  myScores: z.array(MyScore),
});
export type JudgeState = z.infer<typeof JudgeState>;

/** The judge's routes as the judge page calls them: its client parses the answers, never the requests. */
export const judgeAnswers = {
  judgeState: { method: 'GET', path: '/api/judge/state', scopes: ['judge'], response: JudgeState },
  submitScore: { method: 'PUT', path: '/api/judge/scores/:pid', scopes: ['judge'], response: ScoreAccepted },
} as const;

/**
 * A live message as the judge page reads it: only its type matters there (a `performance` message means "ask for
 * the state again"), so the page does not parse the projector's and the console's messages it ignores.
 */
export const LiveSignal = z.looseObject({ type: z.string() });
export type LiveSignal = z.infer<typeof LiveSignal>;
export type JudgeAnswers = typeof judgeAnswers;
