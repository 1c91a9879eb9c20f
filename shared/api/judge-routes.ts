import type { RouteDef } from './contract-types';
import { ScoreParams, ScoreSubmission } from './contest';
import { judgeAnswers } from './judge';

/** A judge's own routes: the answers the judge page parses (shared/api/judge.ts), and the requests the host checks. */
export const judgeRoutes = {
  judgeState: judgeAnswers.judgeState,
  submitScore: { ...judgeAnswers.submitScore, params: ScoreParams, body: ScoreSubmission },
} as const satisfies Record<string, RouteDef>;
