import type { z } from 'zod';
import type { Judge, Performance } from '../../../shared/api/contest';
import type { ScoresProgressMessage } from '../../../shared/api/live';

// The live message's own type (not renderer/api's alias), so this stays a pure module the unit tests can load.
type ScoresProgress = z.infer<typeof ScoresProgressMessage>;

type Submissions = Pick<Performance, 'participantId' | 'submittedJudgeIds' | 'recusedJudgeIds'>;

/** Judge ids with a sheet in for this speaker: the performance as loaded plus a newer live progress message. */
export function submittedJudgeIds(performance: Submissions, progress: ScoresProgress | null): Set<number> {
  const submitted = new Set(performance.submittedJudgeIds);
  if (progress && progress.participantId === performance.participantId) {
    for (const jid of progress.submittedJudgeIds) submitted.add(jid);
  }
  return submitted;
}

/** The judges who are to score this speaker (not recused) and have not submitted: locking asks about them. */
export function missingJudges<J extends Pick<Judge, 'id'>>(
  performance: Submissions,
  judges: readonly J[],
  progress: ScoresProgress | null,
): J[] {
  const submitted = submittedJudgeIds(performance, progress);
  return judges.filter((j) => !performance.recusedJudgeIds.includes(j.id) && !submitted.has(j.id));
}
