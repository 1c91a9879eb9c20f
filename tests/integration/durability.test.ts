import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { IssuedJudge, JudgeSheet, JudgeState, ScoreAccepted } from '../../shared/api/contest';
import { Event, Participant } from '../../shared/api/events';
import { tempDir } from '../support/host';
import { totalRubric } from '../support/rubrics';

// "A score that got a 200 is never lost, not even if the host process is killed":
// the real host in its own process, killed with SIGKILL right after answering, then started again.

const serveEntry = join(process.cwd(), 'out/main/serve.js');
const adminToken = 'durability-admin-token-0123456789';

interface Child {
  url: string;
  process: ChildProcess;
}

async function startHost(dataDir: string): Promise<Child> {
  if (!existsSync(serveEntry))
    throw new Error('out/main/serve.js is missing: run `npm run build` first (npm test does).');
  const child = spawn(process.execPath, [serveEntry, '--data', dataDir, '--port', '0'], {
    env: { ...process.env, PODIUM_ADMIN_TOKEN: adminToken },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)\/#\/console/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`host exited with ${code}:\n${output}`)));
  });
  return { url, process: child };
}

async function kill(child: Child): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  const exited = new Promise((resolve) => child.process.once('exit', resolve));
  child.process.kill('SIGKILL');
  await exited;
}

async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  token = adminToken,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** `start()` runs a host in its own process on one data folder; after the test none is left running, nor the folder. */
const withHostProcess = test.extend('hosts', ({ onTestFinished }) => {
  const dir = tempDir();
  const started: Child[] = [];
  onTestFinished(async () => {
    for (const child of started) await kill(child);
    dir.remove();
  });
  return {
    start: async () => {
      const child = await startHost(dir.path);
      started.push(child);
      return child;
    },
  };
});

describe('a score that got a 200 survives a killed host', () => {
  withHostProcess(
    'keeps every accepted score and its submissionId across SIGKILL and a restart',
    async ({ hosts }) => {
      let host = await hosts.start();
      const base = host.url;
      const event = Event.parse(
        (await call(base, 'POST', '/api/events', { title: '断电演练', kind: 'contest', startsOn: '2024-07-03' })).body,
      );
      const speaker = Participant.parse(
        (await call(base, 'POST', `/api/events/${event.id}/participants`, { name: '张经天' })).body,
      );
      const rubric = totalRubric({ key: 'content', name: '内容' });
      expect((await call(base, 'PUT', `/api/events/${event.id}/rubric`, rubric)).status).toBe(200);
      const judges: IssuedJudge[] = [];
      for (const name of ['王评委', '李评委', '赵评委'])
        judges.push(IssuedJudge.parse((await call(base, 'POST', `/api/events/${event.id}/judges`, { name })).body));
      expect((await call(base, 'POST', `/api/events/${event.id}/performances/${speaker.id}/start`)).status).toBe(200);

      // Three judges submit at once; the host is killed the moment the last 200 arrives.
      const submissions = judges.map((judge, i) => ({
        judge,
        id: `kill-test-${judge.id}`,
        score: [88.1, 88.2, 88.3][i]!,
      }));
      const answers = await Promise.all(
        submissions.map((s) =>
          call(
            base,
            'PUT',
            `/api/judge/scores/${speaker.id}`,
            { scores: { content: s.score }, submissionId: s.id },
            s.judge.token,
          ),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
      await kill(host);

      host = await hosts.start();
      const sheets = JudgeSheet.array().parse(
        (await call(host.url, 'GET', `/api/events/${event.id}/performances/${speaker.id}/scores`)).body,
      );
      expect(sheets.map((s) => [s.judgeId, s.scores.content])).toEqual(submissions.map((s) => [s.judge.id, s.score]));
      // The judge page's resend after the crash is recognised: one write, the same answer as before.
      const again = await call(
        host.url,
        'PUT',
        `/api/judge/scores/${speaker.id}`,
        { scores: { content: submissions[0]!.score }, submissionId: submissions[0]!.id },
        judges[0]!.token,
      );
      expect(again.status).toBe(200);
      expect(ScoreAccepted.parse(again.body)).toEqual(ScoreAccepted.parse(answers[0]!.body));
      const state = JudgeState.parse(
        (await call(host.url, 'GET', '/api/judge/state', undefined, judges[1]!.token)).body,
      );
      expect(state.current?.participantId).toBe(speaker.id);
      expect(state.myScores[0]?.total).toBe('88.20');
    },
    60_000,
  );
});
