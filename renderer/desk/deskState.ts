import type { AttendanceCounts, RosterRow, Session } from '../../shared/api/training';
import { sessionCounts } from '../../shared/domain/attendance';
import { isRunning, sessionAtOrNext } from '../../shared/domain/sessionTime';

// The desk's rules that are not about drawing: which session to open, the counts, and what Enter does.

/** The session to open at the desk: the one running now, else the next, else the last. */
export function defaultSessionId(sessions: readonly Session[], now: Date): number | null {
  return sessionAtOrNext(sessions, now)?.id ?? null;
}

export { isRunning };

/** 应到/实到/迟到/请假 of the list on screen; 实到 is `attendedCount` of them. */
export function rosterCounts(rows: readonly RosterRow[]): AttendanceCounts {
  return sessionCounts(
    rows.length,
    rows.map((row) => row.status),
  );
}

/** 实到: on time (or left early) and late together. */
export function attendedCount(counts: AttendanceCounts): number {
  return counts.present + counts.late;
}

/** What the person typed and which row of the filtered list is highlighted. */
export interface Picker {
  query: string;
  highlight: number;
  /** The highlight was moved with ↑/↓ (or a click): Enter may then pick one of several matches. */
  chosen: boolean;
}

export const emptyPicker: Picker = { query: '', highlight: 0, chosen: false };

export type PickerAction = { type: 'type'; query: string } | { type: 'move'; by: 1 | -1; count: number };

export function pickerReducer(state: Picker, action: PickerAction): Picker {
  switch (action.type) {
    case 'type':
      return { query: action.query, highlight: 0, chosen: false };
    case 'move': {
      if (action.count === 0) return state;
      const from = Math.min(state.highlight, action.count - 1);
      const highlight = Math.max(0, Math.min(action.count - 1, from + action.by));
      return { ...state, highlight, chosen: true };
    }
  }
}

export type EnterResult<T> = { kind: 'checkin'; row: T } | { kind: 'choose'; count: number } | { kind: 'none' };

/** Enter checks in only someone the person picked: the one match, or the row they moved the highlight to. */
export function onEnter<T>(matches: readonly T[], picker: Picker): EnterResult<T> {
  if (matches.length === 0) return { kind: 'none' };
  if (matches.length === 1) return { kind: 'checkin', row: matches[0] as T };
  const row = matches[picker.highlight];
  if (picker.chosen && row !== undefined) return { kind: 'checkin', row };
  return { kind: 'choose', count: matches.length };
}
