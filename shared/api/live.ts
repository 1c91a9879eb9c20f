import { z } from 'zod';

// Every message pushed over WS /api/live. `type` is one of the five of API v1.

const performanceStatuses = ['waiting', 'speaking', 'scoring', 'locked', 'revealed'] as const;

export const PerformanceMessage = z.object({
  type: z.literal('performance'),
  eventId: z.number().int(),
  performance: z
    .object({
      participantId: z.number().int(),
      name: z.string(),
      organization: z.string().nullable(),
      title: z.string().nullable(),
      order: z.number().int(),
      status: z.enum(performanceStatuses),
      startedAt: z.string().nullable(),
    })
    .nullable(),
});

export const ScoresProgressMessage = z.object({
  type: z.literal('scores-progress'),
  eventId: z.number().int(),
  participantId: z.number().int(),
  submittedJudgeIds: z.array(z.number().int()),
  expected: z.number().int(),
});

const PublicJudgeTotal = z.object({ total: z.string(), dropped: z.enum(['high', 'low']).nullable() });

export const RevealMessage = z.object({
  type: z.literal('reveal'),
  eventId: z.number().int(),
  participantId: z.number().int(),
  judgeTotals: z.array(PublicJudgeTotal),
  final: z.string(),
});

export const RankingMessage = z.object({
  type: z.literal('ranking'),
  eventId: z.number().int(),
  rows: z.array(
    z.object({
      rank: z.number().int(),
      participantId: z.number().int(),
      name: z.string(),
      organization: z.string().nullable(),
      final: z.string(),
      award: z.string().optional(),
    }),
  ),
});

export const AttendanceMessage = z.object({
  type: z.literal('attendance'),
  eventId: z.number().int(),
  sessionId: z.number().int(),
  present: z.number().int(),
  expected: z.number().int(),
});

export const LiveMessage = z.discriminatedUnion('type', [
  PerformanceMessage,
  ScoresProgressMessage,
  RevealMessage,
  RankingMessage,
  AttendanceMessage,
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
};

export const LiveQuery = z.object({
  event: z.string().regex(/^\d+$/).transform(Number),
  token: z.string().optional(),
});
