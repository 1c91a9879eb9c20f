import type { Database } from 'better-sqlite3';
import type { PerformanceStatus } from '../../../shared/domain/performance';
import { int, isRow, optStr, rows, str, type Row } from '../rows';

export interface SettingsRecord {
  rubricJson: string | null;
  awardsJson: string | null;
  orderJson: string | null;
  drawSeed: string | null;
}

export interface JudgeRecord {
  id: number;
  eventId: number;
  name: string;
  organization: string | null;
  group: string | null;
  /** SHA-256 of the judge's token; null while the judge is shut out (停用). */
  tokenHash: string | null;
  /** The token sealed with the host key, to reprint the card. */
  tokenSealed: string | null;
}

// Every status but 'waiting': a performance row is written when the speaker starts.
export const storedStatuses = [
  'speaking',
  'scoring',
  'locked',
  'revealed',
] as const satisfies readonly PerformanceStatus[];
export type StoredStatus = (typeof storedStatuses)[number];

export interface PerformanceRecord {
  id: number;
  eventId: number;
  participantId: number;
  status: StoredStatus;
  startedAt: string;
  finishedAt: string | null;
  lockedAt: string | null;
  revealedAt: string | null;
  overtimeSeconds: number;
  deduction: number;
  deductionReason: string | null;
}

export interface ScoreRecord {
  performanceId: number;
  judgeId: number;
  criterionKey: string;
  value: number;
  updatedAt: string;
}

export interface SubmissionRecord {
  submissionId: string;
  judgeId: number;
  performanceId: number;
  total: number;
  receivedAt: string;
}

export interface AuditInput {
  eventId: number;
  at: string;
  actor: string;
  action: string;
  participantId?: number | null;
  judgeId?: number | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  submissionId?: string | null;
}

export interface AuditRecord {
  id: number;
  at: string;
  actor: string;
  action: string;
  participantId: number | null;
  judgeId: number | null;
  beforeJson: string | null;
  afterJson: string | null;
  reason: string | null;
}

const optInt = (row: Row, column: string): number | null =>
  row[column] === null || row[column] === undefined ? null : int(row, column);

function statusOf(value: string): StoredStatus {
  const status = storedStatuses.find((s) => s === value);
  if (!status) throw new Error(`unknown performance status ${value}`);
  return status;
}

const toJudge = (row: Row): JudgeRecord => ({
  id: int(row, 'id'),
  eventId: int(row, 'event_id'),
  name: str(row, 'name'),
  organization: optStr(row, 'organization'),
  group: optStr(row, 'group_key'),
  tokenHash: optStr(row, 'token_hash'),
  tokenSealed: optStr(row, 'token_sealed'),
});

const toPerformance = (row: Row): PerformanceRecord => ({
  id: int(row, 'id'),
  eventId: int(row, 'event_id'),
  participantId: int(row, 'participant_id'),
  status: statusOf(str(row, 'status')),
  startedAt: str(row, 'started_at'),
  finishedAt: optStr(row, 'finished_at'),
  lockedAt: optStr(row, 'locked_at'),
  revealedAt: optStr(row, 'revealed_at'),
  overtimeSeconds: int(row, 'overtime_seconds'),
  deduction: int(row, 'deduction'),
  deductionReason: optStr(row, 'deduction_reason'),
});

const toScore = (row: Row): ScoreRecord => ({
  performanceId: int(row, 'performance_id'),
  judgeId: int(row, 'judge_id'),
  criterionKey: str(row, 'criterion_key'),
  value: int(row, 'value'),
  updatedAt: str(row, 'updated_at'),
});

export function contestRepository(db: Database) {
  const q = {
    settings: db.prepare('SELECT * FROM contest_settings WHERE event_id = ?'),
    ensureSettings: db.prepare('INSERT OR IGNORE INTO contest_settings (event_id, updated_at) VALUES (?, ?)'),
    setRubric: db.prepare('UPDATE contest_settings SET rubric_json = ?, updated_at = ? WHERE event_id = ?'),
    setAwards: db.prepare('UPDATE contest_settings SET awards_json = ?, updated_at = ? WHERE event_id = ?'),
    setOrder: db.prepare(
      'UPDATE contest_settings SET order_json = ?, draw_seed = ?, updated_at = ? WHERE event_id = ?',
    ),
    insertJudge: db.prepare(
      `INSERT INTO judges (event_id, name, organization, group_key, token_hash, token_sealed, created_at)
       VALUES (@eventId, @name, @organization, @group, @tokenHash, @tokenSealed, @createdAt)`,
    ),
    updateJudge: db.prepare(
      'UPDATE judges SET name = @name, organization = @organization, group_key = @group WHERE id = @id',
    ),
    judge: db.prepare('SELECT * FROM judges WHERE id = ?'),
    judgeByTokenHash: db.prepare('SELECT * FROM judges WHERE token_hash = ?'),
    setJudgeToken: db.prepare('UPDATE judges SET token_hash = ?, token_sealed = ? WHERE id = ?'),
    judges: db.prepare('SELECT * FROM judges WHERE event_id = ? ORDER BY id'),
    conflicts: db.prepare(
      `SELECT c.judge_id, c.participant_id FROM judge_conflicts c
       JOIN judges j ON j.id = c.judge_id WHERE j.event_id = ?`,
    ),
    clearConflicts: db.prepare('DELETE FROM judge_conflicts WHERE judge_id = ?'),
    addConflict: db.prepare('INSERT INTO judge_conflicts (judge_id, participant_id) VALUES (?, ?)'),
    performances: db.prepare('SELECT * FROM performances WHERE event_id = ? ORDER BY id'),
    performance: db.prepare('SELECT * FROM performances WHERE event_id = ? AND participant_id = ?'),
    open: db.prepare(
      "SELECT * FROM performances WHERE event_id = ? AND status IN ('speaking', 'scoring') ORDER BY id DESC LIMIT 1",
    ),
    insertPerformance: db.prepare(
      "INSERT INTO performances (event_id, participant_id, status, started_at) VALUES (?, ?, 'speaking', ?)",
    ),
    finish: db.prepare(
      `UPDATE performances SET status = 'scoring', finished_at = ?, overtime_seconds = ?, deduction = ?,
       deduction_reason = COALESCE(?, deduction_reason) WHERE id = ?`,
    ),
    lock: db.prepare(
      `UPDATE performances SET status = 'locked', locked_at = ?, finished_at = COALESCE(finished_at, ?)
       WHERE id = ?`,
    ),
    reveal: db.prepare("UPDATE performances SET status = 'revealed', revealed_at = ? WHERE id = ?"),
    deduction: db.prepare('UPDATE performances SET deduction = ?, deduction_reason = ? WHERE id = ?'),
    scoresOfEvent: db.prepare(
      'SELECT s.* FROM scores s JOIN performances p ON p.id = s.performance_id WHERE p.event_id = ?',
    ),
    scoresOf: db.prepare('SELECT * FROM scores WHERE performance_id = ? AND judge_id = ?'),
    upsertScore: db.prepare(
      `INSERT INTO scores (performance_id, judge_id, criterion_key, value, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (performance_id, judge_id, criterion_key)
       DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    ),
    deleteScores: db.prepare('DELETE FROM scores WHERE performance_id = ? AND judge_id = ?'),
    anyScore: db.prepare(
      'SELECT 1 FROM scores s JOIN performances p ON p.id = s.performance_id WHERE p.event_id = ? LIMIT 1',
    ),
    submission: db.prepare('SELECT * FROM score_submissions WHERE submission_id = ?'),
    insertSubmission: db.prepare(
      `INSERT INTO score_submissions (submission_id, judge_id, performance_id, total, received_at)
       VALUES (?, ?, ?, ?, ?)`,
    ),
    insertAudit: db.prepare(
      `INSERT INTO audit_log
       (event_id, at, actor, action, participant_id, judge_id, before_json, after_json, reason, submission_id)
       VALUES (@eventId, @at, @actor, @action, @participantId, @judgeId, @before, @after, @reason, @submissionId)`,
    ),
    audit: db.prepare('SELECT * FROM audit_log WHERE event_id = ? ORDER BY id DESC'),
  };

  return {
    settings(eventId: number): SettingsRecord {
      const row = q.settings.get(eventId);
      if (!isRow(row)) return { rubricJson: null, awardsJson: null, orderJson: null, drawSeed: null };
      return {
        rubricJson: optStr(row, 'rubric_json'),
        awardsJson: optStr(row, 'awards_json'),
        orderJson: optStr(row, 'order_json'),
        drawSeed: optStr(row, 'draw_seed'),
      };
    },
    setRubric(eventId: number, json: string, at: string): void {
      q.ensureSettings.run(eventId, at);
      q.setRubric.run(json, at, eventId);
    },
    setAwards(eventId: number, json: string, at: string): void {
      q.ensureSettings.run(eventId, at);
      q.setAwards.run(json, at, eventId);
    },
    setOrder(eventId: number, json: string, seed: string | null, at: string): void {
      q.ensureSettings.run(eventId, at);
      q.setOrder.run(json, seed, at, eventId);
    },

    createJudge(
      j: {
        eventId: number;
        name: string;
        organization: string | null;
        group: string | null;
        tokenHash: string;
        tokenSealed: string;
      },
      at: string,
    ): JudgeRecord {
      const { lastInsertRowid } = q.insertJudge.run({ ...j, createdAt: at });
      const row = q.judge.get(Number(lastInsertRowid));
      if (!isRow(row)) throw new Error('judge vanished after insert');
      return toJudge(row);
    },
    updateJudge(j: { id: number; name: string; organization: string | null; group: string | null }): void {
      q.updateJudge.run(j);
    },
    judge(id: number): JudgeRecord | null {
      const row = q.judge.get(id);
      return isRow(row) ? toJudge(row) : null;
    },
    judgeByTokenHash(hash: string): JudgeRecord | null {
      const row = q.judgeByTokenHash.get(hash);
      return isRow(row) ? toJudge(row) : null;
    },
    /** A new token (both null: the judge is shut out); the old one stops matching at once. */
    setJudgeToken(judgeId: number, hash: string | null, sealed: string | null): void {
      q.setJudgeToken.run(hash, sealed, judgeId);
    },
    judges(eventId: number): JudgeRecord[] {
      return rows(q.judges.all(eventId)).map(toJudge);
    },
    /** judge id → participant ids the judge must not score. */
    conflicts(eventId: number): Map<number, number[]> {
      const map = new Map<number, number[]>();
      for (const row of rows(q.conflicts.all(eventId))) {
        const judgeId = int(row, 'judge_id');
        map.set(judgeId, [...(map.get(judgeId) ?? []), int(row, 'participant_id')]);
      }
      return map;
    },
    setConflicts(judgeId: number, participantIds: readonly number[]): void {
      q.clearConflicts.run(judgeId);
      for (const id of new Set(participantIds)) q.addConflict.run(judgeId, id);
    },

    performances(eventId: number): PerformanceRecord[] {
      return rows(q.performances.all(eventId)).map(toPerformance);
    },
    performance(eventId: number, participantId: number): PerformanceRecord | null {
      const row = q.performance.get(eventId, participantId);
      return isRow(row) ? toPerformance(row) : null;
    },
    /** The performance open for scoring (speaking or scoring), if any. */
    open(eventId: number): PerformanceRecord | null {
      const row = q.open.get(eventId);
      return isRow(row) ? toPerformance(row) : null;
    },
    start(eventId: number, participantId: number, at: string): void {
      q.insertPerformance.run(eventId, participantId, at);
    },
    finish(id: number, at: string, overtimeSeconds: number, deduction: number, reason: string | null): void {
      q.finish.run(at, overtimeSeconds, deduction, reason, id);
    },
    lock(id: number, at: string): void {
      q.lock.run(at, at, id);
    },
    reveal(id: number, at: string): void {
      q.reveal.run(at, id);
    },
    setDeduction(id: number, hundredths: number, reason: string | null): void {
      q.deduction.run(hundredths, reason, id);
    },

    scoresOfEvent(eventId: number): ScoreRecord[] {
      return rows(q.scoresOfEvent.all(eventId)).map(toScore);
    },
    scoresOf(performanceId: number, judgeId: number): ScoreRecord[] {
      return rows(q.scoresOf.all(performanceId, judgeId)).map(toScore);
    },
    /** Replaces a judge's whole sheet for a performance. */
    writeSheet(performanceId: number, judgeId: number, sheet: Readonly<Record<string, number>>, at: string): void {
      q.deleteScores.run(performanceId, judgeId);
      for (const [key, value] of Object.entries(sheet)) q.upsertScore.run(performanceId, judgeId, key, value, at);
    },
    anyScore(eventId: number): boolean {
      return q.anyScore.get(eventId) !== undefined;
    },
    submission(submissionId: string): SubmissionRecord | null {
      const row = q.submission.get(submissionId);
      if (!isRow(row)) return null;
      return {
        submissionId: str(row, 'submission_id'),
        judgeId: int(row, 'judge_id'),
        performanceId: int(row, 'performance_id'),
        total: int(row, 'total'),
        receivedAt: str(row, 'received_at'),
      };
    },
    recordSubmission(s: SubmissionRecord): void {
      q.insertSubmission.run(s.submissionId, s.judgeId, s.performanceId, s.total, s.receivedAt);
    },

    audit(entry: AuditInput): void {
      q.insertAudit.run({
        eventId: entry.eventId,
        at: entry.at,
        actor: entry.actor,
        action: entry.action,
        participantId: entry.participantId ?? null,
        judgeId: entry.judgeId ?? null,
        before: entry.before === undefined ? null : JSON.stringify(entry.before),
        after: entry.after === undefined ? null : JSON.stringify(entry.after),
        reason: entry.reason ?? null,
        submissionId: entry.submissionId ?? null,
      });
    },
    auditLog(eventId: number): AuditRecord[] {
      return rows(q.audit.all(eventId)).map((row) => ({
        id: int(row, 'id'),
        at: str(row, 'at'),
        actor: str(row, 'actor'),
        action: str(row, 'action'),
        participantId: optInt(row, 'participant_id'),
        judgeId: optInt(row, 'judge_id'),
        beforeJson: optStr(row, 'before_json'),
        afterJson: optStr(row, 'after_json'),
        reason: optStr(row, 'reason'),
      }));
    },
  };
}
export type ContestRepository = ReturnType<typeof contestRepository>;
