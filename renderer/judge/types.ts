import type { JudgeState } from '../../shared/api/contest';

/** The speaker the judge page shows, as the host describes them. */
export type Speaker = NonNullable<JudgeState['current']>;
/** One of this judge's scores the host has kept. */
export type MyScore = JudgeState['myScores'][number];
