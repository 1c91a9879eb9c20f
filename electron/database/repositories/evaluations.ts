import type { Database } from 'better-sqlite3';
import { int, isRow, optInt, optStr, rows, str, type Row } from '../rows';

/** A session's evaluation form; `questionsJson` is parsed by the service with its schema. */
export interface EvaluationFormRecord {
  sessionId: number;
  eventId: number;
  open: boolean;
  /** The QR's code; null until the form is first opened (and on an imported form). */
  code: string | null;
  questionsJson: string;
  openedAt: string | null;
  closedAt: string | null;
  updatedAt: string;
}
export type EvaluationFormWrite = Omit<EvaluationFormRecord, 'eventId'>;

/** One anonymous answer: the voter is a keyed hash of a phone, never a participant. */
export interface EvaluationAnswerRecord {
  id: string;
  sessionId: number;
  voter: string;
  answersJson: string;
  venueId: number | null;
  at: string;
}

const toForm = (row: Row): EvaluationFormRecord => ({
  sessionId: int(row, 'session_id'),
  eventId: int(row, 'event_id'),
  open: int(row, 'open') === 1,
  code: optStr(row, 'code'),
  questionsJson: str(row, 'questions_json'),
  openedAt: optStr(row, 'opened_at'),
  closedAt: optStr(row, 'closed_at'),
  updatedAt: str(row, 'updated_at'),
});

const formSelect = 'SELECT f.*, s.event_id FROM evaluation_forms f JOIN sessions s ON s.id = f.session_id';

export function evaluationsRepository(db: Database) {
  const q = {
    form: db.prepare(`${formSelect} WHERE f.session_id = ?`),
    formOfCode: db.prepare(`${formSelect} WHERE f.code = ?`),
    formsOfEvent: db.prepare(`${formSelect} WHERE s.event_id = ? ORDER BY f.session_id`),
    putForm: db.prepare(
      `INSERT INTO evaluation_forms (session_id, open, code, questions_json, opened_at, closed_at, updated_at)
       VALUES (@sessionId, @open, @code, @questionsJson, @openedAt, @closedAt, @updatedAt)
       ON CONFLICT (session_id) DO UPDATE SET open = excluded.open, code = excluded.code,
         questions_json = excluded.questions_json, opened_at = excluded.opened_at, closed_at = excluded.closed_at,
         updated_at = excluded.updated_at`,
    ),
    answerCount: db.prepare('SELECT COUNT(*) AS n FROM evaluation_answers WHERE session_id = ?'),
    voted: db.prepare('SELECT 1 FROM evaluation_answers WHERE session_id = ? AND voter = ?'),
    addAnswer: db.prepare(
      `INSERT INTO evaluation_answers (id, session_id, voter, answers_json, venue_id, at)
       VALUES (@id, @sessionId, @voter, @answersJson, @venueId, @at)`,
    ),
    answersOfEvent: db.prepare(
      `SELECT a.* FROM evaluation_answers a JOIN sessions s ON s.id = a.session_id
       WHERE s.event_id = ? ORDER BY a.session_id, a.rowid`,
    ),
  };

  return {
    form(sessionId: number): EvaluationFormRecord | null {
      const row = q.form.get(sessionId);
      return isRow(row) ? toForm(row) : null;
    },
    formOfCode(code: string): EvaluationFormRecord | null {
      const row = q.formOfCode.get(code);
      return isRow(row) ? toForm(row) : null;
    },
    formsOfEvent(eventId: number): EvaluationFormRecord[] {
      return rows(q.formsOfEvent.all(eventId)).map(toForm);
    },
    putForm(form: EvaluationFormWrite): void {
      q.putForm.run({ ...form, open: form.open ? 1 : 0 });
    },
    answerCount(sessionId: number): number {
      const row = q.answerCount.get(sessionId);
      return isRow(row) ? int(row, 'n') : 0;
    },
    hasVoted(sessionId: number, voter: string): boolean {
      return q.voted.get(sessionId, voter) !== undefined;
    },
    addAnswer(answer: EvaluationAnswerRecord): void {
      q.addAnswer.run(answer);
    },
    /** Every answer of a class's sessions, in the order they were stored here (answers of one moment too). */
    answersOfEvent(eventId: number): EvaluationAnswerRecord[] {
      return rows(q.answersOfEvent.all(eventId)).map((row) => ({
        id: str(row, 'id'),
        sessionId: int(row, 'session_id'),
        voter: str(row, 'voter'),
        answersJson: str(row, 'answers_json'),
        venueId: optInt(row, 'venue_id'),
        at: str(row, 'at'),
      }));
    },
  };
}
export type EvaluationsRepository = ReturnType<typeof evaluationsRepository>;
