// The LAN server against requests without a token, from other sites, slow or many connections, and probing paths.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { StartupError } from '../../electron/database/errors';
import { createHost } from '../../electron/host/createHost';
import type { HostOptions } from '../../electron/host/types';
import type { Logger } from '../../electron/logger';
import { ErrorBody } from '../../shared/api/errors';
import { Event } from '../../shared/api/events';
import { translate } from '../../shared/i18n';
import { contestWith } from '../support/contest';
import { adminToken, tempDir, withHost, type TestHost } from '../support/host';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()?.();
});

/** A host of its own (limits, renderer, logger as the case needs), stopped after the case. */
async function hostWith(options: Partial<HostOptions> = {}) {
  const dir = tempDir();
  const host = await createHost({ dataDir: dir.path, port: 0, adminToken, ...options });
  cleanup.push(async () => {
    await host.close();
    dir.remove();
  });
  return host;
}

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request sent exactly as written (no URL normalisation, any Host header). */
function rawRequest(port: number, method: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<RawAnswer>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, setHost: !('host' in headers) }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function errorOf(answer: RawAnswer) {
  return ErrorBody.parse(JSON.parse(answer.body)).error;
}

interface SlowSend {
  status: number;
  body: string;
  /** Body bytes the client had written when the first byte of the answer came back. */
  sentWhenAnswered: number;
}

/**
 * Sends headers declaring `total` body bytes, then the body in 64 KB pieces a few ms apart (a deeply nested JSON
 * array), and stops at the first byte of the answer: a host that reads the body first answers only after it all.
 */
function sendLargeBody(port: number, path: string, total: number, headers: Record<string, string> = {}) {
  return new Promise<SlowSend>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let sent = 0;
    let answer = '';
    let sentWhenAnswered = -1;
    const piece = Buffer.alloc(64 * 1024, '[');
    const head = Object.entries({ 'content-type': 'application/json', ...headers })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => {
      if (sentWhenAnswered < 0) sentWhenAnswered = sent;
      answer += chunk.toString('latin1');
    });
    socket.on('close', () => {
      const m = /^HTTP\/1\.1 (\d{3})[^]*?content-length: (\d+)\r\n[^]*?\r\n\r\n/i.exec(answer);
      if (!m) return reject(new Error(`no answer after ${sent} bytes`));
      const body = answer.slice(m[0].length, m[0].length + Number(m[2]));
      resolve({ status: Number(m[1]), body, sentWhenAnswered });
    });
    socket.write(`POST ${path} HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\n${head}content-length: ${total}\r\n\r\n`);
    const next = () => {
      if (sentWhenAnswered >= 0 || socket.destroyed) {
        socket.end();
        return;
      }
      if (sent >= total) return;
      const part = piece.subarray(0, Math.min(piece.length, total - sent));
      sent += part.length;
      socket.write(part, () => setTimeout(next, 3));
    };
    next();
  });
}

/** Resolves with how long the socket stayed open (ms), or with -1 if it was still open after `waitMs`. */
function closedWithin(socket: Socket, waitMs: number): Promise<number> {
  const start = performance.now();
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(-1), waitMs);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(performance.now() - start);
    });
  });
}

function openSocket(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.on('error', reject);
  });
}

async function eventCount(t: TestHost): Promise<number> {
  return Event.array().parse((await t.call('GET', '/api/events')).body).length;
}

const tenMegabytes = 10 * 1024 * 1024;

describe('a request without a valid token is refused before its body is read', () => {
  withHost('a 10 MB body without a token is answered 401 before the client has finished sending it', async ({ t }) => {
    const answer = await sendLargeBody(t.host.port, '/api/events', tenMegabytes);
    expect(answer.status).toBe(401);
    expect(ErrorBody.parse(JSON.parse(answer.body)).error.code).toBe('unauthorized');
    // The host answered with most of the body still unsent: it never waited for (or parsed) it.
    expect(answer.sentWhenAnswered).toBeLessThan(tenMegabytes / 2);
    expect(await eventCount(t)).toBe(0);
  });

  withHost('a script sending a large body without a token reads the 401 sentence', async ({ t }) => {
    const r = await t.call('POST', '/api/events', {
      token: null,
      rawBody: new Uint8Array(tenMegabytes).fill(0x5b),
      contentType: 'application/json',
      lang: 'en',
    });
    expect(r.status).toBe(401);
    expect(ErrorBody.parse(r.body).error.message).toBe(translate('en', 'error.unauthorized'));
  });

  withHost('a judge token on an admin route is 403 before the body is read', async ({ t }) => {
    const { judges } = await contestWith(t, { speakers: ['张经天'], judges: ['王评委'] });
    const answer = await sendLargeBody(t.host.port, '/api/events', tenMegabytes, {
      authorization: `Bearer ${judges[0]!.token}`,
    });
    expect(answer.status).toBe(403);
    expect(answer.sentWhenAnswered).toBeLessThan(tenMegabytes / 2);
  });

  withHost('/api/health stays quick while four clients send 10 MB bodies without a token', async ({ t }) => {
    const attackers = Array.from({ length: 4 }, () => sendLargeBody(t.host.port, '/api/events', tenMegabytes));
    const health: number[] = [];
    for (let i = 0; i < 10; i++) {
      const start = performance.now();
      const r = await t.call('GET', '/api/health', { token: null });
      health.push(performance.now() - start);
      expect(r.status).toBe(200);
    }
    for (const answer of await Promise.all(attackers)) expect(answer.status).toBe(401);
    // Generous: a host parsing the bodies stalled here for seconds.
    expect(Math.max(...health)).toBeLessThan(1000);
  });
});

describe('body limits', () => {
  withHost('a JSON body over 64 KB is refused 413 with a sentence, and nothing is created', async ({ t }) => {
    const body = { title: 'x'.repeat(70 * 1024), kind: 'contest', startsOn: '2024-07-03' };
    const r = await t.call('POST', '/api/events', { body });
    expect(r.status).toBe(413);
    const error = ErrorBody.parse(r.body).error;
    expect(error.code).toBe('too_large');
    expect(error.message).toBe(translate('zh-CN', 'error.lan.bodyTooLarge', { limit: '64 KB' }));
    const en = await t.call('POST', '/api/events', { body, lang: 'en' });
    expect(ErrorBody.parse(en.body).error.message).toContain('64 KB');
    expect(await eventCount(t)).toBe(0);
  });

  withHost('an upload content type on a JSON route gets the JSON limit, not the upload one', async ({ t }) => {
    const bytes = new Uint8Array(1024 * 1024);
    const r = await t.call('POST', '/api/events', { rawBody: bytes, contentType: 'application/octet-stream' });
    expect(r.status).toBe(413);
    expect(ErrorBody.parse(r.body).error.code).toBe('too_large');
    const image = await t.call('PUT', '/api/events/1/rubric', { rawBody: bytes, contentType: 'image/png' });
    expect(image.status).toBe(413);
  });

  withHost('an upload route still takes an upload larger than 64 KB', async ({ t }) => {
    const { eventId } = await contestWith(t, { speakers: [] });
    const notAWorkbook = new Uint8Array(512 * 1024).fill(7);
    const r = await t.call('POST', `/api/events/${eventId}/participants/import`, { rawBody: notAWorkbook });
    expect(r.status).toBe(400);
    expect(ErrorBody.parse(r.body).error.message).toBe(translate('zh-CN', 'error.import.notAWorkbook'));
  });
});

describe('slow and many connections', () => {
  const limits = { headersTimeoutMs: 800, requestTimeoutMs: 1500, checkIntervalMs: 200 };

  it('closes a connection that sends its headers a byte at a time', async () => {
    const host = await hostWith({ limits });
    const socket = await openSocket(host.port);
    socket.on('error', () => undefined);
    const header = `GET /api/health HTTP/1.1\r\nhost: 127.0.0.1\r\nx-slow: ${'a'.repeat(100)}\r\n\r\n`;
    let i = 0;
    const trickle = setInterval(() => {
      if (!socket.destroyed && i < header.length) socket.write(header[i++]!);
    }, 250);
    const open = await closedWithin(socket, 6000);
    clearInterval(trickle);
    expect(open).toBeGreaterThan(0);
  });

  it('closes a connection that sends its body a byte at a time', async () => {
    const host = await hostWith({ limits });
    const socket = await openSocket(host.port);
    socket.on('error', () => undefined);
    socket.write(
      'POST /api/public/join HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n' +
        'content-length: 1000\r\n\r\n{"code":"',
    );
    const trickle = setInterval(() => {
      if (!socket.destroyed) socket.write('A');
    }, 250);
    const open = await closedWithin(socket, 6000);
    clearInterval(trickle);
    expect(open).toBeGreaterThan(0);
  });

  it('keeps a live socket open past the request and idle timeouts', async () => {
    const host = await hostWith({ limits: { ...limits, idleTimeoutMs: 1000, keepAliveTimeoutMs: 500 } });
    const event = await fetch(`${host.url}/api/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: '比赛', kind: 'contest', startsOn: '2024-07-03' }),
    });
    const { id } = Event.parse(await event.json());
    const socket = new WebSocket(`${host.url.replace('http', 'ws')}/api/live?event=${id}&token=${adminToken}`);
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    let closed = false;
    socket.once('close', () => (closed = true));
    await new Promise((r) => setTimeout(r, 4000));
    expect(closed).toBe(false);
    socket.close();
  });

  it('refuses connections beyond the limit per client address, and lets one in when another closes', async () => {
    const host = await hostWith({ limits: { connections: { perClient: 3, perLoopback: 3 } } });
    const first = await Promise.all([1, 2, 3].map(() => openSocket(host.port)));
    for (const s of first) s.on('error', () => undefined);
    const fourth = await openSocket(host.port);
    fourth.on('error', () => undefined);
    expect(await closedWithin(fourth, 2000)).toBeGreaterThanOrEqual(0);
    for (const s of first) expect(s.destroyed).toBe(false);

    first[0]!.destroy();
    await new Promise((r) => setTimeout(r, 200));
    const again = await rawRequest(host.port, 'GET', '/api/health');
    expect(again.status).toBe(200);
    for (const s of first) s.destroy();
  });
});

describe('paths that probe for files outside the renderer', () => {
  const probes = [
    '/..%2f..%2fetc/passwd',
    '/assets/..%5c..%5cetc%5cpasswd',
    '/assets/%2e%2e/%2e%2e/etc/passwd',
    '/%2e%2e/%2e%2e/package.json',
    '/assets/%252e%252e%252fpackage.json',
    '/%252e%252e/%252e%252e/etc/passwd',
    '/api/../../etc/passwd',
    '/api/events/1/../../../../etc/passwd',
    '/assets/../../package.json',
    '/..;/etc/passwd',
    '/..\\..\\etc\\passwd',
    '//etc/passwd',
    '/%00',
    '/index.html%00.js',
    '/assets/x.js%00',
    '/.%00./',
    '/%',
    '/assets/%E0%A4%A',
    '/%c0%ae%c0%ae/etc/passwd',
    '/.env',
    `/${'a'.repeat(10_000)}`,
    `/assets/${'a/'.repeat(3000)}x.js`,
    `/api/events/${'9'.repeat(5000)}`,
  ];

  it('answers every probe 404 in the API error shape, in the reader’s language, and logs no failure', async () => {
    const rendererDir = tempDir('podium-renderer-');
    cleanup.push(rendererDir.remove);
    writeFileSync(join(rendererDir.path, 'index.html'), '<!doctype html><title>Podium</title>');
    mkdirSync(join(rendererDir.path, 'assets'));
    writeFileSync(join(rendererDir.path, 'assets', 'index-BZZcfiHm.js'), 'console.log(1)');
    const failures: string[] = [];
    const log: Logger = { info() {}, warn() {}, error: (m) => failures.push(m) };
    const host = await hostWith({ rendererDir: rendererDir.path, log });

    for (const path of probes) {
      for (const lang of ['zh-CN', 'en']) {
        const r = await rawRequest(host.port, 'GET', path, { 'accept-language': lang });
        expect({ path: path.slice(0, 60), status: r.status }).toEqual({ path: path.slice(0, 60), status: 404 });
        const error = errorOf(r);
        expect(error.code).toBe('not_found');
        expect(error.message).toBe(translate(lang === 'en' ? 'en' : 'zh-CN', 'error.lan.noSuchAddress'));
        expect(r.body).not.toMatch(/root:|"dependencies"|\bat .+:\d+:\d+/);
      }
    }
    expect(failures).toEqual([]);
    // The real pages and files are still served.
    expect((await rawRequest(host.port, 'GET', '/')).status).toBe(200);
    expect((await rawRequest(host.port, 'GET', '/assets/index-BZZcfiHm.js')).body).toBe('console.log(1)');
  });
});

describe('requests from other sites (DNS rebinding)', () => {
  withHost('a forged Host is refused 403 with a sentence, on the API and on pages', async ({ t }) => {
    for (const path of ['/api/health', '/api/public/events/1', '/', '/api/events']) {
      const r = await rawRequest(t.host.port, 'GET', path, { host: `evil.example:${t.host.port}` });
      expect(r.status).toBe(403);
      const error = errorOf(r);
      expect(error.code).toBe('forbidden');
      expect(error.message).toBe(translate('zh-CN', 'error.lan.wrongHost', { host: `evil.example:${t.host.port}` }));
    }
    const en = await rawRequest(t.host.port, 'GET', '/api/health', { host: 'evil.example', 'accept-language': 'en' });
    expect(errorOf(en).message).toBe(translate('en', 'error.lan.wrongHost', { host: 'evil.example' }));
    // Loopback names on any port are this computer.
    for (const host of [`127.0.0.1:${t.host.port}`, `localhost:${t.host.port}`, 'localhost', `[::1]:${t.host.port}`]) {
      expect((await rawRequest(t.host.port, 'GET', '/api/health', { host })).status).toBe(200);
    }
  });

  withHost(
    'a live socket opened by another site’s page is refused; the host’s own pages and scripts connect',
    async ({ t }) => {
      const { eventId } = await contestWith(t, { speakers: ['张经天'] });
      const live = `${t.host.url.replace('http', 'ws')}/api/live?event=${eventId}`;
      const attempt = (origin?: string) =>
        new Promise<number>((resolve) => {
          const socket = new WebSocket(live, origin === undefined ? {} : { origin });
          socket.once('open', () => {
            socket.close();
            resolve(101);
          });
          socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
          socket.once('error', () => resolve(0));
        });
      expect(await attempt('http://evil.example')).toBe(403);
      expect(await attempt(`http://evil.example:${t.host.port}`)).toBe(403);
      expect(await attempt('null')).toBe(403);
      expect(await attempt(t.host.url)).toBe(101);
      expect(await attempt()).toBe(101);
    },
  );
});

describe('the admin token', () => {
  it('createHost refuses an admin token under 16 characters, before touching the data folder', async () => {
    const dir = tempDir();
    cleanup.push(dir.remove);
    const error = await createHost({ dataDir: dir.path, port: 0, adminToken: 'a' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    if (!(error instanceof StartupError)) return;
    expect(error.key).toBe('host.weakAdminToken');
    expect(translate('zh-CN', error.key, error.params)).toContain('16');
    expect(readdirSync(dir.path)).toEqual([]);
  });

  it('`npm run serve` with a weak PODIUM_ADMIN_TOKEN exits non-zero with the sentence', async () => {
    const serveEntry = join(process.cwd(), 'out/main/serve.js');
    expect(existsSync(serveEntry), 'run `npm run build` first').toBe(true);
    const dir = tempDir();
    cleanup.push(dir.remove);
    const child = spawn(process.execPath, [serveEntry, '--data', dir.path, '--port', '0'], {
      env: { ...process.env, PODIUM_ADMIN_TOKEN: 'a', LANG: 'zh_CN.UTF-8', LC_ALL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(null);
      }, 15_000);
      child.once('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(output.trim()).toBe(translate('zh-CN', 'host.weakAdminToken', { length: 1, min: 16 }));
  });

  it('no log line of a failed request carries a token, from the query or from the error', async () => {
    const lines: string[] = [];
    const log: Logger = {
      info: (m) => lines.push(m),
      warn: (m) => lines.push(m),
      error: (m, e) => lines.push(m, e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e)),
    };
    const host = await hostWith({ log });
    host.services.events.list = () => {
      throw new Error(`could not list for /api/live?event=1&token=${adminToken} (judge token=judge-secret-1)`);
    };
    const r = await fetch(`${host.url}/api/events?token=${adminToken}&x=1`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(r.status).toBe(500);
    const all = lines.join('\n');
    expect(all).toContain('/api/events');
    expect(all).not.toContain(adminToken);
    expect(all).not.toContain('judge-secret-1');
  });
});
