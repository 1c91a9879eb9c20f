import type { Database } from 'better-sqlite3';
import { int, isRow, rows, str } from '../rows';

/** What a judge has entered, for the question before deleting them. */
export interface JudgeScoreCounts {
  /** Speakers the judge has a sheet for. */
  scored: number;
  /** Of those, speakers already revealed (their result is public). */
  revealed: number;
}

const waitingKinds = ['judge', 'desk', 'join_code'] as const;

export interface WaitingToken {
  kind: (typeof waitingKinds)[number];
  ownerId: number;
  secret: string;
}

/** How judges reach the host: host-wide settings (the venue address) and the judges' join codes. */
export function judgeAccessRepository(db: Database) {
  const q = {
    setting: db.prepare('SELECT value FROM host_settings WHERE key = ?'),
    putSetting: db.prepare(
      `INSERT INTO host_settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    ),
    joinCode: db.prepare('SELECT code_sealed FROM judge_join_codes WHERE judge_id = ?'),
    judgeOfCode: db.prepare('SELECT judge_id FROM judge_join_codes WHERE code_hash = ?'),
    putJoinCode: db.prepare(
      `INSERT INTO judge_join_codes (judge_id, code_hash, code_sealed, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (judge_id) DO UPDATE SET code_hash = excluded.code_hash, code_sealed = excluded.code_sealed,
         created_at = excluded.created_at`,
    ),
    deleteJoinCode: db.prepare('DELETE FROM judge_join_codes WHERE judge_id = ?'),
    waitingTokens: db.prepare('SELECT kind, owner_id, secret FROM tokens_to_seal ORDER BY kind, owner_id'),
    forgetWaitingTokens: db.prepare('DELETE FROM tokens_to_seal'),
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
    /** The judge's join code, sealed with the host key. */
    joinCode(judgeId: number): string | null {
      const row = q.joinCode.get(judgeId);
      return isRow(row) ? str(row, 'code_sealed') : null;
    },
    judgeOfCode(codeHash: string): number | null {
      const row = q.judgeOfCode.get(codeHash);
      return isRow(row) ? int(row, 'judge_id') : null;
    },
    /** False when the code is taken by another judge (the caller draws again). */
    putJoinCode(judgeId: number, codeHash: string, codeSealed: string, at: string): boolean {
      const owner = this.judgeOfCode(codeHash);
      if (owner !== null && owner !== judgeId) return false;
      q.putJoinCode.run(judgeId, codeHash, codeSealed, at);
      return true;
    },
    /** A shut-out judge has no code: typing the old one finds nobody. */
    deleteJoinCode(judgeId: number): void {
      q.deleteJoinCode.run(judgeId);
    },
    /** Clear tokens of an older database, left by migration 0009 for the host to seal. */
    waitingTokens(): WaitingToken[] {
      return rows(q.waitingTokens.all()).map((row) => {
        const kind = waitingKinds.find((k) => k === str(row, 'kind'));
        if (!kind) throw new Error(`unknown waiting token kind ${str(row, 'kind')}`);
        return { kind, ownerId: int(row, 'owner_id'), secret: str(row, 'secret') };
      });
    },
    forgetWaitingTokens(): void {
      q.forgetWaitingTokens.run();
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
