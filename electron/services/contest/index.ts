// The contest service: one object over its parts (rubric, judges, order, run of show, scores, ranking, audit).
import { auditLog } from './audit';
import { contestContext, requireEvent, type ContestContext, type ContestDeps } from './context';
import {
  createJudge,
  deleteJudge,
  judgeByToken,
  judges,
  reissueJudgeLink,
  revokeJudgeLink,
  setConflicts,
  updateJudge,
} from './judges';
import { draw, setOrder } from './order';
import { awards, publicRanking, ranking, setAwards } from './ranking';
import { putRubric, rubric, unfreezeRubric } from './rubric';
import { screen, setScreen } from './screen';
import { finish, hasPerformance, lock, performances, reveal, setDeduction, show, start } from './run';
import { correctScore, judgeSheets, judgeState, sheetsByParticipant, submitScore } from './scores';

export type { ContestDeps } from './context';

/** A part's function with the service's context filled in. */
function withContext<A extends unknown[], R>(ctx: ContestContext, fn: (ctx: ContestContext, ...args: A) => R) {
  return (...args: A): R => fn(ctx, ...args);
}

export function contestService(deps: ContestDeps) {
  const ctx = contestContext(deps);
  return {
    rubric: withContext(ctx, rubric),
    putRubric: withContext(ctx, putRubric),
    unfreezeRubric: withContext(ctx, unfreezeRubric),

    judges: withContext(ctx, judges),
    createJudge: withContext(ctx, createJudge),
    updateJudge: withContext(ctx, updateJudge),
    deleteJudge: withContext(ctx, deleteJudge),
    setConflicts: withContext(ctx, setConflicts),
    judgeByToken: withContext(ctx, judgeByToken),
    reissueJudgeLink: withContext(ctx, reissueJudgeLink),
    revokeJudgeLink: withContext(ctx, revokeJudgeLink),

    draw: withContext(ctx, draw),
    setOrder: withContext(ctx, setOrder),

    performances: withContext(ctx, performances),
    start: withContext(ctx, start),
    finish: withContext(ctx, finish),
    lock: withContext(ctx, lock),
    reveal: withContext(ctx, reveal),
    setDeduction: withContext(ctx, setDeduction),
    show: withContext(ctx, show),
    screen: withContext(ctx, screen),
    setScreen: withContext(ctx, setScreen),
    /** For the check that a participant can be removed. */
    hasPerformance: withContext(ctx, hasPerformance),

    judgeState: withContext(ctx, judgeState),
    submitScore: withContext(ctx, submitScore),
    correctScore: withContext(ctx, correctScore),
    /** Every score of the event by speaker and judge (hundredths), for the documents. */
    sheets: withContext(ctx, sheetsByParticipant),
    judgeSheets: withContext(ctx, judgeSheets),

    ranking: withContext(ctx, ranking),
    publicRanking(eventId: number) {
      requireEvent(ctx, eventId);
      return publicRanking(ctx, eventId);
    },
    awards: withContext(ctx, awards),
    setAwards: withContext(ctx, setAwards),

    auditLog: withContext(ctx, auditLog),
  };
}
export type ContestService = ReturnType<typeof contestService>;
