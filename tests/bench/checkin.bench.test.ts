// `npm run bench`: a 500-trainee class checks itself in by phone within one minute, each phone its own client,
// while a console and a projector watch /api/live. Against a floor measured in the same run on the same host:
// a judge's score writes (PUT /api/judge/scores/:pid) on a small contest, paced across the same minute.
// It prints p50/p99 and the ratio; it asserts that every check-in is recorded exactly once, nothing about time.
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Judge } from '../../shared/api/contest';
import { Event, Participant } from '../../shared/api/events';
import { LiveMessage } from '../../shared/api/live';
import { AttendanceSummary, SelfCheckinState, Session } from '../../shared/api/training';
import { startTestHost, type TestHost } from '../support/host';
import { messageText } from '../support/live';
import { rosterXlsx } from '../support/roster';

const trainees = 500;
const warmupTrainees = 20;
/** The trainees arrive at random moments within this window (everyone scans in the minute the QR is up). */
const windowMs = 60_000;
const scoreEveryMs = 150;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
function summary(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p99: percentile(s, 99), max: s[s.length - 1] ?? NaN };
}

/** A seeded generator, so two runs send the same arrivals. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const phoneOf = (i: number) => `139${String(10_000_000 + i).slice(1)}`;

function rosterBytes(): Uint8Array {
  const rows: Array<Array<string | number>> = [['姓名', '手机', '分组']];
  for (let i = 0; i < trainees + warmupTrainees; i++) rows.push([`学员${i + 1}`, phoneOf(i), `第${(i % 10) + 1}组`]);
  return rosterXlsx(rows);
}

function live(url: string): Promise<{ socket: WebSocket; messages: LiveMessage[] }> {
  const socket = new WebSocket(url);
  const messages: LiveMessage[] = [];
  socket.on('message', (data) => messages.push(LiveMessage.parse(JSON.parse(messageText(data)))));
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket, messages }));
    socket.once('error', reject);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

let t: TestHost;
beforeAll(async () => {
  t = await startTestHost();
});
afterAll(async () => {
  await t.stop();
});

async function post(path: string, body: unknown): Promise<unknown> {
  const answer = await t.call('POST', path, { body });
  if (answer.status >= 300) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** A small contest with one speaker open and one judge: the floor's score writes. */
async function scoringJudge(): Promise<(round: number) => Promise<number>> {
  const event = Event.parse(await post('/api/events', { title: '基准比赛', kind: 'contest', startsOn: '2024-07-03' }));
  const pid = Participant.parse(await post(`/api/events/${event.id}/participants`, { name: '张经天' })).id;
  await t.call('PUT', `/api/events/${event.id}/rubric`, {
    body: {
      criteria: [{ key: 'content', name: '内容', max: 100, step: 0.1 }],
      aggregation: { method: 'mean' },
      decimals: 2,
    },
  });
  const judge = Judge.parse(await post(`/api/events/${event.id}/judges`, { name: '王评委' }));
  await post(`/api/events/${event.id}/performances/${pid}/start`, {});
  return async (round) => {
    const start = performance.now();
    const r = await fetch(`${t.host.url}/api/judge/scores/${pid}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${judge.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        scores: { content: 80 + (round % 100) / 10 },
        submissionId: `bench-${round}-${Date.now()}`,
      }),
    });
    expect(r.status).toBe(200);
    await r.arrayBuffer();
    return performance.now() - start;
  };
}

it('check-in: 500 trainees by phone within a minute, against the score-write floor', async () => {
  const scoreOnce = await scoringJudge();

  // The class: 520 trainees (20 to warm up on), a warm-up session and the session under test, both under way.
  const event = Event.parse(
    await post('/api/events', { title: '基准培训班', kind: 'training', startsOn: '2024-07-03' }),
  );
  const imported = await t.call('POST', `/api/events/${event.id}/participants/import`, {
    rawBody: rosterBytes(),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  expect(imported.status).toBe(200);
  const startsAt = new Date(Date.now() - 60_000).toISOString();
  const endsAt = new Date(Date.now() + 3_600_000).toISOString();
  const [warmup, session] = await Promise.all(
    ['热身', '专题授课'].map(async (title) =>
      Session.parse(await post(`/api/events/${event.id}/sessions`, { title, startsAt, endsAt })),
    ),
  );
  if (!warmup || !session) throw new Error('sessions were not made');
  // The code must not change in the middle of the minute: the longest period.
  const open = async (sid: number) =>
    SelfCheckinState.parse(
      await post(`/api/events/${event.id}/sessions/${sid}/self-checkin`, { open: true, rotateSeconds: 3600 }),
    ).code ?? '';

  const checkIn = async (code: string, i: number, device: string): Promise<number> => {
    const start = performance.now();
    const r = await fetch(`${t.host.url}/api/public/checkin/${code}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone: phoneOf(i), device }),
    });
    const text = await r.text();
    if (r.status !== 201) throw new Error(`check-in ${i}: ${r.status} ${text}`);
    return performance.now() - start;
  };

  // Warm both paths up (JIT, prepared statements) before measuring.
  const warmupCode = await open(warmup.id);
  for (let i = 0; i < warmupTrainees; i++) {
    await checkIn(warmupCode, trainees + i, `warmup-${i}`);
    await scoreOnce(i);
  }

  const base = t.host.url.replace('http', 'ws');
  const consoleSocket = await live(`${base}/api/live?event=${event.id}&token=${t.host.adminToken}`);
  const projector = await live(`${base}/api/live?event=${event.id}`);
  const code = await open(session.id);

  const next = random(20240703);
  const arrivals = Array.from({ length: trainees }, (_, i) => ({ i, at: next() * windowMs }));
  const began = performance.now();
  const checkinLatency: number[] = [];
  const scoreLatency: number[] = [];

  const phones = Promise.all(
    arrivals.map(async ({ i, at }) => {
      await sleep(at - (performance.now() - began));
      checkinLatency.push(await checkIn(code, i, `phone-${i}-${Math.floor(next() * 1e9)}`));
    }),
  );
  const judge = (async () => {
    for (let round = warmupTrainees; performance.now() - began < windowMs; round++) {
      const tick = performance.now();
      scoreLatency.push(await scoreOnce(round));
      await sleep(scoreEveryMs - (performance.now() - tick));
    }
  })();
  await Promise.all([phones, judge]);
  const took = performance.now() - began;

  // Every check-in recorded exactly once: 500 of the session's statuses, one live update each.
  const attendance = AttendanceSummary.parse((await t.call('GET', `/api/events/${event.id}/attendance`)).body);
  const statuses = attendance.rows.map((r) => r.statuses[String(session.id)] ?? null);
  expect(statuses.filter((s) => s === 'present' || s === 'late')).toHaveLength(trainees);
  expect(statuses.filter((s) => s !== null)).toHaveLength(trainees);
  const counts = attendance.perSession.find((p) => p.sessionId === session.id);
  expect((counts?.present ?? 0) + (counts?.late ?? 0)).toBe(trainees);
  await sleep(200);
  const ofSession = (messages: LiveMessage[]) =>
    messages.filter((m) => m.type === 'attendance' && m.sessionId === session.id);
  const consoleUpdates = ofSession(consoleSocket.messages);
  expect(consoleUpdates).toHaveLength(trainees);
  expect(new Set(consoleUpdates.map((m) => (m.type === 'attendance' ? m.trainee?.participantId : 0))).size).toBe(
    trainees,
  );
  const projectorUpdates = ofSession(projector.messages);
  expect(projectorUpdates).toHaveLength(trainees);
  // The projector gets counts, never names; its last count is everyone.
  expect(projectorUpdates.every((m) => m.type === 'attendance' && m.trainee === undefined)).toBe(true);
  const last = projectorUpdates.at(-1);
  expect(last?.type === 'attendance' ? last.present + last.late : 0).toBe(trainees);

  const c = summary(checkinLatency);
  const s = summary(scoreLatency);
  const fmt = (x: number) => x.toFixed(2).padStart(7);
  console.log(
    `check-in bench (${trainees} trainees by phone in ${(took / 1000).toFixed(1)} s, console + projector live)`,
  );
  console.log(
    `  judge score write (floor, ${scoreLatency.length})  p50 ${fmt(s.p50)}  p99 ${fmt(s.p99)}  max ${fmt(s.max)} ms`,
  );
  console.log(
    `  self check-in (${checkinLatency.length})            p50 ${fmt(c.p50)}  p99 ${fmt(c.p99)}  max ${fmt(c.max)} ms`,
  );
  console.log(`  ratio p99 check-in / score write ${(c.p99 / s.p99).toFixed(2)}×`);

  consoleSocket.socket.close();
  projector.socket.close();
}, 240_000);
