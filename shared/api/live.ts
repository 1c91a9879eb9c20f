import { z } from 'zod';
import { attendanceStatuses } from '../domain/attendance';
import { PublicRanking, PublicRankingRow, PublicShow } from './contest';
import { idParam } from './fields';
import { ScreenState } from './screen';

// Every message pushed over WS /api/live: the five types of API v1, and `screen` (the console drives the projector).

export const PerformanceMessage = z.object({
  type: z.literal('performance'),
  eventId: z.number().int(),
  /** The speaker on stage (speaking or being scored), or null between speakers. */
  performance: PublicShow.shape.current,
  timer: PublicShow.shape.timer,
});

export const ScoresProgressMessage = z.object({
  type: z.literal('scores-progress'),
  eventId: z.number().int(),
  participantId: z.number().int(),
  submittedJudgeIds: z.array(z.number().int()),
  expected: z.number().int(),
});

export const RevealMessage = z.object({
  type: z.literal('reveal'),
  eventId: z.number().int(),
  participantId: z.number().int(),
  name: z.string(),
  organization: z.string().nullable(),
  judgeTotals: PublicRankingRow.shape.judgeTotals,
  deduction: z.string(),
  final: z.string(),
  rank: z.number().int().nullable(),
});

export const RankingMessage = z.object({
  type: z.literal('ranking'),
  eventId: z.number().int(),
  ranking: PublicRanking,
});

export const AttendanceMessage = z.object({
  type: z.literal('attendance'),
  eventId: z.number().int(),
  sessionId: z.number().int(),
  expected: z.number().int(),
  present: z.number().int(),
  late: z.number().int(),
  leave: z.number().int(),
  /** Whose status changed (null status: a check-in undone); the hub sends it to admin and desk sockets only. */
  trainee: z
    .object({
      participantId: z.number().int(),
      name: z.string(),
      group: z.string().nullable(),
      status: z.enum(attendanceStatuses).nullable(),
    })
    .optional(),
});

/** A course evaluation was answered (or opened, closed): counts only, never who answered or what. */
export const EvaluationMessage = z.object({
  type: z.literal('evaluation'),
  eventId: z.number().int(),
  sessionId: z.number().int(),
  responses: z.number().int(),
  expected: z.number().int(),
});

/** The console changed what the projector shows (or its language). */
export const ScreenMessage = ScreenState.extend({
  type: z.literal('screen'),
  eventId: z.number().int(),
});

export const LiveMessage = z.discriminatedUnion('type', [
  PerformanceMessage,
  ScoresProgressMessage,
  RevealMessage,
  RankingMessage,
  AttendanceMessage,
  ScreenMessage,
  EvaluationMessage,
]);
export type LiveMessage = z.infer<typeof LiveMessage>;
export type LiveMessageType = LiveMessage['type'];

/** Who may receive each kind of message: scores progress is for the console only. */
export const liveAudience: Record<LiveMessageType, 'public' | 'admin'> = {
  performance: 'public',
  'scores-progress': 'admin',
  reveal: 'public',
  ranking: 'public',
  attendance: 'public',
  screen: 'public',
  evaluation: 'public',
};

export const LiveQuery = z.object({
  event: idParam,
  token: z.string().max(200).optional(),
});
