// Judges' scores: what a judge sees and submits, a chief judge's correction, and every sheet for the documents.
import type { JudgeSheet, JudgeState } from '../../../shared/api/contest';
import { formatHundredths } from '../../../shared/domain/decimal';
import { isClosed, scoreProblemMessage } from '../../../shared/domain/performance';
import { checkScores, type Criterion, type ScoreProblem } from '../../../shared/domain/scoring';
import { AppError } from '../../errors';
import { audit } from './audit';
import {
  requireEvent,
  requireJudge,
  requireParticipant,
  requireRubric,
  rubricOf,
  sheetsByPerformance,
  type ContestContext,
  type RubricOut,
  type Sheets,
} from './context';
import { orderOf } from './order';
import { publishRanking, requireOnPanel } from './ranking';
import { publishProgress } from './run';

export interface ScoreAnswer {
  total: string;
  submissionId: string;
  savedAt: string;
}

/** A judge's saved sheet for a performance: points as typed (hundredths / 100 prints exactly), total, last write. */
function savedSheet(
  ctx: ContestContext,
  performanceId: number,
  judgeId: number,
): { scores: Record<string, number>; total: string; savedAt: string } | null {
  const rows = ctx.contest.scoresOf(performanceId, judgeId);
  if (rows.length === 0) return null;
  return {
    scores: Object.fromEntries(rows.map((r) => [r.criterionKey, r.value / 100])),
    total: formatHundredths(rows.reduce((sum, r) => sum + r.value, 0)),
    savedAt: rows.reduce((latest, r) => (r.updatedAt > latest ? r.updatedAt : latest), ''),
  };
}

function scoreError(criteria: readonly Criterion[], problem: ScoreProblem): AppError {
  const criterion = criteria.find((c) => c.key === problem.key);
  return new AppError(
    'validation',
    scoreProblemMessage[problem.code],
    { criterion: criterion?.name ?? problem.key, max: criterion?.max ?? '', step: criterion?.step ?? '' },
    `scores.${problem.key}`,
  );
}

/** The sheet in hundredths with its total, or a 400 naming the first criterion that is wrong. */
function checkedSheet(
  rubric: RubricOut,
  input: Record<string, unknown>,
): { scores: Record<string, number>; total: number } {
  const check = checkScores(rubric.criteria, input);
  if (!check.ok) {
    const first = check.problems[0];
    throw first ? scoreError(rubric.criteria, first) : new AppError('validation', 'error.validation.body');
  }
  return check;
}

function isRecused(ctx: ContestContext, eventId: number, judgeId: number, participantId: number): boolean {
  return (ctx.contest.conflicts(eventId).get(judgeId) ?? []).includes(participantId);
}

export function judgeState(ctx: ContestContext, judgeId: number): JudgeState {
  const judge = ctx.contest.judge(judgeId);
  if (!judge) throw new AppError('unauthorized', 'error.unauthorized');
  const event = requireEvent(ctx, judge.eventId);
  const rubric = rubricOf(ctx, event.id);
  const order = orderOf(ctx, event.id);
  const open = ctx.contest.open(event.id);
  const conflicts = ctx.contest.conflicts(event.id).get(judge.id) ?? [];
  const records = ctx.contest.performances(event.id);
  const indexOf = (pid: number) => order.findIndex((p) => p.id === pid);
  const currentParticipant = open ? order[indexOf(open.participantId)] : undefined;
  return {
    event: { id: event.id, title: event.title },
    judge: { id: judge.id, name: judge.name },
    rubric: { criteria: rubric?.criteria ?? [] },
    current:
      open && currentParticipant
        ? {
            participantId: currentParticipant.id,
            name: currentParticipant.name,
            organization: currentParticipant.organization,
            title: currentParticipant.title,
            order: indexOf(open.participantId) + 1,
            status: open.status,
            recused: conflicts.includes(currentParticipant.id),
          }
        : null,
    myScores: records.flatMap((record) => {
      const sheet = savedSheet(ctx, record.id, judge.id);
      const p = order[indexOf(record.participantId)];
      return sheet && p ? [{ participantId: p.id, name: p.name, order: indexOf(p.id) + 1, ...sheet }] : [];
    }),
  };
}

export function submitScore(
  ctx: ContestContext,
  judgeId: number,
  participantId: number,
  input: Record<string, unknown>,
  submissionId: string,
): ScoreAnswer {
  const { contest } = ctx;
  const judge = contest.judge(judgeId);
  if (!judge) throw new AppError('unauthorized', 'error.unauthorized');
  const eventId = judge.eventId;
  const seen = contest.submission(submissionId);
  if (seen) {
    const record = contest.performance(eventId, participantId);
    if (seen.judgeId !== judgeId || seen.performanceId !== record?.id)
      throw new AppError('conflict', 'error.contest.submissionReused');
    // The same submission again (a resend after a lost answer): one write, the same answer.
    return { total: formatHundredths(seen.total), submissionId, savedAt: seen.receivedAt };
  }
  const participant = requireParticipant(ctx, eventId, participantId);
  const rubric = requireRubric(ctx, eventId);
  const record = contest.performance(eventId, participantId);
  if (!record) throw new AppError('conflict', 'error.contest.notOpen', { name: participant.name });
  if (isClosed(record.status)) throw new AppError('conflict', 'error.contest.locked', { name: participant.name });
  if (isRecused(ctx, eventId, judgeId, participantId))
    throw new AppError('forbidden', 'error.contest.recused', { name: participant.name });
  const sheet = checkedSheet(rubric, input);
  const savedAt = ctx.stamp();
  ctx.repos.transaction(() => {
    const before = Object.fromEntries(contest.scoresOf(record.id, judgeId).map((s) => [s.criterionKey, s.value]));
    contest.writeSheet(record.id, judgeId, sheet.scores, savedAt);
    contest.recordSubmission({
      submissionId,
      judgeId,
      performanceId: record.id,
      total: sheet.total,
      receivedAt: savedAt,
    });
    audit(ctx, eventId, 'score', {
      actor: `judge:${judgeId}`,
      participantId,
      judgeId,
      before: Object.keys(before).length ? before : null,
      after: sheet.scores,
      submissionId,
    });
  });
  publishProgress(ctx, eventId, participantId);
  return { total: formatHundredths(sheet.total), submissionId, savedAt };
}

/**
 * A chief judge's change of a judge's sheet, with its reason in the audit log: 补录 (`enter`) of a sheet the judge
 * never sent, from the paper card, once the speaker has started; 更正 (`correct`) of a sheet once scoring is locked.
 */
export function correctScore(
  ctx: ContestContext,
  eventId: number,
  participantId: number,
  judgeId: number,
  input: Record<string, unknown>,
  reason: string,
): ScoreAnswer {
  const { contest } = ctx;
  const participant = requireParticipant(ctx, eventId, participantId);
  const judge = requireJudge(ctx, eventId, judgeId);
  const rubric = requireRubric(ctx, eventId);
  const record = contest.performance(eventId, participantId);
  if (!record) throw new AppError('conflict', 'error.contest.entryBeforeStart', { name: participant.name });
  requireOnPanel(ctx, record, judge, participant);
  const before = Object.fromEntries(contest.scoresOf(record.id, judgeId).map((s) => [s.criterionKey, s.value]));
  const entry = Object.keys(before).length === 0;
  if (!entry && !isClosed(record.status)) throw new AppError('conflict', 'error.contest.correctionBeforeLock');
  if (isRecused(ctx, eventId, judgeId, participantId))
    throw new AppError('conflict', 'error.contest.recused', { name: participant.name });
  const sheet = checkedSheet(rubric, input);
  const savedAt = ctx.stamp();
  ctx.repos.transaction(() => {
    contest.writeSheet(record.id, judgeId, sheet.scores, savedAt);
    audit(ctx, eventId, entry ? 'enter' : 'correct', {
      participantId,
      judgeId,
      before: entry ? null : before,
      after: sheet.scores,
      reason,
    });
  });
  publishProgress(ctx, eventId, participantId);
  if (record.status === 'revealed') publishRanking(ctx, eventId);
  return { total: formatHundredths(sheet.total), submissionId: `correction-${savedAt}`, savedAt };
}

/** participantId → judgeId → sheet (hundredths by criterion key): every score of the event, for the documents. */
export function sheetsByParticipant(ctx: ContestContext, eventId: number): Map<number, Sheets> {
  const byPerformance = sheetsByPerformance(ctx, eventId);
  return new Map(
    ctx.contest.performances(eventId).flatMap((p) => {
      const sheets = byPerformance.get(p.id);
      return sheets ? [[p.participantId, sheets] as const] : [];
    }),
  );
}

/** Every judge's current sheet for one speaker (admin only: the console's correction form starts from it). */
export function judgeSheets(ctx: ContestContext, eventId: number, participantId: number): JudgeSheet[] {
  requireParticipant(ctx, eventId, participantId);
  const record = ctx.contest.performance(eventId, participantId);
  if (!record) return [];
  return ctx.contest.judges(eventId).flatMap((judge) => {
    const sheet = savedSheet(ctx, record.id, judge.id);
    return sheet ? [{ judgeId: judge.id, judgeName: judge.name, ...sheet }] : [];
  });
}
