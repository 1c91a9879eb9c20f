// What the result documents (the Excel summary, the judges' sheets, the results table) are made of:
// plain data gathered by electron/services/results.ts, so the builders stay pure.
import type { RegisterRow } from '../../shared/api/certificates';
import type { Ranking, Rubric } from '../../shared/api/contest';

export interface DocumentEvent {
  title: string;
  startsOn: string;
  endsOn: string | null;
  venue: string | null;
  organizer: string | null;
}

/** A speaker in the order of appearance (1-based `order`). */
export interface Speaker {
  participantId: number;
  order: number;
  name: string;
  organization: string | null;
  title: string | null;
}

/** A judge in panel order, with the speakers the judge must not score (回避). */
export interface PanelJudge {
  id: number;
  name: string;
  organization: string | null;
  conflicts: number[];
}

/** What a judge entered for one criterion, in hundredths of a point (as stored). */
export interface CriterionScore {
  participantId: number;
  judgeId: number;
  criterionKey: string;
  value: number;
}

export interface ResultsData {
  event: DocumentEvent;
  rubric: Rubric | null;
  ranking: Ranking;
  speakers: Speaker[];
  judges: PanelJudge[];
  scores: CriterionScore[];
  /** The certificate register; empty when none has been issued. */
  certificates: RegisterRow[];
}

/** A judge's sheet for a speaker: criterion key → hundredths; only criteria the judge scored. */
export type Sheet = ReadonlyMap<string, number>;

/** participantId → judgeId → sheet. */
export function sheetsOf(scores: readonly CriterionScore[]): Map<number, Map<number, Map<string, number>>> {
  const bySpeaker = new Map<number, Map<number, Map<string, number>>>();
  for (const s of scores) {
    const byJudge = bySpeaker.get(s.participantId) ?? new Map<number, Map<string, number>>();
    const sheet = byJudge.get(s.judgeId) ?? new Map<string, number>();
    sheet.set(s.criterionKey, s.value);
    byJudge.set(s.judgeId, sheet);
    bySpeaker.set(s.participantId, byJudge);
  }
  return bySpeaker;
}

/** The sum of a sheet in hundredths (exact: integers). */
export function sheetTotal(sheet: Sheet): number {
  let total = 0;
  for (const value of sheet.values()) total += value;
  return total;
}

/** Decimal places a criterion's step needs: 1 → 0, 0.5 and 0.1 → 1, 0.01 → 2. */
export function stepDecimals(step: number): number {
  return step >= 1 ? 0 : step >= 0.1 ? 1 : 2;
}

export function isRecused(judge: PanelJudge, participantId: number): boolean {
  return judge.conflicts.includes(participantId);
}
