// `npm run bench`: judges' score saves while four clients without a token keep sending 10 MB JSON bodies, against
// the same saves with nobody else on the host in the same run. It prints p50/p99 of both and the ratio of the p99s
// (target ≤ 1.5×); it asserts only that every save was accepted and every hostile request refused.
import { spawn, type ChildProcess } from 'node:child_process';
import type * as Net from 'node:net';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { contestWith, nextSubmission } from '../support/contest';
import { startTestHost, type TestHost } from '../support/host';
import { latencySummary } from '../support/percentiles';
import { totalRubric } from '../support/rubrics';

const attackers = 4;
const bodyBytes = 10 * 1024 * 1024;
const judgeCount = 8;
/** Saves per block; quiet and hostile blocks alternate, so a busy moment of the machine weighs on both alike. */
const savesPerBlock = 100;
const blocks = 8;
const warmup = 20;

/**
 * Runs in a process of its own (`node -e`), so the attackers' sending does not share the host's event loop: `count`
 * clients without a token, each sending 10 MB bodies on one connection after another until killed, printing the
 * status of each answer.
 */
function attack(net: typeof Net, port: number, count: number, bytes: number): void {
  // A deeply nested JSON array: what froze a host that parsed bodies before checking the token.
  const body = Buffer.alloc(bytes, '[');
  const once = () =>
    new Promise<void>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      let answer = '';
      socket.on('data', (chunk: Buffer) => {
        const first = answer === '';
        answer += chunk.toString('latin1');
        const m = /^HTTP\/1\.1 (\d{3})/.exec(answer);
        if (first && m) process.stdout.write(`${m[1]}\n`);
      });
      socket.on('error', () => undefined);
      socket.on('close', () => resolve());
      socket.write(
        `POST /api/events HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\ncontent-type: application/json\r\n` +
          `content-length: ${bytes}\r\n\r\n`,
      );
      // The whole body, whatever the host answers: an attacker does not stop at a 401.
      socket.write(body, () => socket.end());
    });
  // Gone with the bench: its end of stdin closes when it exits, however it exits.
  process.stdin.on('end', () => process.exit(0));
  process.stdin.resume();
  for (let i = 0; i < count; i++) {
    void (async () => {
      for (;;) await once();
    })();
  }
}

function startAttackers(port: number, statuses: number[]): ChildProcess {
  const script = `(${attack.toString()})(require('node:net'), ${port}, ${attackers}, ${bodyBytes})`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdout?.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line) statuses.push(Number(line));
  });
  return child;
}

async function stopAttackers(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

let t: TestHost;
beforeAll(async () => {
  t = await startTestHost();
});
afterAll(async () => {
  await t.stop();
});

it('hostile: judges’ saves with and without four tokenless clients sending 10 MB bodies', async () => {
  const { event, speakers, judges } = await contestWith(t, {
    event: { title: '基准' },
    speakers: ['张经天'],
    rubric: totalRubric({ key: 'content', name: '内容' }),
    judges: Array.from({ length: judgeCount }, (_, i) => `评委${i + 1}`),
  });
  const pid = speakers[0]!.id;
  expect((await t.call('POST', `/api/events/${event.id}/performances/${pid}/start`)).status).toBe(200);

  let n = 0;
  const save = async (): Promise<number> => {
    const judge = judges[n % judges.length]!;
    n++;
    const start = performance.now();
    const r = await fetch(`${t.host.url}/api/judge/scores/${pid}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${judge.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ scores: { content: 80 + (n % 100) / 10 }, submissionId: nextSubmission('hostile') }),
    });
    await r.arrayBuffer();
    expect(r.status).toBe(200);
    return performance.now() - start;
  };

  for (let i = 0; i < warmup; i++) await save();
  const quiet: number[] = [];
  const hostile: number[] = [];
  const refused: number[] = [];
  for (let b = 0; b < blocks; b++) {
    const underAttack = b % 2 === 1;
    const running = underAttack ? startAttackers(t.host.port, refused) : undefined;
    // Let the attackers get going before the first save is timed.
    if (underAttack) await new Promise((r) => setTimeout(r, 300));
    for (let i = 0; i < savesPerBlock; i++) (underAttack ? hostile : quiet).push(await save());
    if (running) await stopAttackers(running);
  }

  expect(refused.length).toBeGreaterThan(0);
  expect(new Set(refused)).toEqual(new Set([401]));
  expect((await t.call('GET', '/api/events')).body).toHaveLength(1);

  const q = latencySummary(quiet);
  const h = latencySummary(hostile);
  const fmt = (x: number) => x.toFixed(2).padStart(7);
  console.log(`hostile bench (${judgeCount} judges, ${quiet.length + hostile.length} saves, ms)`);
  console.log(`  saves, nobody else on the host              p50 ${fmt(q.p50)}  p99 ${fmt(q.p99)}`);
  console.log(
    `  saves, ${attackers} tokenless clients × 10 MB bodies  p50 ${fmt(h.p50)}  p99 ${fmt(h.p99)}  ` +
      `(${refused.length} hostile requests refused)`,
  );
  console.log(`  ratio p99 ${(h.p99 / q.p99).toFixed(2)}× (target ≤ 1.5×)`);
}, 300_000);
