// `npm run bench` (PODIUM_SOAK_MINUTES=1 for a short look; 10 by default): a contest day compressed. 30 judges keep
// saving their sheets, 50 saves a second in all, while 35 console sockets watch /api/live and an attacker without a
// token keeps 20 connections trickling a byte every 5 s and 2 more sending 10 MB bodies one after another. It prints
// the process RSS at the start and the end, the judges' p99 minute by minute and the ratio of the last minute's p99
// to the first (the floor, measured in the same run); it asserts every save was accepted, every socket kept
// hearing, the attacker was refused, and that RSS levels off (a generous bound on its growth over the second half).
import { spawn, type ChildProcess } from 'node:child_process';
import type * as Net from 'node:net';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { contestWith } from '../support/contest';
import { startTestHost, type TestHost } from '../support/host';
import { totalRubric } from '../support/rubrics';

const minutes = Number(process.env.PODIUM_SOAK_MINUTES ?? 10);
const judgeCount = 30;
const savesPerSecond = 50;
const socketCount = 35;
const slowConnections = 20;
const oversizedSenders = 2;
const oversizedBytes = 10 * 1024 * 1024;
const rssEveryMs = 5_000;
/** RSS may still grow this much over the second half (caches filling, the WAL file's pages) and count as level. */
const rssGrowthAllowed = { bytes: 48 * 1024 * 1024, fraction: 0.15 };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/**
 * The attacker, in a process of its own (`node -e`) so its buffers are not counted in the host's RSS: connections
 * that send a request line and then one header byte every 5 s, opened again whenever the host drops one, and senders
 * of 10 MB JSON bodies without a token, one request after another. It prints one line per answer or dropped link.
 */
function attack(net: typeof Net, port: number, slow: number, senders: number, bytes: number): void {
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const trickle = () => {
    const socket = net.connect(port, '127.0.0.1');
    socket.write(`PUT /api/judge/scores/1 HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\nx-slow: `);
    const timer = setInterval(() => socket.write('a'), 5_000);
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      say('dropped');
      setTimeout(trickle, 1_000);
    });
  };
  const body = Buffer.alloc(bytes, '[');
  const oversized = () => {
    const socket = net.connect(port, '127.0.0.1');
    let answered = false;
    socket.on('data', (chunk: Buffer) => {
      const m = /^HTTP\/1\.1 (\d{3})/.exec(chunk.toString('latin1'));
      if (!answered && m) say(`status ${m[1]}`);
      answered = true;
    });
    socket.on('error', () => undefined);
    socket.on('close', () => setTimeout(oversized, 100));
    socket.write(
      `PUT /api/judge/scores/1 HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\ncontent-type: application/json\r\n` +
        `content-length: ${bytes}\r\n\r\n`,
    );
    socket.write(body, () => socket.end());
  };
  for (let i = 0; i < slow; i++) trickle();
  for (let i = 0; i < senders; i++) oversized();
}

function startAttacker(port: number, seen: { dropped: number; statuses: number[] }): ChildProcess {
  const args = [port, slowConnections, oversizedSenders, oversizedBytes].join(', ');
  const script = `(${attack.toString()})(require('node:net'), ${args})`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  child.stdout?.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (line === 'dropped') seen.dropped++;
      else if (line.startsWith('status ')) seen.statuses.push(Number(line.slice(7)));
    }
  });
  return child;
}

/** One judge's laptop: its own kept-alive connection, one save at a time. */
function judgeClient(port: number, token: string, pid: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  let saves = 0;
  return {
    busy: false,
    save(judge: number): Promise<{ status: number; ms: number }> {
      const body = JSON.stringify({
        scores: { total: 80 + (saves % 200) / 10 },
        submissionId: `soak-${judge}-${saves}`,
      });
      saves++;
      const started = performance.now();
      return new Promise((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            method: 'PUT',
            path: `/api/judge/scores/${pid}`,
            agent,
            headers: {
              authorization: `Bearer ${token}`,
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
            },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}

let t: TestHost;
beforeAll(async () => {
  t = await startTestHost();
});
afterAll(async () => {
  await t.stop();
});

it(
  `soak: ${minutes} min of 50 saves/s from 30 judges, 35 live sockets and a tokenless attacker`,
  async () => {
    const { eventId, speakers, judges } = await contestWith(t, {
      event: { title: '耐久基准' },
      speakers: ['张经天'],
      rubric: totalRubric(),
      judges: Array.from({ length: judgeCount }, (_, i) => `评委${i + 1}`),
    });
    const pid = speakers[0]?.id ?? 0;
    expect((await t.call('POST', `/api/events/${eventId}/performances/${pid}/start`)).status).toBe(200);
    const port = t.host.port;
    const clients = judges.map((j) => judgeClient(port, j.token ?? '', pid));

    const heard = Array.from({ length: socketCount }, () => ({ total: 0, lastAt: 0 }));
    const sockets = await Promise.all(
      heard.map(
        (count) =>
          new Promise<WebSocket>((resolve, reject) => {
            const s = new WebSocket(`ws://127.0.0.1:${port}/api/live?event=${eventId}&token=${t.host.adminToken}`);
            s.on('message', () => {
              count.total++;
              count.lastAt = performance.now();
            });
            s.once('open', () => resolve(s));
            s.once('error', reject);
          }),
      ),
    );

    // Warm up (JIT, prepared statements) before the clock starts.
    for (const [i, c] of clients.entries()) expect((await c.save(i)).status).toBe(200);

    const seen: { dropped: number; statuses: number[] } = { dropped: 0, statuses: [] };
    const attacker = startAttacker(port, seen);
    const rss: Array<{ at: number; bytes: number }> = [];
    const perMinute: number[][] = Array.from({ length: minutes }, () => []);
    const failed: string[] = [];
    let skipped = 0;
    const began = performance.now();
    const durationMs = minutes * 60_000;
    rss.push({ at: 0, bytes: process.memoryUsage().rss });
    const sampler = setInterval(
      () => rss.push({ at: performance.now() - began, bytes: process.memoryUsage().rss }),
      rssEveryMs,
    );

    // Open loop: a save is due every 20 ms, judge after judge; a judge whose last save has not come back skips a turn.
    const inFlight = new Set<Promise<void>>();
    for (let n = 0; ; n++) {
      const due = (n * 1000) / savesPerSecond;
      if (due >= durationMs) break;
      await sleep(due - (performance.now() - began));
      const judge = n % judgeCount;
      const client = clients[judge];
      if (!client || client.busy) {
        skipped++;
        continue;
      }
      client.busy = true;
      const minute = Math.min(minutes - 1, Math.floor(due / 60_000));
      const save = client
        .save(judge)
        .then(
          ({ status, ms }) => {
            if (status === 200) perMinute[minute]?.push(ms);
            else failed.push(`judge ${judge + 1}: ${status}`);
          },
          (error: unknown) => void failed.push(`judge ${judge + 1}: ${String(error)}`),
        )
        .finally(() => {
          client.busy = false;
          inFlight.delete(save);
        });
      inFlight.add(save);
    }
    await Promise.all(inFlight);
    clearInterval(sampler);
    rss.push({ at: performance.now() - began, bytes: process.memoryUsage().rss });
    attacker.kill('SIGKILL');

    const p99s = perMinute.map((samples) =>
      percentile(
        [...samples].sort((a, b) => a - b),
        99,
      ),
    );
    const first = p99s[0] ?? NaN;
    const last = p99s.at(-1) ?? NaN;
    const start = rss[0]?.bytes ?? NaN;
    const end = rss.at(-1)?.bytes ?? NaN;
    const half = rss.find((r) => r.at >= durationMs / 2)?.bytes ?? start;
    const fmt = (x: number) => x.toFixed(1).padStart(7);
    console.log(`soak bench (${minutes} min, ${judgeCount} judges, ${savesPerSecond} saves/s, ${socketCount} sockets)`);
    for (const [i, p] of p99s.entries())
      console.log(`  minute ${String(i + 1).padStart(2)}: ${perMinute[i]?.length ?? 0} saves, p99 ${fmt(p)} ms`);
    console.log(`  RSS start ${mb(start)}, half-way ${mb(half)}, end ${mb(end)} (host and judges in one process)`);
    const answers = [...new Set(seen.statuses)].join(', ') || '—';
    console.log(
      `  attacker: ${seen.statuses.length} oversized bodies answered (${answers}), ` +
        `${seen.dropped} slow connections dropped by the host`,
    );
    console.log(`  skipped turns (a judge's save still out) ${skipped}`);
    console.log(`  ratio p99 last/first minute ${(last / first).toFixed(2)}×`);

    for (const c of clients) c.close();
    for (const s of sockets) s.close();

    expect(failed).toEqual([]);
    // Every console socket still hears the saves of the last minute.
    const lastMinute = began + durationMs - 60_000;
    expect(heard.filter((h) => h.lastAt < lastMinute)).toEqual([]);
    // The attacker gets nothing but refusals, and its trickling connections do not stay open for ever.
    expect(seen.statuses.filter((s) => s < 400)).toEqual([]);
    expect(seen.dropped).toBeGreaterThan(0);
    expect(end - half).toBeLessThanOrEqual(Math.max(rssGrowthAllowed.bytes, half * rssGrowthAllowed.fraction));
  },
  (minutes * 60 + 180) * 1000,
);
