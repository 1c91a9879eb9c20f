import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'vitest';
import { createHost } from '../../electron/host/createHost';

export const adminToken = 'test-admin-token-0123456789abcdef';

export interface CallOptions {
  token?: string | null;
  lang?: string;
  body?: unknown;
  rawBody?: string | Uint8Array;
  contentType?: string;
}

export interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}

/** A temp folder that disappears when the test is done. */
export function tempDir(prefix = 'podium-test-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A real host (real SQLite file, real server on 127.0.0.1, random port) and a small HTTP caller. */
export async function startTestHost(
  options: { dataDir?: string; rendererDir?: string; now?: () => Date; backupIntervalMs?: number } = {},
) {
  const dir = options.dataDir ? undefined : tempDir();
  const dataDir = options.dataDir ?? dir!.path;
  const host = await createHost({
    dataDir,
    port: 0,
    adminToken,
    rendererDir: options.rendererDir,
    now: options.now,
    backupIntervalMs: options.backupIntervalMs,
  });

  async function call(method: string, path: string, opts: CallOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = {};
    const token = opts.token === undefined ? adminToken : opts.token;
    if (token !== null) headers.authorization = `Bearer ${token}`;
    if (opts.lang) headers['accept-language'] = opts.lang;
    let payload: string | Uint8Array | undefined;
    if (opts.rawBody !== undefined) {
      payload = opts.rawBody;
      headers['content-type'] = opts.contentType ?? 'application/octet-stream';
    } else if (opts.body !== undefined) {
      payload = JSON.stringify(opts.body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(`${host.url}${path}`, { method, headers, body: payload });
    const type = response.headers.get('content-type') ?? '';
    const body: unknown = type.includes('json') ? await response.json() : new Uint8Array(await response.arrayBuffer());
    return { status: response.status, body, headers: response.headers };
  }

  return {
    host,
    dataDir,
    call,
    async stop() {
      await host.close();
      dir?.remove();
    },
  };
}
export type TestHost = Awaited<ReturnType<typeof startTestHost>>;

/**
 * `test` with a fresh host in its own temp folder as `t`, stopped when the test ends, so each case
 * arranges what it needs and runs alone: `withHost('…', async ({ t }) => { … })`.
 */
export const withHost = test.extend('t', async ({ onTestFinished }) => {
  const t = await startTestHost();
  onTestFinished(() => t.stop());
  return t;
});
