// The judges' panel: names, groups, tokens (minted here), and the speakers each must not score (回避).
import type { z } from 'zod';
import type { Judge, JudgeCreate } from '../../../shared/api/contest';
import type { JudgeRecord } from '../../database/repositories/contest';
import { AppError } from '../../errors';
import { ensureJoinCode, pageUrl } from '../join';
import { newToken } from '../tokens';
import { audit } from './audit';
import { requireEvent, requireJudge, rubricOf, type ContestContext } from './context';
import { publishRanking } from './ranking';

function assertKnownGroup(ctx: ContestContext, eventId: number, group: string | undefined): void {
  const groups = rubricOf(ctx, eventId)?.groups ?? [];
  if (group && !groups.some((g) => g.key === group))
    throw new AppError('validation', 'error.contest.unknownGroup', { group }, 'group');
}

export function judges(ctx: ContestContext, eventId: number): Judge[] {
  requireEvent(ctx, eventId);
  const conflicts = ctx.contest.conflicts(eventId);
  const at = ctx.stamp();
  return ctx.contest.judges(eventId).map((j) => {
    const counts = ctx.repos.judgeAccess.scoreCounts(j.id);
    return {
      id: j.id,
      eventId: j.eventId,
      name: j.name,
      organization: j.organization,
      group: j.group,
      token: j.token,
      joinUrl: pageUrl(ctx.joinBase(), `/judge?token=${j.token}`),
      // Judges added before join codes existed get theirs the first time the console lists them.
      joinCode: ensureJoinCode(ctx.repos, j.id, at),
      scoredSpeakers: counts.scored,
      revealedSpeakers: counts.revealed,
      conflicts: conflicts.get(j.id) ?? [],
    };
  });
}

/** The judge as the console sees it, just after a change. */
function judgeView(ctx: ContestContext, eventId: number, judgeId: number, what: string): Judge {
  const found = judges(ctx, eventId).find((j) => j.id === judgeId);
  if (!found) throw new Error(what);
  return found;
}

export function createJudge(ctx: ContestContext, eventId: number, input: z.output<typeof JudgeCreate>): Judge {
  requireEvent(ctx, eventId);
  assertKnownGroup(ctx, eventId, input.group);
  const judge = ctx.repos.transaction(() => {
    const created = ctx.contest.createJudge(
      {
        eventId,
        name: input.name,
        organization: input.organization ?? null,
        group: input.group ?? null,
        token: newToken(),
      },
      ctx.stamp(),
    );
    ensureJoinCode(ctx.repos, created.id, ctx.stamp());
    audit(ctx, eventId, 'judge', {
      judgeId: created.id,
      after: { name: created.name, organization: created.organization, group: created.group },
    });
    return created;
  });
  return judgeView(ctx, eventId, judge.id, 'judge vanished after insert');
}

/** A typo in a judge's name (it is printed on their card) or their group; the token stays the same. */
export function updateJudge(
  ctx: ContestContext,
  eventId: number,
  judgeId: number,
  input: z.output<typeof JudgeCreate>,
): Judge {
  const judge = requireJudge(ctx, eventId, judgeId);
  assertKnownGroup(ctx, eventId, input.group);
  const after = { name: input.name, organization: input.organization ?? null, group: input.group ?? null };
  ctx.repos.transaction(() => {
    ctx.contest.updateJudge({ id: judgeId, ...after });
    audit(ctx, eventId, 'judge', {
      judgeId,
      before: { name: judge.name, organization: judge.organization, group: judge.group },
      after,
    });
  });
  publishRanking(ctx, eventId);
  return judgeView(ctx, eventId, judgeId, 'judge vanished');
}

/**
 * Removes a judge added by mistake. Their sheets go with them, so a judge who has scored is removed only when the
 * console has asked (`force`), and never once a speaker they scored is revealed: that result is public.
 */
export function deleteJudge(ctx: ContestContext, eventId: number, judgeId: number, force: boolean): void {
  const judge = requireJudge(ctx, eventId, judgeId);
  const counts = ctx.repos.judgeAccess.scoreCounts(judgeId);
  if (counts.revealed > 0)
    throw new AppError('conflict', 'error.judge.deleteRevealed', { name: judge.name, count: counts.revealed });
  if (counts.scored > 0 && !force)
    throw new AppError('conflict', 'error.judge.deleteScored', { name: judge.name, count: counts.scored });
  ctx.repos.transaction(() => {
    ctx.repos.judgeAccess.deleteJudge(judgeId);
    audit(ctx, eventId, 'judge', {
      judgeId,
      before: { name: judge.name, organization: judge.organization, group: judge.group, scored: counts.scored },
      after: null,
    });
  });
  if (counts.scored > 0) publishRanking(ctx, eventId);
}

export function setConflicts(
  ctx: ContestContext,
  eventId: number,
  judgeId: number,
  participantIds: readonly number[],
): Judge {
  requireJudge(ctx, eventId, judgeId);
  const ids = new Set(ctx.repos.participants.listByEvent(eventId).map((p) => p.id));
  if (participantIds.some((id) => !ids.has(id)))
    throw new AppError('validation', 'error.contest.participantsOfEvent', {}, 'participantIds');
  ctx.repos.transaction(() => {
    const before = ctx.contest.conflicts(eventId).get(judgeId) ?? [];
    ctx.contest.setConflicts(judgeId, participantIds);
    audit(ctx, eventId, 'conflicts', { judgeId, before, after: [...new Set(participantIds)] });
  });
  return judgeView(ctx, eventId, judgeId, 'judge vanished');
}

export function judgeByToken(ctx: ContestContext, token: string): JudgeRecord | null {
  return ctx.contest.judgeByToken(token);
}
