// A judge's scores on their way to the host. Every submit is written to storage before it is
// sent and leaves storage only when the host has answered, so a dropped Wi-Fi, a closed lid or a
// reload never loses a score. Storage, sending and timers are passed in (tests use fakes).

import { z } from 'zod/mini';

/** The part of the Web Storage API the queue uses; a Map-backed fake does in tests. */
export interface KeyValueStore {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Stands in when the browser refuses localStorage (some private windows): the queue then lasts as long as the page. */
export function memoryStore(): KeyValueStore {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    key: (index) => [...map.keys()][index] ?? null,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

const PendingScore = z.object({
  participantId: z.number().check(z.int(), z.positive()),
  scores: z.record(z.string(), z.number()),
  submissionId: z.string().check(z.minLength(8)),
  /** When the judge pressed submit (ISO), to show how long it has been waiting. */
  queuedAt: z.string(),
  /** Who it is for, to list it while the host has not confirmed it. */
  speaker: z.optional(z.object({ name: z.string(), order: z.number().check(z.int()) })),
});
export type PendingScore = z.infer<typeof PendingScore>;

const keyPrefix = 'podium.judge.pending.';

/** A short fingerprint of the token, so storage keys do not spell out the judge's secret. */
export function tokenTag(token: string): string {
  // FNV-1a, 32 bits: enough to keep two judges' queues apart on one shared laptop.
  let hash = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) {
    hash ^= token.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

export function pendingKey(token: string, participantId: number): string {
  return `${keyPrefix}${tokenTag(token)}.${participantId}`;
}

/** Writes the entry; false when storage refused (blocked or full): the queue still holds it in memory. */
export function writePending(store: KeyValueStore, token: string, entry: PendingScore): boolean {
  try {
    store.setItem(pendingKey(token, entry.participantId), JSON.stringify(entry));
    return true;
  } catch {
    return false;
  }
}

/** The stored entries of this judge, oldest first; unreadable ones are skipped. */
export function readPending(store: KeyValueStore, token: string): PendingScore[] {
  const prefix = `${keyPrefix}${tokenTag(token)}.`;
  const entries: PendingScore[] = [];
  try {
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key === null || !key.startsWith(prefix)) continue;
      const raw = store.getItem(key);
      if (raw === null) continue;
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        continue;
      }
      const parsed = PendingScore.safeParse(json);
      if (parsed.success && key === `${prefix}${parsed.data.participantId}`) entries.push(parsed.data);
    }
  } catch {
    return entries;
  }
  return entries.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
}

/** Removes the entry only if it is still this submission: a newer one for the same speaker stays. */
export function removePending(store: KeyValueStore, token: string, participantId: number, submissionId: string): void {
  try {
    const key = pendingKey(token, participantId);
    const raw = store.getItem(key);
    if (raw === null) return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      json = undefined;
    }
    const parsed = PendingScore.safeParse(json);
    if (!parsed.success || parsed.data.submissionId === submissionId) store.removeItem(key);
  } catch {
    // Storage gone: nothing to clean up.
  }
}

/** What sending one entry came to. */
export type SendResult =
  | { kind: 'saved'; total: string; savedAt: string }
  /** The host said no for good (bad value, locked, recused): resending cannot help. */
  | { kind: 'rejected'; status: number; message: string; field?: string | undefined }
  /** The host could not be reached or failed: keep it and try again. */
  | { kind: 'retry'; message: string };

/** Network trouble and server failures are worth retrying; any other 4xx is the host's final word. */
export function isRetryable(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}

/** Waits before the n-th retry (1-based): 1 s, 2 s, 4 s, 8 s, then every 15 s; `jitter` in [0, 1). */
export function retryDelayMs(attempt: number, jitter = 0.5): number {
  const base = Math.min(15_000, 1000 * 2 ** Math.max(0, Math.min(attempt - 1, 4)));
  // ±20% keeps a room of judges' phones from all knocking at the same moment.
  return Math.round(base * (0.8 + jitter * 0.4));
}

export type ScoreStatus =
  | {
      state: 'pending';
      participantId: number;
      submissionId: string;
      scores: Record<string, number>;
      attempts: number;
      lastError?: string | undefined;
    }
  | {
      state: 'saved';
      participantId: number;
      submissionId: string;
      scores: Record<string, number>;
      total: string;
      savedAt: string;
    }
  | {
      state: 'error';
      participantId: number;
      submissionId: string;
      scores: Record<string, number>;
      status: number;
      message: string;
      field?: string | undefined;
    };

/**
 * A fresh random id. crypto.randomUUID exists only in secure contexts, and judges open the
 * host at plain http://192.168.…, so fall back to a v4 UUID built from getRandomValues.
 */
export function submissionId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface ScoreQueueOptions {
  store: KeyValueStore;
  token: string;
  send: (entry: PendingScore) => Promise<SendResult>;
  onChange: (statuses: ReadonlyMap<number, ScoreStatus>) => void;
  newId?: () => string;
  now?: () => Date;
  /** Runs `fn` after `ms`; returns a cancel function. */
  schedule?: (fn: () => void, ms: number) => () => void;
  random?: () => number;
}

export interface ScoreQueue {
  /** The entries the host has not confirmed, for listing them. */
  waiting(): PendingScore[];
  /** Stores then sends a judge's sheet; returns its submissionId. */
  submit(participantId: number, scores: Record<string, number>, speaker?: PendingScore['speaker']): string;
  /** Sends every waiting entry now (back online, live socket back, page shown). */
  flush(): void;
  statuses(): ReadonlyMap<number, ScoreStatus>;
  /** Stops the timers; stored entries stay for the next page load. */
  dispose(): void;
}

export function createScoreQueue(options: ScoreQueueOptions): ScoreQueue {
  const { store, token, send, onChange } = options;
  const newId = options.newId ?? submissionId;
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const schedule =
    options.schedule ??
    ((fn: () => void, ms: number) => {
      const handle = setTimeout(fn, ms);
      return () => clearTimeout(handle);
    });

  /** The latest entry per speaker that the host has not confirmed yet. */
  const waiting = new Map<number, PendingScore>();
  const statuses = new Map<number, ScoreStatus>();
  /** Speakers with a request in flight: one at a time each, so an older sheet never lands after a newer one. */
  const inFlight = new Set<number>();
  const attempts = new Map<number, number>();
  let cancelRetry: (() => void) | null = null;
  let disposed = false;

  const emit = () => {
    if (!disposed) onChange(new Map(statuses));
  };

  for (const entry of readPending(store, token)) {
    waiting.set(entry.participantId, entry);
    statuses.set(entry.participantId, {
      state: 'pending',
      participantId: entry.participantId,
      submissionId: entry.submissionId,
      scores: entry.scores,
      attempts: 0,
    });
  }

  function sendOne(participantId: number): void {
    const entry = waiting.get(participantId);
    if (disposed || !entry || inFlight.has(participantId)) return;
    inFlight.add(participantId);
    const attempt = (attempts.get(participantId) ?? 0) + 1;
    attempts.set(participantId, attempt);
    void send(entry)
      .catch((error: unknown): SendResult => ({
        kind: 'retry',
        message: error instanceof Error ? error.message : String(error),
      }))
      .then((result) => {
        inFlight.delete(participantId);
        settle(entry, result, attempt);
      });
  }

  function settle(entry: PendingScore, result: SendResult, attempt: number): void {
    const { participantId, submissionId, scores } = entry;
    const newer = waiting.get(participantId);
    const superseded = newer !== undefined && newer.submissionId !== submissionId;
    if (result.kind === 'retry') {
      if (!superseded)
        statuses.set(participantId, {
          state: 'pending',
          participantId,
          submissionId,
          scores,
          attempts: attempt,
          lastError: result.message,
        });
      planRetry();
    } else {
      // Saved or refused for good: either way this submission is done with.
      removePending(store, token, participantId, submissionId);
      if (!superseded) {
        waiting.delete(participantId);
        attempts.delete(participantId);
        statuses.set(
          participantId,
          result.kind === 'saved'
            ? { state: 'saved', participantId, submissionId, scores, total: result.total, savedAt: result.savedAt }
            : {
                state: 'error',
                participantId,
                submissionId,
                scores,
                status: result.status,
                message: result.message,
                field: result.field,
              },
        );
      }
    }
    emit();
    // A newer sheet typed while this one was on its way goes next.
    if (superseded) sendOne(participantId);
  }

  function planRetry(): void {
    if (disposed || cancelRetry) return;
    const most = Math.max(1, ...attempts.values());
    cancelRetry = schedule(
      () => {
        cancelRetry = null;
        flush();
      },
      retryDelayMs(most, random()),
    );
  }

  function flush(): void {
    if (disposed) return;
    cancelRetry?.();
    cancelRetry = null;
    for (const participantId of waiting.keys()) sendOne(participantId);
  }

  function submit(participantId: number, scores: Record<string, number>, speaker?: PendingScore['speaker']): string {
    const entry: PendingScore = {
      participantId,
      scores: { ...scores },
      submissionId: newId(),
      queuedAt: now().toISOString(),
      ...(speaker ? { speaker } : {}),
    };
    // Written before it is sent: if the page dies mid-request the next load sends it again.
    writePending(store, token, entry);
    waiting.set(participantId, entry);
    attempts.delete(participantId);
    statuses.set(participantId, {
      state: 'pending',
      participantId,
      submissionId: entry.submissionId,
      scores: entry.scores,
      attempts: 0,
    });
    emit();
    sendOne(participantId);
    return entry.submissionId;
  }

  return {
    submit,
    flush,
    waiting: () => [...waiting.values()],
    statuses: () => new Map(statuses),
    dispose() {
      disposed = true;
      cancelRetry?.();
      cancelRetry = null;
    },
  };
}
