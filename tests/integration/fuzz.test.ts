// Issue #10: at least 1,000 generated malformed requests across the whole contract (tests/support/fuzz), against one
// host holding the demo contest mid-show and the demo class. Each request is invalid by construction; the host must
// answer every one with a 4xx in the API v1 error shape and the request's language, write nothing (no commit at all,
// so row counts and the audit log stay as they were), keep its database intact and keep answering.
// A failure prints the seed and the path to replay it: PODIUM_FUZZ_SEED=… PODIUM_FUZZ_PATH=… npx vitest run <this>.
import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { expect } from 'vitest';
import { RubricState } from '../../shared/api/contest';
import { ErrorBody } from '../../shared/api/errors';
import { ImportResult } from '../../shared/api/contest';
import {
  fuzzableRoutes,
  malformedRequests,
  malformedUpgrades,
  type FuzzRequest,
  type FuzzUpgrade,
} from '../support/fuzz/requests';
import { namelessRoster } from '../support/fuzz/values';
import { DatabaseWatch, seedWorld } from '../support/fuzz/world';
import { ok } from '../support/contest';
import { withHost } from '../support/host';

const seed = Number(process.env.PODIUM_FUZZ_SEED ?? 20_260_703);
const numRuns = Number(process.env.PODIUM_FUZZ_RUNS ?? 1200);
const path = process.env.PODIUM_FUZZ_PATH;

interface Reply {
  status: number;
  type: string;
  body: unknown;
  ms: number;
}

/** Sends the request as a client on the LAN would, `Host` header included (fetch will not set that one). */
function send(base: string, request: FuzzRequest): Promise<Reply> {
  const target = new URL(base);
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  const headers: Record<string, string | number> = { ...request.headers, host: request.host ?? target.host };
  if (body) headers['content-length'] = body.length;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      // A connection of its own: a refusal may close it, and a reused one would then hang up on the next request.
      {
        host: target.hostname,
        port: target.port,
        method: request.method,
        path: request.url,
        headers,
        agent: false,
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const type = String(res.headers['content-type'] ?? '');
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            if (type.includes('json')) parsed = JSON.parse(text);
          } catch {
            parsed = text;
          }
          resolve({ status: res.statusCode ?? 0, type, body: parsed, ms: performance.now() - started });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('no answer within 30 s')));
    req.on('error', reject);
    req.end(body);
  });
}

/** Asks for a WebSocket on `/api/live` by hand, so a refusal's status and body can be read (101: it opened). */
function sendUpgrade(base: string, upgrade: FuzzUpgrade): Promise<Reply> {
  const target = new URL(base);
  const headers = {
    ...upgrade.headers,
    host: upgrade.host ?? target.host,
    connection: 'Upgrade',
    upgrade: 'websocket',
    'sec-websocket-version': '13',
    'sec-websocket-key': randomBytes(16).toString('base64'),
  };
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: target.hostname,
      port: target.port,
      path: upgrade.url,
      headers,
      agent: false,
      timeout: 30_000,
    });
    req.on('upgrade', (_res, socket) => {
      socket.destroy();
      resolve({ status: 101, type: '', body: null, ms: performance.now() - started });
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
        const type = String(res.headers['content-type'] ?? '');
        resolve({ status: res.statusCode ?? 0, type, body, ms: performance.now() - started });
      });
    });
    req.on('timeout', () => req.destroy(new Error('no answer within 30 s')));
    req.on('error', reject);
    req.end();
  });
}

const cjk = /[\u4e00-\u9fff]/;
/** A refusal takes milliseconds; one that holds the host this long is a freeze, whatever the load of the machine. */
const answerWithinMs = 10_000;

/** What is wrong with the answer to a request that is invalid by construction (empty when nothing). */
function problemsWith(request: Pick<FuzzRequest, 'headers' | 'expect'>, reply: Reply): string[] {
  const problems: string[] = [];
  if (reply.status >= 500) problems.push(`a ${reply.status}: the host failed on it`);
  else if (reply.status < 400) problems.push(`a ${reply.status}: the host took an invalid request`);
  if (request.expect && reply.status !== request.expect) problems.push(`API v1 wants ${request.expect}`);
  if (reply.ms > answerWithinMs) problems.push(`it took ${Math.round(reply.ms)} ms to refuse`);
  const error = ErrorBody.safeParse(reply.body);
  if (!error.success) {
    problems.push(`not the API v1 error shape (${reply.type})`);
    return problems;
  }
  const message = error.data.error.message;
  const english = /^en\b/.test(request.headers['accept-language'] ?? '');
  if (message.trim() === '') problems.push('an empty message');
  // The organiser's own words (a criterion named 内容) may appear in either language: look at the sentence around them.
  else if (english && !/[A-Za-z]{3,}/.test(message.replace(/"[^"]*"|“[^”]*”/g, '')))
    problems.push('asked in English, answered in another language');
  else if (!english && !cjk.test(message.replace(/"[^"]*"/g, '')))
    problems.push('asked in Chinese (the default), answered in another language');
  return problems;
}

function describe(request: FuzzRequest, reply: Reply | undefined, problems: string[]): string {
  const body =
    typeof request.body === 'string'
      ? request.body.slice(0, 300)
      : request.body
        ? `${request.body.length} bytes`
        : '(none)';
  const shortToken = request.headers.authorization?.slice(0, 60);
  return [
    `${request.route} (${request.defect}: ${request.why}): ${problems.join('; ')}`,
    `  ${request.method} ${request.url.slice(0, 300)}`,
    `  headers ${JSON.stringify({ ...request.headers, authorization: shortToken, host: request.host })}`,
    `  body ${body}`,
    `  answer ${reply ? `${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}` : '(none)'}`,
  ].join('\n');
}

function changedTables(before: Record<string, number>, after: Record<string, number>): string {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changed = names.filter((n) => before[n] !== after[n]).map((n) => `${n} ${before[n]}→${after[n]}`);
  return changed.length > 0 ? changed.join(', ') : 'row counts equal (a row was changed in place)';
}

withHost(
  'a thousand malformed requests across the contract: each refused, nothing written, the host intact',
  async ({ t }) => {
    const world = await seedWorld(t);
    const rubric = RubricState.parse(await ok(t.call('GET', `/api/events/${world.contestId}/rubric`), 'rubric'));
    const criteria = rubric.criteria.map((c) => ({ key: c.key, max: c.max, step: c.step }));
    const workbook = namelessRoster();
    // The workbook the upload cases cut short imports no one even when read whole (so a cut that still reads is
    // harmless): checked here on both events, as a dry run.
    for (const id of [world.contestId, world.trainingId]) {
      const answer = await t.call('POST', `/api/events/${id}/participants/import?dryRun=true`, { rawBody: workbook });
      const result = ImportResult.parse(answer.body);
      expect([result.created, result.updated]).toEqual([0, 0]);
    }

    const watch = new DatabaseWatch(t.dataDir);
    const rowsBefore = watch.counts();
    const routes = fuzzableRoutes();
    const sentTo = new Map<string, number>();
    const statuses = new Map<number, number>();
    let slowest: { ms: number; what: string } = { ms: 0, what: '' };
    let sent = 0;
    console.log(`contract fuzz: seed ${seed}, ${numRuns} requests over ${routes.length} routes`);

    const property = fc.asyncProperty(malformedRequests(world, criteria, workbook), async (request) => {
      const version = watch.version();
      const counts = watch.counts();
      let reply: Reply | undefined;
      const problems: string[] = [];
      try {
        reply = await send(t.host.url, request);
        problems.push(...problemsWith(request, reply));
      } catch (error) {
        problems.push(`no answer: ${String(error)}`);
      }
      if (watch.version() !== version) problems.push(`it wrote: ${changedTables(counts, watch.counts())}`);
      sent++;
      sentTo.set(request.route, (sentTo.get(request.route) ?? 0) + 1);
      if (reply) {
        statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
        if (reply.ms > slowest.ms) slowest = { ms: reply.ms, what: `${request.route} ${request.why.slice(0, 60)}` };
      }
      if (sent % 100 === 0) {
        const health = await fetch(`${t.host.url}/api/health`, { signal: AbortSignal.timeout(5000) });
        if (health.status !== 200) problems.push(`/api/health answered ${health.status} afterwards`);
      }
      if (problems.length > 0) throw new Error(describe(request, reply, problems));
    });
    await fc.assert(property, { seed, numRuns, ...(path ? { path } : {}) });

    // The live channel is part of the contract too: upgrades that must not open, and must not write either.
    const upgrades = fc.asyncProperty(malformedUpgrades(world), async (upgrade) => {
      const version = watch.version();
      const reply = await sendUpgrade(t.host.url, upgrade);
      statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
      const problems = reply.status === 101 ? ['the socket opened'] : problemsWith({ headers: upgrade.headers }, reply);
      if (watch.version() !== version) problems.push('it wrote');
      if (problems.length > 0)
        throw new Error(
          `live ${upgrade.why}: ${problems.join('; ')}\n  answer ${reply.status} ${JSON.stringify(reply.body)}`,
        );
    });
    await fc.assert(upgrades, { seed, numRuns: 100 });

    console.log(`  statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`);
    console.log(`  slowest answer ${slowest.ms.toFixed(0)} ms (${slowest.what})`);
    const missed = routes.filter((r) => !sentTo.has(r));
    console.log(`  routes not reached by this seed: ${missed.length > 0 ? missed.join(', ') : 'none'}`);
    expect(sent).toBeGreaterThanOrEqual(1000);
    expect(watch.counts()).toEqual(rowsBefore);
    expect(watch.integrity()).toBe('ok');
    expect((await t.call('GET', '/api/health')).status).toBe(200);
    watch.close();
  },
  300_000,
);
