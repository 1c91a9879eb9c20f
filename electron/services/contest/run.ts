// The run of show: start, finish, lock and reveal speaker by speaker, and what the projector shows meanwhile.
import type { Performance, PublicShow } from '../../../shared/api/contest';
import { formatHundredths, parseHundredths } from '../../../shared/domain/decimal';
import { overtime } from '../../../shared/domain/draw';
import { canTake, type PerformanceAction, type PerformanceStatus } from '../../../shared/domain/performance';
import type { PerformanceRecord } from '../../database/repositories/contest';
import type { ParticipantRecord } from '../../database/repositories/participants';
import { AppError } from '../../errors';
import { audit } from './audit';
import {
  requireEvent,
  requireParticipant,
  requireRubric,
  rubricOf,
  sheetsByPerformance,
  type ContestContext,
  type Sheets,
} from './context';
import { orderOf } from './order';
import { judgeNumbers, onPanelOf, publicJudgeTotals, publicRanking, publishRanking, rankRows } from './ranking';
import { screenOf } from './screen';

function elapsedMs(ctx: ContestContext, p: PerformanceRecord): number {
  const end = p.finishedAt ? Date.parse(p.finishedAt) : ctx.now().getTime();
  return Math.max(0, end - Date.parse(p.startedAt));
}

function performanceView(
  ctx: ContestContext,
  participant: ParticipantRecord,
  order: number,
  record: PerformanceRecord | null,
  sheets: Map<number, Sheets>,
  conflicts: Map<number, number[]>,
  hasFinal: boolean,
): Performance {
  const recused = [...conflicts].filter(([, ids]) => ids.includes(participant.id)).map(([judgeId]) => judgeId);
  return {
    participantId: participant.id,
    name: participant.name,
    organization: participant.organization,
    title: participant.title,
    order,
    status: record?.status ?? 'waiting',
    startedAt: record?.startedAt ?? null,
    finishedAt: record?.finishedAt ?? null,
    elapsedMs: record ? elapsedMs(ctx, record) : null,
    overtimeSeconds: record?.overtimeSeconds ?? 0,
    deduction: formatHundredths(record?.deduction ?? 0),
    deductionReason: record?.deductionReason ?? null,
    submittedJudgeIds: record ? [...(sheets.get(record.id)?.keys() ?? [])].sort((a, b) => a - b) : [],
    recusedJudgeIds: recused,
    hasFinal,
  };
}

export function performances(ctx: ContestContext, eventId: number): Performance[] {
  requireEvent(ctx, eventId);
  const records = new Map(ctx.contest.performances(eventId).map((p) => [p.participantId, p]));
  const sheets = sheetsByPerformance(ctx, eventId);
  const conflicts = ctx.contest.conflicts(eventId);
  const finals = new Set(rankRows(ctx, eventId).rows.flatMap((r) => (r.final === null ? [] : [r.participantId])));
  return orderOf(ctx, eventId).map((p, i) =>
    performanceView(ctx, p, i + 1, records.get(p.id) ?? null, sheets, conflicts, finals.has(p.id)),
  );
}

function performance(ctx: ContestContext, eventId: number, participantId: number): Performance {
  const found = performances(ctx, eventId).find((p) => p.participantId === participantId);
  if (!found) throw new AppError('not_found', 'error.contest.participantNotFound', { id: participantId });
  return found;
}

/** On the projector: the speaker open for scoring, else the last locked one not yet revealed. */
function stage(ctx: ContestContext, eventId: number): PublicShow['current'] {
  const records = ctx.contest.performances(eventId);
  const record = ctx.contest.open(eventId) ?? [...records].reverse().find((p) => p.status === 'locked') ?? null;
  if (!record) return null;
  const order = orderOf(ctx, eventId);
  const index = order.findIndex((p) => p.id === record.participantId);
  const p = order[index];
  if (!p) return null;
  return {
    participantId: p.id,
    name: p.name,
    organization: p.organization,
    title: p.title,
    order: index + 1,
    status: record.status,
    startedAt: record.startedAt,
    elapsedMs: elapsedMs(ctx, record),
    running: record.status === 'speaking',
  };
}

function publishStage(ctx: ContestContext, eventId: number): void {
  const timer = rubricOf(ctx, eventId)?.timer ?? null;
  ctx.publish({ type: 'performance', eventId, performance: stage(ctx, eventId), timer });
}

/** Which judges have submitted for a speaker: the console's grid follows it live. */
export function publishProgress(ctx: ContestContext, eventId: number, participantId: number): void {
  const view = performance(ctx, eventId, participantId);
  const judges = ctx.contest.judges(eventId).length;
  ctx.publish({
    type: 'scores-progress',
    eventId,
    participantId,
    submittedJudgeIds: view.submittedJudgeIds,
    expected: judges - view.recusedJudgeIds.length,
  });
}

function wrongStatus(p: ParticipantRecord, status: PerformanceStatus, action: PerformanceAction): AppError {
  return new AppError('conflict', 'error.contest.wrongStatus', {
    name: p.name,
    status: `status.${status}`,
    action: `action.${action}`,
  });
}

/** The speaker's performance when `action` may be taken from its status now; else a 409 that says why not. */
function requireStatusFor(
  ctx: ContestContext,
  eventId: number,
  participant: ParticipantRecord,
  action: Exclude<PerformanceAction, 'start'>,
): PerformanceRecord {
  const record = ctx.contest.performance(eventId, participant.id);
  const status = record?.status ?? 'waiting';
  if (!record || !canTake(action, status)) throw wrongStatus(participant, status, action);
  return record;
}

/** A 409 that says there is no panel yet and where to add one. */
function noJudges(ctx: ContestContext, eventId: number, participant: ParticipantRecord, action: 'start' | 'lock') {
  if (ctx.contest.judges(eventId).length > 0) return;
  const key = action === 'start' ? 'error.contest.noJudgesStart' : 'error.contest.noJudgesLock';
  throw new AppError('no_judges', key, { name: participant.name });
}

/** The judges who are to score this speaker (not recused) and have no sheet in. */
export function missingJudges(ctx: ContestContext, eventId: number, performanceId: number, participantId: number) {
  const sheets = sheetsByPerformance(ctx, eventId).get(performanceId);
  const conflicts = ctx.contest.conflicts(eventId);
  return ctx.contest
    .judges(eventId)
    .filter((j) => !(conflicts.get(j.id) ?? []).includes(participantId) && !sheets?.has(j.id))
    .map((j) => ({ id: j.id, name: j.name }));
}

export function start(ctx: ContestContext, eventId: number, participantId: number): Performance {
  requireEvent(ctx, eventId);
  const participant = requireParticipant(ctx, eventId, participantId);
  requireRubric(ctx, eventId);
  noJudges(ctx, eventId, participant, 'start');
  const status = ctx.contest.performance(eventId, participantId)?.status ?? 'waiting';
  if (!canTake('start', status)) throw wrongStatus(participant, status, 'start');
  const open = ctx.contest.open(eventId);
  if (open)
    throw new AppError('conflict', 'error.contest.anotherOpen', {
      name: requireParticipant(ctx, eventId, open.participantId).name,
    });
  ctx.repos.transaction(() => {
    ctx.contest.start(eventId, participantId, ctx.stamp());
    audit(ctx, eventId, 'start', { participantId });
  });
  publishStage(ctx, eventId);
  publishProgress(ctx, eventId, participantId);
  return performance(ctx, eventId, participantId);
}

export function finish(ctx: ContestContext, eventId: number, participantId: number): Performance {
  const participant = requireParticipant(ctx, eventId, participantId);
  const record = requireStatusFor(ctx, eventId, participant, 'finish');
  const timer = rubricOf(ctx, eventId)?.timer ?? null;
  const over = timer
    ? overtime(
        ctx.now().getTime() - Date.parse(record.startedAt),
        timer.redAt,
        Math.round(timer.overtimeDeductionPerMinute * 100),
      )
    : { seconds: 0, deduction: 0 };
  const deduction = over.deduction > 0 ? over.deduction : record.deduction;
  ctx.repos.transaction(() => {
    ctx.contest.finish(record.id, ctx.stamp(), over.seconds, deduction, over.deduction > 0 ? 'overtime' : null);
    audit(ctx, eventId, 'finish', { participantId, after: { overtimeSeconds: over.seconds, deduction } });
  });
  publishStage(ctx, eventId);
  return performance(ctx, eventId, participantId);
}

/**
 * Closes scoring. With judges' sheets missing it asks first (409 naming them) unless `force`: then those judges
 * cannot score this speaker any more and the final is computed from the sheets in (the audit says who was missing).
 */
export function lock(
  ctx: ContestContext,
  eventId: number,
  participantId: number,
  options: { force?: boolean | undefined } = {},
): Performance {
  const participant = requireParticipant(ctx, eventId, participantId);
  const record = requireStatusFor(ctx, eventId, participant, 'lock');
  noJudges(ctx, eventId, participant, 'lock');
  const missing = missingJudges(ctx, eventId, record.id, participantId);
  if (missing.length > 0 && !options.force) {
    const params = { name: participant.name, count: missing.length, judges: missing.map((j) => j.name) };
    throw new AppError('missing_scores', 'error.contest.missingScores', params, undefined, { judges: missing });
  }
  ctx.repos.transaction(() => {
    ctx.contest.lock(record.id, ctx.stamp());
    audit(ctx, eventId, 'lock', { participantId, ...(missing.length > 0 ? { after: { force: true, missing } } : {}) });
  });
  publishStage(ctx, eventId);
  return performance(ctx, eventId, participantId);
}

export function reveal(ctx: ContestContext, eventId: number, participantId: number): Performance {
  const participant = requireParticipant(ctx, eventId, participantId);
  const record = requireStatusFor(ctx, eventId, participant, 'reveal');
  const row = rankRows(ctx, eventId).rows.find((r) => r.participantId === participantId);
  if (!row || row.final === null) {
    // After a forced lock the sheets in may still be too few for the rules (none, or all trimmed away).
    const onPanel = onPanelOf(ctx, record);
    const missing = missingJudges(ctx, eventId, record.id, participantId)
      .filter((j) => onPanel(j.id))
      .map((j) => j.name);
    const count = row?.judgeTotals.filter((t) => t.total !== null).length ?? 0;
    const key = missing.length > 0 ? 'error.contest.incomplete' : 'error.contest.tooFewScores';
    throw new AppError('conflict', key, { name: participant.name, count, judges: missing });
  }
  ctx.repos.transaction(() => {
    ctx.contest.reveal(record.id, ctx.stamp());
    audit(ctx, eventId, 'reveal', { participantId, after: { final: row.final } });
  });
  const shown = publicRanking(ctx, eventId).rows.find((r) => r.participantId === participantId);
  ctx.publish({
    type: 'reveal',
    eventId,
    participantId,
    name: participant.name,
    organization: participant.organization,
    judgeTotals: publicJudgeTotals(row.judgeTotals, judgeNumbers(ctx, eventId)),
    deduction: formatHundredths(row.deduction),
    final: row.final,
    rank: shown?.rank ?? null,
  });
  publishRanking(ctx, eventId);
  publishStage(ctx, eventId);
  return performance(ctx, eventId, participantId);
}

export function setDeduction(
  ctx: ContestContext,
  eventId: number,
  participantId: number,
  points: number,
  reason: string | undefined,
): Performance {
  const participant = requireParticipant(ctx, eventId, participantId);
  const record = ctx.contest.performance(eventId, participantId);
  if (!record) throw new AppError('conflict', 'error.contest.notOpen', { name: participant.name });
  if (record.status === 'revealed')
    throw new AppError('conflict', 'error.contest.revealedFrozen', { name: participant.name });
  const parsed = parseHundredths(points);
  if (!parsed.ok) throw new AppError('validation', 'error.validation.type', { field: 'points' }, 'points');
  ctx.repos.transaction(() => {
    ctx.contest.setDeduction(record.id, parsed.hundredths, reason ?? null);
    audit(ctx, eventId, 'deduction', {
      participantId,
      before: formatHundredths(record.deduction),
      after: formatHundredths(parsed.hundredths),
      reason: reason ?? null,
    });
  });
  return performance(ctx, eventId, participantId);
}

/** What the projector needs when it (re)connects. */
export function show(ctx: ContestContext, eventId: number): PublicShow {
  const event = requireEvent(ctx, eventId);
  return {
    event: {
      id: event.id,
      title: event.title,
      organizer: event.organizer,
      venue: event.venue,
      startsOn: event.startsOn,
    },
    current: stage(ctx, eventId),
    timer: rubricOf(ctx, eventId)?.timer ?? null,
    ranking: publicRanking(ctx, eventId),
    speakers: event.participantCount,
    screen: screenOf(ctx, eventId),
  };
}

/** For the check that a participant can be removed. */
export function hasPerformance(ctx: ContestContext, eventId: number, participantId: number): boolean {
  return ctx.contest.performance(eventId, participantId) !== null;
}
