import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { StartupError } from '../../electron/database';
import { translate } from '../../shared/i18n';
import { adminToken, startTestHost, tempDir } from '../support/host';

// One host per data folder: a second Podium on the same folder refuses to start with one sentence naming the first,
// in this process and from another one; a lock left by a killed host is taken over.

const serveEntry = join(process.cwd(), 'out/main/serve.js');
/** The lock file's name is in the refusal's sentence: a person may be told to delete it. */
const lockFileName = 'podium.lock';

interface Served {
  process: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  exited: Promise<number | null>;
}

/** `node out/main/serve.js --data DIR` in its own process, in Chinese. */
function serve(dataDir: string): Served {
  if (!existsSync(serveEntry))
    throw new Error('out/main/serve.js is missing: run `npm run build` first (npm test does).');
  const child = spawn(process.execPath, [serveEntry, '--data', dataDir, '--port', '0'], {
    env: { ...process.env, PODIUM_ADMIN_TOKEN: adminToken, LANG: 'zh_CN.UTF-8', LC_ALL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { process: child, output: () => output, exited };
}

async function started(served: Served): Promise<string> {
  for (let i = 0; i < 300; i++) {
    const m = /(http:\/\/127\.0\.0\.1:\d+)\/#\/console/.exec(served.output());
    if (m?.[1]) return m[1];
    if (served.process.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the host did not start:\n${served.output()}`);
}

async function stop(served: Served, signal: NodeJS.Signals): Promise<void> {
  if (served.process.exitCode === null && served.process.signalCode === null) served.process.kill(signal);
  await served.exited;
}

/** The StartupError `createHost` refused with. */
async function refusal(start: Promise<unknown>): Promise<StartupError> {
  const error: unknown = await start.then(
    () => new Error('the second host started'),
    (e: unknown) => e,
  );
  if (error instanceof StartupError) return error;
  throw error;
}

const withFolder = test.extend('dir', ({ onTestFinished }) => {
  const dir = tempDir();
  onTestFinished(() => dir.remove());
  return dir.path;
});

describe('one host per data folder', () => {
  withFolder(
    'a second host in this process is refused, and the folder is free again once the first closes',
    async ({ dir }) => {
      const first = await startTestHost({ dataDir: dir });
      try {
        const error = await refusal(startTestHost({ dataDir: dir }));
        expect(error.key).toBe('host.dataDirInUse');
        expect(translate('zh-CN', error.key, error.params)).toMatch(
          new RegExp(`^数据文件夹 .+ 已被另一个 Podium（进程 ${process.pid}，自 \\d\\d:\\d\\d 起）使用`),
        );
        // The refused host changed nothing: the first still answers and still holds the folder.
        expect((await first.call('GET', '/api/health')).status).toBe(200);
        expect(existsSync(join(dir, lockFileName))).toBe(true);
      } finally {
        await first.stop();
      }
      expect(existsSync(join(dir, lockFileName))).toBe(false);
      const again = await startTestHost({ dataDir: dir });
      await again.stop();
    },
  );

  withFolder(
    'a second `npm run serve` on the folder exits with the sentence naming the first process',
    async ({ dir }) => {
      const first = serve(dir);
      try {
        await started(first);
        expect(JSON.parse(readFileSync(join(dir, lockFileName), 'utf8'))).toMatchObject({ pid: first.process.pid });

        const second = serve(dir);
        expect(await second.exited).toBe(1);
        expect(second.output()).toMatch(
          new RegExp(
            `数据文件夹 .+ 已被另一个 Podium（进程 ${first.process.pid}，自 \\d\\d:\\d\\d 起）使用，这个 Podium 没有启动。`,
          ),
        );
        expect(second.output()).not.toContain('/#/console');

        const inProcess = await refusal(startTestHost({ dataDir: dir }));
        expect(inProcess.params).toMatchObject({ pid: first.process.pid });
      } finally {
        await stop(first, 'SIGTERM');
      }
      // A host stopped as `npm run serve` is (Ctrl+C, SIGTERM) removes its lock.
      expect(first.process.exitCode).toBe(0);
      expect(existsSync(join(dir, lockFileName))).toBe(false);
    },
  );

  withFolder('the lock of a killed host is taken over by the next one', async ({ dir }) => {
    const killed = serve(dir);
    await started(killed);
    await stop(killed, 'SIGKILL');
    expect(existsSync(join(dir, lockFileName))).toBe(true);

    const next = await startTestHost({ dataDir: dir });
    try {
      expect((await next.call('GET', '/api/health')).status).toBe(200);
      expect(JSON.parse(readFileSync(join(dir, lockFileName), 'utf8'))).toMatchObject({ pid: process.pid });
    } finally {
      await next.stop();
    }
  });
});
