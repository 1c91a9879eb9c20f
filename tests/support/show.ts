import type { Current, RankingRow } from '../../renderer/screen/show';

// What the projector is told, built once for its unit tests: a speaker on stage and a revealed ranking row.

/** Speaker `participantId` (named 选手N, Nth on the order) in `status`, `elapsedMs` into the speech. */
export function stageSpeaker(participantId: number, status: Current['status'], elapsedMs = 0): Current {
  return {
    participantId,
    name: `选手${participantId}`,
    organization: null,
    title: null,
    order: participantId,
    status,
    startedAt: '2024-07-03T01:00:00Z',
    elapsedMs,
    running: status === 'speaking',
  };
}

/** A revealed row of the public ranking with a final of 90.00. */
export function rankingRow(participantId: number, rank: number, award?: string): RankingRow {
  return {
    rank,
    participantId,
    name: `选手${participantId}`,
    organization: null,
    title: null,
    order: participantId,
    final: '90.00',
    judgeTotals: [],
    tieBrokenBy: null,
    ...(award ? { award, tiedAward: false } : {}),
  };
}
