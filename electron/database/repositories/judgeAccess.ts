import type { Database } from 'better-sqlite3';
import { int, isRow, str } from '../rows';

/** What a judge has entered, for the question before deleting them. */
export interface JudgeScoreCounts {
  /** Speakers the judge has a sheet for. */
  scored: number;
  /** Of those, speakers already revealed (their result is public). */
  revealed: number;
}

/** How judges reach the host: host-wide settings (the venue address) and the judges' join codes. */
export function judgeAccessRepository(db: Database) {
  const q = {
    setting: db.prepare('SELECT value FROM host_settings WHERE key = ?'),
    putSetting: db.prepare(
      `INSERT INTO host_settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    ),
    joinCode: db.prepare('SELECT code FROM judge_join_codes WHERE judge_id = ?'),
    judgeOfCode: db.prepare('SELECT judge_id FROM judge_join_codes WHERE code = ?'),
    putJoinCode: db.prepare(
      `INSERT INTO judge_join_codes (judge_id, code, created_at) VALUES (?, ?, ?)
       ON CONFLICT (judge_id) DO UPDATE SET code = excluded.code, created_at = excluded.created_at`,
    ),
    scoreCounts: db.prepare(
      `SELECT COUNT(DISTINCT s.performance_id) AS scored,
              COUNT(DISTINCT CASE WHEN p.status = 'revealed' THEN s.performance_id END) AS revealed
       FROM scores s JOIN performances p ON p.id = s.performance_id WHERE s.judge_id = ?`,
    ),
    deleteScores: db.prepare('DELETE FROM scores WHERE judge_id = ?'),
    deleteSubmissions: db.prepare('DELETE FROM score_submissions WHERE judge_id = ?'),
    deleteJudge: db.prepare('DELETE FROM judges WHERE id = ?'),
  };

  return {
    setting(key: string): string | null {
      const row = q.setting.get(key);
      return isRow(row) ? str(row, 'value') : null;
    },
    putSetting(key: string, value: string, at: string): void {
      q.putSetting.run(key, value, at);
    },
    joinCode(judgeId: number): string | null {
      const row = q.joinCode.get(judgeId);
      return isRow(row) ? str(row, 'code') : null;
    },
    judgeOfCode(code: string): number | null {
      const row = q.judgeOfCode.get(code);
      return isRow(row) ? int(row, 'judge_id') : null;
    },
    /** False when the code is taken by another judge (the caller draws again). */
    putJoinCode(judgeId: number, code: string, at: string): boolean {
      const owner = this.judgeOfCode(code);
      if (owner !== null && owner !== judgeId) return false;
      q.putJoinCode.run(judgeId, code, at);
      return true;
    },
    scoreCounts(judgeId: number): JudgeScoreCounts {
      const row = q.scoreCounts.get(judgeId);
      return isRow(row) ? { scored: int(row, 'scored'), revealed: int(row, 'revealed') } : { scored: 0, revealed: 0 };
    },
    /** The judge, their sheets and submissions; conflicts and the join code go with the row (cascade). */
    deleteJudge(judgeId: number): void {
      q.deleteScores.run(judgeId);
      q.deleteSubmissions.run(judgeId);
      q.deleteJudge.run(judgeId);
    },
  };
}
export type JudgeAccessRepository = ReturnType<typeof judgeAccessRepository>;
