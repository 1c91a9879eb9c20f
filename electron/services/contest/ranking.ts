// Ranking and awards: the results computed from the raw sheets, for the console and (revealed only) the projector.
import type { z } from 'zod';
import { Awards, type AwardsInput, type PublicRanking, type Ranking } from '../../../shared/api/contest';
import { formatHundredths } from '../../../shared/domain/decimal';
import { isOnPanel } from '../../../shared/domain/panel';
import { isClosed } from '../../../shared/domain/performance';
import {
  assignAwards,
  judgeGroupKey,
  parseTieBreakRule,
  rankResults,
  scoreParticipant,
  type RankingRow as DomainRow,
  type Rules,
} from '../../../shared/domain/scoring';
import type { JudgeRecord, PerformanceRecord } from '../../database/repositories/contest';
import type { ParticipantRecord } from '../../database/repositories/participants';
import { AppError } from '../../errors';
import { audit } from './audit';
import { requireEvent, rubricOf, sheetsByPerformance, type ContestContext, type RubricOut } from './context';
import { orderOf } from './order';

export type Tiers = z.output<typeof AwardsInput>['tiers'];

function tiersOf(ctx: ContestContext, eventId: number): Tiers {
  const json = ctx.contest.settings(eventId).awardsJson;
  if (json === null) return [];
  const tiers: unknown = JSON.parse(json);
  return Awards.parse({ tiers }).tiers;
}

/** Judges in panel order; with groups, a judge without a known group counts in the first one. */
function rulesOf(rubric: RubricOut, judges: readonly JudgeRecord[]): Rules {
  const keys = rubric.groups.map((g) => g.key);
  const groupOf = (j: JudgeRecord) => judgeGroupKey(j.group, keys);
  return {
    criteria: rubric.criteria,
    aggregation: rubric.aggregation,
    decimals: rubric.decimals,
    tieBreak: rubric.tieBreak.flatMap((t) => {
      const rule = parseTieBreakRule(t);
      return rule ? [rule] : [];
    }),
    ...(rubric.groups.length > 0
      ? {
          groups: rubric.groups
            .filter((g) => judges.some((j) => groupOf(j) === g.key))
            .map((g) => ({
              key: g.key,
              weight: g.weight,
              judgeIds: judges.filter((j) => groupOf(j) === g.key).map((j) => j.id),
            })),
        }
      : {}),
  };
}

/** Every participant's result, in ranking order; `only` limits it to some participants (the revealed ones). */
export function rankRows(
  ctx: ContestContext,
  eventId: number,
  only?: (p: PerformanceRecord) => boolean,
): {
  rubric: RubricOut | null;
  rows: (DomainRow & { award: string | null; tiedAward: boolean })[];
  order: ParticipantRecord[];
} {
  const { contest } = ctx;
  const order = orderOf(ctx, eventId);
  const rubric = rubricOf(ctx, eventId);
  if (!rubric) return { rubric, rows: [], order };
  const judges = contest.judges(eventId);
  const conflicts = contest.conflicts(eventId);
  const records = new Map(contest.performances(eventId).map((p) => [p.participantId, p]));
  const sheets = sheetsByPerformance(ctx, eventId);
  const joinedAt = ctx.repos.panels.judgesJoinedAt(eventId);
  const included = order.filter((p) => {
    const record = records.get(p.id);
    return only ? record !== undefined && only(record) : true;
  });
  // Once scoring is closed (a forced lock), a judge without a sheet is out of that speaker's panel, like a recused
  // one: the final comes from the sheets in. Such a judge is still shown as not scored, not as recused.
  const absent = new Map<number, Set<number>>();
  const results = included.map((p) => {
    const record = records.get(p.id);
    const bySheet = record ? sheets.get(record.id) : undefined;
    const closed = record !== undefined && isClosed(record.status);
    // The panel is fixed at the lock: a judge added since scores later speakers only, and is not in this row.
    const panel = judges.filter(
      (j) => !closed || isOnPanel(joinedAt.get(j.id), record.lockedAt) || bySheet?.has(j.id) === true,
    );
    const recused = [...conflicts].filter(([, ids]) => ids.includes(p.id)).map(([id]) => id);
    const out = closed ? panel.filter((j) => !recused.includes(j.id) && !bySheet?.has(j.id)).map((j) => j.id) : [];
    absent.set(p.id, new Set(out));
    const scores = {
      participantId: p.id,
      sheets: [...(bySheet ?? new Map<number, Record<string, number>>())].map(([judgeId, s]) => ({
        judgeId,
        scores: s,
      })),
      recusedJudgeIds: [...recused, ...out],
      deduction: record?.deduction ?? 0,
    };
    return scoreParticipant(
      rulesOf(rubric, panel),
      panel.map((j) => j.id),
      scores,
    );
  });
  const ranked = rankResults(rulesOf(rubric, judges), results).map((row) => ({
    ...row,
    judgeTotals: row.judgeTotals.map((t) =>
      absent.get(row.participantId)?.has(t.judgeId) ? { ...t, recused: false } : t,
    ),
  }));
  return { rubric, rows: assignAwards(ranked, tiersOf(ctx, eventId)), order };
}

/** Whether a judge is on this speaker's panel: fixed at the lock, so a judge added since is not. */
export function onPanelOf(ctx: ContestContext, record: PerformanceRecord): (judgeId: number) => boolean {
  if (!isClosed(record.status)) return () => true;
  const joinedAt = ctx.repos.panels.judgesJoinedAt(record.eventId);
  return (judgeId) => isOnPanel(joinedAt.get(judgeId), record.lockedAt);
}

/** A 409 when the judge joined after this speaker's scores were locked: not on that panel, so no sheet to enter. */
export function requireOnPanel(
  ctx: ContestContext,
  record: PerformanceRecord,
  judge: JudgeRecord,
  participant: ParticipantRecord,
): void {
  if (onPanelOf(ctx, record)(judge.id) || ctx.contest.scoresOf(record.id, judge.id).length > 0) return;
  throw new AppError('conflict', 'error.contest.panelClosed', { judge: judge.name, name: participant.name });
}

/** Who each speaker is and where they spoke, by participant id: the columns both rankings start with. */
function speakerColumns(order: readonly ParticipantRecord[]) {
  const position = new Map(order.map((p, i) => [p.id, { p, order: i + 1 }]));
  return (participantId: number) => {
    const at = position.get(participantId);
    return {
      participantId,
      name: at?.p.name ?? '',
      organization: at?.p.organization ?? null,
      title: at?.p.title ?? null,
      order: at?.order ?? 0,
    };
  };
}

export function ranking(ctx: ContestContext, eventId: number): Ranking {
  requireEvent(ctx, eventId);
  const { rubric, rows, order } = rankRows(ctx, eventId);
  const judges = new Map(ctx.contest.judges(eventId).map((j) => [j.id, j]));
  const records = new Map(ctx.contest.performances(eventId).map((p) => [p.participantId, p]));
  const speaker = speakerColumns(order);
  const decimals = rubric?.decimals ?? 2;
  const listed = rubric
    ? rows
    : order.map((p) => ({
        participantId: p.id,
        rank: null,
        status: 'unscored' as const,
        final: null,
        deduction: 0,
        judgeTotals: [],
        tieBrokenBy: null,
        award: null,
        tiedAward: false,
      }));
  return {
    decimals,
    rows: listed.map((row) => ({
      rank: row.rank,
      ...speaker(row.participantId),
      status: row.status,
      ...(row.final === null ? {} : { final: row.final }),
      deduction: formatHundredths(row.deduction),
      judgeTotals: row.judgeTotals.map((t) => ({
        judgeId: t.judgeId,
        name: judges.get(t.judgeId)?.name ?? '',
        total: t.total === null ? null : formatHundredths(t.total),
        dropped: t.dropped,
        recused: t.recused,
      })),
      tieBrokenBy: row.tieBrokenBy,
      ...(row.award ? { award: row.award, tiedAward: row.tiedAward } : {}),
      revealed: records.get(row.participantId)?.status === 'revealed',
    })),
  };
}

/** 评委N for each judge id: numbered once, in the order the judges were added, so a number is one person all day. */
export function judgeNumbers(ctx: ContestContext, eventId: number): Map<number, number> {
  return new Map(ctx.contest.judges(eventId).map((j, i) => [j.id, i + 1]));
}

/** A speaker's judge totals as the hall sees them: numbered, not named; a recused judge's number is left out. */
export function publicJudgeTotals(
  totals: DomainRow['judgeTotals'],
  numbers: Map<number, number>,
): PublicRanking['rows'][number]['judgeTotals'] {
  return totals
    .filter((t) => !t.recused)
    .map((t) => ({
      judgeNo: numbers.get(t.judgeId) ?? 0,
      total: t.total === null ? null : formatHundredths(t.total),
      dropped: t.dropped,
    }));
}

/** Revealed speakers only, ranked among themselves (a rank must not hint at unrevealed scores). */
export function publicRanking(ctx: ContestContext, eventId: number): PublicRanking {
  const { rubric, rows, order } = rankRows(ctx, eventId, (p) => p.status === 'revealed');
  const speaker = speakerColumns(order);
  const revealed = ctx.contest.performances(eventId).filter((p) => p.status === 'revealed');
  const everyoneRevealed = order.length > 0 && revealed.length === order.length;
  const numbers = judgeNumbers(ctx, eventId);
  return {
    decimals: rubric?.decimals ?? 2,
    rows: rows
      .filter((row) => row.final !== null)
      .map((row) => ({
        rank: row.rank,
        ...speaker(row.participantId),
        ...(row.final === null ? {} : { final: row.final }),
        judgeTotals: publicJudgeTotals(row.judgeTotals, numbers),
        tieBrokenBy: row.tieBrokenBy,
        ...(everyoneRevealed && row.award ? { award: row.award, tiedAward: row.tiedAward } : {}),
      })),
  };
}

export function publishRanking(ctx: ContestContext, eventId: number): void {
  ctx.publish({ type: 'ranking', eventId, ranking: publicRanking(ctx, eventId) });
}

export function awards(ctx: ContestContext, eventId: number): { tiers: Tiers } {
  requireEvent(ctx, eventId);
  return { tiers: tiersOf(ctx, eventId) };
}

export function setAwards(ctx: ContestContext, eventId: number, tiers: Tiers): { tiers: Tiers } {
  requireEvent(ctx, eventId);
  if (tiers.some((t, i) => t.count === null && i !== tiers.length - 1))
    throw new AppError('validation', 'error.contest.awardsCount', {}, 'tiers');
  ctx.repos.transaction(() => {
    const before = tiersOf(ctx, eventId);
    ctx.contest.setAwards(eventId, JSON.stringify(tiers), ctx.stamp());
    audit(ctx, eventId, 'awards', { before, after: tiers });
  });
  publishRanking(ctx, eventId);
  return { tiers };
}
