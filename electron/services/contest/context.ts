// What every part of the contest service shares: its dependencies and the guarded reads of the event's data.
import type { z } from 'zod';
import { Rubric } from '../../../shared/api/contest';
import type { LiveMessage } from '../../../shared/api/live';
import type { Repositories } from '../../database';
import type { EventRecord } from '../../database/repositories/events';
import type { JudgeRecord } from '../../database/repositories/contest';
import type { ParticipantRecord } from '../../database/repositories/participants';
import { AppError } from '../../errors';
import type { EventsService } from '../events';
import type { TokenVault } from '../tokens';

export type RubricOut = z.output<typeof Rubric>;

/** judgeId → sheet: hundredths by criterion key. */
export type Sheets = Map<number, Record<string, number>>;

export interface ContestDeps {
  repos: Repositories;
  events: EventsService;
  now: () => Date;
  publish: (message: LiveMessage) => void;
  /** Where judges open their page: the LAN address when the LAN is open, else this computer's. */
  joinBase: () => string;
  /** Judges' tokens and join codes: hashed to find them, sealed to reprint cards. */
  vault: TokenVault;
  /** Closes a judge's live sockets (their token was just replaced or revoked). */
  closeJudgeSockets: (judgeId: number) => void;
}

export interface ContestContext extends ContestDeps {
  contest: Repositories['contest'];
  /** Now, as stored: an ISO string. */
  stamp: () => string;
}

export function contestContext(deps: ContestDeps): ContestContext {
  return { ...deps, contest: deps.repos.contest, stamp: () => deps.now().toISOString() };
}

export function parseJson(text: string | null): unknown {
  return text === null ? null : JSON.parse(text);
}

/** The event, or a 404 the organiser can read. */
export function requireEvent(ctx: ContestContext, eventId: number): EventRecord {
  return ctx.events.get(eventId);
}

export function requireParticipant(ctx: ContestContext, eventId: number, participantId: number): ParticipantRecord {
  const participant = ctx.repos.participants.find(participantId);
  if (!participant || participant.eventId !== eventId)
    throw new AppError('not_found', 'error.contest.participantNotFound', { id: participantId });
  return participant;
}

export function requireJudge(ctx: ContestContext, eventId: number, judgeId: number): JudgeRecord {
  const judge = ctx.contest.judge(judgeId);
  if (!judge || judge.eventId !== eventId)
    throw new AppError('not_found', 'error.contest.judgeNotFound', { id: judgeId });
  return judge;
}

export function rubricOf(ctx: ContestContext, eventId: number): RubricOut | null {
  const json = ctx.contest.settings(eventId).rubricJson;
  return json === null ? null : Rubric.parse(JSON.parse(json));
}

export function requireRubric(ctx: ContestContext, eventId: number): RubricOut {
  const rubric = rubricOf(ctx, eventId);
  if (!rubric) throw new AppError('conflict', 'error.contest.noRubric');
  return rubric;
}

/** performanceId → judgeId → sheet: every score of the event, read once. */
export function sheetsByPerformance(ctx: ContestContext, eventId: number): Map<number, Sheets> {
  const map = new Map<number, Sheets>();
  for (const s of ctx.contest.scoresOfEvent(eventId)) {
    const judges: Sheets = map.get(s.performanceId) ?? new Map<number, Record<string, number>>();
    judges.set(s.judgeId, { ...judges.get(s.judgeId), [s.criterionKey]: s.value });
    map.set(s.performanceId, judges);
  }
  return map;
}
