import type { Database } from 'better-sqlite3';
import { int, optInt, rows, str } from '../rows';

export interface ReportGroupRecord {
  name: string;
  leaderId: number | null;
  recorderId: number | null;
}

/** A session's evaluation form and answers as stored (JSON the report parses; no voter, no participant). */
export interface ReportEvaluationRecord {
  sessionId: number;
  questionsJson: string;
}
export interface ReportAnswerRecord {
  sessionId: number;
  answersJson: string;
}

/** What the class report reads of the discussion groups and course evaluations (their services own the writes). */
export function classReportRepository(db: Database) {
  const q = {
    groups: db.prepare(
      'SELECT name, leader_id, recorder_id FROM discussion_groups WHERE event_id = ? ORDER BY position, id',
    ),
    forms: db.prepare(
      `SELECT f.session_id, f.questions_json FROM evaluation_forms f JOIN sessions s ON s.id = f.session_id
       WHERE s.event_id = ? ORDER BY f.session_id`,
    ),
    answers: db.prepare(
      `SELECT a.session_id, a.answers_json FROM evaluation_answers a JOIN sessions s ON s.id = a.session_id
       WHERE s.event_id = ? ORDER BY a.session_id, a.at, a.id`,
    ),
  };

  return {
    /** The class's discussion groups in the organiser's order. */
    groups(eventId: number): ReportGroupRecord[] {
      return rows(q.groups.all(eventId)).map((row) => ({
        name: str(row, 'name'),
        leaderId: optInt(row, 'leader_id'),
        recorderId: optInt(row, 'recorder_id'),
      }));
    },
    /** Sessions of the class that have an evaluation form (opened at least once). */
    evaluationForms(eventId: number): ReportEvaluationRecord[] {
      return rows(q.forms.all(eventId)).map((row) => ({
        sessionId: int(row, 'session_id'),
        questionsJson: str(row, 'questions_json'),
      }));
    },
    evaluationAnswers(eventId: number): ReportAnswerRecord[] {
      return rows(q.answers.all(eventId)).map((row) => ({
        sessionId: int(row, 'session_id'),
        answersJson: str(row, 'answers_json'),
      }));
    },
  };
}
export type ClassReportRepository = ReturnType<typeof classReportRepository>;
