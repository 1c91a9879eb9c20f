import { describe, expect, it } from 'vitest';
import {
  createScoreQueue,
  isRetryable,
  pendingKey,
  readPending,
  removePending,
  retryDelayMs,
  submissionId,
  writePending,
  type KeyValueStore,
  type PendingScore,
  type ScoreStatus,
  type SendResult,
} from '../../renderer/judge/pendingScores';

/** A Web Storage stand-in backed by a Map; `broken` makes every write throw like a full or blocked storage. */
class MapStorage implements KeyValueStore {
  readonly map = new Map<string, string>();
  broken = false;
  get length(): number {
    return this.map.size;
  }
  key(index: number): string | null {
    return [...this.map.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.broken) throw new Error('QuotaExceededError');
    this.map.set(key, value);
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
}

/** A send whose answers the test hands out one at a time. */
function controlledSend() {
  const calls: { entry: PendingScore; answer(result: SendResult): void }[] = [];
  const send = (entry: PendingScore) =>
    new Promise<SendResult>((resolve) => {
      calls.push({ entry, answer: resolve });
    });
  return { calls, send };
}

/** Timers the test fires by hand. */
function manualTimers() {
  const timers: { fn(): void; ms: number; cancelled: boolean }[] = [];
  const schedule = (fn: () => void, ms: number) => {
    const timer = { fn, ms, cancelled: false };
    timers.push(timer);
    return () => {
      timer.cancelled = true;
    };
  };
  const fireAll = () => {
    for (const timer of timers.splice(0)) if (!timer.cancelled) timer.fn();
  };
  return { timers, schedule, fireAll };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(store = new MapStorage(), token = 'judge-token-a') {
  const { calls, send } = controlledSend();
  const timers = manualTimers();
  let last: ReadonlyMap<number, ScoreStatus> = new Map();
  let n = 0;
  const queue = createScoreQueue({
    store,
    token,
    send,
    onChange: (statuses) => {
      last = statuses;
    },
    newId: () => `submission-${++n}`,
    now: () => new Date('2024-07-03T09:30:00Z'),
    schedule: timers.schedule,
    random: () => 0.5,
  });
  return { store, queue, calls, timers, status: (pid: number) => last.get(pid) };
}

const sheet = { content: 35.5, delivery: 27, image: 18, time: 9 };

describe('the stored entries', () => {
  it('keeps judges apart and reads back what was written, oldest first', () => {
    const store = new MapStorage();
    writePending(store, 'a', {
      participantId: 2,
      scores: sheet,
      submissionId: 'submission-b',
      queuedAt: '2024-07-03T09:31:00Z',
    });
    writePending(store, 'a', {
      participantId: 1,
      scores: sheet,
      submissionId: 'submission-a',
      queuedAt: '2024-07-03T09:30:00Z',
    });
    writePending(store, 'b', {
      participantId: 1,
      scores: sheet,
      submissionId: 'submission-c',
      queuedAt: '2024-07-03T09:30:00Z',
    });
    store.setItem(pendingKey('a', 3), '{not json');
    store.setItem('podium.locale', 'zh-CN');
    expect(readPending(store, 'a').map((e) => e.submissionId)).toEqual(['submission-a', 'submission-b']);
    expect(readPending(store, 'b').map((e) => e.submissionId)).toEqual(['submission-c']);
    expect(pendingKey('a', 1)).not.toContain('a.1');
  });

  it('removes an entry only when it is still the same submission', () => {
    const store = new MapStorage();
    writePending(store, 't', {
      participantId: 1,
      scores: sheet,
      submissionId: 'submission-new',
      queuedAt: '2024-07-03T09:30:00Z',
    });
    removePending(store, 't', 1, 'submission-old');
    expect(readPending(store, 't')).toHaveLength(1);
    removePending(store, 't', 1, 'submission-new');
    expect(readPending(store, 't')).toHaveLength(0);
  });

  it('reports a refused write instead of throwing', () => {
    const store = new MapStorage();
    store.broken = true;
    expect(
      writePending(store, 't', { participantId: 1, scores: sheet, submissionId: 'submission-1', queuedAt: 'x' }),
    ).toBe(false);
  });
});

describe('retry rules', () => {
  it.each([
    [0, true],
    [500, true],
    [503, true],
    [408, true],
    [429, true],
    [400, false],
    [401, false],
    [403, false],
    [409, false],
  ])('status %i retryable: %s', (status, retry) => {
    expect(isRetryable(status)).toBe(retry);
  });

  it('backs off 1, 2, 4, 8 then 15 seconds, within ±20%', () => {
    expect([1, 2, 3, 4, 5, 9].map((n) => retryDelayMs(n, 0.5))).toEqual([1000, 2000, 4000, 8000, 15000, 15000]);
    expect(retryDelayMs(1, 0)).toBe(800);
    expect(retryDelayMs(1, 0.999)).toBeLessThanOrEqual(1200);
  });

  it('makes v4 UUIDs', () => {
    expect(submissionId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('the score queue', () => {
  it('stores a sheet before sending it and forgets it once the host saved it', async () => {
    const { store, queue, calls, status } = setup();
    queue.submit(7, sheet);
    expect(calls).toHaveLength(1);
    // Already on disk while the request is on its way.
    expect(readPending(store, 'judge-token-a')).toEqual([
      { participantId: 7, scores: sheet, submissionId: 'submission-1', queuedAt: '2024-07-03T09:30:00.000Z' },
    ]);
    expect(status(7)?.state).toBe('pending');
    calls[0]?.answer({ kind: 'saved', total: '89.50', savedAt: '2024-07-03T09:30:01Z' });
    await settle();
    expect(status(7)).toMatchObject({ state: 'saved', total: '89.50', savedAt: '2024-07-03T09:30:01Z' });
    expect(store.map.size).toBe(0);
  });

  it('keeps a sheet through network failures, resending the same submissionId with backoff', async () => {
    const { store, queue, calls, timers, status } = setup();
    queue.submit(7, sheet);
    calls[0]?.answer({ kind: 'retry', message: '无法连接到 Podium 主机' });
    await settle();
    expect(status(7)).toMatchObject({ state: 'pending', attempts: 1, lastError: '无法连接到 Podium 主机' });
    expect(timers.timers.map((t) => t.ms)).toEqual([1000]);
    timers.fireAll();
    expect(calls).toHaveLength(2);
    calls[1]?.answer({ kind: 'retry', message: 'still down' });
    await settle();
    expect(timers.timers.map((t) => t.ms)).toEqual([2000]);
    // Back online: sent at once, without waiting out the backoff.
    queue.flush();
    expect(timers.timers[0]?.cancelled).toBe(true);
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((c) => c.entry.submissionId))).toEqual(new Set(['submission-1']));
    expect(store.map.size).toBe(1);
    calls[2]?.answer({ kind: 'saved', total: '89.50', savedAt: '2024-07-03T09:31:00Z' });
    await settle();
    expect(status(7)?.state).toBe('saved');
    expect(store.map.size).toBe(0);
  });

  it('treats a thrown send like a network failure', async () => {
    const store = new MapStorage();
    let last: ReadonlyMap<number, ScoreStatus> = new Map();
    const queue = createScoreQueue({
      store,
      token: 't',
      send: () => Promise.reject(new Error('boom')),
      onChange: (s) => {
        last = s;
      },
      schedule: () => () => {},
    });
    queue.submit(1, sheet);
    await settle();
    expect(last.get(1)).toMatchObject({ state: 'pending', lastError: 'boom' });
    expect(store.map.size).toBe(1);
  });

  it('drops a sheet the host refused for good and reports the field', async () => {
    const { store, queue, calls, timers, status } = setup();
    queue.submit(7, { ...sheet, content: 45 });
    calls[0]?.answer({
      kind: 'rejected',
      status: 400,
      message: '“内容”的分数应在 0 到 40 之间。',
      field: 'scores.content',
    });
    await settle();
    expect(status(7)).toMatchObject({ state: 'error', status: 400, field: 'scores.content', scores: { content: 45 } });
    expect(store.map.size).toBe(0);
    expect(timers.timers).toHaveLength(0);
  });

  it('resends what a reloaded page finds in storage', async () => {
    const store = new MapStorage();
    writePending(store, 'judge-token-a', {
      participantId: 3,
      scores: sheet,
      submissionId: 'from-before-reload',
      queuedAt: '2024-07-03T09:00:00Z',
    });
    const { queue, calls, status } = setup(store);
    expect(status(3)).toBeUndefined();
    expect(queue.statuses().get(3)?.state).toBe('pending');
    queue.flush();
    expect(calls.map((c) => c.entry.submissionId)).toEqual(['from-before-reload']);
    calls[0]?.answer({ kind: 'saved', total: '89.50', savedAt: '2024-07-03T09:40:00Z' });
    await settle();
    expect(status(3)?.state).toBe('saved');
    expect(store.map.size).toBe(0);
  });

  it('sends a revision made while the first sheet is on its way after it, and keeps only the newest', async () => {
    const { store, queue, calls, status } = setup();
    queue.submit(7, sheet);
    queue.submit(7, { ...sheet, time: 10 });
    // One request at a time per speaker, so the older sheet cannot land last.
    expect(calls).toHaveLength(1);
    calls[0]?.answer({ kind: 'saved', total: '89.50', savedAt: '2024-07-03T09:30:01Z' });
    await settle();
    expect(status(7)).toMatchObject({ state: 'pending', submissionId: 'submission-2' });
    expect(readPending(store, 'judge-token-a').map((e) => e.submissionId)).toEqual(['submission-2']);
    expect(calls[1]?.entry).toMatchObject({ submissionId: 'submission-2', scores: { time: 10 } });
    calls[1]?.answer({ kind: 'saved', total: '90.50', savedAt: '2024-07-03T09:30:02Z' });
    await settle();
    expect(status(7)).toMatchObject({ state: 'saved', total: '90.50' });
    expect(store.map.size).toBe(0);
  });

  it('still sends and retries when storage refuses to keep the sheet', async () => {
    const store = new MapStorage();
    store.broken = true;
    const { queue, calls, timers } = setup(store);
    queue.submit(1, sheet);
    calls[0]?.answer({ kind: 'retry', message: 'offline' });
    await settle();
    timers.fireAll();
    expect(calls.map((c) => c.entry.submissionId)).toEqual(['submission-1', 'submission-1']);
  });

  it('stops retrying when disposed, leaving the stored sheet for the next load', async () => {
    const { store, queue, calls, timers } = setup();
    queue.submit(1, sheet);
    queue.dispose();
    calls[0]?.answer({ kind: 'retry', message: 'offline' });
    await settle();
    timers.fireAll();
    expect(calls).toHaveLength(1);
    expect(store.map.size).toBe(1);
  });
});
