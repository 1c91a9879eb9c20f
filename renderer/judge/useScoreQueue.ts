import { useEffect, useRef, useState } from 'react';
import { ApiError, type ApiClient } from '../api/client';
import type { JudgeAnswers } from '../../shared/api/judge';
import {
  createScoreQueue,
  isRetryable,
  memoryStore,
  type KeyValueStore,
  type PendingScore,
  type ScoreQueue,
  type ScoreStatus,
  type SendResult,
} from './pendingScores';

export type Statuses = ReadonlyMap<number, ScoreStatus>;

function browserStore(): KeyValueStore {
  try {
    const probe = 'podium.judge.probe';
    window.localStorage.setItem(probe, '1');
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    return memoryStore();
  }
}

async function sendScore(api: ApiClient<JudgeAnswers>, entry: PendingScore): Promise<SendResult> {
  try {
    const accepted = await api.call('submitScore', {
      params: { pid: String(entry.participantId) },
      body: { scores: entry.scores, submissionId: entry.submissionId },
    });
    return { kind: 'saved', total: accepted.total, savedAt: accepted.savedAt };
  } catch (error) {
    if (!(error instanceof ApiError))
      return { kind: 'retry', message: error instanceof Error ? error.message : String(error) };
    // A 2xx we could not read (a captive portal's page) proves nothing was saved;
    // the same submissionId makes a resend safe.
    if (isRetryable(error.status) || error.status < 300) return { kind: 'retry', message: error.message };
    return { kind: 'rejected', status: error.status, message: error.message, field: error.field };
  }
}

/** The judge's offline queue (pendingScores.ts) on this browser's storage, sending through the API. */
export function useScoreQueue(
  token: string,
  api: ApiClient<JudgeAnswers>,
): { queue: ScoreQueue | null; statuses: Statuses } {
  const apiRef = useRef(api);
  useEffect(() => {
    apiRef.current = api;
  });
  const [queue, setQueue] = useState<ScoreQueue | null>(null);
  const [statuses, setStatuses] = useState<Statuses>(new Map());
  useEffect(() => {
    const created = createScoreQueue({
      store: browserStore(),
      token,
      send: (entry) => sendScore(apiRef.current, entry),
      onChange: setStatuses,
    });
    setQueue(created);
    setStatuses(created.statuses());
    // Sheets left from before a reload or a crash go out first.
    created.flush();
    return () => created.dispose();
  }, [token]);
  return { queue, statuses };
}
