// The rubric and rules: criteria, aggregation, decimals, tie-breaks, judge groups, the speech timer.
// Once a speaker is locked the rules that change results are frozen, so a revealed ranking never moves silently;
// 解除锁定 (with a reason, audited) allows one edit: the next save that changes results, or until the next lock.
import type { z } from 'zod';
import type { RubricInput, RubricState } from '../../../shared/api/contest';
import { changesResults, rubricDiff } from '../../../shared/domain/rubricDiff';
import { rulesProblems } from '../../../shared/domain/scoring';
import { AppError } from '../../errors';
import { audit } from './audit';
import { requireEvent, rubricOf, type ContestContext, type RubricOut } from './context';
import { publishRanking } from './ranking';

/** Speakers whose scores are closed (locked or revealed): results the rules must not change unasked. */
function lockedCount(ctx: ContestContext, eventId: number): number {
  return ctx.contest.performances(eventId).filter((p) => p.status === 'locked' || p.status === 'revealed').length;
}

/** Whether a 解除锁定 is pending: given, and no speaker locked since. */
function isUnfrozen(ctx: ContestContext, eventId: number, locked: number): boolean {
  const at = ctx.repos.rules.unfrozenAt(eventId);
  return at !== null && at >= locked;
}

function stateOf(ctx: ContestContext, eventId: number, rubric: RubricOut): RubricState {
  const locked = lockedCount(ctx, eventId);
  const unfrozen = locked > 0 && isUnfrozen(ctx, eventId, locked);
  return { ...rubric, frozen: locked > 0 && !unfrozen, unfrozen };
}

export function rubric(ctx: ContestContext, eventId: number): RubricState | null {
  requireEvent(ctx, eventId);
  const current = rubricOf(ctx, eventId);
  return current ? stateOf(ctx, eventId, current) : null;
}

export function putRubric(ctx: ContestContext, eventId: number, input: z.output<typeof RubricInput>): RubricState {
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
  const changes = rubricDiff(before, next);
  const moving = changes.filter(changesResults);
  const locked = lockedCount(ctx, eventId);
  const first = moving[0];
  if (first && locked > 0 && !isUnfrozen(ctx, eventId, locked))
    throw new AppError('rules_frozen', 'error.rules.frozen', { what: `rules.field.${first.field}` });
  // Scores are kept per criterion: a criterion added or removed would leave every sheet already given incomplete.
  const reshaped = changes.some((c) => c.field === 'criterion.added' || c.field === 'criterion.removed');
  if (before && reshaped && ctx.contest.anyScore(eventId)) throw new AppError('conflict', 'error.contest.rubricFrozen');
  ctx.repos.transaction(() => {
    ctx.contest.setRubric(eventId, JSON.stringify(next), ctx.stamp());
    if (moving.length > 0) ctx.repos.rules.refreeze(eventId);
    if (changes.length > 0) audit(ctx, eventId, 'rubric', { after: { changes } });
  });
  publishRanking(ctx, eventId);
  return stateOf(ctx, eventId, next);
}

/** 解除锁定: the organiser's leave, with a reason, for one edit of the frozen rules. */
export function unfreezeRubric(ctx: ContestContext, eventId: number, reason: string): RubricState {
  requireEvent(ctx, eventId);
  const current = rubricOf(ctx, eventId);
  if (!current) throw new AppError('conflict', 'error.contest.noRubric');
  const locked = lockedCount(ctx, eventId);
  if (locked === 0) throw new AppError('conflict', 'error.rules.notFrozen');
  ctx.repos.transaction(() => {
    ctx.repos.rules.unfreeze(eventId, reason, locked, ctx.stamp());
    audit(ctx, eventId, 'unfreeze', { reason });
  });
  return stateOf(ctx, eventId, current);
}
