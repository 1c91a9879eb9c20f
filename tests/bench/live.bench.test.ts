// `npm run bench`: from a judge's score accepted (durably written, synchronous=FULL) to every one of
// 35 console sockets holding the update, against a raw ws broadcast of the same size in the same run.
// It prints p50/p95/p99 and the ratio; it asserts nothing about time (the machine decides that).
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { contestWith } from '../support/contest';
import { startTestHost, type TestHost } from '../support/host';
import { totalRubric } from '../support/rubrics';

const clients = 35;
const rounds = 200;
const warmup = 20;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
function summary(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99) };
}

/** Resolves when every socket has received one more message. */
function allReceive(sockets: WebSocket[]): Promise<void> {
  return Promise.all(sockets.map((s) => new Promise<void>((resolve) => s.once('message', () => resolve())))).then(
    () => undefined,
  );
}

function connect(url: string, count: number): Promise<WebSocket[]> {
  return Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<WebSocket>((resolve, reject) => {
          const s = new WebSocket(url);
          s.once('open', () => resolve(s));
          s.once('error', reject);
        }),
    ),
  );
}

let t: TestHost;
beforeAll(async () => {
  t = await startTestHost();
});
afterAll(async () => {
  await t.stop();
});

it('live: score accepted → 35 sockets, against a raw ws broadcast floor', async () => {
  // The floor: a bare ws server broadcasting a message of the same size to 35 clients.
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const address = server.address();
  const port = address !== null && typeof address === 'object' ? address.port : 0;
  const rawClients = await connect(`ws://127.0.0.1:${port}`, clients);
  const payload = JSON.stringify({
    type: 'scores-progress',
    eventId: 1,
    participantId: 1,
    submittedJudgeIds: [1, 2, 3, 4, 5, 6, 7],
    expected: 7,
  });

  // Podium: a contest with a speaker open, 35 console sockets, one judge scoring again and again.
  const { event, speakers, judges } = await contestWith(t, {
    event: { title: '基准' },
    speakers: ['张经天'],
    rubric: totalRubric({ key: 'content', name: '内容' }),
    judges: ['王评委'],
  });
  const pid = speakers[0]!.id;
  const judge = judges[0]!;
  expect((await t.call('POST', `/api/events/${event.id}/performances/${pid}/start`)).status).toBe(200);
  const sockets = await connect(
    `${t.host.url.replace('http', 'ws')}/api/live?event=${event.id}&token=${t.host.adminToken}`,
    clients,
  );

  // "Accepted" is the moment the service publishes: right after the score's transaction committed
  // (synchronous=FULL). The host runs in this process, so the bench reads that moment directly.
  const hub = t.host.hub;
  const publish = hub.publish.bind(hub);
  let acceptedAt = 0;
  hub.publish = (message) => {
    if (message.type === 'scores-progress') acceptedAt = performance.now();
    return publish(message);
  };

  const floor: number[] = [];
  const accepted: number[] = [];
  const endToEnd: number[] = [];
  // Floor and Podium rounds alternate, so a busy moment of the machine weighs on both alike.
  for (let i = 0; i < rounds + warmup; i++) {
    const raw = allReceive(rawClients);
    const rawStart = performance.now();
    for (const c of server.clients) c.send(payload);
    await raw;
    const rawDone = performance.now();

    const received = allReceive(sockets);
    const start = performance.now();
    const r = await fetch(`${t.host.url}/api/judge/scores/${pid}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${judge.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ scores: { content: 80 + (i % 100) / 10 }, submissionId: `bench-${i}-${Date.now()}` }),
    });
    expect(r.status).toBe(200);
    await received;
    const done = performance.now();
    if (i >= warmup) {
      floor.push(rawDone - rawStart);
      accepted.push(done - acceptedAt);
      endToEnd.push(done - start);
    }
  }
  hub.publish = publish;

  const f = summary(floor);
  const a = summary(accepted);
  const e = summary(endToEnd);
  const fmt = (x: number) => x.toFixed(2).padStart(7);
  console.log(`live bench (${clients} sockets, ${rounds} rounds, ms)`);
  console.log(`  raw ws broadcast floor        p50 ${fmt(f.p50)}  p95 ${fmt(f.p95)}  p99 ${fmt(f.p99)}`);
  console.log(`  score accepted → all sockets  p50 ${fmt(a.p50)}  p95 ${fmt(a.p95)}  p99 ${fmt(a.p99)}`);
  console.log(
    `  judge's request → all sockets p50 ${fmt(e.p50)}  p95 ${fmt(e.p95)}  p99 ${fmt(e.p99)}  ` +
      `(HTTP and fsync included)`,
  );
  console.log(
    `  ratio p99 ${(a.p99 / f.p99).toFixed(2)}× (target ≤ 3×); ` +
      `request-to-sockets ratio ${(e.p99 / f.p99).toFixed(2)}×`,
  );

  for (const s of [...rawClients, ...sockets]) s.close();
  server.close();
}, 120_000);
