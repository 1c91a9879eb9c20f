// The rubric and rules: criteria, aggregation, decimals, tie-breaks, judge groups, the speech timer.
import type { z } from 'zod';
import type { RubricInput } from '../../../shared/api/contest';
import { rulesProblems } from '../../../shared/domain/scoring';
import { AppError } from '../../errors';
import { audit } from './audit';
import { requireEvent, rubricOf, type ContestContext, type RubricOut } from './context';
import { publishRanking } from './ranking';

export function rubric(ctx: ContestContext, eventId: number): RubricOut | null {
  requireEvent(ctx, eventId);
  return rubricOf(ctx, eventId);
}

export function putRubric(ctx: ContestContext, eventId: number, input: z.output<typeof RubricInput>): RubricOut {
  requireEvent(ctx, eventId);
  const next: RubricOut = { ...input, timer: input.timer ?? null };
  const problem = rulesProblems({
    criteria: next.criteria,
    aggregation: next.aggregation,
    decimals: next.decimals,
    tieBreak: input.tieBreak,
  })[0];
  if (problem) throw new AppError('validation', `error.contest.rules.${problem.code}`, {}, problem.field);
  const before = rubricOf(ctx, eventId);
  if (before && ctx.contest.anyScore(eventId) && JSON.stringify(before.criteria) !== JSON.stringify(next.criteria)) {
    throw new AppError('conflict', 'error.contest.rubricFrozen');
  }
  ctx.repos.transaction(() => {
    ctx.contest.setRubric(eventId, JSON.stringify(next), ctx.stamp());
    audit(ctx, eventId, 'rubric', { before, after: next });
  });
  publishRanking(ctx, eventId);
  return next;
}
