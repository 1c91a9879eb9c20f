import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';

export { expect };

const serveEntry = join(process.cwd(), 'out/main/serve.js');
export const screenshotDir = join(process.cwd(), 'tests/e2e/screenshots');

export interface RunningHost {
  /** http://127.0.0.1:PORT */
  url: string;
  consoleUrl: string;
  adminToken: string;
  dataDir: string;
  /** Calls API v1 as the admin. */
  api(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
}

/** A host the test can kill -9 (a laptop losing power) and start again on the same data folder and port. */
export interface RestartableHost extends RunningHost {
  kill(): Promise<void>;
  restart(): Promise<void>;
}

/**
 * Starts the built headless host (out/main/serve.js) on a free port with its own data folder, or `again` on the
 * data folder and port of an earlier one.
 */
async function startHost(
  extraArgs: string[] = [],
  again?: { dataDir: string; port: string; adminToken: string },
): Promise<{ host: RunningHost; stop(): Promise<void>; kill(): Promise<void> }> {
  if (!existsSync(serveEntry))
    throw new Error('out/main/serve.js is missing: run `npm run build` before the e2e suite.');
  const dataDir = again?.dataDir ?? mkdtempSync(join(tmpdir(), 'podium-e2e-'));
  const adminToken = again?.adminToken ?? `e2e-${randomBytes(16).toString('hex')}`;
  const port = again?.port ?? '0';
  const child: ChildProcess = spawn(process.execPath, [serveEntry, '--data', dataDir, '--port', port, ...extraArgs], {
    env: { ...process.env, PODIUM_ADMIN_TOKEN: adminToken, LANG: 'zh_CN.UTF-8' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const consoleUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#\/console\?token=\S+)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`host exited with ${code}:\n${output}`)));
  });
  const url = new URL(consoleUrl).origin;
  const api: RunningHost['api'] = async (method, path, body) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${adminToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };
  const exited = new Promise((r) => child.once('exit', r));
  return {
    host: { url, consoleUrl, adminToken, dataDir, api },
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Each test gets its own host and data folder. */
export const test = base.extend<{ host: RunningHost; demoHost: RunningHost; restartableHost: RestartableHost }>({
  host: async ({}, use) => {
    const running = await startHost();
    await use(running.host);
    await running.stop();
  },
  demoHost: async ({}, use) => {
    const running = await startHost(['--demo']);
    await use(running.host);
    await running.stop();
  },
  restartableHost: async ({}, use) => {
    let running = await startHost();
    const { host } = running;
    const again = { dataDir: host.dataDir, port: new URL(host.url).port, adminToken: host.adminToken };
    await use({
      ...host,
      kill: () => running.kill(),
      restart: async () => {
        running = await startHost([], again);
      },
    });
    await running.stop();
  },
});

export function shot(name: string): string {
  mkdirSync(screenshotDir, { recursive: true });
  return join(screenshotDir, `${name}.png`);
}

/** The body of an API answer the test needs to succeed; a refusal fails the test with what the host said. */
export async function ok(host: RunningHost, method: string, path: string, body?: unknown): Promise<unknown> {
  const answer = await host.api(method, path, body);
  expect(answer.status, `${method} ${path} → ${JSON.stringify(answer.body)}`).toBeLessThan(300);
  return answer.body;
}

/** One key of a JSON object, or undefined when there is no such key or no object. */
export function field(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  return Object.entries(value).find(([k]) => k === key)?.[1];
}

/** The elements of a JSON array, or none when it is not one. */
export function items(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
