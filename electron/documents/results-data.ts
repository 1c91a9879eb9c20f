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

export interface ResultsData {
  event: DocumentEvent;
  rubric: Rubric | null;
  ranking: Ranking;
  speakers: Speaker[];
  judges: PanelJudge[];
  /** participantId → judgeId → that judge's sheet. */
  sheets: ReadonlyMap<number, ReadonlyMap<number, Sheet>>;
  /** The certificate register; empty when none has been issued. */
  certificates: RegisterRow[];
}

/** A judge's sheet for a speaker: criterion key → hundredths; only criteria the judge scored. */
export type Sheet = Readonly<Record<string, number>>;

/** The sum of a sheet in hundredths (exact: integers). */
export function sheetTotal(sheet: Sheet): number {
  return Object.values(sheet).reduce((sum, value) => sum + value, 0);
}

/** Decimal places a criterion's step needs: 1 → 0, 0.5 and 0.1 → 1, 0.01 → 2. */
export function stepDecimals(step: number): number {
  return step >= 1 ? 0 : step >= 0.1 ? 1 : 2;
}

export function isRecused(judge: PanelJudge, participantId: number): boolean {
  return judge.conflicts.includes(participantId);
}
