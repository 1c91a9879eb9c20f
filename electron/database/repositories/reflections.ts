import type { Database } from 'better-sqlite3';
import { int, isRow, optStr, rows, str, type Row } from '../rows';

export interface ReflectionAssignmentRecord {
  id: number;
  eventId: number;
  title: string;
  prompt: string | null;
  dueAt: string;
  /** Null on an assignment that came in an archive, until it is given one. */
  code: string | null;
  createdAt: string;
}
export interface NewReflectionAssignment {
  title: string;
  prompt: string | null;
  dueAt: string;
}

export interface ReflectionRecord {
  id: number;
  assignmentId: number;
  participantId: number;
  title: string;
  body: string;
  excellent: boolean;
  submittedAt: string;
  updatedAt: string;
}

/** What the assignment list counts, per assignment. */
export interface ReflectionCounts {
  submitted: number;
  excellent: number;
}

const toAssignment = (row: Row): ReflectionAssignmentRecord => ({
  id: int(row, 'id'),
  eventId: int(row, 'event_id'),
  title: str(row, 'title'),
  prompt: optStr(row, 'prompt'),
  dueAt: str(row, 'due_at'),
  code: optStr(row, 'code'),
  createdAt: str(row, 'created_at'),
});

const toReflection = (row: Row): ReflectionRecord => ({
  id: int(row, 'id'),
  assignmentId: int(row, 'assignment_id'),
  participantId: int(row, 'participant_id'),
  title: str(row, 'title'),
  body: str(row, 'body'),
  excellent: int(row, 'excellent') === 1,
  submittedAt: str(row, 'submitted_at'),
  updatedAt: str(row, 'updated_at'),
});

/** 学习心得: assignments of a class and the reflections trainees handed in for them. */
export function reflectionsRepository(db: Database) {
  const q = {
    assignments: db.prepare('SELECT * FROM reflection_assignments WHERE event_id = ? ORDER BY due_at, id'),
    assignment: db.prepare('SELECT * FROM reflection_assignments WHERE id = ?'),
    assignmentByCode: db.prepare('SELECT * FROM reflection_assignments WHERE code = ?'),
    insertAssignment: db.prepare(
      `INSERT INTO reflection_assignments (event_id, title, prompt, due_at, code, created_at)
       VALUES (@eventId, @title, @prompt, @dueAt, @code, @at)`,
    ),
    updateAssignment: db.prepare(
      'UPDATE reflection_assignments SET title = @title, prompt = @prompt, due_at = @dueAt WHERE id = @id',
    ),
    setCode: db.prepare('UPDATE reflection_assignments SET code = ? WHERE id = ?'),
    deleteAssignment: db.prepare('DELETE FROM reflection_assignments WHERE id = ?'),
    counts: db.prepare(
      `SELECT count(*) AS submitted, coalesce(sum(excellent), 0) AS excellent FROM reflections
       WHERE assignment_id = ?`,
    ),

    reflections: db.prepare('SELECT * FROM reflections WHERE assignment_id = ? ORDER BY id'),
    reflection: db.prepare('SELECT * FROM reflections WHERE id = ?'),
    reflectionOf: db.prepare('SELECT * FROM reflections WHERE assignment_id = ? AND participant_id = ?'),
    putReflection: db.prepare(
      `INSERT INTO reflections (assignment_id, participant_id, title, body, excellent, submitted_at, updated_at)
       VALUES (@assignmentId, @participantId, @title, @body, 0, @at, @at)
       ON CONFLICT (assignment_id, participant_id) DO UPDATE SET title = excluded.title, body = excluded.body,
         updated_at = excluded.updated_at`,
    ),
    markReflection: db.prepare('UPDATE reflections SET excellent = ? WHERE id = ?'),
  };

  const reflectionOf = (assignmentId: number, participantId: number): ReflectionRecord | null => {
    const row = q.reflectionOf.get(assignmentId, participantId);
    return isRow(row) ? toReflection(row) : null;
  };

  return {
    assignments(eventId: number): ReflectionAssignmentRecord[] {
      return rows(q.assignments.all(eventId)).map(toAssignment);
    },
    assignment(id: number): ReflectionAssignmentRecord | null {
      const row = q.assignment.get(id);
      return isRow(row) ? toAssignment(row) : null;
    },
    assignmentByCode(code: string): ReflectionAssignmentRecord | null {
      const row = q.assignmentByCode.get(code);
      return isRow(row) ? toAssignment(row) : null;
    },
    createAssignment(eventId: number, a: NewReflectionAssignment, code: string, at: string): number {
      return Number(q.insertAssignment.run({ eventId, ...a, code, at }).lastInsertRowid);
    },
    updateAssignment(id: number, a: NewReflectionAssignment): void {
      q.updateAssignment.run({ id, ...a });
    },
    setCode(id: number, code: string): void {
      q.setCode.run(code, id);
    },
    deleteAssignment(id: number): void {
      q.deleteAssignment.run(id);
    },
    counts(assignmentId: number): ReflectionCounts {
      const row = q.counts.get(assignmentId);
      return isRow(row)
        ? { submitted: int(row, 'submitted'), excellent: int(row, 'excellent') }
        : { submitted: 0, excellent: 0 };
    },

    reflections(assignmentId: number): ReflectionRecord[] {
      return rows(q.reflections.all(assignmentId)).map(toReflection);
    },
    reflection(id: number): ReflectionRecord | null {
      const row = q.reflection.get(id);
      return isRow(row) ? toReflection(row) : null;
    },
    reflectionOf,
    /** Hands one in, or replaces the trainee's earlier one (keeping when it was first handed in and its mark). */
    putReflection(r: { assignmentId: number; participantId: number; title: string; body: string }, at: string) {
      q.putReflection.run({ ...r, at });
    },
    markReflection(id: number, excellent: boolean): void {
      q.markReflection.run(excellent ? 1 : 0, id);
    },
  };
}
export type ReflectionsRepository = ReturnType<typeof reflectionsRepository>;
