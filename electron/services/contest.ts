import type { z } from 'zod';
import type {
  AuditEntry,
  JudgeSheet,
  AwardsInput,
  Judge,
  JudgeCreate,
  JudgeState,
  Performance,
  PublicRanking,
  PublicShow,
  Ranking,
  RubricInput,
} from '../../shared/api/contest';
import { auditActions, Awards, Rubric } from '../../shared/api/contest';
import type { LiveMessage } from '../../shared/api/live';
import { formatHundredths, parseHundredths } from '../../shared/domain/decimal';
import { drawOrder, newSeed, overtime } from '../../shared/domain/draw';
import {
  assignAwards,
  checkScores,
  judgeGroupKey,
  parseTieBreakRule,
  rankParticipants,
  rulesProblems,
  type Criterion,
  type ParticipantScores,
  type RankingRow as DomainRow,
  type Rules,
  type ScoreProblem,
} from '../../shared/domain/scoring';
import type { MessageKey } from '../../shared/i18n';
import type { Repositories } from '../database';
import type { JudgeRecord, PerformanceRecord } from '../database/repositories/contest';
import type { ParticipantRecord } from '../database/repositories/participants';
import { newToken } from '../lan/auth';
import { AppError } from './errors';
import type { EventsService } from './events';

type RubricOut = z.output<typeof Rubric>;
type Tiers = z.output<typeof AwardsInput>['tiers'];

export interface ContestDeps {
  repos: Repositories;
  events: EventsService;
  now: () => Date;
  publish: (message: LiveMessage) => void;
  /** Where judges open their page: the LAN address when the LAN is open, else this computer's. */
  joinBase: () => string;
}

const scoreProblemKey: Record<ScoreProblem['code'], MessageKey> = {
  missing: 'error.score.missing',
  unknown: 'error.score.unknown',
  'out-of-range': 'error.score.outOfRange',
  'off-step': 'error.score.offStep',
  'not-a-number': 'error.score.notANumber',
};

function parseJson(text: string | null): unknown {
  return text === null ? null : JSON.parse(text);
}

export function contestService({ repos, events, now, publish, joinBase }: ContestDeps) {
  const stamp = () => now().toISOString();
  const { contest } = repos;

  function participantOf(eventId: number, participantId: number): ParticipantRecord {
    const participant = repos.participants.find(participantId);
    if (!participant || participant.eventId !== eventId)
      throw new AppError('not_found', 'error.contest.participantNotFound', { id: participantId });
    return participant;
  }

  function judgeOf(eventId: number, judgeId: number): JudgeRecord {
    const judge = contest.judge(judgeId);
    if (!judge || judge.eventId !== eventId)
      throw new AppError('not_found', 'error.contest.judgeNotFound', { id: judgeId });
    return judge;
  }

  function rubricOf(eventId: number): RubricOut | null {
    const json = contest.settings(eventId).rubricJson;
    return json === null ? null : Rubric.parse(JSON.parse(json));
  }

  function requireRubric(eventId: number): RubricOut {
    const rubric = rubricOf(eventId);
    if (!rubric) throw new AppError('conflict', 'error.contest.noRubric');
    return rubric;
  }

  function tiersOf(eventId: number): Tiers {
    const json = contest.settings(eventId).awardsJson;
    return json === null ? [] : Awards.parse({ tiers: JSON.parse(json) }).tiers;
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

  /** The order of appearance: the drawn or hand-set order, then anyone registered since, by registration. */
  function orderOf(eventId: number): ParticipantRecord[] {
    const registered = repos.participants.listByEvent(eventId);
    const stored = parseJson(contest.settings(eventId).orderJson);
    const ids = Array.isArray(stored) ? stored.filter((v): v is number => typeof v === 'number') : [];
    const byId = new Map(registered.map((p) => [p.id, p]));
    const first = ids.flatMap((id) => byId.get(id) ?? []);
    const placed = new Set(first.map((p) => p.id));
    return [...first, ...registered.filter((p) => !placed.has(p.id))];
  }

  function performanceOf(eventId: number, participantId: number): PerformanceRecord | null {
    return contest.performance(eventId, participantId);
  }

  function elapsedMs(p: PerformanceRecord): number {
    const end = p.finishedAt ? Date.parse(p.finishedAt) : now().getTime();
    return Math.max(0, end - Date.parse(p.startedAt));
  }

  function sheetsByPerformance(eventId: number): Map<number, Map<number, Record<string, number>>> {
    const map = new Map<number, Map<number, Record<string, number>>>();
    for (const s of contest.scoresOfEvent(eventId)) {
      const judges = map.get(s.performanceId) ?? new Map<number, Record<string, number>>();
      judges.set(s.judgeId, { ...judges.get(s.judgeId), [s.criterionKey]: s.value });
      map.set(s.performanceId, judges);
    }
    return map;
  }

  /** participantId → judgeId → sheet (hundredths by criterion key): every score of the event, read once. */
  function sheetsByParticipant(eventId: number): Map<number, Map<number, Record<string, number>>> {
    const byPerformance = sheetsByPerformance(eventId);
    return new Map(
      contest.performances(eventId).flatMap((p) => {
        const sheets = byPerformance.get(p.id);
        return sheets ? [[p.participantId, sheets] as const] : [];
      }),
    );
  }

  /** A judge's saved sheet for a performance: in points as typed (hundredths / 100 prints exactly), its total, when last written. */
  function savedSheet(
    performanceId: number,
    judgeId: number,
  ): { scores: Record<string, number>; total: string; savedAt: string } | null {
    const rows = contest.scoresOf(performanceId, judgeId);
    if (rows.length === 0) return null;
    return {
      scores: Object.fromEntries(rows.map((r) => [r.criterionKey, r.value / 100])),
      total: formatHundredths(rows.reduce((sum, r) => sum + r.value, 0)),
      savedAt: rows.reduce((latest, r) => (r.updatedAt > latest ? r.updatedAt : latest), ''),
    };
  }

  function performanceView(
    participant: ParticipantRecord,
    order: number,
    record: PerformanceRecord | null,
    sheets: Map<number, Map<number, Record<string, number>>>,
    conflicts: Map<number, number[]>,
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
      elapsedMs: record ? elapsedMs(record) : null,
      overtimeSeconds: record?.overtimeSeconds ?? 0,
      deduction: formatHundredths(record?.deduction ?? 0),
      deductionReason: record?.deductionReason ?? null,
      submittedJudgeIds: record ? [...(sheets.get(record.id)?.keys() ?? [])].sort((a, b) => a - b) : [],
      recusedJudgeIds: recused,
    };
  }

  function performances(eventId: number): Performance[] {
    events.get(eventId);
    const records = new Map(contest.performances(eventId).map((p) => [p.participantId, p]));
    const sheets = sheetsByPerformance(eventId);
    const conflicts = contest.conflicts(eventId);
    return orderOf(eventId).map((p, i) => performanceView(p, i + 1, records.get(p.id) ?? null, sheets, conflicts));
  }

  function performance(eventId: number, participantId: number): Performance {
    const found = performances(eventId).find((p) => p.participantId === participantId);
    if (!found) throw new AppError('not_found', 'error.contest.participantNotFound', { id: participantId });
    return found;
  }

  /** Every participant's result, in ranking order; `only` limits it to some participants (the revealed ones). */
  function rankRows(
    eventId: number,
    only?: (p: PerformanceRecord) => boolean,
  ): {
    rubric: RubricOut | null;
    rows: (DomainRow & { award: string | null; tiedAward: boolean })[];
    order: ParticipantRecord[];
  } {
    const order = orderOf(eventId);
    const rubric = rubricOf(eventId);
    if (!rubric) return { rubric, rows: [], order };
    const judges = contest.judges(eventId);
    const conflicts = contest.conflicts(eventId);
    const records = new Map(contest.performances(eventId).map((p) => [p.participantId, p]));
    const sheets = sheetsByPerformance(eventId);
    const included = order.filter((p) => {
      const record = records.get(p.id);
      return only ? record !== undefined && only(record) : true;
    });
    const scores: ParticipantScores[] = included.map((p) => {
      const record = records.get(p.id);
      const bySheet = record ? sheets.get(record.id) : undefined;
      return {
        participantId: p.id,
        sheets: [...(bySheet ?? new Map<number, Record<string, number>>())].map(([judgeId, s]) => ({
          judgeId,
          scores: s,
        })),
        recusedJudgeIds: [...conflicts].filter(([, ids]) => ids.includes(p.id)).map(([id]) => id),
        deduction: record?.deduction ?? 0,
      };
    });
    const ranked = rankParticipants(
      rulesOf(rubric, judges),
      judges.map((j) => j.id),
      scores,
    );
    return { rubric, rows: assignAwards(ranked, tiersOf(eventId)), order };
  }

  function ranking(eventId: number): Ranking {
    events.get(eventId);
    const { rubric, rows, order } = rankRows(eventId);
    const judges = new Map(contest.judges(eventId).map((j) => [j.id, j]));
    const records = new Map(contest.performances(eventId).map((p) => [p.participantId, p]));
    const position = new Map(order.map((p, i) => [p.id, { p, order: i + 1 }]));
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
      rows: listed.map((row) => {
        const at = position.get(row.participantId);
        return {
          rank: row.rank,
          participantId: row.participantId,
          name: at?.p.name ?? '',
          organization: at?.p.organization ?? null,
          title: at?.p.title ?? null,
          order: at?.order ?? 0,
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
        };
      }),
    };
  }

  /** Revealed speakers only, ranked among themselves (a rank must not hint at unrevealed scores). */
  function publicRanking(eventId: number): PublicRanking {
    const { rubric, rows, order } = rankRows(eventId, (p) => p.status === 'revealed');
    const position = new Map(order.map((p, i) => [p.id, { p, order: i + 1 }]));
    const everyoneRevealed =
      order.length > 0 && contest.performances(eventId).filter((p) => p.status === 'revealed').length === order.length;
    return {
      decimals: rubric?.decimals ?? 2,
      rows: rows
        .filter((row) => row.final !== null)
        .map((row) => {
          const at = position.get(row.participantId);
          return {
            rank: row.rank,
            participantId: row.participantId,
            name: at?.p.name ?? '',
            organization: at?.p.organization ?? null,
            title: at?.p.title ?? null,
            order: at?.order ?? 0,
            ...(row.final === null ? {} : { final: row.final }),
            judgeTotals: row.judgeTotals
              .filter((t) => !t.recused)
              .map((t) => ({ total: t.total === null ? null : formatHundredths(t.total), dropped: t.dropped })),
            tieBrokenBy: row.tieBrokenBy,
            ...(everyoneRevealed && row.award ? { award: row.award, tiedAward: row.tiedAward } : {}),
          };
        }),
    };
  }

  /** On the projector: the speaker open for scoring, else the last locked one not yet revealed. */
  function stage(eventId: number): PublicShow['current'] {
    const records = contest.performances(eventId);
    const record = contest.open(eventId) ?? [...records].reverse().find((p) => p.status === 'locked') ?? null;
    if (!record) return null;
    const order = orderOf(eventId);
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
      elapsedMs: elapsedMs(record),
      running: record.status === 'speaking',
    };
  }

  function publishStage(eventId: number): void {
    publish({ type: 'performance', eventId, performance: stage(eventId), timer: rubricOf(eventId)?.timer ?? null });
  }

  function publishProgress(eventId: number, participantId: number): void {
    const view = performance(eventId, participantId);
    const judges = contest.judges(eventId).length;
    publish({
      type: 'scores-progress',
      eventId,
      participantId,
      submittedJudgeIds: view.submittedJudgeIds,
      expected: judges - view.recusedJudgeIds.length,
    });
  }

  function publishRanking(eventId: number): void {
    publish({ type: 'ranking', eventId, ranking: publicRanking(eventId) });
  }

  function audit(
    eventId: number,
    action: (typeof auditActions)[number],
    entry: {
      actor?: string;
      participantId?: number;
      judgeId?: number;
      before?: unknown;
      after?: unknown;
      reason?: string | null;
      submissionId?: string;
    },
  ) {
    contest.audit({ eventId, at: stamp(), actor: entry.actor ?? 'admin', action, ...entry });
  }

  function knownGroup(eventId: number, group: string | undefined): void {
    const groups = rubricOf(eventId)?.groups ?? [];
    if (group && !groups.some((g) => g.key === group))
      throw new AppError('validation', 'error.contest.unknownGroup', { group }, 'group');
  }

  function orderFrozen(eventId: number): void {
    if (contest.performances(eventId).length > 0) throw new AppError('conflict', 'error.contest.orderFrozen');
  }

  function scoreError(criteria: readonly Criterion[], problem: ScoreProblem): AppError {
    const criterion = criteria.find((c) => c.key === problem.key);
    return new AppError(
      'validation',
      scoreProblemKey[problem.code],
      { criterion: criterion?.name ?? problem.key, max: criterion?.max ?? '', step: criterion?.step ?? '' },
      `scores.${problem.key}`,
    );
  }

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

  function wrongStatus(
    p: ParticipantRecord,
    status: Performance['status'],
    action: 'start' | 'finish' | 'lock' | 'reveal',
  ): AppError {
    return new AppError('conflict', 'error.contest.wrongStatus', {
      name: p.name,
      status: `status.${status}`,
      action: `action.${action}`,
    });
  }

  return {
    rubric(eventId: number): RubricOut | null {
      events.get(eventId);
      return rubricOf(eventId);
    },

    putRubric(eventId: number, input: z.output<typeof RubricInput>): RubricOut {
      events.get(eventId);
      const rubric: RubricOut = { ...input, timer: input.timer ?? null };
      const problem = rulesProblems({
        criteria: rubric.criteria,
        aggregation: rubric.aggregation,
        decimals: rubric.decimals,
        tieBreak: input.tieBreak,
      })[0];
      if (problem) throw new AppError('validation', `error.contest.rules.${problem.code}`, {}, problem.field);
      const before = rubricOf(eventId);
      if (before && contest.anyScore(eventId) && JSON.stringify(before.criteria) !== JSON.stringify(rubric.criteria)) {
        throw new AppError('conflict', 'error.contest.rubricFrozen');
      }
      repos.transaction(() => {
        contest.setRubric(eventId, JSON.stringify(rubric), stamp());
        audit(eventId, 'rubric', { before, after: rubric });
      });
      publishRanking(eventId);
      return rubric;
    },

    judges(eventId: number): Judge[] {
      events.get(eventId);
      const conflicts = contest.conflicts(eventId);
      return contest.judges(eventId).map((j) => ({
        id: j.id,
        eventId: j.eventId,
        name: j.name,
        organization: j.organization,
        group: j.group,
        token: j.token,
        joinUrl: `${joinBase()}/#/judge?token=${j.token}`,
        conflicts: conflicts.get(j.id) ?? [],
      }));
    },

    createJudge(eventId: number, input: z.output<typeof JudgeCreate>): Judge {
      events.get(eventId);
      knownGroup(eventId, input.group);
      const judge = repos.transaction(() => {
        const created = contest.createJudge(
          {
            eventId,
            name: input.name,
            organization: input.organization ?? null,
            group: input.group ?? null,
            token: newToken(),
          },
          stamp(),
        );
        audit(eventId, 'judge', {
          judgeId: created.id,
          after: { name: created.name, organization: created.organization, group: created.group },
        });
        return created;
      });
      const found = this.judges(eventId).find((j) => j.id === judge.id);
      if (!found) throw new Error('judge vanished after insert');
      return found;
    },

    /** A typo in a judge's name (it is printed on their card) or their group; the token stays the same. */
    updateJudge(eventId: number, judgeId: number, input: z.output<typeof JudgeCreate>): Judge {
      const judge = judgeOf(eventId, judgeId);
      knownGroup(eventId, input.group);
      const after = { name: input.name, organization: input.organization ?? null, group: input.group ?? null };
      repos.transaction(() => {
        contest.updateJudge({ id: judgeId, ...after });
        audit(eventId, 'judge', {
          judgeId,
          before: { name: judge.name, organization: judge.organization, group: judge.group },
          after,
        });
      });
      publishRanking(eventId);
      const found = this.judges(eventId).find((j) => j.id === judgeId);
      if (!found) throw new Error('judge vanished');
      return found;
    },

    setConflicts(eventId: number, judgeId: number, participantIds: readonly number[]): Judge {
      judgeOf(eventId, judgeId);
      const ids = new Set(repos.participants.listByEvent(eventId).map((p) => p.id));
      if (participantIds.some((id) => !ids.has(id)))
        throw new AppError('validation', 'error.contest.participantsOfEvent', {}, 'participantIds');
      repos.transaction(() => {
        const before = contest.conflicts(eventId).get(judgeId) ?? [];
        contest.setConflicts(judgeId, participantIds);
        audit(eventId, 'conflicts', { judgeId, before, after: [...new Set(participantIds)] });
      });
      const found = this.judges(eventId).find((j) => j.id === judgeId);
      if (!found) throw new Error('judge vanished');
      return found;
    },

    draw(eventId: number, seed?: string): { order: number[]; seed: string } {
      events.get(eventId);
      orderFrozen(eventId);
      const used = seed ?? newSeed();
      const order = drawOrder(
        repos.participants.listByEvent(eventId).map((p) => p.id),
        used,
      );
      repos.transaction(() => {
        contest.setOrder(eventId, JSON.stringify(order), used, stamp());
        audit(eventId, 'draw', { after: { order, seed: used } });
      });
      return { order, seed: used };
    },

    setOrder(eventId: number, order: readonly number[]): { order: number[] } {
      events.get(eventId);
      orderFrozen(eventId);
      const ids = repos.participants.listByEvent(eventId).map((p) => p.id);
      const sorted = [...order].sort((a, b) => a - b);
      if (sorted.length !== ids.length || sorted.some((id, i) => id !== ids[i]))
        throw new AppError('validation', 'error.contest.orderMismatch', {}, 'order');
      repos.transaction(() => {
        contest.setOrder(eventId, JSON.stringify(order), null, stamp());
        audit(eventId, 'order', { after: order });
      });
      return { order: [...order] };
    },

    performances,

    start(eventId: number, participantId: number): Performance {
      events.get(eventId);
      const participant = participantOf(eventId, participantId);
      requireRubric(eventId);
      const current = performanceOf(eventId, participantId);
      if (current) throw wrongStatus(participant, current.status, 'start');
      const open = contest.open(eventId);
      if (open)
        throw new AppError('conflict', 'error.contest.anotherOpen', {
          name: participantOf(eventId, open.participantId).name,
        });
      repos.transaction(() => {
        contest.start(eventId, participantId, stamp());
        audit(eventId, 'start', { participantId });
      });
      publishStage(eventId);
      publishProgress(eventId, participantId);
      return performance(eventId, participantId);
    },

    finish(eventId: number, participantId: number): Performance {
      const participant = participantOf(eventId, participantId);
      const record = performanceOf(eventId, participantId);
      if (!record || record.status !== 'speaking')
        throw wrongStatus(participant, record?.status ?? 'waiting', 'finish');
      const timer = rubricOf(eventId)?.timer ?? null;
      const over = timer
        ? overtime(
            now().getTime() - Date.parse(record.startedAt),
            timer.redAt,
            Math.round(timer.overtimeDeductionPerMinute * 100),
          )
        : { seconds: 0, deduction: 0 };
      const deduction = over.deduction > 0 ? over.deduction : record.deduction;
      repos.transaction(() => {
        contest.finish(record.id, stamp(), over.seconds, deduction, over.deduction > 0 ? 'overtime' : null);
        audit(eventId, 'finish', { participantId, after: { overtimeSeconds: over.seconds, deduction } });
      });
      publishStage(eventId);
      return performance(eventId, participantId);
    },

    lock(eventId: number, participantId: number): Performance {
      const participant = participantOf(eventId, participantId);
      const record = performanceOf(eventId, participantId);
      if (!record || (record.status !== 'speaking' && record.status !== 'scoring'))
        throw wrongStatus(participant, record?.status ?? 'waiting', 'lock');
      repos.transaction(() => {
        contest.lock(record.id, stamp());
        audit(eventId, 'lock', { participantId });
      });
      publishStage(eventId);
      return performance(eventId, participantId);
    },

    reveal(eventId: number, participantId: number): Performance {
      const participant = participantOf(eventId, participantId);
      const record = performanceOf(eventId, participantId);
      if (!record || record.status !== 'locked') throw wrongStatus(participant, record?.status ?? 'waiting', 'reveal');
      const row = rankRows(eventId).rows.find((r) => r.participantId === participantId);
      if (!row || row.final === null) {
        const missing = row?.judgeTotals.filter((t) => t.total === null && !t.recused).length ?? 0;
        throw new AppError('conflict', 'error.contest.incomplete', { name: participant.name, missing });
      }
      repos.transaction(() => {
        contest.reveal(record.id, stamp());
        audit(eventId, 'reveal', { participantId, after: { final: row.final } });
      });
      const shown = publicRanking(eventId).rows.find((r) => r.participantId === participantId);
      publish({
        type: 'reveal',
        eventId,
        participantId,
        name: participant.name,
        organization: participant.organization,
        judgeTotals: row.judgeTotals
          .filter((t) => !t.recused)
          .map((t) => ({ total: t.total === null ? null : formatHundredths(t.total), dropped: t.dropped })),
        deduction: formatHundredths(row.deduction),
        final: row.final,
        rank: shown?.rank ?? null,
      });
      publishRanking(eventId);
      publishStage(eventId);
      return performance(eventId, participantId);
    },

    setDeduction(eventId: number, participantId: number, points: number, reason: string | undefined): Performance {
      const participant = participantOf(eventId, participantId);
      const record = performanceOf(eventId, participantId);
      if (!record) throw new AppError('conflict', 'error.contest.notOpen', { name: participant.name });
      if (record.status === 'revealed')
        throw new AppError('conflict', 'error.contest.revealedFrozen', { name: participant.name });
      const parsed = parseHundredths(points);
      if (!parsed.ok) throw new AppError('validation', 'error.validation.type', { field: 'points' }, 'points');
      repos.transaction(() => {
        contest.setDeduction(record.id, parsed.hundredths, reason ?? null);
        audit(eventId, 'deduction', {
          participantId,
          before: formatHundredths(record.deduction),
          after: formatHundredths(parsed.hundredths),
          reason: reason ?? null,
        });
      });
      return performance(eventId, participantId);
    },

    judgeState(judgeId: number): JudgeState {
      const judge = contest.judge(judgeId);
      if (!judge) throw new AppError('unauthorized', 'error.unauthorized');
      const event = events.get(judge.eventId);
      const rubric = rubricOf(event.id);
      const order = orderOf(event.id);
      const open = contest.open(event.id);
      const conflicts = contest.conflicts(event.id).get(judge.id) ?? [];
      const records = contest.performances(event.id);
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
          const sheet = savedSheet(record.id, judge.id);
          const p = order[indexOf(record.participantId)];
          return sheet && p ? [{ participantId: p.id, name: p.name, order: indexOf(p.id) + 1, ...sheet }] : [];
        }),
      };
    },

    submitScore(
      judgeId: number,
      participantId: number,
      input: Record<string, unknown>,
      submissionId: string,
    ): { total: string; submissionId: string; savedAt: string } {
      const judge = contest.judge(judgeId);
      if (!judge) throw new AppError('unauthorized', 'error.unauthorized');
      const eventId = judge.eventId;
      const seen = contest.submission(submissionId);
      if (seen) {
        const record = performanceOf(eventId, participantId);
        if (seen.judgeId !== judgeId || seen.performanceId !== record?.id)
          throw new AppError('conflict', 'error.contest.submissionReused');
        // The same submission again (a resend after a lost answer): one write, the same answer.
        return { total: formatHundredths(seen.total), submissionId, savedAt: seen.receivedAt };
      }
      const participant = participantOf(eventId, participantId);
      const rubric = requireRubric(eventId);
      const record = performanceOf(eventId, participantId);
      if (!record) throw new AppError('conflict', 'error.contest.notOpen', { name: participant.name });
      if (record.status === 'locked' || record.status === 'revealed')
        throw new AppError('conflict', 'error.contest.locked', { name: participant.name });
      if ((contest.conflicts(eventId).get(judgeId) ?? []).includes(participantId))
        throw new AppError('forbidden', 'error.contest.recused', { name: participant.name });
      const sheet = checkedSheet(rubric, input);
      const savedAt = stamp();
      repos.transaction(() => {
        const before = Object.fromEntries(contest.scoresOf(record.id, judgeId).map((s) => [s.criterionKey, s.value]));
        contest.writeSheet(record.id, judgeId, sheet.scores, savedAt);
        contest.recordSubmission({
          submissionId,
          judgeId,
          performanceId: record.id,
          total: sheet.total,
          receivedAt: savedAt,
        });
        audit(eventId, 'score', {
          actor: `judge:${judgeId}`,
          participantId,
          judgeId,
          before: Object.keys(before).length ? before : null,
          after: sheet.scores,
          submissionId,
        });
      });
      publishProgress(eventId, participantId);
      return { total: formatHundredths(sheet.total), submissionId, savedAt };
    },

    correctScore(
      eventId: number,
      participantId: number,
      judgeId: number,
      input: Record<string, unknown>,
      reason: string,
    ): { total: string; submissionId: string; savedAt: string } {
      const participant = participantOf(eventId, participantId);
      judgeOf(eventId, judgeId);
      const rubric = requireRubric(eventId);
      const record = performanceOf(eventId, participantId);
      if (!record || (record.status !== 'locked' && record.status !== 'revealed'))
        throw new AppError('conflict', 'error.contest.correctionBeforeLock');
      if ((contest.conflicts(eventId).get(judgeId) ?? []).includes(participantId))
        throw new AppError('conflict', 'error.contest.recused', { name: participant.name });
      const sheet = checkedSheet(rubric, input);
      const savedAt = stamp();
      repos.transaction(() => {
        const before = Object.fromEntries(contest.scoresOf(record.id, judgeId).map((s) => [s.criterionKey, s.value]));
        contest.writeSheet(record.id, judgeId, sheet.scores, savedAt);
        audit(eventId, 'correct', {
          participantId,
          judgeId,
          before: Object.keys(before).length ? before : null,
          after: sheet.scores,
          reason,
        });
      });
      publishProgress(eventId, participantId);
      if (record.status === 'revealed') publishRanking(eventId);
      return { total: formatHundredths(sheet.total), submissionId: `correction-${savedAt}`, savedAt };
    },

    /** Every score of the event by speaker and judge (hundredths), for the documents. */
    sheets: sheetsByParticipant,

    /** Every judge's current sheet for one speaker (admin only: the console's correction form starts from it). */
    judgeSheets(eventId: number, participantId: number): JudgeSheet[] {
      participantOf(eventId, participantId);
      const record = performanceOf(eventId, participantId);
      if (!record) return [];
      return contest.judges(eventId).flatMap((judge) => {
        const sheet = savedSheet(record.id, judge.id);
        return sheet ? [{ judgeId: judge.id, judgeName: judge.name, ...sheet }] : [];
      });
    },

    auditLog(eventId: number): AuditEntry[] {
      events.get(eventId);
      const judges = new Map(contest.judges(eventId).map((j) => [j.id, j.name]));
      return contest.auditLog(eventId).map((e) => ({
        id: e.id,
        at: e.at,
        actor: e.actor.startsWith('judge:')
          ? `judge:${judges.get(Number(e.actor.slice(6))) ?? e.actor.slice(6)}`
          : e.actor,
        action: auditActions.find((a) => a === e.action) ?? 'score',
        participantId: e.participantId,
        judgeId: e.judgeId,
        before: parseJson(e.beforeJson),
        after: parseJson(e.afterJson),
        reason: e.reason,
      }));
    },

    ranking,
    publicRanking(eventId: number): PublicRanking {
      events.get(eventId);
      return publicRanking(eventId);
    },

    awards(eventId: number): { tiers: Tiers } {
      events.get(eventId);
      return { tiers: tiersOf(eventId) };
    },

    setAwards(eventId: number, tiers: Tiers): { tiers: Tiers } {
      events.get(eventId);
      if (tiers.some((t, i) => t.count === null && i !== tiers.length - 1))
        throw new AppError('validation', 'error.contest.awardsCount', {}, 'tiers');
      repos.transaction(() => {
        const before = tiersOf(eventId);
        contest.setAwards(eventId, JSON.stringify(tiers), stamp());
        audit(eventId, 'awards', { before, after: tiers });
      });
      publishRanking(eventId);
      return { tiers };
    },

    show(eventId: number): PublicShow {
      const event = events.get(eventId);
      return {
        event: {
          id: event.id,
          title: event.title,
          organizer: event.organizer,
          venue: event.venue,
          startsOn: event.startsOn,
        },
        current: stage(eventId),
        timer: rubricOf(eventId)?.timer ?? null,
        ranking: publicRanking(eventId),
        speakers: event.participantCount,
      };
    },

    /** For the check that a participant can be removed. */
    hasPerformance(eventId: number, participantId: number): boolean {
      return performanceOf(eventId, participantId) !== null;
    },

    judgeByToken(token: string): JudgeRecord | null {
      return contest.judgeByToken(token);
    },
  };
}
export type ContestService = ReturnType<typeof contestService>;
