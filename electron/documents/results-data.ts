// What the result documents (the Excel summary, the judges' sheets, the results table) are made of:
// plain data gathered by electron/services/results.ts, so the builders stay pure.
import type { RegisterRow } from '../../shared/api/certificates';
import type { AuditEntry, Ranking, Rubric } from '../../shared/api/contest';
import type { Locale } from '../../shared/domain/vocabulary';
import { translate } from '../../shared/i18n';

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
  /** Sheets the chief judge entered or changed (from the audit log). */
  notes: ScoreNotes;
}

/** A sheet the chief judge entered from the paper card (补录) or changed (更正), with the reason given. */
export interface ScoreNote {
  kind: 'entered' | 'corrected';
  reason: string | null;
}

/** participantId → judgeId → the chief judge's notes on that judge's sheet, oldest first. */
export type ScoreNotes = ReadonlyMap<number, ReadonlyMap<number, readonly ScoreNote[]>>;

type AuditFacts = Pick<AuditEntry, 'id' | 'actor' | 'action' | 'participantId' | 'judgeId' | 'before' | 'reason'>;

function isEmptySheet(before: unknown): boolean {
  return before === null || before === undefined || (typeof before === 'object' && Object.keys(before).length === 0);
}

/**
 * The notes the documents carry, from the audit log: every write of a judge's sheet for a speaker that the judge
 * did not make. Where the judge had no sheet it was entered from paper (补录), otherwise corrected (更正).
 */
export function scoreNotes(log: readonly AuditFacts[]): ScoreNotes {
  const notes = new Map<number, Map<number, ScoreNote[]>>();
  for (const entry of [...log].sort((a, b) => a.id - b.id)) {
    const { participantId, judgeId } = entry;
    if (participantId === null || judgeId === null || entry.actor.startsWith('judge:')) continue;
    const kind = entry.action === 'enter' || isEmptySheet(entry.before) ? 'entered' : 'corrected';
    const byJudge = notes.get(participantId) ?? new Map<number, ScoreNote[]>();
    byJudge.set(judgeId, [...(byJudge.get(judgeId) ?? []), { kind, reason: entry.reason }]);
    notes.set(participantId, byJudge);
  }
  return notes;
}

/** "更正：评分录入有误" / "补录：评委平板没电，按纸质评分表录入"; `short` gives the word alone, for a narrow cell. */
export function scoreNoteText(note: ScoreNote, locale: Locale, short = false): string {
  const word = note.kind === 'entered' ? 'documents.note.enteredShort' : 'documents.note.correctedShort';
  if (short || note.reason === null || note.reason.trim() === '') return translate(locale, word);
  const key = note.kind === 'entered' ? 'documents.note.entered' : 'documents.note.corrected';
  return translate(locale, key, { reason: note.reason });
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
