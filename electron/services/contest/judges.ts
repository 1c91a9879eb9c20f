// The judges' panel: names, groups, tokens (minted here), and the speakers each must not score (回避).
import type { z } from 'zod';
import type { IssuedJudge, Judge, JudgeCreate } from '../../../shared/api/contest';
import type { JudgeRecord } from '../../database/repositories/contest';
import { AppError } from '../../errors';
import { ensureJoinCode, newJoinCode, pageUrl } from '../join';
import { newToken } from '../tokens';
import { audit } from './audit';
import { requireEvent, requireJudge, rubricOf, type ContestContext } from './context';
import { publishRanking } from './ranking';

function assertKnownGroup(ctx: ContestContext, eventId: number, group: string | undefined): void {
  const groups = rubricOf(ctx, eventId)?.groups ?? [];
  if (group && !groups.some((g) => g.key === group))
    throw new AppError('validation', 'error.contest.unknownGroup', { group }, 'group');
}

const judgeUrl = (ctx: ContestContext, token: string): string => pageUrl(ctx.joinBase(), `/judge?token=${token}`);

type JudgeLinkView = Pick<Judge, 'token' | 'joinUrl' | 'joinCode' | 'link'>;

/** What the card prints, opened from the sealed copies; nothing when shut out or sealed on another computer. */
function linkOf(ctx: ContestContext, j: JudgeRecord, at: string): JudgeLinkView {
  if (j.tokenHash === null) return { token: null, joinUrl: null, joinCode: null, link: 'revoked' };
  const token = j.tokenSealed === null ? null : ctx.vault.unseal(j.tokenSealed);
  // Judges added before join codes existed get theirs the first time the console lists them.
  const joinCode = token === null ? null : ensureJoinCode(ctx.repos, ctx.vault, j.id, at);
  if (token === null || joinCode === null) return { token: null, joinUrl: null, joinCode: null, link: 'unprintable' };
  return { token, joinUrl: judgeUrl(ctx, token), joinCode, link: 'active' };
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
      ...linkOf(ctx, j, at),
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

export function createJudge(ctx: ContestContext, eventId: number, input: z.output<typeof JudgeCreate>): IssuedJudge {
  requireEvent(ctx, eventId);
  assertKnownGroup(ctx, eventId, input.group);
  const token = newToken();
  const { judge, joinCode } = ctx.repos.transaction(() => {
    const created = ctx.contest.createJudge(
      {
        eventId,
        name: input.name,
        organization: input.organization ?? null,
        group: input.group ?? null,
        tokenHash: ctx.vault.hash(token),
        tokenSealed: ctx.vault.seal(token),
      },
      ctx.stamp(),
    );
    audit(ctx, eventId, 'judge', {
      judgeId: created.id,
      after: { name: created.name, organization: created.organization, group: created.group },
    });
    return { judge: created, joinCode: newJoinCode(ctx.repos, ctx.vault, created.id, ctx.stamp()) };
  });
  return issued(ctx, eventId, judge.id, token, joinCode);
}

/** The judge just given `token`: what the console shows and prints at once. */
function issued(ctx: ContestContext, eventId: number, judgeId: number, token: string, joinCode: string): IssuedJudge {
  const view = judgeView(ctx, eventId, judgeId, 'judge vanished after a new link');
  return { ...view, token, joinUrl: judgeUrl(ctx, token), joinCode, link: 'active' };
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
  return ctx.contest.judgeByTokenHash(ctx.vault.hash(token));
}

/**
 * A lost laptop: the judge gets a new token and join code, the old ones answer 401 at once and the judge's open
 * pages are disconnected. The judge and their sheets stay. Also how a shut-out judge is let back in.
 */
export function reissueJudgeLink(ctx: ContestContext, eventId: number, judgeId: number): IssuedJudge {
  const judge = requireJudge(ctx, eventId, judgeId);
  const token = newToken();
  const joinCode = ctx.repos.transaction(() => {
    ctx.contest.setJudgeToken(judgeId, ctx.vault.hash(token), ctx.vault.seal(token));
    audit(ctx, eventId, 'reissue-link', { judgeId, before: judge.tokenHash === null ? 'revoked' : 'active' });
    return newJoinCode(ctx.repos, ctx.vault, judgeId, ctx.stamp());
  });
  ctx.closeJudgeSockets(judgeId);
  return issued(ctx, eventId, judgeId, token, joinCode);
}

/** Shuts a judge out (停用): token and join code stop working; the judge's sheets still count. */
export function revokeJudgeLink(ctx: ContestContext, eventId: number, judgeId: number): null {
  const judge = requireJudge(ctx, eventId, judgeId);
  if (judge.tokenHash !== null) {
    ctx.repos.transaction(() => {
      ctx.contest.setJudgeToken(judgeId, null, null);
      ctx.repos.judgeAccess.deleteJoinCode(judgeId);
      audit(ctx, eventId, 'revoke-link', { judgeId });
    });
  }
  ctx.closeJudgeSockets(judgeId);
  return null;
}
